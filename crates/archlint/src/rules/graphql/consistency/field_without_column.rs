use super::linked_types;
use crate::base::words::name_words;
use crate::base::Emitter;
use crate::graphql::Field;
use crate::link::{LinkedType, Via};
use crate::rules::graphql::names::code_list;
use crate::rules::GraphqlContext;
use crate::schema::Table;

crate::declare_rule! {
    /// ## What it does
    /// Lists the scalar fields of types linked to a table explicitly
    /// (`@archlint(table: "…")` or `[consistency] tables`) that name no
    /// column of it, once for the schema. Types linked by their name alone
    /// are left out: judged on real servers, their extra fields were
    /// computed or read from elsewhere, never a column gone missing. Fields a resolver plainly computes are
    /// left out: those with arguments or a directive (`@requires`,
    /// `@external`, `@goField(forceResolver: true)`, …), lists, and names
    /// that say they are derived (`isActive`, `hasChildren`, `commentCount`,
    /// `totalAmount`, `avatarUrl`), and fields a column plausibly holds
    /// under another name (`accountAddr` and `account_address`, `schedule`
    /// and `cron_schedule`, `text` and `log_text`).
    ///
    /// ## Why is this bad?
    /// A field with no column is computed by a resolver or is missing from
    /// the database: a column dropped or renamed in a migration, or one the
    /// schema promises and nobody stores. The second kind returns `null` or
    /// a default for every row.
    ///
    /// ## Example
    /// ```graphql
    /// directive @archlint(table: String, column: String) on OBJECT | FIELD_DEFINITION
    /// type Query { customer(id: ID!): Customer }
    /// type Customer @archlint(table: "customers") { id: ID! name: String! nickname: String }
    /// ```
    ///
    /// ```sql
    /// CREATE TABLE customers (id uuid PRIMARY KEY, name text NOT NULL);
    /// ```
    ///
    /// Use instead:
    /// ```graphql
    /// directive @archlint(table: String, column: String) on OBJECT | FIELD_DEFINITION
    /// type Query { customer(id: ID!): Customer }
    /// type Customer @archlint(table: "customers") { id: ID! name: String! }
    /// ```
    ///
    /// ## How to fix
    /// Add the column, remove the field, or link it to the column that holds
    /// it (`@archlint(column: "…")` or `[consistency] columns`); silence it
    /// with `# archlint-ignore: graphql-field-without-column` when a
    /// resolver computes it.
    ///
    /// Severity: `info` — the schema cannot show which fields resolvers
    /// compute.
    pub struct GraphqlFieldWithoutColumn {
        id: "GQL024",
        name: "graphql-field-without-column",
        side: Graphql,
        area: Consistency,
        severity: Info,
        summary: "Scalar fields of a type served from a table name no column of it.",
        fix: "Add the column, remove the field, or link it to the column that holds it.",
        check_graphql: check,
    }
}

/// First words of names that say a field is derived.
const DERIVED_FIRST: [&str; 6] = ["is", "has", "can", "should", "viewer", "my"];
/// Last words of names that say a field is derived.
const DERIVED_LAST: [&str; 8] = [
    "count", "total", "url", "uri", "link", "path", "sum", "average",
];

/// Short forms names use for a column's word.
const ABBREVIATIONS: [(&str, &str); 9] = [
    ("addr", "address"),
    ("err", "error"),
    ("msg", "message"),
    ("desc", "description"),
    ("num", "number"),
    ("qty", "quantity"),
    ("amt", "amount"),
    ("pct", "percent"),
    ("cfg", "config"),
];

fn check(graphql: &GraphqlContext<'_>, out: &mut Emitter) {
    let mut without: Vec<(&LinkedType<'_>, Vec<&Field>)> = Vec::new();
    // A type linked by name alone may be served from elsewhere (a cache, a
    // keystore, another table): its fields say nothing about the table.
    for linked in linked_types(graphql).filter(|linked| linked.via != Via::Name) {
        let missing: Vec<&Field> = linked
            .ty
            .fields
            .iter()
            .filter(|field| graphql.schema.is_leaf(&field.ty.name))
            .filter(|field| is_stored_looking(field) && linked.linked_field(field.name()).is_none())
            .filter(|field| !has_column_like(field.name(), linked.table))
            .collect();
        if !missing.is_empty() {
            without.push((linked, missing));
        }
    }
    let Some((first_type, first_fields)) = without.first() else {
        return;
    };
    let Some(first) = first_fields.first() else {
        return;
    };
    let count: usize = without.iter().map(|(_, fields)| fields.len()).sum();
    let described: Vec<String> = without
        .iter()
        .take(4)
        .map(|(linked, fields)| {
            let names: Vec<&str> = fields.iter().map(|field| field.name()).collect();
            format!(
                "`{}` ({}): {}",
                linked.ty.name(),
                linked.table.name,
                code_list(names.iter().copied(), 6)
            )
        })
        .collect();
    let more_types = without.len().saturating_sub(described.len());
    let tail = match more_types {
        0 => String::new(),
        more => format!("; and {more} more types"),
    };
    out.report(
        first_type.ty.field_place(first),
        format!(
            "{count} scalar field{} of types served from tables name no column — computed by resolvers, or missing from the database: {}{tail}",
            if count == 1 { "" } else { "s" },
            described.join("; ")
        ),
    )
    .related(first_type.table.place.clone(), format!("table `{}`", first_type.table.name))
    .extent(count);
}

/// Whether a column of the table plausibly holds the field under another
/// name: abbreviated (`accountAddr`/`account_address`), prefixed with the
/// table's words (`schedule`/`cron_schedule`), or one of them extending
/// the other (`text`/`log_text`, `expiryEpoch`/`expiry`).
fn has_column_like(field: &str, table: &Table) -> bool {
    let field_key = expanded(&name_words(field));
    table.columns.iter().any(|column| {
        let column_key = expanded(&name_words(&column.name));
        column_key.ends_with(&format!("_{field_key}"))
            || field_key.ends_with(&format!("_{column_key}"))
            || column_key.starts_with(&format!("{field_key}_"))
            || field_key.starts_with(&format!("{column_key}_"))
            || column_key == field_key
    })
}

fn expanded(words: &[String]) -> String {
    words
        .iter()
        .map(|word| {
            ABBREVIATIONS
                .iter()
                .find(|(short, _)| short == word)
                .map_or(word.as_str(), |(_, long)| long)
        })
        .collect::<Vec<&str>>()
        .join("_")
}

/// A field a table would store: no arguments, no directive other than
/// `@deprecated`, not a list, and not named as derived.
fn is_stored_looking(field: &Field) -> bool {
    let words = name_words(field.name());
    let derived = words
        .first()
        .is_some_and(|first| DERIVED_FIRST.contains(&first.as_str()))
        || words
            .last()
            .is_some_and(|last| DERIVED_LAST.contains(&last.as_str()));
    // A global `id` is often composed by the server (`Type:key`).
    field.name() != "id"
        && field.arguments.is_empty()
        && !field.ty.is_list()
        && !derived
        && field
            .defined
            .directives
            .iter()
            .all(|directive| directive.name == "deprecated")
}
