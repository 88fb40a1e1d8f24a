use crate::base::Emitter;
use crate::change::GraphqlChangeKind;
use crate::graphql::TypeKind;
use crate::rules::compatibility::located::report_graphql_change;
use crate::rules::GraphqlChangeContext;

crate::declare_rule! {
    /// ## What it does
    /// Reports a type of the old GraphQL schema that the new one no longer
    /// defines, and a type whose kind changed (an object type now an
    /// interface, an enum now a scalar). The root types are paired by role:
    /// a renamed `Query` type is not a removal.
    ///
    /// GraphQL only: OpenAPI has no named types clients write down (its
    /// components can be renamed freely, and `$ref`s are followed), so no
    /// OpenAPI rule means the same.
    ///
    /// ## Why is this bad?
    /// Clients name types in fragments (`... on Refund`), in variable
    /// declarations (`$filter: OrderFilter`) and in generated code: every
    /// query that names the type fails validation, and a kind changed
    /// changes what can be selected on it.
    ///
    /// ## Example
    /// ```graphql
    /// type Query { orders(filter: OrderFilter): [String] }
    /// input OrderFilter { status: String }
    /// ```
    ///
    /// ```graphql
    /// type Query { orders(status: String): [String] }
    /// ```
    ///
    /// Use instead:
    /// ```graphql
    /// type Query { orders(filter: OrderFilter): [String] }
    /// input OrderFilter { status: String }
    /// ```
    ///
    /// ```graphql
    /// type Query {
    ///   orders(filter: OrderFilter @deprecated(reason: "Use `status`."), status: String): [String]
    /// }
    /// input OrderFilter { status: String }
    /// ```
    ///
    /// ## How to fix
    /// Keep the type while clients use it: deprecate the fields that return
    /// or take it, and remove it once they are gone.
    ///
    /// Severity: `error` — queries that name the type fail.
    pub struct GraphqlTypeRemoved {
        id: "COMPAT018",
        name: "graphql-type-removed",
        side: Change,
        area: Compatibility,
        severity: Error,
        summary: "A GraphQL type is gone, or is now of another kind.",
        fix: "Keep the type (and its kind) until no client names it; deprecate the fields that use it first.",
        check_graphql_change: check,
    }
}

fn check(context: &GraphqlChangeContext<'_>, out: &mut Emitter) {
    for change in &context.changes {
        let subject = &change.subject;
        let message = match change.kind {
            GraphqlChangeKind::TypeRemoved => {
                format!("{subject} is removed: queries that name it fail validation")
            }
            GraphqlChangeKind::TypeKindChanged { old, new } => format!(
                "{subject} is now {} `{}`: queries and code written for {} `{}` break",
                article(new),
                new.keyword(),
                article(old),
                old.keyword()
            ),
            _ => continue,
        };
        report_graphql_change(out, change, message);
    }
}

/// "an `enum`", "a `union`": the article before a kind's keyword.
fn article(kind: TypeKind) -> &'static str {
    match kind {
        TypeKind::Enum | TypeKind::Input | TypeKind::Interface => "an",
        TypeKind::Object | TypeKind::Union | TypeKind::Scalar => "a",
    }
}
