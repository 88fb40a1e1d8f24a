//! `CREATE TABLE` and `CREATE INDEX` read from tokens: each column's name,
//! type as written, NULL-ability, default and inline keys, and the table's
//! constraints.

use super::{name_after, record, OPTION_WORDS};
use crate::base::diagnostic::Place;
use crate::base::source::{FileId, Span};
use crate::schema::applying::Applying;
use crate::schema::ast::normalize_type;
use crate::schema::{Check, Column, ForeignKey, Index, Key, StatementKind, Table};
use crate::sql::lexer::Token;
use crate::sql::locate;

pub(super) fn create_table(context: &mut Applying<'_>) -> bool {
    let Some((name, _)) = name_after(context, "TABLE") else {
        return false;
    };
    let elements = locate::table_elements(context.text, context.tokens);
    if elements.is_empty() {
        return false;
    }
    let mut table = context.new_table(name.clone());
    for element in &elements {
        let tokens = context.tokens.get(element.tokens.clone()).unwrap_or(&[]);
        let place = Place {
            span: Span::new(element.start, element.end),
            object: element
                .column
                .as_ref()
                .map(|column| format!("{name}.{column}")),
            ..context.place.clone()
        };
        match &element.column {
            Some(column) => read_column(
                context.text,
                tokens,
                column,
                place,
                &mut table,
                context.file,
            ),
            None => read_constraint(context.text, tokens, place, &mut table, context.file),
        }
    }
    table.engine = locate::table_option(context.text, context.tokens, &["ENGINE", "TYPE"]);
    table.charset =
        locate::table_option(context.text, context.tokens, &["CHARSET", "CHARACTER SET"]);
    context.insert_table(table);
    record(context, StatementKind::CreateTable, name);
    true
}

pub(super) fn read_column(
    source: &str,
    tokens: &[Token],
    name: &str,
    place: Place,
    table: &mut Table,
    file: FileId,
) {
    let type_end = type_end(source, tokens);
    let type_text: Vec<&str> = tokens
        .get(1..type_end)
        .unwrap_or(&[])
        .iter()
        .map(|token| token.text(source))
        .collect();
    let data_type = normalize_type(
        &type_text
            .join(" ")
            .replace(" (", "(")
            .replace("( ", "(")
            .replace(" )", ")")
            .replace(" ,", ","),
    );
    let has = |word: &str| tokens.iter().any(|token| token.is_word(source, word));
    let followed = |first: &str, second: &str| {
        tokens
            .windows(2)
            .any(|pair| pair[0].is_word(source, first) && pair[1].is_word(source, second))
    };
    let serial = matches!(data_type.as_str(), "serial" | "bigserial" | "smallserial");
    let mut column = Column {
        name: name.to_owned(),
        nullable: !(followed("NOT", "NULL") || has("PRIMARY") || serial),
        default: default_value(source, tokens),
        auto_increment: serial || has("AUTO_INCREMENT") || has("AUTOINCREMENT") || has("IDENTITY"),
        generated: followed("GENERATED", "ALWAYS")
            && tokens.iter().any(|token| token.is_word(source, "AS"))
            && !has("IDENTITY"),
        comment: None,
        data_type,
        place: place.clone(),
        changed_in: file,
    };
    if has("PRIMARY") {
        column.nullable = false;
        table.primary_key = Some(Key {
            implicit_name: None,
            name: None,
            columns: vec![name.to_owned()],
            place: place.clone(),
        });
    }
    if has("UNIQUE") {
        table.uniques.push(Key {
            implicit_name: None,
            name: None,
            columns: vec![name.to_owned()],
            place: place.clone(),
        });
    }
    if let Some(at) = tokens
        .iter()
        .position(|token| token.is_word(source, "REFERENCES"))
    {
        table.foreign_keys.push(foreign_key(
            source,
            tokens,
            at,
            None,
            vec![name.to_owned()],
            place,
        ));
    }
    table.columns.push(column);
}

/// Where a column's type ends: the first option word at parenthesis depth zero.
pub(super) fn type_end(source: &str, tokens: &[Token]) -> usize {
    let mut depth = 0usize;
    for (index, token) in tokens.iter().enumerate().skip(1) {
        if token.is_punct(source, '(') {
            depth += 1;
        } else if token.is_punct(source, ')') {
            depth = depth.saturating_sub(1);
        } else if depth == 0 && OPTION_WORDS.iter().any(|word| token.is_word(source, word)) {
            return index;
        }
    }
    tokens.len()
}

pub(super) fn default_value(source: &str, tokens: &[Token]) -> Option<String> {
    let at = tokens
        .iter()
        .position(|token| token.is_word(source, "DEFAULT"))?;
    tokens
        .get(at + 1)
        .map(|token| token.text(source).to_owned())
}

fn action(source: &str, tokens: &[Token], event: &str) -> Option<String> {
    let at = tokens
        .windows(2)
        .position(|pair| pair[0].is_word(source, "ON") && pair[1].is_word(source, event))?;
    let first = tokens.get(at + 2)?.text(source).to_ascii_lowercase();
    let second = tokens
        .get(at + 3)
        .map(|token| token.text(source).to_ascii_lowercase());
    Some(match (first.as_str(), second.as_deref()) {
        ("set", Some(rest)) | ("no", Some(rest)) => format!("{first} {rest}"),
        _ => first,
    })
}

/// A foreign key whose `REFERENCES` keyword is at `at`.
fn foreign_key(
    source: &str,
    tokens: &[Token],
    at: usize,
    name: Option<String>,
    columns: Vec<String>,
    place: Place,
) -> ForeignKey {
    let (ref_table, ref_columns) = reference(source, tokens, at);
    ForeignKey {
        implicit_name: None,
        name,
        columns,
        ref_table,
        ref_columns,
        on_delete: action(source, tokens, "DELETE"),
        on_update: action(source, tokens, "UPDATE"),
        not_valid: false,
        place,
    }
}

/// `REFERENCES table [(columns)]` starting at `at`.
fn reference(source: &str, tokens: &[Token], at: usize) -> (String, Vec<String>) {
    let mut index = at + 1;
    let mut name = tokens
        .get(index)
        .and_then(|token| token.ident(source))
        .unwrap_or_default();
    while tokens
        .get(index + 1)
        .is_some_and(|token| token.is_punct(source, '.'))
    {
        if let Some(part) = tokens.get(index + 2).and_then(|token| token.ident(source)) {
            name = format!("{name}.{part}");
        }
        index += 2;
    }
    let columns = tokens
        .get(index + 1..)
        .filter(|rest| {
            rest.first()
                .is_some_and(|token| token.is_punct(source, '('))
        })
        .map(|rest| column_list(source, rest))
        .unwrap_or_default();
    (name, columns)
}

/// The first identifier of each item of a parenthesized list starting at `tokens[0]`.
fn column_list(source: &str, tokens: &[Token]) -> Vec<String> {
    let Some(close) = locate::matching_paren(source, tokens, 0) else {
        return Vec::new();
    };
    let mut columns = Vec::new();
    let mut depth = 0usize;
    let mut expect_name = true;
    for token in tokens.get(1..close).unwrap_or(&[]) {
        if token.is_punct(source, '(') {
            depth += 1;
        } else if token.is_punct(source, ')') {
            depth = depth.saturating_sub(1);
        } else if depth == 0 && token.is_punct(source, ',') {
            expect_name = true;
        } else if expect_name && depth == 0 {
            if let Some(name) = token.ident(source) {
                columns.push(name);
            }
            expect_name = false;
        }
    }
    columns
}

fn list_after(source: &str, tokens: &[Token], from: usize) -> Vec<String> {
    tokens
        .iter()
        .skip(from)
        .position(|token| token.is_punct(source, '('))
        .and_then(|offset| tokens.get(from + offset..))
        .map(|rest| column_list(source, rest))
        .unwrap_or_default()
}

pub(super) fn read_constraint(
    source: &str,
    tokens: &[Token],
    place: Place,
    table: &mut Table,
    file: FileId,
) {
    let word = |index: usize, word: &str| {
        tokens
            .get(index)
            .is_some_and(|token| token.is_word(source, word))
    };
    let mut start = 0;
    let mut name = None;
    if word(0, "CONSTRAINT") {
        name = tokens.get(1).and_then(|token| token.ident(source));
        start = 2;
    }
    let columns = list_after(source, tokens, start);
    if word(start, "PRIMARY") {
        table.primary_key = Some(Key {
            implicit_name: None,
            name,
            columns,
            place,
        });
    } else if word(start, "UNIQUE") {
        let index_name = name.or_else(|| unique_name(source, tokens, start));
        table.uniques.push(Key {
            implicit_name: None,
            name: index_name,
            columns,
            place,
        });
    } else if word(start, "FOREIGN") {
        let at = tokens
            .iter()
            .position(|token| token.is_word(source, "REFERENCES"))
            .unwrap_or(tokens.len());
        table
            .foreign_keys
            .push(foreign_key(source, tokens, at, name, columns, place));
    } else if word(start, "CHECK") {
        let expression = tokens
            .iter()
            .skip(start + 1)
            .map(|token| token.text(source))
            .collect::<Vec<_>>()
            .join(" ");
        table.checks.push(Check {
            implicit_name: None,
            name,
            expression,
            not_valid: false,
            place,
        });
    } else if word(start, "KEY")
        || word(start, "INDEX")
        || word(start, "FULLTEXT")
        || word(start, "SPATIAL")
    {
        let method = (word(start, "FULLTEXT") || word(start, "SPATIAL"))
            .then(|| {
                tokens
                    .get(start)
                    .map(|token| token.text(source).to_ascii_lowercase())
            })
            .flatten();
        let index_name = tokens
            .get(start + 1..)
            .unwrap_or(&[])
            .iter()
            .take_while(|token| !token.is_punct(source, '('))
            .filter(|token| !token.is_word(source, "KEY") && !token.is_word(source, "INDEX"))
            .find_map(|token| token.ident(source));
        table.indexes.push(Index {
            implicit_name: None,
            name: index_name,
            columns,
            unique: false,
            method,
            predicate: None,
            place,
            created_in: file,
        });
    }
}

/// `UNIQUE [KEY|INDEX] name (...)`: the name, when one is given.
fn unique_name(source: &str, tokens: &[Token], start: usize) -> Option<String> {
    tokens
        .get(start + 1..)
        .unwrap_or(&[])
        .iter()
        .take_while(|token| !token.is_punct(source, '('))
        .filter(|token| !token.is_word(source, "KEY") && !token.is_word(source, "INDEX"))
        .find_map(|token| token.ident(source))
}

pub(super) fn create_index(context: &mut Applying<'_>) -> bool {
    let source = context.text;
    let tokens = context.tokens;
    let Some(on) = locate::find_word(source, tokens, "ON") else {
        return false;
    };
    let index_name = locate::find_word(source, tokens, "INDEX")
        .and_then(|at| tokens.get(at + 1..on))
        .and_then(|between| {
            between
                .iter()
                .filter(|token| {
                    !["IF", "NOT", "EXISTS", "CONCURRENTLY"]
                        .iter()
                        .any(|word| token.is_word(source, word))
                })
                .find_map(|token| token.ident(source))
        });
    let mut table_index = on + 1;
    if tokens
        .get(table_index)
        .is_some_and(|token| token.is_word(source, "ONLY"))
    {
        table_index += 1;
    }
    let Some(table_name) = tokens
        .get(table_index)
        .and_then(|token| token.ident(source))
    else {
        return false;
    };
    let method = locate::find_word(source, tokens, "USING")
        .and_then(|at| tokens.get(at + 1))
        .map(|token| token.text(source).to_ascii_lowercase())
        .or_else(|| {
            tokens
                .iter()
                .take(3)
                .find(|token| token.is_word(source, "FULLTEXT") || token.is_word(source, "SPATIAL"))
                .map(|token| token.text(source).to_ascii_lowercase())
        });
    let index = Index {
        implicit_name: None,
        name: index_name.clone(),
        columns: list_after(source, tokens, table_index),
        unique: tokens
            .iter()
            .take(3)
            .any(|token| token.is_word(source, "UNIQUE")),
        method,
        predicate: None,
        place: Place {
            object: index_name,
            ..context.place.clone()
        },
        created_in: context.file,
    };
    let file = context.file;
    if context.schema.table(&table_name).is_none() && context.schema.view(&table_name).is_some() {
        record(context, StatementKind::CreateIndex, table_name);
        return true;
    }
    let Some(table) = context.schema.table_mut(&table_name) else {
        return false;
    };
    table.indexes.push(index);
    table.changed_in = file;
    record(context, StatementKind::CreateIndex, table_name);
    true
}
