use crate::base::{Emitter, Severity};
use crate::graphql::{TypeDef, TypeKind};
use crate::rules::graphql::names::is_machinery;
use crate::rules::GraphqlContext;

crate::declare_rule! {
    /// ## What it does
    /// Reports input types whose names do not say they are inputs: the
    /// convention is the `Input` suffix; filter, ordering and condition
    /// inputs (`…Filter`, `…Order`, `…OrderBy`, `…Where`, `…Condition`,
    /// `…BoolExp`) are recognised too. When most input types of the schema
    /// follow another style, the schema gets one finding.
    ///
    /// ## Why is this bad?
    /// Input and output types live in one namespace; without the suffix
    /// `User` and `UserData` leave readers and code generators guessing which
    /// is which, and the natural output name gets taken by an input.
    ///
    /// ## Example
    /// ```graphql
    /// type Mutation { createUser(data: NewUser!): User }
    /// input NewUser { email: String! }
    /// type User { id: ID! }
    /// ```
    ///
    /// Use instead:
    /// ```graphql
    /// type Mutation { createUser(input: CreateUserInput!): User }
    /// input CreateUserInput { email: String! }
    /// type User { id: ID! }
    /// ```
    ///
    /// ## How to fix
    /// Rename the input type with the `Input` suffix (renaming an input type
    /// breaks only clients that name it in variables' types).
    ///
    /// Severity: `info` — a convention.
    pub struct InputTypeSuffix {
        id: "GQL011",
        name: "graphql-input-type-suffix",
        side: Graphql,
        area: Conventions,
        severity: Info,
        summary: "A GraphQL input type's name does not end in `Input`.",
        fix: "Name input types with the `Input` suffix.",
        check_graphql: check,
    }
}

const SUFFIXES: [&str; 19] = [
    "Input",
    "InputType",
    "Filtering",
    "Filter",
    "Filters",
    "Order",
    "OrderBy",
    "Ordering",
    "Sort",
    "Where",
    "Condition",
    "Conditions",
    "Criteria",
    "Args",
    "Arguments",
    "Params",
    "Parameters",
    "BoolExp",
    "Exp",
];

fn is_suffixed(ty: &TypeDef) -> bool {
    let name = ty.name().replace('_', "");
    let lower = name.to_ascii_lowercase();
    SUFFIXES
        .iter()
        .any(|suffix| lower.ends_with(&suffix.to_ascii_lowercase()))
}

fn check(graphql: &GraphqlContext<'_>, out: &mut Emitter) {
    let inputs: Vec<&TypeDef> = graphql
        .schema
        .of_kind(TypeKind::Input)
        .filter(|ty| !is_machinery(ty.name()) && !ty.extension_only)
        .collect();
    let unsuffixed: Vec<&&TypeDef> = inputs.iter().filter(|ty| !is_suffixed(ty)).collect();
    let Some(first) = unsuffixed.first() else {
        return;
    };
    if unsuffixed.len() * 2 > inputs.len() && unsuffixed.len() > 2 {
        out.report(
            first.place(),
            format!(
                "{} of {} input types have no `Input` suffix (`{}` is the first)",
                unsuffixed.len(),
                inputs.len(),
                first.name()
            ),
        )
        .severity(Severity::Info)
        .extent(unsuffixed.len());
        return;
    }
    for ty in unsuffixed {
        out.report(
            ty.place(),
            format!("the input type `{}` does not end in `Input`", ty.name()),
        );
    }
}
