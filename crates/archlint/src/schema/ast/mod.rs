//! The AST reader: applies a statement sqlparser parsed to the schema model.
//! `tables` creates tables, columns, keys and indexes; `alter` changes them;
//! `changes` records what an `ALTER TABLE` means for a table with data; this
//! file dispatches a statement and applies the statements about other
//! objects (types, domains, views, comments, drops and renames).

mod alter;
mod changes;
mod names;
mod tables;

use sqlparser::ast::{
    AlterTypeOperation, ObjectName, ObjectType, Statement, UserDefinedTypeRepresentation,
};

pub(super) use names::normalize_type;

use super::applying::Applying;
use super::{Change, Domain, EnumType, Schema, StatementKind, View};
use changes::target_table;
use names::{name_parts, object_name, type_text};

impl Applying<'_> {
    pub fn apply(&mut self, statement: &Statement) {
        self.changes.clear();
        let target = self.target_table(statement);
        let preexisting = target.as_deref().is_some_and(|name| self.preexisting(name));
        self.session_change();
        self.data_change();
        let (kind, table) = match statement {
            Statement::CreateTable(create) => {
                (StatementKind::CreateTable, self.create_table(create))
            }
            Statement::CreateIndex(create) => {
                (StatementKind::CreateIndex, self.create_index(create))
            }
            Statement::AlterTable(alter) => {
                let name = object_name(&alter.name);
                self.alter_table(&name, &alter.operations, alter.if_exists);
                (StatementKind::AlterTable, Some(name))
            }
            Statement::Drop {
                object_type,
                names,
                if_exists,
                ..
            } => {
                match object_type {
                    ObjectType::Table => self.changes.push(Change::DropTable),
                    ObjectType::Index => self.changes.push(Change::DropIndex {
                        concurrently: self.has_word("CONCURRENTLY"),
                    }),
                    _ => {}
                }
                self.drop(*object_type, names, *if_exists);
                (StatementKind::Drop, target)
            }
            Statement::CreateType {
                name,
                representation,
            } => {
                if let Some(UserDefinedTypeRepresentation::Enum { labels }) = representation {
                    self.schema.enums.push(EnumType {
                        name: object_name(name),
                        values: labels.iter().map(|label| label.value.clone()).collect(),
                        place: self.place.clone(),
                    });
                }
                (StatementKind::CreateType, None)
            }
            Statement::AlterType(alter) => {
                if matches!(alter.operation, AlterTypeOperation::RenameValue(_)) {
                    self.changes.push(Change::RenameEnumValue);
                }
                if let AlterTypeOperation::Rename(rename) = &alter.operation {
                    // Prisma rewrites an enum as `X_old` and drops it after.
                    let name = object_name(&alter.name);
                    for renamed in self
                        .schema
                        .enums
                        .iter_mut()
                        .filter(|item| Schema::same_name(&item.name, &name))
                    {
                        renamed.name = rename.new_name.value.clone();
                    }
                }
                if let AlterTypeOperation::AddValue(added) = &alter.operation {
                    self.changes.push(Change::AddEnumValue {
                        value: added.value.value.clone(),
                    });
                    let name = object_name(&alter.name);
                    if let Some(item) = self
                        .schema
                        .enums
                        .iter_mut()
                        .find(|item| Schema::same_name(&item.name, &name))
                    {
                        item.values.push(added.value.value.clone());
                    }
                }
                (StatementKind::CreateType, None)
            }
            Statement::CreateDomain(domain) => {
                self.schema.domains.push(Domain {
                    name: object_name(&domain.name),
                    data_type: type_text(&domain.data_type),
                    nullable: true,
                    checks: domain.constraints.iter().map(ToString::to_string).collect(),
                    place: self.place.clone(),
                });
                (StatementKind::CreateType, None)
            }
            Statement::CreateView(view) => {
                self.schema.views.push(View {
                    name: object_name(&view.name),
                    materialized: view.materialized,
                    place: self.place.clone(),
                });
                (StatementKind::CreateView, None)
            }
            Statement::Comment {
                object_type,
                object_name: name,
                comment,
                ..
            } => {
                self.comment(*object_type, name, comment.clone());
                (StatementKind::Comment, None)
            }
            Statement::RenameTable(renames) => {
                for rename in renames {
                    self.changes.push(Change::RenameTable {
                        to: object_name(&rename.new_name),
                    });
                    self.rename_table(
                        &object_name(&rename.old_name),
                        &object_name(&rename.new_name),
                    );
                }
                (
                    StatementKind::AlterTable,
                    renames.first().map(|rename| object_name(&rename.old_name)),
                )
            }
            _ => (StatementKind::Other, None),
        };
        self.record(kind, table, preexisting);
    }

    fn drop(&mut self, object_type: ObjectType, names: &[ObjectName], if_exists: bool) {
        for name in names.iter().map(object_name) {
            let found = match object_type {
                ObjectType::Table => remove(&mut self.schema.tables, |table| {
                    Schema::same_name(&table.name, &name)
                }),
                ObjectType::View | ObjectType::MaterializedView => {
                    remove(&mut self.schema.views, |view| {
                        Schema::same_name(&view.name, &name)
                    })
                }
                ObjectType::Type => {
                    remove(&mut self.schema.enums, |item| {
                        Schema::same_name(&item.name, &name)
                    }) || remove(&mut self.schema.domains, |item| {
                        Schema::same_name(&item.name, &name)
                    })
                }
                ObjectType::Index => match self.schema.index_owner_mut(&name) {
                    Some(table) => remove(&mut table.indexes, |index| index.called(&name)),
                    None => false,
                },
                _ => true,
            };
            if !found && !if_exists {
                self.unknown("DROP of", &name);
            }
        }
    }

    fn rename_table(&mut self, old: &str, new: &str) {
        if !self.schema.rename_table(old, new) {
            self.unknown("rename of table", old);
        }
    }

    fn comment(
        &mut self,
        object_type: sqlparser::ast::CommentObject,
        name: &ObjectName,
        comment: Option<String>,
    ) {
        use sqlparser::ast::CommentObject;
        let parts: Vec<String> = name_parts(name);
        match object_type {
            CommentObject::Table => {
                if let Some(table) = self.schema.table_mut(&parts.join(".")) {
                    table.comment = comment;
                }
            }
            CommentObject::Column => {
                let Some((column, table_parts)) = parts.split_last() else {
                    return;
                };
                if let Some(found) = self
                    .schema
                    .table_mut(&table_parts.join("."))
                    .and_then(|table| table.column_mut(column))
                {
                    found.comment = comment;
                }
            }
            _ => {}
        }
    }
}

impl Applying<'_> {
    /// The table a statement is about, read before it is applied (for `DROP
    /// INDEX`, the table that holds the index).
    fn target_table(&self, statement: &Statement) -> Option<String> {
        if let Statement::Drop {
            object_type: ObjectType::Index,
            names,
            ..
        } = statement
        {
            let index = names.first().map(object_name)?;
            return self
                .schema
                .index_owner(&index)
                .map(|table| table.name.clone());
        }
        target_table(statement)
    }
}

fn remove<T>(items: &mut Vec<T>, matches: impl Fn(&T) -> bool) -> bool {
    let before = items.len();
    items.retain(|item| !matches(item));
    items.len() != before
}
