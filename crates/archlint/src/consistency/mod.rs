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

fn via_name(via: Via) -> String {
    match via {
        Via::Extension => "extension",
        Via::Config => "config",
        Via::Name => "name",
        Via::Path => "path",
    }
    .to_owned()
}

fn kind_name(kind: ParameterKind) -> String {
    match kind {
        ParameterKind::Lookup => "lookup",
        ParameterKind::Filter => "filter",
        ParameterKind::Sort => "sort",
    }
    .to_owned()
}

/// The links as the report shows them.
pub fn mapping(links: &Links<'_>, api: &ApiContext<'_>, schema: &Schema) -> Mapping {
    let sources = &api.documents.sources;
    let mut mapping = Mapping::default();
    let mut linked_tables: Vec<&Table> = Vec::new();
    let mut mapped_columns: Vec<(&str, &str)> = Vec::new();
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
                    mapped_columns.push((&table.name, &column.name));
                }
                PropertyMapping {
                    property: property.name.to_owned(),
                    column: property.column.map(|(column, _)| column.name.clone()),
                    via: property.column.map(|(_, via)| via_name(via)),
                    nested: !property.is_scalar(),
                }
            })
            .collect();
        mapping.schemas.push(SchemaMapping {
            schema: entity.name.clone(),
            location: locate(sources, &entity.schema.place()),
            table: table.name.clone(),
            via: via_name(via),
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
        mapped_columns.push((&parameter.table.name, &parameter.column.name));
        mapping.parameters.push(ParameterMapping {
            operation: operation.label(),
            parameter: declared.name.to_owned(),
            within: declared.location.to_owned(),
            table: parameter.table.name.clone(),
            column: parameter.column.name.clone(),
            kind: kind_name(parameter.kind),
            via: via_name(parameter.via),
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
            let mapped = mapped_columns
                .iter()
                .any(|(owner, name)| *owner == table.name && *name == column.name);
            if !mapped {
                mapping.unmapped.columns.push(table.object(&column.name));
            }
        }
    }
    mapping
}
