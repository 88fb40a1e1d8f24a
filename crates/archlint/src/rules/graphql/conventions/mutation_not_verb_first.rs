use std::collections::HashSet;

use crate::base::Emitter;
use crate::graphql::{TypeDef, TypeKind};
use crate::rules::graphql::names::{verb_place, VerbPlace};
use crate::rules::GraphqlContext;

crate::declare_rule! {
    /// ## What it does
    /// Reports mutations named against the schema's own convention: in a
    /// schema whose mutations mostly start with their verb (`createUser`),
    /// one that ends with it (`userDelete`), and the reverse in a schema
    /// that names them noun-first throughout (Shopify's `customerCreate`).
    /// Names with no verb archlint knows, and deprecated mutations, are left
    /// alone.
    ///
    /// ## Why is this bad?
    /// Mutations are found by name: in a list sorted alphabetically, in
    /// autocompletion, in generated SDK methods. Two conventions in one
    /// schema hide half the mutations from whoever learned the other.
    ///
    /// ## Example
    /// ```graphql
    /// type Mutation {
    ///   createUser(email: String!): User
    ///   updateUser(id: ID!, email: String!): User
    ///   userDelete(id: ID!): User
    /// }
    /// type User { id: ID! }
    /// ```
    ///
    /// Use instead:
    /// ```graphql
    /// type Mutation {
    ///   createUser(email: String!): User
    ///   updateUser(id: ID!, email: String!): User
    ///   deleteUser(id: ID!): User
    /// }
    /// type User { id: ID! }
    /// ```
    ///
    /// ## How to fix
    /// Rename the mutation to the schema's convention (keep the old name
    /// with `@deprecated` while clients move).
    ///
    /// Severity: `info` — a convention.
    pub struct MutationNotVerbFirst {
        id: "GQL012",
        name: "graphql-mutation-naming-inconsistent",
        side: Graphql,
        area: Conventions,
        severity: Info,
        summary: "A GraphQL mutation is named against the schema's verb-first or noun-first convention.",
        fix: "Name every mutation the same way, verb first (`createUser`) by convention.",
        check_graphql: check,
    }
}

/// Whether a type names a thing of the domain. Payloads, inputs and error
/// types are named after their mutations (`CreateToken`,
/// `UpdateInvoiceInput`, `SendConfirmationEmailError`) and say nothing of
/// which words are nouns.
fn names_a_thing(ty: &TypeDef, payloads: &HashSet<&str>) -> bool {
    matches!(ty.kind, TypeKind::Object | TypeKind::Interface)
        && !payloads.contains(ty.name())
        && !["Error", "Errors", "Payload", "Result", "Response", "Input"]
            .iter()
            .any(|suffix| ty.name().ends_with(suffix))
}

/// The starts of the names of the schema's things, at each word: `Refund`
/// and `RefundReason` for `RefundReasonReference`. Built once, so that a
/// schema of any size is read in linear time.
fn thing_heads<'s>(graphql: &GraphqlContext<'s>, payloads: &HashSet<&str>) -> HashSet<&'s str> {
    let mut heads = HashSet::new();
    for ty in graphql
        .schema
        .types
        .iter()
        .filter(|ty| names_a_thing(ty, payloads))
    {
        let name = ty.name();
        for (position, c) in name.char_indices().skip(1) {
            if c.is_ascii_uppercase() {
                heads.extend(name.get(..position));
            }
        }
    }
    heads
}

fn check(graphql: &GraphqlContext<'_>, out: &mut Emitter) {
    let Some(mutation) = graphql.schema.mutation() else {
        return;
    };
    let payloads: HashSet<&str> = mutation
        .fields
        .iter()
        .map(|field| field.ty.name.as_str())
        .collect();
    let heads = thing_heads(graphql, &payloads);
    let placed: Vec<_> = mutation
        .fields
        .iter()
        .filter(|field| field.defined.deprecated().is_none())
        .map(|field| {
            // A type's name, or the start of one (`Refund` of
            // `RefundReason`).
            let is_type = |name: &str| graphql.schema.get(name).is_some() || heads.contains(name);
            (field, verb_place(field.name(), is_type))
        })
        .filter(|(_, place)| *place != VerbPlace::Unknown)
        .collect();
    let first = placed
        .iter()
        .filter(|(_, place)| *place == VerbPlace::First)
        .count();
    let last = placed.len() - first;
    let (odd, convention, example) = if first >= last {
        (VerbPlace::Last, "verb first", "createUser")
    } else {
        (VerbPlace::First, "noun first", "userCreate")
    };
    for (field, _) in placed.iter().filter(|(_, place)| *place == odd) {
        out.report(
            mutation.field_place(field),
            format!(
                "`{}` is named against the schema's convention: {} of its {} mutations put the {convention} (`{example}`)",
                field.name(),
                first.max(last),
                placed.len()
            ),
        );
    }
}
