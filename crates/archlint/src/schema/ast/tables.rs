//! `CREATE TABLE` and `CREATE INDEX`: tables, their columns (types,
//! NULL-ability, defaults, identity and generated columns) and constraints.

use sqlparser::ast::{
    ColumnDef, ColumnOption, CreateIndex, CreateTable, CreateTableLikeKind, DataType, Expr,
    GeneratedAs, IndexColumn, TableConstraint,
};

use super::names::{object_name, type_text};
use crate::base::diagnostic::Place;
use crate::base::source::FileId;
use crate::schema::applying::Applying;
use crate::schema::{Change, Check, Column, ForeignKey, Index, Key, Table};
use crate::sql::locate;

impl Applying<'_> {
    pub(super) fn create_table(&mut self, create: &CreateTable) -> Option<String> {
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

    pub(super) fn add_column(&mut self, table: &mut Table, definition: &ColumnDef, place: Place) {
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

    pub(super) fn create_index(&mut self, create: &CreateIndex) -> Option<String> {
        let table_name = object_name(&create.table_name);
        self.changes.push(Change::CreateIndex {
            concurrently: create.concurrently,
        });
        let index = Index {
            implicit_name: None,
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
        // Materialized views hold rows and take indexes too.
        let on_view =
            self.schema.table(&table_name).is_none() && self.schema.view(&table_name).is_some();
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
            None if on_view => {}
            None => self.unknown("index on table", &table_name),
        }
        Some(table_name)
    }
}

fn element_place(
    context: &Applying<'_>,
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

fn is_serial(data_type: &str) -> bool {
    matches!(
        data_type,
        "serial" | "bigserial" | "smallserial" | "serial4" | "serial8" | "serial2"
    )
}

pub(super) fn new_column(name: &str, data_type: &DataType, place: Place, file: FileId) -> Column {
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

pub(super) fn apply_column_option(
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
                implicit_name: None,
                name: key.name.as_ref().map(|name| name.value.clone()),
                columns: single(),
                place,
            });
        }
        ColumnOption::Unique(key) => table.uniques.push(Key {
            implicit_name: None,
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
            implicit_name: None,
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

pub(super) fn add_constraint(
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
                implicit_name: None,
                name: key.name.as_ref().map(|name| name.value.clone()),
                columns,
                place,
            });
        }
        TableConstraint::Unique(key) => table.uniques.push(Key {
            implicit_name: None,
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
            implicit_name: None,
            name: check.name.as_ref().map(|name| name.value.clone()),
            expression: check.expr.to_string(),
            not_valid,
            place,
        }),
        TableConstraint::Index(index) => table.indexes.push(Index {
            implicit_name: None,
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
            // The constraint takes over an existing index: its columns, and
            // the index itself, which is now the constraint's.
            let columns = table
                .indexes
                .iter()
                .find(|index| index.called(&using.index_name.value))
                .map(|index| index.columns.clone())
                .unwrap_or_default();
            table
                .indexes
                .retain(|index| !index.called(&using.index_name.value));
            let key = Key {
                implicit_name: None,
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
            implicit_name: None,
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
        implicit_name: None,
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

fn comment_text(comment: &sqlparser::ast::CommentDef) -> String {
    match comment {
        sqlparser::ast::CommentDef::WithEq(text) | sqlparser::ast::CommentDef::WithoutEq(text) => {
            text.clone()
        }
    }
}
