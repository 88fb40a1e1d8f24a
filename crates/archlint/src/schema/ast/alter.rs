//! `ALTER TABLE`: adding, changing, renaming and dropping columns and
//! constraints, and toggling row-level security.

use sqlparser::ast::{
    AlterColumnOperation, AlterTableOperation, ColumnOption, DataType, DropBehavior,
    RenameTableNameKind,
};

use super::changes::change_of;
use super::names::{object_name, type_text};
use super::tables::{add_constraint, apply_column_option, new_column};
use super::Change;
use crate::base::diagnostic::Place;
use crate::base::source::FileId;
use crate::schema::applying::Applying;
use crate::schema::Table;
use crate::sql::locate;

impl Applying<'_> {
    /// A change that changes nothing: `SET NOT NULL` on a column that is
    /// NOT NULL already (PostgreSQL skips the scan).
    fn already_so(&self, table: &str, change: &Change) -> bool {
        match change {
            Change::SetNotNull { column } => self
                .schema
                .table(table)
                .and_then(|table| table.column(column))
                .is_some_and(|column| !column.nullable),
            _ => false,
        }
    }

    pub(super) fn alter_table(
        &mut self,
        name: &str,
        operations: &[AlterTableOperation],
        if_exists: bool,
    ) {
        if self.schema.table(name).is_none() {
            if !if_exists {
                self.unknown("ALTER TABLE on table", name);
            }
            return;
        }
        for operation in operations {
            self.alter_operation(name, operation);
        }
        let file = self.file;
        if let Some(table) = self.schema.table_mut(name) {
            table.changed_in = file;
        }
    }

    fn alter_operation(&mut self, name: &str, operation: &AlterTableOperation) {
        if let Some(change) = change_of(operation).filter(|change| !self.already_so(name, change)) {
            self.changes.push(change);
        }
        let file = self.file;
        let statement_place = self.place.clone();
        match operation {
            AlterTableOperation::AddColumn { column_def, .. } => {
                let place = self.ident_place(&column_def.name.value, name);
                let Some(mut table) = self.take_table(name) else {
                    return;
                };
                self.add_column(&mut table, column_def, place);
                self.insert_table(table);
            }
            AlterTableOperation::AddConstraint {
                constraint,
                not_valid,
            } => {
                if let Some(table) = self.schema.table_mut(name) {
                    add_constraint(table, constraint, statement_place, *not_valid, file);
                }
            }
            AlterTableOperation::RenameTable { table_name } => {
                let new_name = match table_name {
                    RenameTableNameKind::As(new) | RenameTableNameKind::To(new) => object_name(new),
                };
                self.rename_table(name, &new_name);
            }
            AlterTableOperation::RenameColumn {
                old_column_name,
                new_column_name,
            } => {
                if let Some(table) = self.schema.table_mut(name) {
                    rename_column(table, &old_column_name.value, &new_column_name.value);
                }
            }
            AlterTableOperation::ChangeColumn {
                old_name,
                new_name,
                data_type,
                options,
                ..
            } => {
                let place = self.ident_place(&new_name.value, name);
                if let Some(table) = self.schema.table_mut(name) {
                    rename_column(table, &old_name.value, &new_name.value);
                    replace_column(table, &new_name.value, data_type, options, place, file);
                }
            }
            AlterTableOperation::ModifyColumn {
                col_name,
                data_type,
                options,
                ..
            } => {
                let place = self.ident_place(&col_name.value, name);
                if let Some(table) = self.schema.table_mut(name) {
                    replace_column(table, &col_name.value, data_type, options, place, file);
                }
            }
            AlterTableOperation::AlterColumn { column_name, op } => {
                if let Some(table) = self.schema.table_mut(name) {
                    alter_column(table, &column_name.value, op, file);
                }
            }
            AlterTableOperation::DropConstraint {
                name: constraint,
                drop_behavior: Some(DropBehavior::Cascade),
                ..
            } => {
                let referenced = self
                    .schema
                    .table(name)
                    .and_then(|table| key_called(table, &constraint.value));
                if let Some(table) = self.schema.table_mut(name) {
                    drop_constraint(table, &constraint.value);
                }
                if let Some((columns, primary)) = referenced {
                    self.schema.drop_references(name, &columns, primary);
                }
            }
            _ => self.alter_removal(name, operation),
        }
    }

    /// Operations that remove or toggle something.
    fn alter_removal(&mut self, name: &str, operation: &AlterTableOperation) {
        let Some(table) = self.schema.table_mut(name) else {
            return;
        };
        match operation {
            AlterTableOperation::DropColumn { column_names, .. } => {
                for column in column_names {
                    drop_column(table, &column.value);
                }
            }
            AlterTableOperation::DropConstraint { name, .. } => drop_constraint(table, &name.value),
            AlterTableOperation::DropPrimaryKey { .. } => table.primary_key = None,
            AlterTableOperation::DropForeignKey { name, .. } => {
                table.drop_foreign_keys(|key| key.called(&name.value));
            }
            AlterTableOperation::DropIndex { name, .. } => {
                table.indexes.retain(|index| !index.called(&name.value));
                table.uniques.retain(|key| !key.called(&name.value));
            }
            AlterTableOperation::EnableRowLevelSecurity
            | AlterTableOperation::ForceRowLevelSecurity => {
                table.row_level_security = true;
            }
            AlterTableOperation::DisableRowLevelSecurity => table.row_level_security = false,
            AlterTableOperation::ValidateConstraint { name } => {
                for key in table
                    .foreign_keys
                    .iter_mut()
                    .filter(|key| key.called(&name.value))
                {
                    key.not_valid = false;
                }
                for check in table
                    .checks
                    .iter_mut()
                    .filter(|check| check.called(&name.value))
                {
                    check.not_valid = false;
                }
            }
            _ => {}
        }
    }

    fn take_table(&mut self, name: &str) -> Option<Table> {
        self.schema.remove_table(name)
    }

    /// Where a column is named in the statement (ALTER TABLE ... ADD COLUMN x ...),
    /// from the name to the end of the statement.
    fn ident_place(&self, column: &str, table: &str) -> Place {
        let start = locate::find_word(self.text, self.tokens, "ADD")
            .or_else(|| locate::find_word(self.text, self.tokens, "MODIFY"))
            .or_else(|| locate::find_word(self.text, self.tokens, "CHANGE"))
            .unwrap_or(0);
        match locate::find_ident(self.text, self.tokens, start, column) {
            Some(token) => self.at(
                token.start,
                self.place.span.end as usize,
                Some(format!("{table}.{column}")),
            ),
            None => Place {
                object: Some(format!("{table}.{column}")),
                ..self.place.clone()
            },
        }
    }
}

fn rename_column(table: &mut Table, old: &str, new: &str) {
    let same = |name: &String| name.eq_ignore_ascii_case(old);
    if let Some(column) = table.column_mut(old) {
        column.name = new.to_owned();
        column.place.object = Some(format!("{}.{new}", table_name_of(&column.place)));
    }
    let rename_all = |columns: &mut Vec<String>| {
        for column in columns.iter_mut().filter(|column| same(column)) {
            *column = new.to_owned();
        }
    };
    if let Some(key) = table.primary_key.as_mut() {
        rename_all(&mut key.columns);
    }
    table
        .uniques
        .iter_mut()
        .for_each(|key| rename_all(&mut key.columns));
    table
        .foreign_keys
        .iter_mut()
        .for_each(|key| rename_all(&mut key.columns));
    table
        .indexes
        .iter_mut()
        .for_each(|index| rename_all(&mut index.columns));
}

fn table_name_of(place: &Place) -> String {
    place
        .object
        .as_deref()
        .and_then(|object| object.rsplit_once('.'))
        .map(|(table, _)| table.to_owned())
        .unwrap_or_default()
}

fn replace_column(
    table: &mut Table,
    name: &str,
    data_type: &DataType,
    options: &[ColumnOption],
    place: Place,
    file: FileId,
) {
    let mut column = new_column(name, data_type, place, file);
    for option in options {
        apply_column_option(table, &mut column, option, file);
    }
    match table.column_mut(name) {
        Some(existing) => {
            column.comment = column.comment.or(existing.comment.take());
            *existing = column;
        }
        None => table.columns.push(column),
    }
}

fn alter_column(table: &mut Table, name: &str, operation: &AlterColumnOperation, file: FileId) {
    let Some(column) = table.column_mut(name) else {
        return;
    };
    match operation {
        AlterColumnOperation::SetNotNull => column.nullable = false,
        AlterColumnOperation::DropNotNull => column.nullable = true,
        AlterColumnOperation::SetDefault { value } => column.default = Some(value.to_string()),
        AlterColumnOperation::DropDefault => column.default = None,
        AlterColumnOperation::SetDataType { data_type, .. } => {
            column.data_type = type_text(data_type)
        }
        AlterColumnOperation::AddGenerated { .. } => column.auto_increment = true,
        _ => {}
    }
    column.changed_in = file;
}

fn drop_column(table: &mut Table, name: &str) {
    let mentions = |columns: &[String]| {
        columns
            .iter()
            .any(|column| column.eq_ignore_ascii_case(name))
    };
    table
        .columns
        .retain(|column| !column.name.eq_ignore_ascii_case(name));
    table.indexes.retain(|index| !mentions(&index.columns));
    table.uniques.retain(|key| !mentions(&key.columns));
    table.foreign_keys.retain(|key| !mentions(&key.columns));
    if table
        .primary_key
        .as_ref()
        .is_some_and(|key| mentions(&key.columns))
    {
        table.primary_key = None;
    }
}

/// The columns of the primary key or unique constraint called `name`, and
/// whether it is the primary key.
fn key_called(table: &Table, name: &str) -> Option<(Vec<String>, bool)> {
    if let Some(primary) = table.primary_key.as_ref().filter(|key| key.called(name)) {
        return Some((primary.columns.clone(), true));
    }
    table
        .uniques
        .iter()
        .find(|key| key.called(name))
        .map(|key| (key.columns.clone(), false))
}

fn drop_constraint(table: &mut Table, name: &str) {
    if table
        .primary_key
        .as_ref()
        .is_some_and(|key| key.called(name))
    {
        table.primary_key = None;
    }
    table.uniques.retain(|key| !key.called(name));
    table.drop_foreign_keys(|key| key.called(name));
    table.checks.retain(|check| !check.called(name));
}
