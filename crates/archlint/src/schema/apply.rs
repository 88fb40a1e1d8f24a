//! Applies one parsed statement (sqlparser's AST) to the schema model.

use sqlparser::ast::{
    AlterColumnOperation, AlterTableOperation, AlterTypeOperation, ColumnDef, ColumnOption,
    CreateIndex, CreateTable, CreateTableLikeKind, DataType, Expr, GeneratedAs, IndexColumn,
    ObjectName, ObjectNamePart, ObjectType, RenameTableNameKind, Statement, TableConstraint,
    UserDefinedTypeRepresentation,
};

use super::{
    Change, Check, Column, ConstraintKind, Domain, EnumType, ForeignKey, Index, Key, Schema,
    StatementKind, StatementRecord, Table, View,
};
use crate::base::diagnostic::{Place, Problem};
use crate::base::source::{FileId, Span};
use crate::sql::lexer::Token;
use crate::sql::{locate, SqlProblem, SqlProblemKind};

pub struct Context<'a> {
    pub schema: &'a mut Schema,
    pub problems: &'a mut Vec<SqlProblem>,
    pub file: FileId,
    /// The whole file's text (token offsets point into it).
    pub text: &'a str,
    /// The statement's tokens, comments excluded.
    pub tokens: &'a [Token],
    /// The whole statement.
    pub place: Place,
    /// What applying the statement changed (collected for the history).
    pub changes: Vec<Change>,
    /// Missing objects already reported.
    pub unknown_seen: &'a mut Vec<String>,
}

impl Context<'_> {
    pub fn apply(&mut self, statement: &Statement) {
        self.changes.clear();
        let target = self.target_table(statement);
        let preexisting = target.as_deref().is_some_and(|name| self.preexisting(name));
        self.session_change();
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

    /// Whether the table exists and was created by an earlier file.
    pub fn preexisting(&self, table: &str) -> bool {
        self.schema
            .table(table)
            .is_some_and(|existing| existing.created_in != self.file)
    }

    pub fn record(&mut self, kind: StatementKind, table: Option<String>, table_preexisting: bool) {
        self.schema.statements.push(StatementRecord {
            kind,
            place: self.place.clone(),
            table,
            table_preexisting,
            changes: std::mem::take(&mut self.changes),
        });
    }

    fn has_word(&self, word: &str) -> bool {
        self.tokens
            .iter()
            .any(|token| token.is_word(self.text, word))
    }

    /// Transaction, lock-timeout and grant statements, read from their words.
    pub fn session_change(&mut self) {
        let word = |index: usize, expected: &str| {
            self.tokens
                .get(index)
                .is_some_and(|token| token.is_word(self.text, expected))
        };
        if word(0, "BEGIN") || (word(0, "START") && word(1, "TRANSACTION")) {
            self.changes.push(Change::BeginTransaction);
        } else if word(0, "COMMIT") || word(0, "END") || word(0, "ROLLBACK") {
            self.changes.push(Change::EndTransaction);
        } else if word(0, "SET") && (1..3).any(|index| word(index, "lock_timeout")) {
            self.changes.push(Change::SetLockTimeout);
        } else if word(0, "GRANT") {
            let to_public = self.tokens.windows(2).any(|pair| {
                pair[0].is_word(self.text, "TO") && pair[1].is_word(self.text, "PUBLIC")
            });
            let on = self
                .tokens
                .iter()
                .position(|token| token.is_word(self.text, "ON"));
            let to = self
                .tokens
                .iter()
                .rposition(|token| token.is_word(self.text, "TO"));
            if let (true, Some(on), Some(to)) = (to_public, on, to) {
                let objects = self
                    .tokens
                    .get(on + 1..to)
                    .unwrap_or(&[])
                    .iter()
                    .map(|token| token.text(self.text))
                    .collect::<Vec<_>>()
                    .join(" ");
                self.changes.push(Change::GrantToPublic { objects });
            }
        }
    }

    fn at(&self, start: usize, end: usize, object: Option<String>) -> Place {
        Place {
            file: self.file,
            span: Span::new(start, end),
            pointer: None,
            object,
        }
    }

    pub fn unknown(&mut self, what: &str, name: &str) {
        // One finding per missing object: the first statement that needs it.
        if self
            .unknown_seen
            .iter()
            .any(|seen| Schema::same_name(seen, name))
        {
            return;
        }
        self.unknown_seen.push(name.to_owned());
        let message = format!("{what} `{name}` is not defined by any earlier statement");
        self.problems.push(Problem::new(
            SqlProblemKind::UnknownObject,
            self.place.clone(),
            message,
        ));
    }

    pub fn new_table(&self, name: String) -> Table {
        Table {
            place: Place {
                object: Some(name.clone()),
                ..self.place.clone()
            },
            name,
            columns: Vec::new(),
            primary_key: None,
            uniques: Vec::new(),
            foreign_keys: Vec::new(),
            checks: Vec::new(),
            indexes: Vec::new(),
            engine: None,
            charset: None,
            comment: None,
            row_level_security: false,
            temporary: false,
            created_in: self.file,
            changed_in: self.file,
        }
    }

    /// Replaces a table of the same name (a second `CREATE TABLE` after a drop
    /// the history did not show), or adds it.
    pub fn insert_table(&mut self, table: Table) {
        self.schema.add_table(table);
    }

    fn create_table(&mut self, create: &CreateTable) -> Option<String> {
        let name = object_name(&create.name);
        if create.if_not_exists && self.schema.table(&name).is_some() {
            return Some(name);
        }
        let mut table = self.new_table(name.clone());
        table.temporary = create.temporary;
        if let Some(like) = &create.like {
            let source = match like {
                CreateTableLikeKind::Parenthesized(like) | CreateTableLikeKind::Plain(like) => {
                    object_name(&like.name)
                }
            };
            if let Some(template) = self.schema.table(&source) {
                table.columns = template.columns.clone();
            }
        }
        let elements = locate::table_elements(self.text, self.tokens);
        for definition in &create.columns {
            let place = element_place(self, &elements, Some(&definition.name.value), &name);
            self.add_column(&mut table, definition, place);
        }
        let constraint_elements: Vec<&locate::Element> = elements
            .iter()
            .filter(|element| element.column.is_none() && !self.starts_with(element, "LIKE"))
            .collect();
        for (index, constraint) in create.constraints.iter().enumerate() {
            let place = constraint_elements.get(index).map_or_else(
                || self.place.clone(),
                |element| self.at(element.start, element.end, None),
            );
            add_constraint(&mut table, constraint, place, false, self.file);
        }
        table.engine = locate::table_option(self.text, self.tokens, &["ENGINE", "TYPE"]);
        table.charset = locate::table_option(self.text, self.tokens, &["CHARSET", "CHARACTER SET"]);
        if let Some(comment) = &create.comment {
            table.comment = Some(comment_text(comment));
        }
        self.insert_table(table);
        Some(name)
    }

    fn starts_with(&self, element: &locate::Element, word: &str) -> bool {
        self.tokens
            .get(element.tokens.start)
            .is_some_and(|token| token.is_word(self.text, word))
    }

    fn add_column(&mut self, table: &mut Table, definition: &ColumnDef, place: Place) {
        let mut column = new_column(
            &definition.name.value,
            &definition.data_type,
            place,
            self.file,
        );
        for option in definition.options.iter().map(|option| &option.option) {
            apply_column_option(table, &mut column, option, self.file);
        }
        table
            .columns
            .retain(|existing| !existing.name.eq_ignore_ascii_case(&column.name));
        table.columns.push(column);
    }

    fn create_index(&mut self, create: &CreateIndex) -> Option<String> {
        let table_name = object_name(&create.table_name);
        self.changes.push(Change::CreateIndex {
            concurrently: create.concurrently,
        });
        let index = Index {
            name: create.name.as_ref().map(object_name),
            columns: create.columns.iter().map(index_column).collect(),
            unique: create.unique,
            method: create
                .using
                .as_ref()
                .map(|method| method.to_string().to_ascii_lowercase()),
            predicate: create.predicate.as_ref().map(ToString::to_string),
            place: Place {
                object: create.name.as_ref().map(object_name),
                ..self.place.clone()
            },
            created_in: self.file,
        };
        let file = self.file;
        match self.schema.table_mut(&table_name) {
            Some(table) => {
                let duplicate_name = index.name.is_some()
                    && create.if_not_exists
                    && table
                        .indexes
                        .iter()
                        .any(|existing| existing.name == index.name);
                if !duplicate_name {
                    table.indexes.push(index);
                    table.changed_in = file;
                }
            }
            None => self.unknown("index on table", &table_name),
        }
        Some(table_name)
    }

    fn alter_table(&mut self, name: &str, operations: &[AlterTableOperation], if_exists: bool) {
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
        if let Some(change) = change_of(operation) {
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
                table
                    .foreign_keys
                    .retain(|key| !same_name(key.name.as_deref(), &name.value));
            }
            AlterTableOperation::DropIndex { name, .. } => {
                table
                    .indexes
                    .retain(|index| !same_name(index.name.as_deref(), &name.value));
                table
                    .uniques
                    .retain(|key| !same_name(key.name.as_deref(), &name.value));
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
                    .filter(|key| same_name(key.name.as_deref(), &name.value))
                {
                    key.not_valid = false;
                }
                for check in table
                    .checks
                    .iter_mut()
                    .filter(|check| same_name(check.name.as_deref(), &name.value))
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
                    Some(table) => remove(&mut table.indexes, |index| {
                        same_name(index.name.as_deref(), &name)
                    }),
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

impl Context<'_> {
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

/// The table a statement is about, read before it is applied.
fn target_table(statement: &Statement) -> Option<String> {
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
fn change_of(operation: &AlterTableOperation) -> Option<Change> {
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

fn remove<T>(items: &mut Vec<T>, matches: impl Fn(&T) -> bool) -> bool {
    let before = items.len();
    items.retain(|item| !matches(item));
    items.len() != before
}

fn element_place(
    context: &Context<'_>,
    elements: &[locate::Element],
    column: Option<&str>,
    table: &str,
) -> Place {
    let found = elements.iter().find(|element| {
        element
            .column
            .as_deref()
            .zip(column)
            .is_some_and(|(name, wanted)| name.eq_ignore_ascii_case(wanted))
    });
    let object = column.map(|column| format!("{table}.{column}"));
    match found {
        Some(element) => context.at(element.start, element.end, object),
        None => Place {
            object,
            ..context.place.clone()
        },
    }
}

fn same_name(name: Option<&str>, wanted: &str) -> bool {
    name.is_some_and(|name| Schema::same_name(name, wanted))
}

fn name_parts(name: &ObjectName) -> Vec<String> {
    name.0
        .iter()
        .map(|part| match part {
            ObjectNamePart::Identifier(ident) => ident.value.clone(),
            other => other.to_string(),
        })
        .collect()
}

/// `schema.table` as written, without quotes.
pub fn object_name(name: &ObjectName) -> String {
    name_parts(name).join(".")
}

/// A type as lower-case text with single spaces.
pub fn type_text(data_type: &DataType) -> String {
    normalize_type(&data_type.to_string())
}

pub fn normalize_type(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_ascii_lowercase()
}

fn is_serial(data_type: &str) -> bool {
    matches!(
        data_type,
        "serial" | "bigserial" | "smallserial" | "serial4" | "serial8" | "serial2"
    )
}

pub fn new_column(name: &str, data_type: &DataType, place: Place, file: FileId) -> Column {
    let data_type = type_text(data_type);
    let serial = is_serial(&data_type);
    Column {
        name: name.to_owned(),
        data_type,
        nullable: !serial,
        default: None,
        auto_increment: serial,
        generated: false,
        comment: None,
        place,
        changed_in: file,
    }
}

fn apply_column_option(
    table: &mut Table,
    column: &mut Column,
    option: &ColumnOption,
    file: FileId,
) {
    let place = column.place.clone();
    let single = || vec![column.name.clone()];
    match option {
        ColumnOption::Null => column.nullable = true,
        ColumnOption::NotNull => column.nullable = false,
        ColumnOption::Default(expr) => column.default = Some(expr.to_string()),
        ColumnOption::PrimaryKey(key) => {
            column.nullable = false;
            table.primary_key = Some(Key {
                name: key.name.as_ref().map(|name| name.value.clone()),
                columns: single(),
                place,
            });
        }
        ColumnOption::Unique(key) => table.uniques.push(Key {
            name: key.name.as_ref().map(|name| name.value.clone()),
            columns: single(),
            place,
        }),
        ColumnOption::ForeignKey(key) => {
            table
                .foreign_keys
                .push(foreign_key(key, single(), false, place))
        }
        ColumnOption::Check(check) => table.checks.push(Check {
            name: check.name.as_ref().map(|name| name.value.clone()),
            expression: check.expr.to_string(),
            not_valid: false,
            place,
        }),
        ColumnOption::Comment(text) => column.comment = Some(text.clone()),
        ColumnOption::Identity(_) => column.auto_increment = true,
        ColumnOption::Generated {
            generated_as,
            generation_expr,
            ..
        } => {
            if generation_expr.is_some() || matches!(generated_as, GeneratedAs::ExpStored) {
                column.generated = true;
            } else {
                column.auto_increment = true;
                column.nullable = false;
            }
        }
        ColumnOption::DialectSpecific(tokens) => {
            let text = tokens
                .iter()
                .map(ToString::to_string)
                .collect::<String>()
                .to_ascii_uppercase();
            if text.contains("AUTO_INCREMENT") || text.contains("AUTOINCREMENT") {
                column.auto_increment = true;
            }
        }
        _ => {}
    }
    column.changed_in = file;
}

fn index_column(column: &IndexColumn) -> String {
    expr_name(&column.column.expr)
}

fn expr_name(expr: &Expr) -> String {
    match expr {
        Expr::Identifier(ident) => ident.value.clone(),
        Expr::CompoundIdentifier(parts) => parts
            .last()
            .map(|ident| ident.value.clone())
            .unwrap_or_default(),
        other => other.to_string(),
    }
}

pub fn add_constraint(
    table: &mut Table,
    constraint: &TableConstraint,
    place: Place,
    not_valid: bool,
    file: FileId,
) {
    let idents = |columns: &[IndexColumn]| columns.iter().map(index_column).collect::<Vec<_>>();
    match constraint {
        TableConstraint::PrimaryKey(key) => {
            let columns = idents(&key.columns);
            for column in &columns {
                if let Some(found) = table.column_mut(column) {
                    found.nullable = false;
                }
            }
            table.primary_key = Some(Key {
                name: key.name.as_ref().map(|name| name.value.clone()),
                columns,
                place,
            });
        }
        TableConstraint::Unique(key) => table.uniques.push(Key {
            name: key
                .name
                .as_ref()
                .or(key.index_name.as_ref())
                .map(|name| name.value.clone()),
            columns: idents(&key.columns),
            place,
        }),
        TableConstraint::ForeignKey(key) => {
            let columns = key
                .columns
                .iter()
                .map(|column| column.value.clone())
                .collect();
            table
                .foreign_keys
                .push(foreign_key(key, columns, not_valid, place));
        }
        TableConstraint::Check(check) => table.checks.push(Check {
            name: check.name.as_ref().map(|name| name.value.clone()),
            expression: check.expr.to_string(),
            not_valid,
            place,
        }),
        TableConstraint::Index(index) => table.indexes.push(Index {
            name: index.name.as_ref().map(|name| name.value.clone()),
            columns: idents(&index.columns),
            unique: false,
            method: index
                .index_type
                .as_ref()
                .map(|method| method.to_string().to_ascii_lowercase()),
            predicate: None,
            place,
            created_in: file,
        }),
        TableConstraint::PrimaryKeyUsingIndex(using) | TableConstraint::UniqueUsingIndex(using) => {
            // The constraint takes over an existing index's columns.
            let columns = table
                .indexes
                .iter()
                .find(|index| same_name(index.name.as_deref(), &using.index_name.value))
                .map(|index| index.columns.clone())
                .unwrap_or_default();
            let key = Key {
                name: using.name.as_ref().map(|name| name.value.clone()),
                columns,
                place,
            };
            if matches!(constraint, TableConstraint::PrimaryKeyUsingIndex(_)) {
                table.primary_key = Some(key);
            } else {
                table.uniques.push(key);
            }
        }
        TableConstraint::Exclude(_) => {}
        TableConstraint::FulltextOrSpatial(index) => table.indexes.push(Index {
            name: index.opt_index_name.as_ref().map(|name| name.value.clone()),
            columns: idents(&index.columns),
            unique: false,
            method: Some(
                if index.fulltext {
                    "fulltext"
                } else {
                    "spatial"
                }
                .to_owned(),
            ),
            predicate: None,
            place,
            created_in: file,
        }),
    }
}

/// The model of a parsed foreign key (inline keys name their one column).
fn foreign_key(
    key: &sqlparser::ast::ForeignKeyConstraint,
    columns: Vec<String>,
    not_valid: bool,
    place: Place,
) -> ForeignKey {
    let action = |action: Option<sqlparser::ast::ReferentialAction>| {
        action.map(|action| action.to_string().to_ascii_lowercase())
    };
    ForeignKey {
        name: key.name.as_ref().map(|name| name.value.clone()),
        columns,
        ref_table: object_name(&key.foreign_table),
        ref_columns: key
            .referred_columns
            .iter()
            .map(|column| column.value.clone())
            .collect(),
        on_delete: action(key.on_delete),
        on_update: action(key.on_update),
        not_valid,
        place,
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

fn drop_constraint(table: &mut Table, name: &str) {
    if table
        .primary_key
        .as_ref()
        .is_some_and(|key| same_name(key.name.as_deref(), name))
    {
        table.primary_key = None;
    }
    table
        .uniques
        .retain(|key| !same_name(key.name.as_deref(), name));
    table
        .foreign_keys
        .retain(|key| !same_name(key.name.as_deref(), name));
    table
        .checks
        .retain(|check| !same_name(check.name.as_deref(), name));
}

fn comment_text(comment: &sqlparser::ast::CommentDef) -> String {
    match comment {
        sqlparser::ast::CommentDef::WithEq(text) | sqlparser::ast::CommentDef::WithoutEq(text) => {
            text.clone()
        }
    }
}
