use std::collections::HashSet;

use crate::base::Emitter;
use crate::graphql::{Graphql, TypeDef};
use crate::rules::graphql::names::is_machinery;
use crate::rules::GraphqlContext;

crate::declare_rule! {
    /// ## What it does
    /// Reports a type, input, enum, union or scalar that nothing in the
    /// schema names: no field, argument, input field, union or interface
    /// list, nor a directive's argument. Root types, types implementing an
    /// interface (reached through it), Federation entities (`@key`, resolved
    /// through `_entities`), types only extended here, and the schema
    /// machinery are left alone.
    ///
    /// ## Why is this bad?
    /// No query can reach it: it is dead weight that readers and code
    /// generators still see, often left over from a removed field, or a
    /// type meant to be used whose field was forgotten.
    ///
    /// ## Example
    /// ```graphql
    /// type Query { user(id: ID!): User }
    /// type User { id: ID! }
    /// type LegacyProfile { id: ID! }
    /// ```
    ///
    /// Use instead:
    /// ```graphql
    /// type Query { user(id: ID!): User }
    /// type User { id: ID! }
    /// ```
    ///
    /// ## How to fix
    /// Remove the type, or add the field that should return or take it.
    ///
    /// Severity: `info` — dead code, not a defect.
    pub struct UnusedType {
        id: "GQL020",
        name: "graphql-unused-type",
        side: Graphql,
        area: Documentation,
        severity: Info,
        summary: "A GraphQL type is defined but nothing names it.",
        fix: "Remove the type, or add the field that uses it.",
        check_graphql: check,
    }
}

/// Every type name some definition names.
fn named_types(schema: &Graphql) -> HashSet<&str> {
    let mut named = HashSet::new();
    for ty in &schema.types {
        for field in &ty.fields {
            named.insert(field.ty.name.as_str());
            named.extend(
                field
                    .arguments
                    .iter()
                    .map(|argument| argument.ty.name.as_str()),
            );
        }
        named.extend(ty.input_fields.iter().map(|field| field.ty.name.as_str()));
        named.extend(ty.members.iter().map(String::as_str));
        named.extend(ty.interfaces.iter().map(String::as_str));
    }
    named.extend(schema.directive_argument_types.iter().map(String::as_str));
    named
}

fn is_exempt(schema: &Graphql, ty: &TypeDef) -> bool {
    schema.is_root(ty.name())
        || is_machinery(ty.name())
        || ty.extension_only
        || ty.defined.has_directive("key")
        // Reached through its interface (`node(id:)`, `Event`).
        || !ty.interfaces.is_empty()
}

fn check(graphql: &GraphqlContext<'_>, out: &mut Emitter) {
    let schema = graphql.schema;
    let named = named_types(schema);
    for ty in &schema.types {
        if named.contains(ty.name()) || is_exempt(schema, ty) {
            continue;
        }
        out.report(
            ty.place(),
            format!(
                "`{}` ({}) is defined but nothing in the schema names it",
                ty.name(),
                ty.kind.keyword()
            ),
        );
    }
}
