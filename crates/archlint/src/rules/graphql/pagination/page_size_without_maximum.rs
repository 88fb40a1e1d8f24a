use crate::base::Emitter;
use crate::graphql::{Field, InputValue, TypeDef};
use crate::rules::graphql::shape::{declared_by_interface, read_fields, PAGE_SIZE_ARGUMENTS};
use crate::rules::GraphqlContext;

crate::declare_rule! {
    /// ## What it does
    /// Reports page-size arguments (`first`, `last`, `limit`, `pageSize`…)
    /// whose description states no maximum and that carry no constraint
    /// directive. The schema gets one finding, at the first such argument,
    /// counting the rest.
    ///
    /// ## Why is this bad?
    /// A client that asks for `first: 100000` either gets it all (the list
    /// was unbounded after all) or an error it could not foresee. The
    /// maximum is part of the contract: GitHub documents 1 to 100 and
    /// enforces it.
    ///
    /// ## Example
    /// ```graphql
    /// type Query { users(first: Int, after: String): [User!]! }
    /// type User { id: ID! }
    /// ```
    ///
    /// Use instead:
    /// ```graphql
    /// type Query {
    ///   users(
    ///     "How many users to return, from 1 to 100."
    ///     first: Int, after: String): [User!]!
    /// }
    /// type User { id: ID! }
    /// ```
    ///
    /// ## How to fix
    /// Say the maximum in the argument's description (and enforce it), or
    /// use a constraint directive (`@constraint(max: 100)`, `@listSize`).
    ///
    /// Severity: `info` — advice on documentation; the bound may exist in the
    /// server.
    pub struct PageSizeWithoutMaximum {
        id: "GQL003",
        name: "graphql-page-size-without-maximum",
        side: Graphql,
        area: Pagination,
        severity: Info,
        summary: "GraphQL page-size arguments document no maximum.",
        fix: "State the maximum page size in the argument's description, and enforce it.",
        check_graphql: check,
    }
}

/// Directives that bound a number or a list's size.
const BOUNDING_DIRECTIVES: [&str; 5] = ["constraint", "range", "max", "listSize", "size"];

fn documents_maximum(argument: &InputValue, field: &Field) -> bool {
    let says = |text: &str| {
        let lower = text.to_ascii_lowercase();
        lower.chars().any(|c| c.is_ascii_digit())
            || [
                "max",
                "at most",
                "up to",
                "limit",
                "between",
                "no more than",
            ]
            .iter()
            .any(|word| lower.contains(word))
    };
    argument.defined.description.as_deref().is_some_and(says)
        || BOUNDING_DIRECTIVES
            .iter()
            .any(|name| argument.defined.has_directive(name) || field.defined.has_directive(name))
}

fn check(graphql: &GraphqlContext<'_>, out: &mut Emitter) {
    let schema = graphql.schema;
    let undocumented: Vec<(&TypeDef, &Field, &InputValue)> = read_fields(graphql)
        .filter(|(ty, field)| !declared_by_interface(schema, ty, field))
        .flat_map(|(ty, field)| {
            field
                .arguments
                .iter()
                .map(move |argument| (ty, field, argument))
        })
        .filter(|(_, field, argument)| {
            PAGE_SIZE_ARGUMENTS.contains(&argument.name())
                && argument.ty.name == "Int"
                && !documents_maximum(argument, field)
        })
        .collect();
    let Some((ty, field, argument)) = undocumented.first() else {
        return;
    };
    let others = undocumented.len() - 1;
    let rest = match others {
        0 => String::new(),
        1 => " (and 1 more page-size argument)".to_owned(),
        n => format!(" (and {n} more page-size arguments)"),
    };
    let finding = out.report(
        ty.argument_place(field, argument),
        format!(
            "`{}.{}({})` states no maximum page size{rest}",
            ty.name(),
            field.name(),
            argument.name()
        ),
    );
    finding.extent(undocumented.len());
    for (ty, field, argument) in undocumented.iter().skip(1).take(3) {
        finding.related(
            ty.argument_place(field, argument),
            "no maximum stated either",
        );
    }
}
