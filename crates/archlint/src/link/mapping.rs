//! How the API (an OpenAPI description or a GraphQL schema) maps onto the
//! database, as the JSON report (`summary.mapping`) and `archlint map` show it.

use std::collections::HashSet;

use serde::Serialize;

use super::{GraphqlLinks, Links};
use crate::base::source::SourceMap;
use crate::base::{locate, Location};
use crate::graphql::{Graphql, TypeKind};
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
    add_unmapped(
        &mut mapping.unmapped,
        schema,
        &linked_tables,
        &mapped_columns,
    );
    mapping
}

/// The tables nothing links to, and the columns of linked tables no property
/// or parameter reads.
fn add_unmapped(
    unmapped: &mut Unmapped,
    schema: &Schema,
    linked_tables: &[&Table],
    mapped_columns: &HashSet<(&str, &str)>,
) {
    for table in &schema.tables {
        if !linked_tables
            .iter()
            .any(|linked| std::ptr::eq(*linked, table))
        {
            unmapped.tables.push(table.name.clone());
            continue;
        }
        for column in &table.columns {
            if !mapped_columns.contains(&(table.name.as_str(), column.name.as_str())) {
                unmapped.columns.push(table.object(&column.name));
            }
        }
    }
}

/// The links of a GraphQL schema as the report shows them: types as
/// schemas, fields as properties (an object field read through its key
/// column names that column).
pub fn graphql_mapping(
    links: &GraphqlLinks<'_>,
    graphql: &Graphql,
    schema: &Schema,
    sources: &SourceMap,
) -> Mapping {
    let mut mapping = Mapping::default();
    let mut linked_tables: Vec<&Table> = Vec::new();
    let mut mapped_columns: HashSet<(&str, &str)> = HashSet::new();
    for linked in &links.types {
        linked_tables.push(linked.table);
        let properties = linked
            .ty
            .fields
            .iter()
            .map(|field| {
                let column = linked.linked_field(field.name());
                if let Some(column) = column {
                    mapped_columns.insert((&linked.table.name, &column.column.name));
                }
                PropertyMapping {
                    property: field.name().to_owned(),
                    column: column.map(|column| column.column.name.clone()),
                    via: column.map(|column| column.via.as_str().to_owned()),
                    stored: None,
                    nested: column.is_none() && !graphql.is_leaf(&field.ty.name),
                }
            })
            .collect();
        let values = linked
            .ty
            .fields
            .iter()
            .filter(|field| field.arguments.is_empty() && graphql.is_leaf(&field.ty.name))
            .count();
        mapping.schemas.push(SchemaMapping {
            schema: linked.ty.name().to_owned(),
            location: locate(sources, &linked.ty.place()),
            table: linked.table.name.clone(),
            via: linked.via.as_str().to_owned(),
            matching: linked
                .fields
                .iter()
                .filter(|field| !field.through_key)
                .count(),
            values,
            properties,
        });
    }
    mapping.unmapped.schemas = graphql
        .of_kind(TypeKind::Object)
        .filter(|ty| !graphql.is_root(ty.name()) && links.of(ty.name()).is_none())
        .map(|ty| ty.name().to_owned())
        .collect();
    add_unmapped(
        &mut mapping.unmapped,
        schema,
        &linked_tables,
        &mapped_columns,
    );
    mapping
}
