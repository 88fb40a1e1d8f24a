use crate::base::words::name_words;
use crate::base::Emitter;
use crate::graphql::{Field, TypeDef};
use crate::rules::graphql::shape::mutation_namespace;
use crate::rules::GraphqlContext;

crate::declare_rule! {
    /// ## What it does
    /// In a schema that marks access with auth directives (`[graphql]
    /// auth_directives`: `@auth`, `@authenticated`, `@requiresScopes`,
    /// `@hasRole`, AppSync's `@aws_*`…), reports the mutations that carry
    /// none, on the field or on the `Mutation` type. Mutations that must be
    /// public — signing in or up, resetting a password, verifying an email —
    /// and those marked public (`@public`, `@allowAnonymous`, `@skipAuth`)
    /// are left alone, as are namespaces of mutations (`userEdit(id):
    /// UserEditMutations`) whose every mutation carries the directive. A schema with no auth directive at all is not
    /// reported: its checks live in resolvers.
    ///
    /// ## Why is this bad?
    /// When the schema says who may call most mutations, the one without a
    /// directive is either public by mistake or protected by code nobody can
    /// see from the schema; either way a reviewer cannot tell.
    ///
    /// ## Example
    /// ```graphql
    /// directive @auth(requires: String) on FIELD_DEFINITION
    /// type Mutation {
    ///   updateProfile(name: String): User @auth(requires: "user")
    ///   deleteUser(id: ID!): Boolean
    /// }
    /// type User { id: ID! }
    /// ```
    ///
    /// Use instead:
    /// ```graphql
    /// directive @auth(requires: String) on FIELD_DEFINITION
    /// type Mutation {
    ///   updateProfile(name: String): User @auth(requires: "user")
    ///   deleteUser(id: ID!): Boolean @auth(requires: "admin")
    /// }
    /// type User { id: ID! }
    /// ```
    ///
    /// ## How to fix
    /// Add the auth directive the other mutations use, or mark the mutation
    /// public explicitly; list your server's directives in `[graphql]
    /// auth_directives` when they have other names.
    ///
    /// Severity: `warning` — likely an unprotected write.
    pub struct MutationWithoutAuth {
        id: "GQL007",
        name: "graphql-mutation-without-auth",
        side: Graphql,
        area: Auth,
        severity: Warning,
        summary: "A GraphQL mutation has no auth directive where others do.",
        fix: "Add the auth directive, or mark the mutation public explicitly.",
        check_graphql: check,
    }
}

/// Directives that say a field is public on purpose.
const PUBLIC_DIRECTIVES: [&str; 5] = [
    "public",
    "allowAnonymous",
    "skipAuth",
    "anonymous",
    "noAuth",
];

/// Words of mutations that anonymous callers must be able to run.
const PUBLIC_WORDS: [&str; 14] = [
    "login",
    "signin",
    "signup",
    "register",
    "authenticate",
    "forgot",
    "reset",
    "verify",
    "confirm",
    "refresh",
    "logout",
    "signout",
    "captcha",
    "otp",
];

fn is_public_by_nature(field: &Field) -> bool {
    // `token(input: UserLoginInput)`: what it takes says it signs in.
    let takes_credentials = field.arguments.iter().any(|argument| {
        let words = name_words(&argument.ty.name);
        words
            .iter()
            .any(|word| word == "login" || word == "signin" || word == "credentials")
    });
    if takes_credentials {
        return true;
    }
    let words = name_words(field.name());
    let joined = words.concat();
    PUBLIC_WORDS
        .iter()
        .any(|word| words.iter().any(|w| w == word) || joined.contains(word))
        || (words.contains(&"sign".to_owned())
            && (words.contains(&"in".to_owned()) || words.contains(&"up".to_owned())))
}

fn is_marked(graphql: &GraphqlContext<'_>, mutation: &TypeDef, field: &Field) -> bool {
    graphql.has_auth(&field.defined)
        || graphql.has_auth(&mutation.defined)
        || PUBLIC_DIRECTIVES
            .iter()
            .any(|name| field.defined.has_directive(name))
}

fn check(graphql: &GraphqlContext<'_>, out: &mut Emitter) {
    let Some(mutation) = graphql.schema.mutation() else {
        return;
    };
    let protected = mutation
        .fields
        .iter()
        .find(|field| graphql.has_auth(&field.defined));
    let Some(protected) = protected.filter(|_| !graphql.has_auth(&mutation.defined)) else {
        return;
    };
    for field in &mutation.fields {
        if is_marked(graphql, mutation, field) || is_public_by_nature(field) {
            continue;
        }
        // A namespace whose every mutation carries the directive is
        // protected where it matters.
        let namespace = mutation_namespace(graphql.schema, field);
        if namespace.is_some_and(|ty| {
            ty.fields
                .iter()
                .all(|nested| graphql.has_auth(&nested.defined))
        }) {
            continue;
        }
        out.report(
            mutation.field_place(field),
            format!(
                "`{}.{}` has no auth directive, while `{}` has one: it is public, or protected where the schema does not say",
                mutation.name(),
                field.name(),
                protected.name()
            ),
        )
        .related(mutation.field_place(protected), "a mutation with an auth directive");
    }
}
