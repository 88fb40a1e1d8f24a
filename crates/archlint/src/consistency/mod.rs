//! API ↔ schema consistency: linking an OpenAPI description to the tables
//! behind it (`link`), reading what columns allow (`columns`), and the context
//! the consistency rules review.

mod columns;
mod link;
mod names;

pub(crate) use columns::{
    allowed_values, assigned_by_database, is_sequence, length_bound, ColumnKind,
};
pub(crate) use link::COLUMN_EXTENSION;
pub use link::{link, Entity, Links, ParameterKind, ParameterLink, Property, Use, Via};

use std::collections::HashSet;

use crate::config::Config;
use crate::diagnostic::{locate, Place};
use crate::model::{Schema, Table};
use crate::openapi::{ApiContext, Operation};
use crate::report::{Mapping, ParameterMapping, PropertyMapping, Related, SchemaMapping};
use crate::source::SourceMap;

/// What a consistency rule sees: one API, the schema, and the links between.
pub struct ConsistencyContext<'c, 'a> {
    pub api: &'c ApiContext<'a>,
    pub schema: &'a Schema,
    /// The SQL files, for locating the schema side of a finding.
    pub db_sources: &'a SourceMap,
    pub links: &'c Links<'a>,
    pub config: &'a Config,
}

impl<'a> ConsistencyContext<'_, 'a> {
    /// A related location on the schema side.
    pub fn related(&self, place: &Place, message: impl Into<String>) -> Related {
        Related {
            message: message.into(),
            location: locate(self.db_sources, place),
        }
    }

    pub fn operation(&self, index: usize) -> Option<&Operation<'a>> {
        self.api.api.operations.get(index)
    }
}

/// The links as the report shows them.
pub fn mapping(links: &Links<'_>, api: &ApiContext<'_>, schema: &Schema) -> Mapping {
    let sources = &api.documents.sources;
    let mut mapping = Mapping::default();
    let mut linked_tables: Vec<&Table> = Vec::new();
    let mut mapped_columns: HashSet<(&str, &str)> = HashSet::new();
    for entity in &links.entities {
        let Some((table, via)) = entity.table else {
            if entity.named && !mapping.unmapped.schemas.contains(&entity.name) {
                mapping.unmapped.schemas.push(entity.name.clone());
            }
            continue;
        };
        linked_tables.push(table);
        let properties = entity
            .properties
            .iter()
            .map(|property| {
                if let Some((column, _)) = property.column {
                    mapped_columns.insert((&table.name, &column.name));
                }
                PropertyMapping {
                    property: property.name.to_owned(),
                    column: property.column.map(|(column, _)| column.name.clone()),
                    via: property.column.map(|(_, via)| via.as_str().to_owned()),
                    nested: !property.is_scalar(),
                }
            })
            .collect();
        mapping.schemas.push(SchemaMapping {
            schema: entity.name.clone(),
            location: locate(sources, &entity.schema.place()),
            table: table.name.clone(),
            via: via.as_str().to_owned(),
            properties,
        });
    }
    for parameter in &links.parameters {
        let Some(operation) = api.api.operations.get(parameter.operation) else {
            continue;
        };
        let Some(declared) = operation.parameters.get(parameter.parameter) else {
            continue;
        };
        mapped_columns.insert((&parameter.table.name, &parameter.column.name));
        mapping.parameters.push(ParameterMapping {
            operation: operation.label(),
            parameter: declared.name.to_owned(),
            within: declared.location.to_owned(),
            table: parameter.table.name.clone(),
            column: parameter.column.name.clone(),
            kind: parameter.kind.as_str().to_owned(),
            via: parameter.via.as_str().to_owned(),
            location: locate(sources, &declared.at.place()),
        });
    }
    for table in &schema.tables {
        if !linked_tables
            .iter()
            .any(|linked| std::ptr::eq(*linked, table))
        {
            mapping.unmapped.tables.push(table.name.clone());
            continue;
        }
        for column in &table.columns {
            if !mapped_columns.contains(&(table.name.as_str(), column.name.as_str())) {
                mapping.unmapped.columns.push(table.object(&column.name));
            }
        }
    }
    mapping
}
