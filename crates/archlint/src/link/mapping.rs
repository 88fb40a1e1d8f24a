//! How the API maps onto the schema, as the JSON report (`summary.mapping`)
//! and `archlint map` show it.

use std::collections::HashSet;

use serde::Serialize;

use super::Links;
use crate::base::{locate, Location};
use crate::openapi::{Api, Documents};
use crate::schema::{Schema, Table};

#[derive(Debug, Clone, Default, Serialize, PartialEq, Eq)]
pub struct Mapping {
    /// Object schemas linked to a table, with their properties.
    pub schemas: Vec<SchemaMapping>,
    /// Path and query parameters linked to a column.
    pub parameters: Vec<ParameterMapping>,
    pub unmapped: Unmapped,
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct SchemaMapping {
    /// The component name, or `POST /orders request body` for inline schemas.
    pub schema: String,
    pub location: Location,
    pub table: String,
    /// `extension`, `config`, `name` or `path`.
    pub via: String,
    /// The strength of the link: how many of the schema's own values
    /// (scalar properties) are columns of the table, of how many.
    pub matching: usize,
    pub values: usize,
    pub properties: Vec<PropertyMapping>,
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct PropertyMapping {
    pub property: String,
    /// `None` when no column stores it.
    pub column: Option<String>,
    pub via: Option<String>,
    /// Where the value is kept when no column of the table holds it: a
    /// referencing table's column, a JSON column, flattened columns.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stored: Option<String>,
    /// An object or array: a nested schema (mapped on its own), not a column.
    pub nested: bool,
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct ParameterMapping {
    /// `GET /orders`.
    pub operation: String,
    pub parameter: String,
    /// `path` or `query`.
    #[serde(rename = "in")]
    pub within: String,
    pub table: String,
    pub column: String,
    /// `lookup`, `filter` or `sort`.
    pub kind: String,
    pub via: String,
    pub location: Location,
}

#[derive(Debug, Clone, Default, Serialize, PartialEq, Eq)]
pub struct Unmapped {
    /// Named object schemas of requests and responses that no table stores.
    pub schemas: Vec<String>,
    /// Tables no schema is linked to.
    pub tables: Vec<String>,
    /// `table.column` of linked tables that no linked property maps to.
    pub columns: Vec<String>,
    /// Schemas named like a table whose properties do not agree with its
    /// columns: not linked, shown for `x-archlint-table` to confirm.
    pub suggestions: Vec<Suggestion>,
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Suggestion {
    pub schema: String,
    pub table: String,
    pub matching: usize,
    pub values: usize,
}

impl Mapping {
    /// Adds the mapping of another description of the same run: what one
    /// description leaves unmapped may be mapped by another.
    pub fn merge(&mut self, other: Mapping) {
        self.schemas.extend(other.schemas);
        self.parameters.extend(other.parameters);
        self.unmapped.schemas.extend(other.unmapped.schemas);
        self.unmapped.suggestions.extend(other.unmapped.suggestions);
        self.unmapped
            .tables
            .retain(|table| other.unmapped.tables.contains(table));
        self.unmapped
            .columns
            .retain(|column| other.unmapped.columns.contains(column));
    }
}

/// The links as the report shows them.
pub fn mapping(
    links: &Links<'_>,
    documents: &Documents,
    api: &Api<'_>,
    schema: &Schema,
) -> Mapping {
    let sources = &documents.sources;
    let mut mapping = Mapping::default();
    let mut linked_tables: Vec<&Table> = Vec::new();
    let mut mapped_columns: HashSet<(&str, &str)> = HashSet::new();
    for entity in &links.entities {
        let Some((table, via)) = entity.table else {
            if entity.named && !mapping.unmapped.schemas.contains(&entity.name) {
                mapping.unmapped.schemas.push(entity.name.clone());
                if let Some((table, matching)) = entity.suggested {
                    mapping.unmapped.suggestions.push(Suggestion {
                        schema: entity.name.clone(),
                        table: table.name.clone(),
                        matching,
                        values: entity.agreement().1,
                    });
                }
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
                    stored: property.elsewhere.map(|elsewhere| elsewhere.describe()),
                    nested: !property.is_scalar(),
                }
            })
            .collect();
        mapping.schemas.push(SchemaMapping {
            schema: entity.name.clone(),
            location: locate(sources, &entity.schema.place()),
            table: table.name.clone(),
            via: via.as_str().to_owned(),
            matching: entity.agreement().0,
            values: entity.agreement().1,
            properties,
        });
    }
    for parameter in &links.parameters {
        let Some(operation) = api.operations.get(parameter.operation) else {
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
