use crate::base::{Emitter, Place};
use crate::graphql::Defined;
use crate::rules::GraphqlContext;

crate::declare_rule! {
    /// ## What it does
    /// Reports `@deprecated` with no `reason`, an empty one, or the default
    /// "No longer supported", on a field, argument, input field or enum
    /// value.
    ///
    /// ## Why is this bad?
    /// A deprecation is a migration path: clients see the reason in their
    /// tools (GraphiQL, codegen warnings) and need to know what to use
    /// instead and until when. Without it they keep the field or guess.
    ///
    /// ## Example
    /// ```graphql
    /// type Query { user(id: ID!): User }
    /// type User { id: ID! name: String @deprecated fullName: String }
    /// ```
    ///
    /// Use instead:
    /// ```graphql
    /// type Query { user(id: ID!): User }
    /// type User { id: ID! name: String @deprecated(reason: "Use `fullName`; removed after 2026-06-01.") fullName: String }
    /// ```
    ///
    /// ## How to fix
    /// Give the reason: what replaces it, and when it goes away.
    ///
    /// Severity: `warning` — clients cannot migrate from what the schema
    /// says.
    pub struct DeprecatedWithoutReason {
        id: "GQL014",
        name: "graphql-deprecated-without-reason",
        side: Graphql,
        area: Versioning,
        severity: Warning,
        summary: "A GraphQL `@deprecated` gives no reason.",
        fix: "Say what replaces it and when it is removed: `@deprecated(reason: \"Use …\")`.",
        check_graphql: check,
    }
}

fn lacks_reason(defined: &Defined) -> bool {
    defined.deprecated().is_some_and(|deprecated| {
        deprecated.argument("reason").is_none_or(|reason| {
            let reason = reason.trim();
            reason.is_empty() || reason.eq_ignore_ascii_case("No longer supported")
        })
    })
}

fn check(graphql: &GraphqlContext<'_>, out: &mut Emitter) {
    let mut report = |place: Place, what: String| {
        out.report(
            place,
            format!("{what} is deprecated with no reason: say what replaces it"),
        );
    };
    for ty in &graphql.schema.types {
        for field in &ty.fields {
            if lacks_reason(&field.defined) {
                report(
                    ty.field_place(field),
                    format!("`{}.{}`", ty.name(), field.name()),
                );
            }
            for argument in field.arguments.iter().filter(|a| lacks_reason(&a.defined)) {
                report(
                    ty.argument_place(field, argument),
                    format!("`{}.{}({})`", ty.name(), field.name(), argument.name()),
                );
            }
        }
        let members = ty
            .input_fields
            .iter()
            .map(|field| &field.defined)
            .chain(&ty.values);
        for member in members.filter(|member| lacks_reason(member)) {
            report(
                ty.member_place(member),
                format!("`{}.{}`", ty.name(), member.name),
            );
        }
    }
}
