//! GraphQL schemas (SDL) as a language: reading `.graphql` files into one
//! model with exact places, and the problems reading finds.
//!
//! The parser is apollo-parser: spec-compliant, error-tolerant (a file with
//! syntax errors is still read where it can be) and lossless, so every name
//! keeps its span.

mod ignores;
mod model;
mod problem;
mod read;

pub use ignores::{ignores, GraphqlIgnore};
pub use model::{
    Defined, Directive, Field, Graphql, InputValue, Roots, TypeDef, TypeKind, TypeRef,
    BUILT_IN_SCALARS,
};
pub use problem::{GraphqlProblem, GraphqlProblemKind};
pub use read::FileContents;

use crate::base::source::FileId;
use crate::base::Place;

/// File extensions of GraphQL schemas.
pub const EXTENSIONS: [&str; 3] = [".graphql", ".graphqls", ".gql"];

/// Whether a file's name says it holds GraphQL SDL (any case).
pub fn is_schema_file(path: &str) -> bool {
    let lower = path.to_ascii_lowercase();
    EXTENSIONS
        .iter()
        .any(|extension| lower.ends_with(extension))
}

/// Reads every file into one schema (a schema split over files is one
/// schema), and checks that every type it names is defined.
pub fn read_schema<'t>(
    files: impl IntoIterator<Item = (FileId, &'t str)>,
) -> (Graphql, Vec<(FileId, FileContents)>, Vec<GraphqlProblem>) {
    let mut schema = Graphql::default();
    let mut contents = Vec::new();
    let mut problems = Vec::new();
    for (file, text) in files {
        let (held, mut found) = read::read_file(&mut schema, file, text);
        contents.push((file, held));
        problems.append(&mut found);
    }
    schema.finish();
    problems.extend(unknown_types(&schema));
    problems.extend(repeated_members(&schema));
    (schema, contents, problems)
}

/// Names the schema machinery of Apollo Federation and its supergraphs
/// provides without the subgraph defining them.
fn is_provided(name: &str) -> bool {
    BUILT_IN_SCALARS.contains(&name)
        || name.starts_with('_')
        || ["link__", "join__", "federation__", "connect__"]
            .iter()
            .any(|prefix| name.starts_with(prefix))
        || name == "FieldSet"
}

/// Most distinct undefined types reported one by one; beyond, the schema
/// is a part of a larger one (modules in other files), said once.
const MOST_UNKNOWN_NAMES: usize = 5;

/// Every reference to a type the schema lacks: the name, where, and what
/// names it.
fn unknown_references(schema: &Graphql) -> Vec<(String, Place, String)> {
    let mut found = Vec::new();
    let mut check = |name: &str, place: Place, what: String| {
        if !is_provided(name) && schema.get(name).is_none() {
            found.push((name.to_owned(), place, what));
        }
    };
    for ty in &schema.types {
        for field in &ty.fields {
            let place = ty.field_place(field);
            check(
                &field.ty.name,
                place,
                format!("`{}.{}`", ty.name(), field.name()),
            );
            for argument in &field.arguments {
                check(
                    &argument.ty.name,
                    ty.argument_place(field, argument),
                    format!("`{}.{}({})`", ty.name(), field.name(), argument.name()),
                );
            }
        }
        for field in &ty.input_fields {
            check(
                &field.ty.name,
                ty.member_place(&field.defined),
                format!("`{}.{}`", ty.name(), field.name()),
            );
        }
        for member in ty.members.iter().chain(&ty.interfaces) {
            check(member, ty.place(), format!("`{}`", ty.name()));
        }
    }
    found
}

/// One problem per reference to an undefined type, or one for all of them
/// when they name many types (a schema split over files not all reviewed).
fn unknown_types(schema: &Graphql) -> Vec<GraphqlProblem> {
    let found = unknown_references(schema);
    let mut names: Vec<&str> = found.iter().map(|(name, _, _)| name.as_str()).collect();
    names.sort_unstable();
    names.dedup();
    if names.len() <= MOST_UNKNOWN_NAMES {
        return found
            .iter()
            .map(|(name, place, what)| {
                GraphqlProblem::new(
                    GraphqlProblemKind::UnknownType,
                    place.clone(),
                    format!("{what} names the type `{name}`, which the schema does not define"),
                )
            })
            .collect();
    }
    let listed: Vec<String> = names
        .iter()
        .take(5)
        .map(|name| format!("`{name}`"))
        .collect();
    let Some((_, place, _)) = found.first() else {
        return Vec::new();
    };
    vec![GraphqlProblem::new(
        GraphqlProblemKind::UnknownType,
        place.clone(),
        format!(
            "{} references name {} types the schema does not define ({}, …): is it split over files not reviewed here?",
            found.len(),
            names.len(),
            listed.join(", ")
        ),
    )]
}

/// The first repeat of each name in `names`, with the place of the first.
fn repeats<'d>(members: impl Iterator<Item = (&'d str, Place)>) -> Vec<(String, Place, Place)> {
    let mut seen: std::collections::HashMap<&str, Place> = std::collections::HashMap::new();
    let mut found = Vec::new();
    for (name, place) in members {
        match seen.get(name) {
            Some(first) => found.push((name.to_owned(), place, first.clone())),
            None => {
                seen.insert(name, place);
            }
        }
    }
    found
}

/// Fields, arguments, input fields and enum values defined twice in one
/// type (often once in the type and again in an `extend`).
fn repeated_members(schema: &Graphql) -> Vec<GraphqlProblem> {
    let mut problems = Vec::new();
    let mut report = |what: String, (name, place, first): (String, Place, Place)| {
        problems.push(
            GraphqlProblem::new(
                GraphqlProblemKind::DuplicateDefinition,
                place,
                format!("{what} `{name}` is defined twice"),
            )
            .related(first, "defined first here"),
        );
    };
    for ty in &schema.types {
        let fields = ty
            .fields
            .iter()
            .map(|field| (field.name(), ty.field_place(field)));
        let members = ty
            .input_fields
            .iter()
            .map(|field| &field.defined)
            .chain(&ty.values)
            .map(|member| (member.name.as_str(), ty.member_place(member)));
        for repeat in repeats(fields.chain(members)) {
            report(format!("in `{}`, the member", ty.name()), repeat);
        }
        for field in &ty.fields {
            let arguments = field
                .arguments
                .iter()
                .map(|argument| (argument.name(), ty.argument_place(field, argument)));
            for repeat in repeats(arguments) {
                report(
                    format!("in `{}.{}`, the argument", ty.name(), field.name()),
                    repeat,
                );
            }
        }
    }
    problems
}
