//! A readable listing of the schema model (`archlint schema`): every table with
//! where it is defined, its columns, keys and indexes.

use std::fmt::Write;

use super::Schema;
use crate::base::diagnostic::{locate, Place};
use crate::base::source::SourceMap;

pub fn describe(schema: &Schema, sources: &SourceMap) -> String {
    let at = |place: &Place| {
        let location = locate(sources, place);
        format!("{}:{}", location.file, location.line)
    };
    let mut out = String::new();
    let _ = writeln!(out, "dialect: {}", schema.dialect.as_str());
    for item in &schema.enums {
        let _ = writeln!(
            out,
            "enum {} ({})  {}",
            item.name,
            item.values.join(", "),
            at(&item.place)
        );
    }
    for table in &schema.tables {
        let mut extras = Vec::new();
        if let Some(engine) = &table.engine {
            extras.push(format!("engine {engine}"));
        }
        if let Some(charset) = &table.charset {
            extras.push(format!("charset {charset}"));
        }
        if table.row_level_security {
            extras.push("row level security".to_owned());
        }
        let extras = if extras.is_empty() {
            String::new()
        } else {
            format!(" [{}]", extras.join(", "))
        };
        let _ = writeln!(
            out,
            "table {}{extras}  {} (created in {}, last changed in {})",
            table.name,
            at(&table.place),
            sources.name(table.created_in),
            sources.name(table.changed_in)
        );
        for column in &table.columns {
            let mut flags = vec![if column.nullable { "null" } else { "not null" }.to_owned()];
            if let Some(default) = &column.default {
                flags.push(format!("default {default}"));
            }
            if column.auto_increment {
                flags.push("auto-increment".to_owned());
            }
            if column.generated {
                flags.push("generated".to_owned());
            }
            let _ = writeln!(
                out,
                "  column {} {} {}  {}",
                column.name,
                column.data_type,
                flags.join(", "),
                at(&column.place)
            );
        }
        if let Some(key) = &table.primary_key {
            let _ = writeln!(
                out,
                "  primary key ({})  {}",
                key.columns.join(", "),
                at(&key.place)
            );
        }
        for key in &table.uniques {
            let _ = writeln!(
                out,
                "  unique ({})  {}",
                key.columns.join(", "),
                at(&key.place)
            );
        }
        for key in &table.foreign_keys {
            let on_delete = key
                .on_delete
                .as_deref()
                .map(|action| format!(" on delete {action}"))
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "  foreign key ({}) -> {} ({}){on_delete}{}  {}",
                key.columns.join(", "),
                key.ref_table,
                key.ref_columns.join(", "),
                if key.not_valid { " not valid" } else { "" },
                at(&key.place)
            );
        }
        for check in &table.checks {
            let _ = writeln!(out, "  check {}  {}", check.expression, at(&check.place));
        }
        for index in &table.indexes {
            let _ = writeln!(
                out,
                "  {}index {} ({}){}  {}",
                if index.unique { "unique " } else { "" },
                index
                    .name
                    .as_deref()
                    .or(index.implicit_name.as_deref())
                    .unwrap_or("(unnamed)"),
                index.columns.join(", "),
                index
                    .method
                    .as_deref()
                    .map(|method| format!(" using {method}"))
                    .unwrap_or_default(),
                at(&index.place)
            );
        }
    }
    for view in &schema.views {
        let _ = writeln!(
            out,
            "{} {}  {}",
            if view.materialized {
                "materialized view"
            } else {
                "view"
            },
            view.name,
            at(&view.place)
        );
    }
    let in_blocks = schema
        .statements
        .iter()
        .filter(|statement| statement.in_block)
        .count();
    if in_blocks > 0 {
        let _ = writeln!(
            out,
            "{in_blocks} statement{} inside DO blocks applied as if their conditions held",
            if in_blocks == 1 { "" } else { "s" }
        );
    }
    out
}
