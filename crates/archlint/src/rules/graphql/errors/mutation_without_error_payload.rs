use crate::base::{Emitter, Severity};
use crate::graphql::{Field, Graphql, TypeKind};
use crate::rules::graphql::shape::mutation_namespace;
use crate::rules::GraphqlContext;

crate::declare_rule! {
    /// ## What it does
    /// Reports a mutation that returns a bare entity or scalar (`User`,
    /// `Boolean`) instead of a payload type with a place for user errors
    /// (`errors`/`userErrors`) or a result union (`CreateUserResult = User |
    /// EmailTaken`).
    ///
    /// ## Why is this bad?
    /// Expected failures — a taken email, a stale version, a missing
    /// permission — can only travel in the top-level `errors` array, as
    /// untyped strings clients parse, next to a `null`. A payload type also
    /// lets the mutation return more later without breaking clients.
    ///
    /// ## Example
    /// ```graphql
    /// type Mutation {
    ///   createUser(input: CreateUserInput!): CreateUserPayload!
    ///   deleteUser(id: ID!): User
    /// }
    /// input CreateUserInput { email: String! }
    /// type CreateUserPayload { user: User userErrors: [UserError!]! }
    /// type UserError { message: String! field: [String!] }
    /// type User { id: ID! }
    /// ```
    ///
    /// Use instead:
    /// ```graphql
    /// type Mutation {
    ///   createUser(input: CreateUserInput!): CreateUserPayload!
    ///   deleteUser(id: ID!): DeleteUserPayload!
    /// }
    /// input CreateUserInput { email: String! }
    /// type CreateUserPayload { user: User userErrors: [UserError!]! }
    /// type DeleteUserPayload { deletedUserId: ID userErrors: [UserError!]! }
    /// type UserError { message: String! field: [String!] }
    /// type User { id: ID! }
    /// ```
    ///
    /// ## How to fix
    /// Return a `…Payload` type with the entity and a `userErrors` list, or a
    /// union of the entity and typed error objects, the same way for every
    /// mutation.
    ///
    /// Namespaces of mutations (`userEdit(id): UserEditMutations`) are left
    /// alone: the mutations are their fields.
    ///
    /// Severity: `warning` for a mutation returning a bare result where the
    /// schema's other mutations return payloads or unions (the error shapes
    /// are inconsistent); `info` where none does. When four mutations in
    /// five or more (of five or more) return bare results, that is the
    /// schema's convention, and it gets one `info` finding.
    pub struct MutationWithoutErrorPayload {
        id: "GQL008",
        name: "graphql-mutation-without-error-payload",
        side: Graphql,
        area: Errors,
        severity: Warning,
        summary: "A GraphQL mutation returns a bare entity, with no place for user errors.",
        fix: "Return a payload type with `userErrors`, or a union of the result and typed errors.",
        check_graphql: check,
    }
}

const ERROR_FIELDS: [&str; 5] = ["errors", "userErrors", "problems", "error", "failures"];

/// Whether the mutation's result can carry typed errors.
fn carries_errors(schema: &Graphql, field: &Field) -> bool {
    match schema.get(&field.ty.name) {
        Some(ty) if ty.kind == TypeKind::Union || ty.kind == TypeKind::Interface => true,
        Some(ty) if ty.kind == TypeKind::Object => {
            ERROR_FIELDS.iter().any(|name| ty.field(name).is_some())
                || ["Payload", "Result", "Response", "Output"]
                    .iter()
                    .any(|suffix| ty.name().ends_with(suffix))
        }
        _ => false,
    }
}

fn check(graphql: &GraphqlContext<'_>, out: &mut Emitter) {
    let schema = graphql.schema;
    let Some(mutation) = schema.mutation() else {
        return;
    };
    // Namespaces of mutations (`userEdit(id): UserEditMutations`) hold the
    // mutations: their results are the nested fields'.
    let mutations: Vec<&Field> = mutation
        .fields
        .iter()
        .filter(|field| mutation_namespace(schema, field).is_none())
        .collect();
    let payloads = mutations
        .iter()
        .filter(|field| carries_errors(schema, field))
        .count();
    let bare: Vec<&&Field> = mutations
        .iter()
        .filter(|field| !carries_errors(schema, field))
        .collect();
    let Some(first) = bare.first() else {
        return;
    };
    // Bare results as the schema's convention (four in five mutations or
    // more): one decision, said once.
    if mutations.len() >= 5 && bare.len() * 5 >= mutations.len() * 4 {
        out.report(
            mutation.field_place(first),
            format!(
                "{} of the schema's {} mutations return a bare entity or scalar (`{}.{}` is the first): expected failures can only be untyped entries of the top-level `errors`",
                bare.len(),
                mutations.len(),
                mutation.name(),
                first.name()
            ),
        )
        .severity(Severity::Info)
        .extent(bare.len());
        return;
    }
    let elsewhere = match payloads {
        0 => String::new(),
        n => format!(", where {n} of the schema's mutations return payloads or unions"),
    };
    for field in bare {
        let finding = out.report(
            mutation.field_place(field),
            format!(
                "`{}.{}` returns `{}`{elsewhere}: expected failures can only be untyped entries of the top-level `errors`",
                mutation.name(),
                field.name(),
                field.ty.text
            ),
        );
        if payloads == 0 {
            finding.severity(Severity::Info);
        }
    }
}
