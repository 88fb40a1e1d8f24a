//! The API ↔ schema mapping as `archlint map` prints it.

use crate::link::Mapping;

impl Mapping {
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
