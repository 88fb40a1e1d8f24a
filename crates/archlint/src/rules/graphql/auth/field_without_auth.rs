use std::collections::HashSet;

use crate::base::words::{is_personal, name_words};
use crate::base::Emitter;
use crate::graphql::{Field, Graphql, TypeDef, TypeKind};
use crate::rules::GraphqlContext;

crate::declare_rule! {
    /// ## What it does
    /// When the schema guards fields one by one with the configured auth
    /// directives (`[graphql] auth_directives`; two guarded fields of
    /// non-root types or more), reports the fields that
    /// hold personal data (`email`, `phone`, `birthDate`) or are meant for
    /// staff (`adminNotes`, `internalScore`) on *public* types — types a
    /// query reaches through fields and types that carry no auth directive
    /// — and carry none themselves.
    ///
    /// ## Why is this bad?
    /// The schema's own convention says these reads need a check; a field
    /// that forgot it is readable by anyone who can reach its type, and a
    /// public type is reachable by everyone.
    ///
    /// ## Example
    /// ```graphql
    /// directive @auth(requires: String) on FIELD_DEFINITION | OBJECT
    /// type Query { product(id: ID!): Product }
    /// type Product { id: ID! name: String! seller: Seller! }
    /// type Seller { id: ID! name: String! payoutIban: String @auth(requires: "owner") taxId: String @auth(requires: "owner") email: String }
    /// ```
    ///
    /// Use instead:
    /// ```graphql
    /// directive @auth(requires: String) on FIELD_DEFINITION | OBJECT
    /// type Query { product(id: ID!): Product }
    /// type Product { id: ID! name: String! seller: Seller! }
    /// type Seller { id: ID! name: String! payoutIban: String @auth(requires: "owner") taxId: String @auth(requires: "owner") email: String @auth(requires: "owner") }
    /// ```
    ///
    /// ## How to fix
    /// Put the auth directive on the field (or on its type), or move the
    /// field to a type only authorized queries reach (`viewer`, `me`).
    ///
    /// Severity: `warning` — likely open to anyone, unless a resolver checks.
    pub struct GraphqlFieldWithoutAuth {
        id: "GQL028",
        name: "graphql-field-without-auth",
        side: Graphql,
        area: Auth,
        severity: Warning,
        summary: "A personal or staff-only field on a public type carries no auth directive, when others do.",
        fix: "Put the auth directive on the field or its type, or move the field behind an authorized query.",
        check_graphql: check,
    }
}

/// Words of fields meant for staff.
const STAFF_WORDS: [&str; 5] = ["admin", "internal", "staff", "moderator", "moderation"];

fn check(graphql: &GraphqlContext<'_>, out: &mut Emitter) {
    let schema = graphql.schema;
    let guarded = |field: &Field| graphql.has_auth(&field.defined);
    // The convention: fields of non-root types guarded one by one.
    let guarded_fields = schema
        .output_types()
        .filter(|ty| !schema.is_root(ty.name()))
        .flat_map(|ty| ty.fields.iter())
        .filter(|field| guarded(field))
        .count();
    // One guarded field is an exception; two or more, a convention.
    if guarded_fields < 2 {
        return;
    }
    let public = public_types(graphql);
    for ty in schema
        .output_types()
        .filter(|ty| !schema.is_root(ty.name()) && public.contains(ty.name()))
    {
        for field in ty.fields.iter().filter(|field| !guarded(field)) {
            let Some(what) = holds(schema, field) else {
                continue;
            };
            out.report(
                ty.field_place(field),
                format!(
                    "`{}.{}` holds {what} and carries no auth directive, while {guarded_fields} other fields of the schema do: any query that reaches `{}` reads it",
                    ty.name(),
                    field.name(),
                    ty.name()
                ),
            );
        }
    }
}

/// What a scalar field holds that needs a check: personal data, or data
/// meant for staff. Flags (`isAdmin`) say what a user is, not what they hold.
fn holds(schema: &Graphql, field: &Field) -> Option<&'static str> {
    if !schema.is_leaf(&field.ty.name) || field.ty.name == "Boolean" {
        return None;
    }
    if is_personal(field.name()) {
        return Some("personal data");
    }
    name_words(field.name())
        .iter()
        .any(|word| STAFF_WORDS.contains(&word.as_str()))
        .then_some("data meant for staff")
}

/// The types a query or subscription reaches through fields and types
/// without an auth directive (and through unions and interfaces).
fn public_types(graphql: &GraphqlContext<'_>) -> HashSet<String> {
    let schema = graphql.schema;
    let mut public = HashSet::new();
    let mut pending: Vec<&TypeDef> = [schema.query(), schema.subscription()]
        .into_iter()
        .flatten()
        .collect();
    while let Some(ty) = pending.pop() {
        if graphql.has_auth(&ty.defined) || !public.insert(ty.name().to_owned()) {
            continue;
        }
        let fields = ty
            .fields
            .iter()
            .filter(|field| !graphql.has_auth(&field.defined))
            .filter_map(|field| schema.get(&field.ty.name));
        let members = ty.members.iter().filter_map(|name| schema.get(name));
        let implementations = schema.types.iter().filter(|other| {
            ty.kind == TypeKind::Interface && other.interfaces.iter().any(|name| name == ty.name())
        });
        pending.extend(fields.chain(members).chain(implementations).filter(|next| {
            matches!(
                next.kind,
                TypeKind::Object | TypeKind::Interface | TypeKind::Union
            )
        }));
    }
    public
}
