use std::collections::BTreeMap;

use crate::base::Emitter;
use crate::graphql::{Field, Graphql, TypeDef, TypeKind};
use crate::rules::graphql::names::code_list;
use crate::rules::graphql::shape::mutation_namespace;
use crate::rules::GraphqlContext;

crate::declare_rule! {
    /// ## What it does
    /// Compares how mutation payloads carry errors: the name of the field
    /// (`userErrors`, `errors`, `error`) and whether it is a list. When the
    /// mutations use more than one shape, reports the payloads that depart
    /// from the most common one, once for the schema. Each payload may have
    /// its own error type (`AccountError`, `ProductError`): only the shape a
    /// client reads is compared.
    ///
    /// ## Why is this bad?
    /// Clients handle errors in one place: a generated helper, a link that
    /// reads `userErrors`. A payload with `error: String` beside others with
    /// `userErrors: [UserError!]!` needs its own code path, and is the one
    /// whose errors get dropped.
    ///
    /// ## Example
    /// ```graphql
    /// type Query { ping: String }
    /// type Mutation {
    ///   createUser(name: String!): CreateUserPayload
    ///   renameUser(name: String!): RenameUserPayload
    ///   deleteUser(id: ID!): DeleteUserPayload
    /// }
    /// type UserError { message: String! field: [String!] }
    /// type CreateUserPayload { id: ID userErrors: [UserError!]! }
    /// type RenameUserPayload { id: ID userErrors: [UserError!]! }
    /// type DeleteUserPayload { ok: Boolean! error: String }
    /// ```
    ///
    /// Use instead:
    /// ```graphql
    /// type Query { ping: String }
    /// type Mutation {
    ///   createUser(name: String!): CreateUserPayload
    ///   renameUser(name: String!): RenameUserPayload
    ///   deleteUser(id: ID!): DeleteUserPayload
    /// }
    /// type UserError { message: String! field: [String!] }
    /// type CreateUserPayload { id: ID userErrors: [UserError!]! }
    /// type RenameUserPayload { id: ID userErrors: [UserError!]! }
    /// type DeleteUserPayload { ok: Boolean! userErrors: [UserError!]! }
    /// ```
    ///
    /// ## How to fix
    /// Give every payload the same error field (`userErrors: [UserError!]!`
    /// or a shared interface).
    ///
    /// Severity: `info` — a consistency matter clients pay for.
    pub struct GraphqlInconsistentErrorShape {
        id: "GQL029",
        name: "graphql-inconsistent-error-shape",
        side: Graphql,
        area: Errors,
        severity: Info,
        summary: "Mutation payloads carry errors in more than one shape.",
        fix: "Give every payload the same error field (such as `userErrors: [UserError!]!`).",
        check_graphql: check,
    }
}

/// The names of fields that carry a payload's errors.
const ERROR_FIELDS: [&str; 4] = ["userErrors", "errors", "error", "problems"];

fn check(graphql: &GraphqlContext<'_>, out: &mut Emitter) {
    let schema = graphql.schema;
    // Shape (field name, list) → the payloads that have it, each once.
    let mut shapes: BTreeMap<(String, bool), Vec<(&TypeDef, &Field)>> = BTreeMap::new();
    for payload in payloads(schema) {
        let Some(field) = payload
            .fields
            .iter()
            .find(|field| ERROR_FIELDS.contains(&field.name()))
        else {
            continue;
        };
        let users = shapes
            .entry((field.name().to_owned(), field.ty.is_list()))
            .or_default();
        if !users
            .iter()
            .any(|(known, _)| known.name() == payload.name())
        {
            users.push((payload, field));
        }
    }
    if shapes.len() < 2 {
        return;
    }
    let Some(common) = shapes
        .iter()
        .max_by_key(|(_, users)| users.len())
        .map(|(shape, _)| shape.clone())
    else {
        return;
    };
    let described: Vec<String> = shapes
        .iter()
        .map(|((name, list), users)| {
            let count = match users.len() {
                1 => "1 payload".to_owned(),
                count => format!("{count} payloads"),
            };
            format!("`{name}`{} ({count})", if *list { " (a list)" } else { "" })
        })
        .collect();
    let departing: Vec<&(&TypeDef, &Field)> = shapes
        .iter()
        .filter(|(shape, _)| **shape != common)
        .flat_map(|(_, users)| users.iter())
        .collect();
    let Some((first_type, first_field)) = departing.first() else {
        return;
    };
    let listed = code_list(departing.iter().map(|(ty, _)| ty.name()), 5);
    out.report(
        first_type.field_place(first_field),
        format!(
            "mutation payloads carry errors in {} shapes: {}; {listed} {} from `{}`",
            shapes.len(),
            described.join(", "),
            if departing.len() == 1 {
                "departs"
            } else {
                "depart"
            },
            common.0
        ),
    )
    .extent(departing.len());
}

/// The object types mutations return, through namespaces
/// (`mutation { users { create } }`).
fn payloads(schema: &Graphql) -> Vec<&TypeDef> {
    let Some(mutation) = schema.mutation() else {
        return Vec::new();
    };
    let mut fields: Vec<&Field> = mutation.fields.iter().collect();
    for field in &mutation.fields {
        if let Some(namespace) = mutation_namespace(schema, field) {
            fields.extend(namespace.fields.iter());
        }
    }
    fields
        .into_iter()
        .filter_map(|field| schema.get(&field.ty.name))
        .filter(|ty| ty.kind == TypeKind::Object && !schema.is_root(ty.name()))
        .collect()
}
