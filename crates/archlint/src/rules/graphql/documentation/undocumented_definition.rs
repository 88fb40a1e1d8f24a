use crate::base::Emitter;
use crate::graphql::TypeDef;
use crate::rules::graphql::names::is_machinery;
use crate::rules::GraphqlContext;

crate::declare_rule! {
    /// ## What it does
    /// Reports types, and the fields, arguments and enum values of a type,
    /// that have no description: one finding per type, at the type, counting
    /// and naming what is undocumented. The root types' own descriptions are
    /// not asked for (their fields' are). When most types have gaps, the
    /// schema gets one finding counting them.
    ///
    /// ## Why is this bad?
    /// The schema is the documentation every GraphQL client reads (GraphiQL,
    /// IDE autocompletion, generated SDKs). A field without a description
    /// leaves units, formats, nullability meaning and side effects to guess.
    ///
    /// ## Example
    /// ```graphql
    /// type Query { order(id: ID!): Order }
    /// type Order { id: ID! total: Int! }
    /// ```
    ///
    /// Use instead:
    /// ```graphql
    /// type Query {
    ///   "The order with this id, or null if the caller cannot see it."
    ///   order("The order's id." id: ID!): Order
    /// }
    /// "A customer's order."
    /// type Order {
    ///   "Opaque identifier."
    ///   id: ID!
    ///   "Total in cents, taxes included."
    ///   total: Int!
    /// }
    /// ```
    ///
    /// ## How to fix
    /// Write a description (a string before the definition) for each type,
    /// field, argument and enum value.
    ///
    /// Severity: `info` — documentation.
    pub struct UndocumentedDefinition {
        id: "GQL018",
        name: "graphql-undocumented-definition",
        side: Graphql,
        area: Documentation,
        severity: Info,
        summary: "GraphQL definitions have no description.",
        fix: "Describe each type, field, argument and enum value.",
        check_graphql: check,
    }
}

/// The undocumented names inside a type: fields, their arguments, input
/// fields and enum values.
fn undocumented_members(ty: &TypeDef) -> Vec<String> {
    let mut names = Vec::new();
    for field in ty.fields.iter().filter(|field| !is_machinery(field.name())) {
        if !field.defined.is_described() {
            names.push(field.name().to_owned());
        }
        for argument in field.arguments.iter().filter(|a| !a.defined.is_described()) {
            names.push(format!("{}({})", field.name(), argument.name()));
        }
    }
    let members = ty
        .input_fields
        .iter()
        .map(|field| &field.defined)
        .chain(&ty.values);
    names.extend(
        members
            .filter(|member| !member.is_described())
            .map(|member| member.name.clone()),
    );
    names
}

/// A type with gaps: whether its own description is missing, and the
/// members that have none.
struct Gaps<'s> {
    ty: &'s TypeDef,
    own_missing: bool,
    members: Vec<String>,
}

impl Gaps<'_> {
    fn count(&self) -> usize {
        self.members.len() + usize::from(self.own_missing)
    }

    fn message(&self) -> String {
        let name = self.ty.name();
        let mut listed: Vec<String> = self
            .members
            .iter()
            .take(3)
            .map(|member| format!("`{member}`"))
            .collect();
        if self.members.len() > 3 {
            listed.push(format!("{} more", self.members.len() - 3));
        }
        let listed = listed.join(", ");
        match (self.own_missing, self.members.len()) {
            (true, 0) => format!("`{name}` has no description"),
            (true, n) => {
                format!("`{name}` has no description, nor do {n} of its members ({listed})")
            }
            (false, 1) => format!("1 member of `{name}` has no description ({listed})"),
            (false, n) => format!("{n} members of `{name}` have no description ({listed})"),
        }
    }
}

fn check(graphql: &GraphqlContext<'_>, out: &mut Emitter) {
    let schema = graphql.schema;
    let types: Vec<&TypeDef> = schema
        .types
        .iter()
        .filter(|ty| !is_machinery(ty.name()))
        .collect();
    let gaps: Vec<Gaps> = types
        .iter()
        .map(|ty| Gaps {
            ty,
            own_missing: !schema.is_root(ty.name())
                && !ty.extension_only
                && !ty.defined.is_described(),
            members: undocumented_members(ty),
        })
        .filter(|gaps| gaps.count() > 0)
        .collect();
    let Some(first) = gaps.first() else {
        return;
    };
    // Most types with gaps: documentation is missing as a policy, and one
    // finding says so better than one per type.
    if gaps.len() > 3 && gaps.len() * 2 > types.len() {
        let total: usize = gaps.iter().map(Gaps::count).sum();
        out.report(
            first.ty.place(),
            format!(
                "{} of the schema's {} types lack descriptions ({total} definitions in all); the first: {}",
                gaps.len(),
                types.len(),
                first.message()
            ),
        )
        .extent(total);
        return;
    }
    for gaps in &gaps {
        out.report(gaps.ty.place(), gaps.message())
            .extent(gaps.count());
    }
}
