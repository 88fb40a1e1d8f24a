use super::{column_label, linked_types};
use crate::base::{Emitter, Severity};
use crate::link::{LinkedField, LinkedType};
use crate::rules::graphql::names::code_list;
use crate::rules::GraphqlContext;

crate::declare_rule! {
    /// ## What it does
    /// Reports a non-null field (`String!`, `User!`) of a type served from a
    /// table whose column is nullable and has no default: the field's own
    /// column, or for an object field (`author: User!`) its key column
    /// (`author_id`).
    ///
    /// ## Why is this bad?
    /// Unless the resolver replaces it, a row with `NULL` there makes the
    /// server return `null` for a field the schema promises is never null. GraphQL answers that with an error
    /// and nulls the nearest nullable parent: one bad row empties a whole
    /// list or query result, not only the field.
    ///
    /// ## Example
    /// ```graphql
    /// type Query { customer(id: ID!): Customer }
    /// type Customer { id: ID! name: String! plan: Plan! }
    /// type Plan { id: ID! name: String! }
    /// ```
    ///
    /// ```sql
    /// CREATE TABLE plans (id uuid PRIMARY KEY, name text NOT NULL);
    /// CREATE TABLE customers (id uuid PRIMARY KEY, name text NOT NULL, plan_id uuid REFERENCES plans (id));
    /// ```
    ///
    /// Use instead:
    /// ```graphql
    /// type Query { customer(id: ID!): Customer }
    /// type Customer { id: ID! name: String! plan: Plan }
    /// type Plan { id: ID! name: String! }
    /// ```
    ///
    /// ## How to fix
    /// Make the field nullable, or the column `NOT NULL` once no row holds
    /// `NULL`.
    ///
    /// More than three such fields of one type are reported together, as
    /// `info`: the table declares little `NOT NULL`, one decision to revisit.
    ///
    /// Severity: `warning` for an object read through a nullable key (the
    /// resolver has nothing to return); `info` for scalars, which resolvers
    /// often replace (`""`, `0`, a zero time) or which every writer fills:
    /// then the finding is the missing `NOT NULL`.
    pub struct GraphqlNullabilityMismatch {
        id: "GQL021",
        name: "graphql-nullability-mismatch",
        side: Graphql,
        area: Consistency,
        severity: Warning,
        summary: "A non-null GraphQL field reads a nullable column.",
        fix: "Make the field nullable, or the column NOT NULL.",
        check_graphql: check,
    }
}

fn check(graphql: &GraphqlContext<'_>, out: &mut Emitter) {
    for linked in linked_types(graphql) {
        let mismatched: Vec<&LinkedField<'_>> = linked
            .fields
            .iter()
            .filter(|field| is_mismatched(field))
            .collect();
        match mismatched.as_slice() {
            [] => {}
            few if few.len() <= GROUPED_FROM => {
                for field in few {
                    report_one(out, linked, field);
                }
            }
            many => report_many(out, linked, many),
        }
    }
}

/// Past this many fields of one type, they are reported together: the
/// table declares little `NOT NULL`, which is one decision to revisit.
const GROUPED_FROM: usize = 3;

fn is_mismatched(field: &LinkedField<'_>) -> bool {
    let column = field.column;
    let defaulted = column
        .default
        .as_deref()
        .is_some_and(|default| !default.eq_ignore_ascii_case("null"));
    field.field.ty.non_null && column.nullable && !defaulted && !column.generated
}

/// A NULL key leaves nothing to return for a non-null object: the query
/// fails. A NULL scalar is often replaced by the resolver (`""`, `0`,
/// `false`, a zero time), so the finding there is that the database does
/// not guarantee what the schema promises.
fn severity_of(field: &LinkedField<'_>) -> Severity {
    if field.through_key {
        Severity::Warning
    } else {
        Severity::Info
    }
}

fn report_one(out: &mut Emitter, linked: &LinkedType<'_>, field: &LinkedField<'_>) {
    let label = column_label(linked, field);
    let through = if field.through_key {
        "its key column "
    } else {
        "column "
    };
    out.report(
        linked.ty.field_place(field.field),
        format!(
            "`{}.{}` is non-null (`{}`) but {through}`{label}` is nullable: {}",
            linked.ty.name(),
            field.field.name(),
            field.field.ty.text,
            consequence(field)
        ),
    )
    .related(field.column.place.clone(), format!("column `{label}`"))
    .severity(severity_of(field));
}

fn consequence(field: &LinkedField<'_>) -> &'static str {
    if field.through_key {
        "a row without one fails the query and nulls the parent"
    } else {
        "the database does not guarantee what the schema promises; a NULL the resolver does not replace fails the query"
    }
}

fn report_many(out: &mut Emitter, linked: &LinkedType<'_>, fields: &[&LinkedField<'_>]) {
    let Some(first) = fields.first() else {
        return;
    };
    let listed = code_list(fields.iter().map(|field| field.field.name()), 6);
    out.report(
        linked.ty.field_place(first.field),
        format!(
            "{} non-null fields of `{}` read nullable columns of `{}` ({listed}): the database does not guarantee what the schema promises; a NULL the resolvers do not replace fails the query",
            fields.len(),
            linked.ty.name(),
            linked.table.name
        ),
    )
    .related(linked.table.place.clone(), format!("table `{}`", linked.table.name))
    .severity(Severity::Info)
    .extent(fields.len());
}
