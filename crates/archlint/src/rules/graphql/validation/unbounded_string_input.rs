use crate::base::words::name_words;
use crate::base::{Emitter, Place};
use crate::graphql::{Directive, InputValue, TypeKind};
use crate::rules::GraphqlContext;

crate::declare_rule! {
    /// ## What it does
    /// Reports input types (and mutation arguments) whose `String` fields are
    /// bounded by nothing: no constraint directive (`@constraint(maxLength:)`,
    /// `@length`, `@size`), no custom scalar, and no length in the
    /// description. Identifiers, cursors and search text are left alone.
    /// Where the schema bounds some text inputs, each input type (and
    /// mutation) that leaves some open gets a finding listing them; where it
    /// bounds none with a directive, the schema gets one finding counting
    /// them, at the first.
    ///
    /// ## Why is this bad?
    /// GraphQL's `String` has no length: a client can send megabytes into a
    /// `name` and the database either rejects it with a server error or
    /// stores it. The limit exists somewhere — in the column, in a resolver
    /// — and clients should be able to read it from the schema.
    ///
    /// ## Example
    /// ```graphql
    /// type Mutation { createUser(input: CreateUserInput!): User }
    /// input CreateUserInput { name: String! bio: String }
    /// type User { id: ID! }
    /// ```
    ///
    /// Use instead:
    /// ```graphql
    /// directive @constraint(maxLength: Int) on INPUT_FIELD_DEFINITION
    /// type Mutation { createUser(input: CreateUserInput!): User }
    /// input CreateUserInput {
    ///   name: String! @constraint(maxLength: 100)
    ///   "At most 2000 characters."
    ///   bio: String
    /// }
    /// type User { id: ID! }
    /// ```
    ///
    /// ## How to fix
    /// Bound each text input with a constraint directive your server enforces
    /// (graphql-constraint-directive, `@length`), a custom scalar
    /// (`NonEmptyString100`), or at least a documented maximum.
    ///
    /// Severity: `info` — advice; the bound may be enforced in resolvers.
    pub struct UnboundedStringInput {
        id: "GQL005",
        name: "graphql-unbounded-string-input",
        side: Graphql,
        area: Validation,
        severity: Info,
        summary: "GraphQL text inputs state no maximum length.",
        fix: "Bound each text input with a constraint directive, a scalar, or a documented maximum.",
        check_graphql: check,
    }
}

const BOUNDING_DIRECTIVES: [&str; 6] = [
    "constraint",
    "length",
    "size",
    "maxLength",
    "stringLength",
    "pattern",
];

/// Words of inputs that need no length: identifiers, cursors, searches
/// (bounded by the query they run, not stored), and enumerations in text.
const EXEMPT_LAST_WORDS: [&str; 10] = [
    "id", "ids", "cursor", "after", "before", "query", "search", "term", "token", "slug",
];

/// A text input that needs a bound: a `String`, not an identifier, cursor
/// or search term.
fn is_text_input(value: &InputValue) -> bool {
    value.ty.name == "String"
        && !name_words(value.name())
            .last()
            .is_some_and(|last| EXEMPT_LAST_WORDS.contains(&last.as_str()))
}

/// A bound stated in the description ("at most 255 characters") or by a
/// constraint directive with a maximum (`@constraint(maxLength: 100)`, not
/// `@constraint(minLength: 2)`).
fn states_bound(value: &InputValue) -> bool {
    let described = value.defined.description.as_deref().is_some_and(|text| {
        let lower = text.to_ascii_lowercase();
        lower.contains("character") || lower.contains("length") || lower.contains("max")
    });
    described || value.defined.directives.iter().any(is_bounding)
}

fn is_bounding(directive: &Directive) -> bool {
    BOUNDING_DIRECTIVES.contains(&directive.name.as_str())
        && (directive.arguments.is_empty()
            || directive
                .arguments
                .iter()
                .any(|(name, _)| name.to_ascii_lowercase().contains("max")))
}

fn is_unbounded_text(value: &InputValue) -> bool {
    is_text_input(value) && !states_bound(value)
}

/// Every text input of the schema: input types' fields and mutations'
/// arguments.
fn text_inputs<'s>(graphql: &GraphqlContext<'s>) -> impl Iterator<Item = &'s InputValue> {
    let schema = graphql.schema;
    let fields = schema
        .of_kind(TypeKind::Input)
        .flat_map(|ty| ty.input_fields.iter());
    let arguments = schema
        .mutation()
        .into_iter()
        .flat_map(|mutation| mutation.fields.iter())
        .flat_map(|field| field.arguments.iter());
    fields.chain(arguments).filter(|value| is_text_input(value))
}

fn list(values: &[&InputValue]) -> String {
    let mut names: Vec<String> = values
        .iter()
        .take(4)
        .map(|value| format!("`{}`", value.name()))
        .collect();
    if values.len() > 4 {
        names.push(format!("and {} more", values.len() - 4));
    }
    names.join(", ")
}

/// The text inputs left open, grouped by where they are taken: an input
/// type or a mutation. Each group: its name, the place of its first open
/// input, and the open inputs.
fn open_groups<'s>(graphql: &GraphqlContext<'s>) -> Vec<(String, Place, Vec<&'s InputValue>)> {
    let schema = graphql.schema;
    let mut groups = Vec::new();
    for ty in schema.of_kind(TypeKind::Input) {
        let open: Vec<&InputValue> = ty
            .input_fields
            .iter()
            .filter(|field| is_unbounded_text(field))
            .collect();
        if let Some(first) = open.first() {
            groups.push((ty.name().to_owned(), ty.member_place(&first.defined), open));
        }
    }
    if let Some(mutation) = schema.mutation() {
        for field in &mutation.fields {
            let open: Vec<&InputValue> = field
                .arguments
                .iter()
                .filter(|argument| is_unbounded_text(argument))
                .collect();
            if let Some(first) = open.first() {
                let name = format!("{}.{}", mutation.name(), field.name());
                groups.push((name, mutation.argument_place(field, first), open));
            }
        }
    }
    groups
}

/// Whether the schema bounds any text input: it has a way, and uses it.
fn bounds_some(graphql: &GraphqlContext<'_>) -> bool {
    text_inputs(graphql).any(|value| value.defined.directives.iter().any(is_bounding))
}

fn check(graphql: &GraphqlContext<'_>, out: &mut Emitter) {
    let groups = open_groups(graphql);
    if bounds_some(graphql) {
        for (name, place, open) in groups {
            out.report(
                place,
                format!("`{name}` takes text of any length in {}", list(&open)),
            )
            .extent(open.len());
        }
        return;
    }
    let Some((name, place, open)) = groups.first() else {
        return;
    };
    let open_count: usize = groups.iter().map(|(_, _, open)| open.len()).sum();
    let considered = text_inputs(graphql).count();
    out.report(
        place.clone(),
        format!(
            "{open_count} of the schema's {considered} text inputs state no maximum length, in {} input types and mutations; `{name}` ({}) is the first",
            groups.len(),
            list(open)
        ),
    )
    .extent(open_count);
}
