//! What an `ALTER TABLE` operation means for a table that holds data: the
//! history the migration-safety rules read.

use sqlparser::ast::{
    AlterColumnOperation, AlterTableOperation, ColumnOption, RenameTableNameKind, Statement,
    TableConstraint,
};

use super::names::{object_name, type_text};
use crate::schema::{Change, ConstraintKind};

/// The table a statement is about, read before it is applied.
pub(super) fn target_table(statement: &Statement) -> Option<String> {
    match statement {
        Statement::CreateIndex(create) => Some(object_name(&create.table_name)),
        Statement::AlterTable(alter) => Some(object_name(&alter.name)),
        Statement::Drop { names, .. } => names.first().map(object_name),
        Statement::RenameTable(renames) => {
            renames.first().map(|rename| object_name(&rename.old_name))
        }
        Statement::CreateTable(create) => Some(object_name(&create.name)),
        _ => None,
    }
}

/// The migration-relevant change of one `ALTER TABLE` operation.
pub(super) fn change_of(operation: &AlterTableOperation) -> Option<Change> {
    Some(match operation {
        AlterTableOperation::AddColumn { column_def, .. } => Change::AddColumn {
            column: column_def.name.value.clone(),
            not_null: column_def.options.iter().any(|option| {
                matches!(
                    option.option,
                    ColumnOption::NotNull | ColumnOption::PrimaryKey(_)
                )
            }),
            default: column_def
                .options
                .iter()
                .find_map(|option| match &option.option {
                    ColumnOption::Default(expr) => Some(expr.to_string()),
                    _ => None,
                }),
        },
        AlterTableOperation::DropColumn { column_names, .. } => Change::DropColumn {
            column: column_names
                .iter()
                .map(|name| name.value.clone())
                .collect::<Vec<_>>()
                .join(", "),
        },
        AlterTableOperation::RenameColumn {
            old_column_name,
            new_column_name,
        } => Change::RenameColumn {
            from: old_column_name.value.clone(),
            to: new_column_name.value.clone(),
        },
        AlterTableOperation::RenameTable { table_name } => Change::RenameTable {
            to: match table_name {
                RenameTableNameKind::As(new) | RenameTableNameKind::To(new) => object_name(new),
            },
        },
        AlterTableOperation::ChangeColumn {
            new_name,
            data_type,
            ..
        } => Change::AlterColumnType {
            column: new_name.value.clone(),
            to: type_text(data_type),
        },
        AlterTableOperation::ModifyColumn {
            col_name,
            data_type,
            ..
        } => Change::AlterColumnType {
            column: col_name.value.clone(),
            to: type_text(data_type),
        },
        AlterTableOperation::AlterColumn { column_name, op } => match op {
            AlterColumnOperation::SetNotNull => Change::SetNotNull {
                column: column_name.value.clone(),
            },
            AlterColumnOperation::SetDataType { data_type, .. } => Change::AlterColumnType {
                column: column_name.value.clone(),
                to: type_text(data_type),
            },
            _ => return None,
        },
        AlterTableOperation::AddConstraint {
            constraint,
            not_valid,
        } => {
            let (kind, name, using_index, expression) = match constraint {
                TableConstraint::PrimaryKey(key) => {
                    (ConstraintKind::PrimaryKey, key.name.clone(), false, None)
                }
                TableConstraint::PrimaryKeyUsingIndex(using) => {
                    (ConstraintKind::PrimaryKey, using.name.clone(), true, None)
                }
                TableConstraint::Unique(key) => {
                    (ConstraintKind::Unique, key.name.clone(), false, None)
                }
                TableConstraint::UniqueUsingIndex(using) => {
                    (ConstraintKind::Unique, using.name.clone(), true, None)
                }
                TableConstraint::ForeignKey(key) => {
                    (ConstraintKind::ForeignKey, key.name.clone(), false, None)
                }
                TableConstraint::Check(check) => (
                    ConstraintKind::Check,
                    check.name.clone(),
                    false,
                    Some(check.expr.to_string()),
                ),
                _ => (ConstraintKind::Index, None, false, None),
            };
            Change::AddConstraint {
                kind,
                name: name.map(|ident| ident.value),
                not_valid: *not_valid,
                using_index,
                expression,
            }
        }
        AlterTableOperation::Algorithm { algorithm, .. } => {
            Change::Algorithm(algorithm.to_string().to_ascii_uppercase())
        }
        _ => return None,
    })
}
