//! The API ↔ schema mapping as `archlint map` prints it.

use crate::link::Mapping;

impl Mapping {
    /// The mapping as `archlint map` prints it.
    pub fn to_text(&self) -> String {
        let mut text = String::new();
        for schema in &self.schemas {
            let at = &schema.location;
            text.push_str(&format!(
                "{} → {}  ({}: {} of {} values are columns, {}:{})\n",
                schema.schema,
                schema.table,
                schema.via,
                schema.matching,
                schema.values,
                at.file,
                at.line
            ));
            for property in &schema.properties {
                let column = match (&property.column, &property.stored, property.nested) {
                    (Some(column), _, _) => column.clone(),
                    (None, Some(stored), _) => format!("(in {stored})"),
                    (None, None, true) => "(nested)".to_owned(),
                    (None, None, false) => "(no column)".to_owned(),
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
        if !self.unmapped.suggestions.is_empty() {
            text.push_str("\n\nnamed like a table, not linked (too few properties are its columns; `x-archlint-table` links them):");
            for suggestion in &self.unmapped.suggestions {
                text.push_str(&format!(
                    "\n    {} ~ {}  ({} of {} values are columns)",
                    suggestion.schema, suggestion.table, suggestion.matching, suggestion.values
                ));
            }
        }
        text.push('\n');
        text
    }
}
