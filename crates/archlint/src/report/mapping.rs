//! How the API maps onto the schema, as the JSON report (`summary.mapping`)
//! and `archlint map` show it.

use serde::Serialize;

use super::Location;

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
    pub properties: Vec<PropertyMapping>,
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct PropertyMapping {
    pub property: String,
    /// `None` when no column stores it.
    pub column: Option<String>,
    pub via: Option<String>,
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
}

impl Mapping {
    /// Adds the mapping of another description of the same run: what one
    /// description leaves unmapped may be mapped by another.
    pub fn merge(&mut self, other: Mapping) {
        self.schemas.extend(other.schemas);
        self.parameters.extend(other.parameters);
        self.unmapped.schemas.extend(other.unmapped.schemas);
        self.unmapped
            .tables
            .retain(|table| other.unmapped.tables.contains(table));
        self.unmapped
            .columns
            .retain(|column| other.unmapped.columns.contains(column));
    }

    /// The mapping as `archlint map` prints it.
    pub fn to_text(&self) -> String {
        let mut text = String::new();
        for schema in &self.schemas {
            let at = &schema.location;
            text.push_str(&format!(
                "{} → {}  ({}, {}:{})\n",
                schema.schema, schema.table, schema.via, at.file, at.line
            ));
            for property in &schema.properties {
                let column = match (&property.column, property.nested) {
                    (Some(column), _) => column.as_str(),
                    (None, true) => "(nested)",
                    (None, false) => "(no column)",
                };
                text.push_str(&format!("    {} → {column}\n", property.property));
            }
        }
        if !self.parameters.is_empty() {
            text.push_str("\nparameters:\n");
            for parameter in &self.parameters {
                text.push_str(&format!(
                    "    {} {} ({}) → {}.{}  [{}]\n",
                    parameter.operation,
                    parameter.parameter,
                    parameter.within,
                    parameter.table,
                    parameter.column,
                    parameter.kind
                ));
            }
        }
        let lists = [
            ("schemas without a table", &self.unmapped.schemas),
            ("tables without a schema", &self.unmapped.tables),
            ("columns no property maps to", &self.unmapped.columns),
        ];
        for (title, names) in lists {
            let shown = if names.is_empty() {
                "none".to_owned()
            } else {
                names.join(", ")
            };
            text.push_str(&format!("\n{title}: {shown}"));
        }
        text.push('\n');
        text
    }
}
