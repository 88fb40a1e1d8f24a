//! Properties linked to columns as the consistency rules look at them, and
//! how their findings name both sides.

use std::collections::{HashMap, HashSet};

use crate::base::{Emitter, Place, Severity};
use crate::link::{Entity, ParameterLink, Property};
use crate::openapi::{Operation, Parameter};
use crate::rules::ConsistencyContext;
use crate::schema::{Column, Table};

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
    pub fn report(&self, out: &mut Emitter, message: String, severity: Option<Severity>) {
        let related = column_related(self.table, self.column);
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
            // A key the path already names picks the row: it is not written.
            let writes = entity.is_request()
                && !property.read_only()
                && !super::selects_everywhere(context, entity, property);
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
    (related_place, related_message): (Place, String),
    severity: Option<Severity>,
) {
    let diagnostic = out
        .report(place, message)
        .related(related_place, related_message);
    diagnostic.severity = severity.or(diagnostic.severity);
}

/// The related location of a column: "column `customers.email varchar(200)`".
pub(crate) fn column_related(table: &Table, column: &Column) -> (Place, String) {
    (
        column.place.clone(),
        format!(
            "column `{}` {}{}",
            table.object(&column.name),
            column.data_type,
            if column.nullable { "" } else { " not null" }
        ),
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
