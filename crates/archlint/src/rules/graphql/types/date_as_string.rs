use crate::base::words::name_words;
use crate::base::{Emitter, Severity};
use crate::graphql::TypeKind;
use crate::rules::GraphqlContext;

crate::declare_rule! {
    /// ## What it does
    /// Reports fields of type `String` whose names say they hold a date or a
    /// time (`createdAt`, `birthDate`, `startTime`, `expiresOn`,
    /// `timestamp`).
    ///
    /// ## Why is this bad?
    /// A `String` says nothing about the format (ISO 8601? with a zone?
    /// milliseconds?), so every client parses it its own way. A custom scalar
    /// (`DateTime`, `Date`) names the format once, and code generators map it
    /// to the language's date type.
    ///
    /// ## Example
    /// ```graphql
    /// type Query { order(id: ID!): Order }
    /// type Order { id: ID! createdAt: String! }
    /// ```
    ///
    /// Use instead:
    /// ```graphql
    /// "An ISO 8601 date and time with its offset: 2026-11-28T06:00:00Z."
    /// scalar DateTime @specifiedBy(url: "https://scalars.graphql.org/andimarek/date-time")
    /// type Query { order(id: ID!): Order }
    /// type Order { id: ID! createdAt: DateTime! }
    /// ```
    ///
    /// ## How to fix
    /// Declare a date scalar with `@specifiedBy` and use it for every date.
    ///
    /// Severity: `warning` when the schema already declares a date scalar
    /// (this field forgot it); `info` otherwise.
    pub struct DateAsString {
        id: "GQL017",
        name: "graphql-date-as-string",
        side: Graphql,
        area: Types,
        severity: Warning,
        summary: "A GraphQL date or time field is a plain `String`.",
        fix: "Use a date scalar (`DateTime`, `Date`) declared with `@specifiedBy`.",
        check_graphql: check,
    }
}

const DATE_WORDS: [&str; 7] = ["at", "date", "time", "timestamp", "datetime", "on", "dob"];

/// Words of events a date can follow without `-ed`: `expiresAt`, `dueOn`.
const EVENT_WORDS: [&str; 12] = [
    "expires",
    "starts",
    "ends",
    "due",
    "effective",
    "valid",
    "opens",
    "closes",
    "renews",
    "occurs",
    "begins",
    "runs",
];

fn is_date_name(name: &str) -> bool {
    let words = name_words(name);
    let Some(last) = words.last() else {
        return false;
    };
    // `at` and `on` end a date after an event (`createdAt`, `expiresOn`),
    // not after anything (`focusOn` is a field name).
    let after_event = words.len() > 1
        && words
            .get(words.len() - 2)
            .is_some_and(|word| word.ends_with("ed") || EVENT_WORDS.contains(&word.as_str()));
    DATE_WORDS.contains(&last.as_str())
        && (after_event || !matches!(last.as_str(), "at" | "on"))
        && !words.iter().any(|word| word == "format" || word == "zone")
}

fn check(graphql: &GraphqlContext<'_>, out: &mut Emitter) {
    let schema = graphql.schema;
    let date_scalar = schema.of_kind(TypeKind::Scalar).find(|scalar| {
        let lower = scalar.name().to_ascii_lowercase();
        lower.contains("date") || lower.contains("time")
    });
    for ty in schema.output_types() {
        for field in ty
            .fields
            .iter()
            .filter(|field| field.ty.name == "String" && !field.ty.is_list())
        {
            if !is_date_name(field.name()) {
                continue;
            }
            let message = match date_scalar {
                Some(scalar) => format!(
                    "`{}.{}` is a date as `String`, though the schema declares `{}`",
                    ty.name(),
                    field.name(),
                    scalar.name()
                ),
                None => format!(
                    "`{}.{}` is a date as `String`: its format is not in the schema",
                    ty.name(),
                    field.name()
                ),
            };
            let finding = out.report(ty.field_place(field), message);
            if date_scalar.is_none() {
                finding.severity(Severity::Info);
            }
        }
    }
}
