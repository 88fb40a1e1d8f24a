use crate::base::{Emitter, Place, Severity};
use crate::graphql::{Graphql, TypeKind};
use crate::rules::graphql::names::{is_camel, is_machinery, is_pascal, is_screaming};
use crate::rules::GraphqlContext;

crate::declare_rule! {
    /// ## What it does
    /// Checks the GraphQL naming conventions: type names in `PascalCase`,
    /// field and argument names in `camelCase`, enum values in
    /// `SCREAMING_SNAKE_CASE`. The logical operators of filter inputs (`AND`,
    /// `OR`, `NOT`) are left alone. Each kind of name is judged on its own:
    /// when more than a tenth of the names of a kind follow another style
    /// (a generated `snake_case` schema, a vocabulary such as STIX's), that
    /// is a convention kept on purpose, and the schema gets one `info`
    /// finding for the kind instead of one per name.
    ///
    /// ## Why is this bad?
    /// Clients in every language generate code from these names, and tools
    /// and people expect the convention; a schema that mixes styles makes
    /// every query a guess.
    ///
    /// ## Example
    /// ```graphql
    /// type Query { userById(id: ID!): User }
    /// type User { id: ID! first_name: String status: Status }
    /// enum Status { ACTIVE Disabled }
    /// ```
    ///
    /// Use instead:
    /// ```graphql
    /// type Query { userById(id: ID!): User }
    /// type User { id: ID! firstName: String status: Status }
    /// enum Status { ACTIVE DISABLED }
    /// ```
    ///
    /// ## How to fix
    /// Rename the definition (with `@deprecated` on the old name if clients
    /// use it).
    ///
    /// Severity: `warning` for a name that breaks the style its schema
    /// otherwise follows; `info` for a schema that keeps another style for
    /// many names.
    pub struct NamingConvention {
        id: "GQL010",
        name: "graphql-naming-convention",
        side: Graphql,
        area: Conventions,
        severity: Warning,
        summary: "A GraphQL name breaks the naming convention.",
        fix: "Rename it: types PascalCase, fields and arguments camelCase, enum values SCREAMING_SNAKE_CASE.",
        check_graphql: check,
    }
}

/// One kind of name, every name of that kind, and whether it follows.
struct Kind {
    what: &'static str,
    style: &'static str,
    names: Vec<(String, Place, bool)>,
}

/// The logical operators of filter inputs: `where: {OR: [...]}`.
fn is_operator(name: &str) -> bool {
    matches!(name, "AND" | "OR" | "NOT")
}

fn kinds(schema: &Graphql) -> [Kind; 4] {
    let mut types = Kind {
        what: "type names",
        style: "PascalCase",
        names: Vec::new(),
    };
    let mut fields = Kind {
        what: "field names",
        style: "camelCase",
        names: Vec::new(),
    };
    let mut arguments = Kind {
        what: "argument names",
        style: "camelCase",
        names: Vec::new(),
    };
    let mut values = Kind {
        what: "enum values",
        style: "SCREAMING_SNAKE_CASE",
        names: Vec::new(),
    };
    for ty in schema
        .types
        .iter()
        .filter(|ty| !is_machinery(ty.name()) && !ty.extension_only)
    {
        types
            .names
            .push((ty.name().to_owned(), ty.place(), is_pascal(ty.name())));
        for field in ty.fields.iter().filter(|field| !is_machinery(field.name())) {
            fields.names.push((
                field.name().to_owned(),
                ty.field_place(field),
                is_camel(field.name()),
            ));
            for argument in field.arguments.iter().filter(|a| !is_machinery(a.name())) {
                let place = ty.argument_place(field, argument);
                arguments.names.push((
                    argument.name().to_owned(),
                    place,
                    is_camel(argument.name()),
                ));
            }
        }
        for field in ty
            .input_fields
            .iter()
            .filter(|field| !is_machinery(field.name()) && !is_operator(field.name()))
        {
            let place = ty.member_place(&field.defined);
            fields
                .names
                .push((field.name().to_owned(), place, is_camel(field.name())));
        }
        if ty.kind == TypeKind::Enum {
            for value in ty.values.iter().filter(|value| !is_machinery(&value.name)) {
                values.names.push((
                    value.name.clone(),
                    ty.member_place(value),
                    is_screaming(&value.name),
                ));
            }
        }
    }
    [types, fields, arguments, values]
}

fn check(graphql: &GraphqlContext<'_>, out: &mut Emitter) {
    for kind in kinds(graphql.schema) {
        let breaking: Vec<&(String, Place, bool)> = kind
            .names
            .iter()
            .filter(|(_, _, follows)| !follows)
            .collect();
        let Some((first, place, _)) = breaking.first() else {
            continue;
        };
        // More than a tenth in another style is a second convention kept on
        // purpose (a vocabulary such as STIX's snake_case), not slips.
        if breaking.len() * 10 > kind.names.len() && breaking.len() > 3 {
            out.report(
                place.clone(),
                format!(
                    "{} of {} {} are not {} (`{first}` is the first): the schema follows another style for them; GraphQL's convention is {}",
                    breaking.len(),
                    kind.names.len(),
                    kind.what,
                    kind.style,
                    kind.style
                ),
            )
            .severity(Severity::Info)
            .extent(breaking.len());
            continue;
        }
        // One finding per name, at its first place, counting the others
        // (`relationship_type` repeated on every list field).
        let mut seen: Vec<(&str, &Place, usize)> = Vec::new();
        for (name, place, _) in breaking {
            match seen.iter_mut().find(|(seen_name, _, _)| seen_name == name) {
                Some((_, _, count)) => *count += 1,
                None => seen.push((name, place, 1)),
            }
        }
        for (name, place, count) in seen {
            let also = match count {
                1 => String::new(),
                2 => " (and in 1 more place)".to_owned(),
                n => format!(" (and in {} more places)", n - 1),
            };
            out.report(
                place.clone(),
                format!(
                    "`{name}` is not {}, as the schema's other {} are{also}",
                    kind.style, kind.what
                ),
            )
            .extent(count);
        }
    }
}
