//! Write operations and the constraints their bodies can violate.

use std::collections::HashSet;

use super::is_selector;
use crate::base::Place;
use crate::link::{assigned_by_database, Entity};
use crate::openapi::{Method, Operation};
use crate::rules::api::documents_status;
use crate::rules::ConsistencyContext;
use crate::schema::{Column, Table};

/// Whether the operation documents one of these statuses, or their range.
fn documents_any(context: &ConsistencyContext<'_, '_>, operation: usize, codes: &[&str]) -> bool {
    context
        .operation(operation)
        .is_some_and(|operation| documents_status(operation, codes))
}

/// Whether the operation documents some 4xx response.
fn documents_client_error(context: &ConsistencyContext<'_, '_>, operation: usize) -> bool {
    context.operation(operation).is_some_and(|operation| {
        operation
            .responses
            .iter()
            .any(|response| response.class() == Some(4))
    })
}

/// Each write operation (POST, PUT, PATCH) with the linked schema its request
/// body is, and the columns that body writes.
fn writes<'l, 'a>(
    context: &'l ConsistencyContext<'_, 'a>,
) -> Vec<(usize, &'l Entity<'a>, &'a Table, Vec<&'a Column>)> {
    let mut found = Vec::new();
    for (entity, table) in context.links.linked() {
        for usage in entity
            .uses
            .iter()
            .filter(|usage| usage.request && usage.body)
        {
            let writes = context.operation(usage.operation).is_some_and(|operation| {
                operation.method.is_write() && operation.method != Method::Delete
            });
            if !writes {
                continue;
            }
            let written: Vec<&Column> = entity
                .properties
                .iter()
                .filter(|property| !property.read_only())
                // The key the path names picks the row (`PUT /users/{id}`).
                .filter(|property| !is_selector(context, usage.operation, property))
                .filter_map(|property| property.column.map(|(column, _)| column))
                // The database assigns these (generated-column-writable says so).
                .filter(|column| !assigned_by_database(context.schema, table, column))
                .collect();
            found.push((usage.operation, entity, table, written));
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
        // An operation that documents no client error at all is reported
        // by missing-4xx-response; one status more would repeat it.
        if reported.contains(&operation)
            || documents_any(context, operation, codes)
            || !documents_client_error(context, operation)
        {
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
