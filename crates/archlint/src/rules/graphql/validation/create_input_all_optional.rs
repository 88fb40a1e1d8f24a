use crate::base::words::name_words;
use crate::base::{Emitter, Severity};
use crate::graphql::{Field, InputValue, TypeDef, TypeKind};
use crate::rules::GraphqlContext;

crate::declare_rule! {
    /// ## What it does
    /// Reports the input type of a create mutation (`createX`, `addX`,
    /// `registerX`, `xCreate`) in which every field is optional
    /// (`clientMutationId` aside), saying which fields' descriptions call
    /// them required. Only the mutation's required input counts; inputs an
    /// update mutation shares (where optional fields are right), one-of
    /// inputs ("Required if `tierId` is not specified"), deprecated
    /// mutations, and mutations that add to an object they name by `id` are
    /// left alone.
    ///
    /// ## Why is this bad?
    /// The schema accepts an empty object for a new record, so validation
    /// that could be declared once is left to each resolver, clients learn
    /// what is required only from errors, and code generators type every
    /// field as optional. Often the input is shared with the update mutation,
    /// where optional fields are right.
    ///
    /// ## Example
    /// ```graphql
    /// type Mutation { createProduct(input: ProductInput!): Product }
    /// input ProductInput { name: String sku: String price: Int }
    /// type Product { id: ID! }
    /// ```
    ///
    /// Use instead:
    /// ```graphql
    /// type Mutation { createProduct(input: CreateProductInput!): Product }
    /// input CreateProductInput { name: String! sku: String! price: Int }
    /// type Product { id: ID! }
    /// ```
    ///
    /// ## How to fix
    /// Give create mutations their own input with the required fields
    /// non-null, and keep an all-optional input for updates.
    ///
    /// Severity: `warning` when a field's description says it is required
    /// while its type accepts null (the schema contradicts itself); `info`
    /// otherwise — the server may well reject an empty object, but clients
    /// learn what is required only from its errors.
    pub struct CreateInputAllOptional {
        id: "GQL006",
        name: "graphql-create-input-all-optional",
        side: Graphql,
        area: Validation,
        severity: Info,
        summary: "A GraphQL create mutation's input has only optional fields.",
        fix: "Make the fields a new record needs non-null in a create-only input.",
        check_graphql: check,
    }
}

/// Descriptions that make a field required only with or without another:
/// a one-of input, which GraphQL types can only say with `@oneOf`.
const CONDITIONAL: [&str; 4] = ["required if", "required when", "required unless", "one of"];
const REQUIRED: [&str; 2] = ["this field is required", "(required)"];

fn says(field: &InputValue, phrases: &[&str]) -> bool {
    field.defined.description.as_deref().is_some_and(|text| {
        let lower = text.to_ascii_lowercase();
        phrases.iter().any(|phrase| lower.contains(phrase))
    })
}

const CREATE_VERBS: [&str; 4] = ["create", "add", "register", "insert"];

fn is_create(name: &str) -> bool {
    let words = name_words(name);
    let is = |word: Option<&String>| word.is_some_and(|word| CREATE_VERBS.contains(&word.as_str()));
    words.len() > 1 && (is(words.first()) || is(words.last()))
}

/// Whether another mutation, not a create, takes the input: an update
/// shares it, and there optional fields are right.
fn shared_with_other(mutation: &TypeDef, input: &str) -> bool {
    mutation
        .fields
        .iter()
        .filter(|field| !is_create(field.name()))
        .any(|field| {
            field
                .arguments
                .iter()
                .any(|argument| argument.ty.name == input)
        })
}

/// A create mutation: named so, not deprecated, and not acting on an
/// object it names (`saleCataloguesAdd(id: ID!, …)` adds to a sale).
fn creates(field: &Field) -> bool {
    is_create(field.name())
        && field.defined.deprecated().is_none()
        && !field
            .arguments
            .iter()
            .any(|argument| argument.name() == "id" && argument.ty.non_null)
}

fn check(graphql: &GraphqlContext<'_>, out: &mut Emitter) {
    let schema = graphql.schema;
    let Some(mutation) = schema.mutation() else {
        return;
    };
    let mut reported: Vec<&str> = Vec::new();
    for field in mutation.fields.iter().filter(|field| creates(field)) {
        // The record is the required input; optional arguments are extras.
        for argument in field
            .arguments
            .iter()
            .filter(|argument| argument.ty.non_null)
        {
            let Some(input) = schema
                .get(&argument.ty.name)
                .filter(|ty| ty.kind == TypeKind::Input && !argument.ty.is_list())
            else {
                continue;
            };
            let fields: Vec<_> = input
                .input_fields
                .iter()
                .filter(|field| field.name() != "clientMutationId")
                .collect();
            if fields.len() < 2
                || fields.iter().any(|field| field.ty.non_null)
                || fields.iter().any(|field| says(field, &CONDITIONAL))
                || reported.contains(&input.name())
                || shared_with_other(mutation, input.name())
            {
                continue;
            }
            reported.push(input.name());
            let required: Vec<String> = fields
                .iter()
                .filter(|field| says(field, &REQUIRED))
                .map(|field| format!("`{}`", field.name()))
                .collect();
            let (contradiction, severity) = match required.as_slice() {
                [] => (String::new(), Severity::Info),
                [one] => (
                    format!("; {one} says it is required, but its type accepts null"),
                    Severity::Warning,
                ),
                many => (
                    format!(
                        "; {} say they are required, but their types accept null",
                        many.join(", ")
                    ),
                    Severity::Warning,
                ),
            };
            out.report(
                input.place(),
                format!(
                    "`{}.{}` creates a record from `{}`, whose {} fields are all optional: what a new record needs is not in the schema, only in server code{contradiction}",
                    mutation.name(),
                    field.name(),
                    input.name(),
                    fields.len()
                ),
            )
            .severity(severity)
            .related(mutation.argument_place(field, argument), "the create mutation");
        }
    }
}
