//! Where the API and the schema behind it disagree. Every finding is at the
//! API side (where a client sees the contract) with the column, constraint or
//! index as a related location.

pub mod enum_mismatch;
pub mod foreign_key_error_undocumented;
pub mod generated_column_writable;
pub mod length_mismatch;
pub mod missing_required_column;
pub mod nullability_mismatch;
pub mod property_without_column;
pub mod sensitive_column_exposed;
pub mod sequential_id_exposed;
pub mod type_mismatch;
pub mod unindexed_query_parameter;
pub mod unique_conflict_undocumented;
pub mod unknown_mapping_target;

use std::collections::{HashMap, HashSet};

use crate::consistency::{
    assigned_by_database, ConsistencyContext, Entity, ParameterLink, Property,
};
use crate::diagnostic::{Diagnostic, Place};
use crate::model::{Column, Table};
use crate::openapi::{Operation, Parameter};
use crate::report::{Related, Severity};
use crate::rules::words::name_words;
use crate::rules::Emitter;

/// A property linked to a column, with the schemas that send and return it.
/// One property node may belong to several schemas (an `allOf` part shared by
/// `NewPet` and `Pet`): it is looked at once, with both directions.
pub(crate) struct LinkedProperty<'l, 'a> {
    /// The first request schema that lets clients send it (not `readOnly`).
    pub writer: Option<&'l Entity<'a>>,
    /// The first response schema that returns it (not `writeOnly`).
    pub reader: Option<&'l Entity<'a>>,
    pub table: &'a Table,
    pub property: &'l Property<'a>,
    pub column: &'a Column,
}

impl LinkedProperty<'_, '_> {
    /// Clients may send it.
    pub fn is_written(&self) -> bool {
        self.writer.is_some()
    }

    /// Clients receive it.
    pub fn is_read(&self) -> bool {
        self.reader.is_some()
    }

    /// `email` of `NewCustomer`, named after the request schema when there is one.
    pub fn label(&self) -> String {
        self.label_of(self.writer.or(self.reader))
    }

    /// `email` of `Customer`, named after the response schema when there is one.
    pub fn read_label(&self) -> String {
        self.label_of(self.reader.or(self.writer))
    }

    /// Whether the response schema requires it (`required` differs between
    /// schemas sharing the property).
    pub fn required_in_response(&self) -> bool {
        self.reader.is_some_and(|entity| {
            entity.properties.iter().any(|property| {
                property.at.identity() == self.property.at.identity() && property.required
            })
        })
    }

    fn label_of(&self, entity: Option<&Entity<'_>>) -> String {
        match entity {
            Some(entity) => format!("`{}` of {}", self.property.name, describe_entity(entity)),
            None => format!("`{}`", self.property.name),
        }
    }

    /// `customers.email`.
    pub fn column_label(&self) -> String {
        format!("`{}`", self.table.object(&self.column.name))
    }

    /// Reports at the property, with its column as the related location.
    pub fn report(
        &self,
        context: &ConsistencyContext<'_, '_>,
        out: &mut Emitter,
        message: String,
        severity: Option<Severity>,
    ) {
        let related = column_related(context, self.table, self.column);
        report(out, self.property.at.place(), message, related, severity);
    }
}

/// `` `Customer` `` for components, the operation and side for inline schemas.
pub(crate) fn describe_entity(entity: &Entity<'_>) -> String {
    if entity.named {
        format!("`{}`", entity.name)
    } else {
        format!("the {}", entity.name)
    }
}

/// Every property linked to a column, once per property node and column,
/// with the directions of all the schemas that include it.
pub(crate) fn linked_properties<'l, 'a>(
    context: &'l ConsistencyContext<'_, 'a>,
) -> Vec<LinkedProperty<'l, 'a>> {
    let mut position: HashMap<(usize, usize), usize> = HashMap::new();
    let mut found: Vec<LinkedProperty<'l, 'a>> = Vec::new();
    for (entity, table) in context.links.linked() {
        for property in &entity.properties {
            let Some((column, _)) = property.column else {
                continue;
            };
            let key = (property.at.identity(), column as *const Column as usize);
            let writes = entity.is_request() && !property.read_only();
            let reads = entity.is_response() && !property.write_only();
            let index = *position.entry(key).or_insert_with(|| {
                found.push(LinkedProperty {
                    writer: None,
                    reader: None,
                    table,
                    property,
                    column,
                });
                found.len() - 1
            });
            if let Some(linked) = found.get_mut(index) {
                if writes && linked.writer.is_none() {
                    linked.writer = Some(entity);
                }
                if reads && linked.reader.is_none() {
                    linked.reader = Some(entity);
                }
            }
        }
    }
    found
}

/// Reports at an API place, with the schema side as a related location.
pub(crate) fn report(
    out: &mut Emitter,
    place: Place,
    message: String,
    related: Related,
    severity: Option<Severity>,
) {
    let mut diagnostic = Diagnostic::new(out.rule(), place, message).located(related);
    diagnostic.severity = severity;
    out.emit(diagnostic);
}

/// The related location of a column: "column `customers.email varchar(200)`".
pub(crate) fn column_related(
    context: &ConsistencyContext<'_, '_>,
    table: &Table,
    column: &Column,
) -> Related {
    context.related(
        &column.place,
        format!(
            "column `{}` {}{}",
            table.object(&column.name),
            column.data_type,
            if column.nullable { "" } else { " not null" }
        ),
    )
}

/// Whether the operation documents one of these statuses, or their range.
fn documents_any(context: &ConsistencyContext<'_, '_>, operation: usize, codes: &[&str]) -> bool {
    context
        .operation(operation)
        .is_some_and(|operation| crate::rules::api::documents_status(operation, codes))
}

/// Each write operation (POST, PUT, PATCH) with the linked schema its request
/// body is, and the columns that body writes.
fn writes<'l, 'a>(
    context: &'l ConsistencyContext<'_, 'a>,
) -> Vec<(usize, &'l Entity<'a>, &'a Table, Vec<&'a Column>)> {
    let mut found = Vec::new();
    for (entity, table) in context.links.linked() {
        let written: Vec<&Column> = entity
            .properties
            .iter()
            .filter(|property| !property.read_only())
            .filter_map(|property| property.column.map(|(column, _)| column))
            // The database assigns these (generated-column-writable says so).
            .filter(|column| !assigned_by_database(context.schema, table, column))
            .collect();
        for usage in entity
            .uses
            .iter()
            .filter(|usage| usage.request && usage.body)
        {
            let writes = context.operation(usage.operation).is_some_and(|operation| {
                operation.method.is_write() && operation.method != crate::openapi::Method::Delete
            });
            if writes {
                found.push((usage.operation, entity, table, written.clone()));
            }
        }
    }
    found.sort_by_key(|(operation, ..)| *operation);
    found
}

/// Whether every one of `names` is among the written columns.
pub(crate) fn all_written(names: &[String], written: &[&Column]) -> bool {
    !names.is_empty()
        && names.iter().all(|name| {
            written
                .iter()
                .any(|column| column.name.eq_ignore_ascii_case(name))
        })
}

/// Where a finding about an operation's responses goes: its `responses` key.
fn responses_place(context: &ConsistencyContext<'_, '_>, operation: usize) -> Option<Place> {
    let operation = context.operation(operation)?;
    Some(
        operation
            .responses_at
            .as_ref()
            .map_or_else(|| operation.at.place(), |at| at.place()),
    )
}

/// The first parameter linked to each column that `keep` accepts, with its
/// operation: a column is reported once, however many operations use it.
pub(crate) fn first_parameter_per_column<'l, 'a>(
    context: &'l ConsistencyContext<'_, 'a>,
    keep: impl Fn(&ParameterLink<'a>) -> bool,
) -> Vec<(&'l ParameterLink<'a>, &'l Operation<'a>, &'l Parameter<'a>)> {
    let mut seen = HashSet::new();
    let mut found = Vec::new();
    for link in &context.links.parameters {
        if seen.contains(&(link.column as *const Column)) || !keep(link) {
            continue;
        }
        let Some(operation) = context.operation(link.operation) else {
            continue;
        };
        let Some(parameter) = operation.parameters.get(link.parameter) else {
            continue;
        };
        seen.insert(link.column as *const Column);
        found.push((link, operation, parameter));
    }
    found
}

/// A write operation that documents none of the expected statuses for a
/// constraint its body can violate.
pub(crate) struct UndocumentedWrite<'a> {
    /// `POST /accounts`.
    pub label: String,
    /// Its `responses`.
    pub place: Place,
    pub table: &'a Table,
}

/// Each write operation, once, documenting none of `codes`, whose body
/// writes the columns of a constraint `violated` finds (returned with it).
pub(crate) fn undocumented_writes<'a, T>(
    context: &ConsistencyContext<'_, 'a>,
    codes: &[&str],
    violated: impl Fn(&'a Table, &[&'a Column]) -> Option<T>,
) -> Vec<(UndocumentedWrite<'a>, T)> {
    let mut found: Vec<(UndocumentedWrite<'a>, T)> = Vec::new();
    let mut reported = HashSet::new();
    for (operation, _entity, table, written) in writes(context) {
        if reported.contains(&operation) || documents_any(context, operation, codes) {
            continue;
        }
        let Some(constraint) = violated(table, &written) else {
            continue;
        };
        let (Some(place), Some(label)) = (
            responses_place(context, operation),
            context.operation(operation).map(Operation::label),
        ) else {
            continue;
        };
        reported.insert(operation);
        found.push((
            UndocumentedWrite {
                label,
                place,
                table,
            },
            constraint,
        ));
    }
    found
}

/// Whether two names look like one field written two ways: the words of one
/// begin the other's (`email` / `email_address`, `zip_code` / `zip`).
pub(crate) fn looks_alike(a: &str, b: &str) -> bool {
    let (a, b) = (name_words(a), name_words(b));
    let (short, long) = if a.len() <= b.len() {
        (&a, &b)
    } else {
        (&b, &a)
    };
    !short.is_empty() && short != long && long.starts_with(short) && short != &["id"]
}

/// The help that suggests linking a property to the column it seems to be.
pub(crate) fn link_help(property: &str, column: &str) -> String {
    format!(
        "If `{property}` is stored in `{column}`, link them: `x-archlint-column: {column}` on the property (or `[consistency] columns` in archlint.toml)."
    )
}
