//! Reads the schema effect of `CREATE TABLE` and `CREATE INDEX` statements that
//! sqlparser rejects (an unusual MySQL column type, a vendor option), so the
//! table stays in the model instead of vanishing. It reads tokens, not a
//! grammar: names, types as written, NULL-ability, defaults and keys.

use super::apply::{normalize_type, Context};
use super::{Change, Check, Column, ForeignKey, Index, Key, StatementKind, Table};
use crate::sql::lexer::{Token, TokenKind};
use crate::sql::locate;

/// Words that end a column's type and start its options.
const OPTION_WORDS: [&str; 17] = [
    "NOT",
    "NULL",
    "DEFAULT",
    "PRIMARY",
    "UNIQUE",
    "REFERENCES",
    "CHECK",
    "CONSTRAINT",
    "AUTO_INCREMENT",
    "AUTOINCREMENT",
    "COMMENT",
    "COLLATE",
    "GENERATED",
    "CHARACTER",
    "ON",
    "AS",
    "IDENTITY",
];

/// What the fallback made of a statement sqlparser rejected.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Its effect on the schema was read and applied.
    Applied,
    /// It is of a kind that cannot change the schema model (a routine, data,
    /// a session setting, a maintenance command); nothing to apply.
    NoSchemaEffect,
    NotUnderstood,
}

/// Statements that start with one of these cannot change tables, columns, keys
/// or indexes.
const NO_EFFECT_STARTS: [&str; 27] = [
    "PREPARE",
    "EXECUTE",
    "DEALLOCATE",
    "OPTIMIZE",
    "ANALYZE",
    "REPAIR",
    "FLUSH",
    "LOCK",
    "UNLOCK",
    "SET",
    "PRAGMA",
    "DELETE",
    "UPDATE",
    "INSERT",
    "REPLACE",
    "SELECT",
    "CALL",
    "DO",
    "BEGIN",
    "COMMIT",
    "START",
    "ROLLBACK",
    "GRANT",
    "REVOKE",
    "VACUUM",
    "REINDEX",
    "USE",
];
/// `CREATE`/`ALTER`/`DROP` of these objects do not touch the schema model.
const NO_EFFECT_OBJECTS: [&str; 15] = [
    "FUNCTION",
    "PROCEDURE",
    "TRIGGER",
    "EVENT",
    "LANGUAGE",
    "AGGREGATE",
    "OPERATOR",
    "CAST",
    "SEQUENCE",
    "DATABASE",
    "SCHEMA",
    "EXTENSION",
    "ROLE",
    "USER",
    "RULE",
];
/// `ALTER TABLE ... ALTER [COLUMN] x SET <these>` change storage, not the schema.
const STORAGE_SETTINGS: [&str; 3] = ["STORAGE", "STATISTICS", "COMPRESSION"];

/// Reads the statement's effect when sqlparser could not.
pub fn apply(context: &mut Context<'_>) -> Outcome {
    let words = leading_words(context);
    let first = words.first().map(String::as_str).unwrap_or("");
    let object = words.iter().skip(1).find(|word| {
        ![
            "OR",
            "REPLACE",
            "TEMP",
            "TEMPORARY",
            "UNIQUE",
            "DEFINER",
            "TRUSTED",
            "PROCEDURAL",
            "GLOBAL",
            "LOCAL",
            "UNLOGGED",
            "FULLTEXT",
            "SPATIAL",
        ]
        .contains(&word.as_str())
    });
    let applied = |done: bool| {
        if done {
            Outcome::Applied
        } else {
            Outcome::NotUnderstood
        }
    };
    match (first, object.map(String::as_str)) {
        ("CREATE", Some("TABLE")) => applied(create_table(context)),
        ("CREATE", Some("INDEX")) => applied(create_index(context)),
        ("ALTER", Some("TABLE")) => alter_table(context),
        ("CREATE" | "ALTER" | "DROP" | "COMMENT", _)
            if words
                .iter()
                .any(|word| NO_EFFECT_OBJECTS.contains(&word.as_str())) =>
        {
            Outcome::NoSchemaEffect
        }
        _ if NO_EFFECT_STARTS.contains(&first) => Outcome::NoSchemaEffect,
        _ => Outcome::NotUnderstood,
    }
}

fn leading_words(context: &Context<'_>) -> Vec<String> {
    context
        .tokens
        .iter()
        .take(8)
        .filter(|token| token.kind == TokenKind::Word)
        .map(|token| token.text(context.text).to_ascii_uppercase())
        .collect()
}

/// The name after `keyword` (skipping `IF NOT EXISTS`, `ONLY`), qualified names joined.
fn name_after(context: &Context<'_>, keyword: &str) -> Option<(String, usize)> {
    let source = context.text;
    let tokens = context.tokens;
    let mut index = locate::find_word(source, tokens, keyword)? + 1;
    for skip in ["IF", "NOT", "EXISTS", "ONLY", "CONCURRENTLY"] {
        if tokens
            .get(index)
            .is_some_and(|token| token.is_word(source, skip))
        {
            index += 1;
        }
    }
    let mut name = tokens.get(index)?.ident(source)?;
    while tokens
        .get(index + 1)
        .is_some_and(|token| token.is_punct(source, '.'))
    {
        name = format!("{name}.{}", tokens.get(index + 2)?.ident(source)?);
        index += 2;
    }
    Some((name, index + 1))
}

fn create_table(context: &mut Context<'_>) -> bool {
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
        let place = crate::base::diagnostic::Place {
            span: crate::base::source::Span::new(element.start, element.end),
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

fn record(context: &mut Context<'_>, kind: StatementKind, table: String) {
    let preexisting = context.preexisting(&table);
    context.record(kind, Some(table), preexisting);
}

fn read_column(
    source: &str,
    tokens: &[Token],
    name: &str,
    place: crate::base::diagnostic::Place,
    table: &mut Table,
    file: crate::base::source::FileId,
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
            name: None,
            columns: vec![name.to_owned()],
            place: place.clone(),
        });
    }
    if has("UNIQUE") {
        table.uniques.push(Key {
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
fn type_end(source: &str, tokens: &[Token]) -> usize {
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

fn default_value(source: &str, tokens: &[Token]) -> Option<String> {
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
    place: crate::base::diagnostic::Place,
) -> ForeignKey {
    let (ref_table, ref_columns) = reference(source, tokens, at);
    ForeignKey {
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

fn read_constraint(
    source: &str,
    tokens: &[Token],
    place: crate::base::diagnostic::Place,
    table: &mut Table,
    file: crate::base::source::FileId,
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
            name,
            columns,
            place,
        });
    } else if word(start, "UNIQUE") {
        let index_name = name.or_else(|| unique_name(source, tokens, start));
        table.uniques.push(Key {
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

fn create_index(context: &mut Context<'_>) -> bool {
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
        name: index_name.clone(),
        columns: list_after(source, tokens, table_index),
        unique: tokens
            .iter()
            .take(3)
            .any(|token| token.is_word(source, "UNIQUE")),
        method,
        predicate: None,
        place: crate::base::diagnostic::Place {
            object: index_name,
            ..context.place.clone()
        },
        created_in: context.file,
    };
    let file = context.file;
    let Some(table) = context.schema.table_mut(&table_name) else {
        return false;
    };
    table.indexes.push(index);
    table.changed_in = file;
    record(context, StatementKind::CreateIndex, table_name);
    true
}

/// One operation of an `ALTER TABLE` that sqlparser rejected.
enum AlterOperation {
    Engine(String),
    Charset(String),
    /// A column definition to add or to put in place of `replaces`.
    Column {
        replaces: Option<String>,
        tokens: std::ops::Range<usize>,
    },
    Constraint(std::ops::Range<usize>),
    DropColumn(String),
    DropIndex(String),
    /// Options without effect on the model: `ROW_FORMAT=`, `SET STORAGE`, `OWNER TO` ...
    Nothing,
}

fn alter_table(context: &mut Context<'_>) -> Outcome {
    let Some((name, after_name)) = name_after(context, "TABLE") else {
        return Outcome::NotUnderstood;
    };
    let source = context.text;
    let tokens = context.tokens;
    let mut operations = Vec::new();
    for range in top_level_items(source, tokens, after_name) {
        match alter_operation(source, tokens, range) {
            Some(operation) => operations.push(operation),
            None => return Outcome::NotUnderstood,
        }
    }
    if context.schema.table(&name).is_none() {
        context.unknown("ALTER TABLE on table", &name);
        return Outcome::Applied;
    }
    for operation in operations {
        if let Some(change) = alter_change(context.text, context.tokens, &operation) {
            context.changes.push(change);
        }
        apply_alter(context, &name, operation);
    }
    let file = context.file;
    if let Some(table) = context.schema.table_mut(&name) {
        table.changed_in = file;
    }
    record(context, StatementKind::AlterTable, name);
    Outcome::Applied
}

/// Index ranges of the comma-separated items from `from` to the end, at
/// parenthesis depth zero.
fn top_level_items(source: &str, tokens: &[Token], from: usize) -> Vec<std::ops::Range<usize>> {
    let mut items = Vec::new();
    let mut depth = 0usize;
    let mut start = from;
    for (index, token) in tokens.iter().enumerate().skip(from) {
        if token.is_punct(source, '(') {
            depth += 1;
        } else if token.is_punct(source, ')') {
            depth = depth.saturating_sub(1);
        } else if depth == 0 && token.is_punct(source, ',') {
            items.push(start..index);
            start = index + 1;
        }
    }
    if start < tokens.len() {
        items.push(start..tokens.len());
    }
    items
}

fn alter_operation(
    source: &str,
    tokens: &[Token],
    range: std::ops::Range<usize>,
) -> Option<AlterOperation> {
    let item = tokens.get(range.clone())?;
    let word = |index: usize, expected: &str| {
        item.get(index)
            .is_some_and(|token| token.is_word(source, expected))
    };
    let value_after = |index: usize| {
        let at = if item
            .get(index)
            .is_some_and(|token| token.is_punct(source, '='))
        {
            index + 1
        } else {
            index
        };
        item.get(at).and_then(|token| token.ident(source))
    };
    let skip_column = |index: usize| {
        if word(index, "COLUMN") {
            index + 1
        } else {
            index
        }
    };
    let ident = |index: usize| item.get(index).and_then(|token| token.ident(source));
    let start = range.start;
    Some(if word(0, "ENGINE") || word(0, "TYPE") {
        AlterOperation::Engine(value_after(1)?)
    } else if word(0, "CONVERT") && word(1, "TO") {
        AlterOperation::Charset(value_after(4)?)
    } else if word(0, "DEFAULT") && (word(1, "CHARSET") || word(1, "CHARACTER")) {
        AlterOperation::Charset(value_after(if word(1, "CHARSET") { 2 } else { 3 })?)
    } else if word(0, "CHARSET") || word(0, "CHARACTER") {
        AlterOperation::Charset(value_after(if word(0, "CHARSET") { 1 } else { 2 })?)
    } else if [
        "ROW_FORMAT",
        "COLLATE",
        "AUTO_INCREMENT",
        "COMMENT",
        "OWNER",
        "CLUSTER",
        "ALGORITHM",
        "LOCK",
        "KEY_BLOCK_SIZE",
        "STATS_PERSISTENT",
    ]
    .iter()
    .any(|option| word(0, option))
        || (word(0, "ALTER")
            && item.iter().any(|token| token.is_word(source, "SET"))
            && item.iter().any(|token| {
                STORAGE_SETTINGS
                    .iter()
                    .any(|setting| token.is_word(source, setting))
            }))
    {
        AlterOperation::Nothing
    } else if word(0, "ADD") {
        let at = skip_column(1);
        if [
            "INDEX",
            "KEY",
            "CONSTRAINT",
            "PRIMARY",
            "UNIQUE",
            "FOREIGN",
            "FULLTEXT",
            "SPATIAL",
            "CHECK",
        ]
        .iter()
        .any(|keyword| word(at, keyword))
        {
            AlterOperation::Constraint(start + at..range.end)
        } else {
            AlterOperation::Column {
                replaces: None,
                tokens: start + at..range.end,
            }
        }
    } else if word(0, "MODIFY") {
        let at = skip_column(1);
        AlterOperation::Column {
            replaces: ident(at),
            tokens: start + at..range.end,
        }
    } else if word(0, "CHANGE") {
        let at = skip_column(1);
        AlterOperation::Column {
            replaces: ident(at),
            tokens: start + at + 1..range.end,
        }
    } else if word(0, "DROP") && (word(1, "INDEX") || word(1, "KEY")) {
        AlterOperation::DropIndex(ident(2)?)
    } else if word(0, "DROP") {
        AlterOperation::DropColumn(ident(skip_column(1))?)
    } else {
        return None;
    })
}

fn alter_change(source: &str, tokens: &[Token], operation: &AlterOperation) -> Option<Change> {
    match operation {
        AlterOperation::Column {
            replaces,
            tokens: range,
        } => {
            let item = tokens.get(range.clone())?;
            let column = item.first()?.ident(source)?;
            let type_end = type_end(source, item);
            let to = item
                .get(1..type_end)?
                .iter()
                .map(|token| token.text(source))
                .collect::<Vec<_>>()
                .join(" ");
            Some(match replaces {
                Some(_) => Change::AlterColumnType {
                    column,
                    to: normalize_type(&to),
                },
                None => Change::AddColumn {
                    column,
                    not_null: item.windows(2).any(|pair| {
                        pair[0].is_word(source, "NOT") && pair[1].is_word(source, "NULL")
                    }),
                    default: default_value(source, item),
                },
            })
        }
        AlterOperation::DropColumn(column) => Some(Change::DropColumn {
            column: column.clone(),
        }),
        _ => None,
    }
}

fn apply_alter(context: &mut Context<'_>, name: &str, operation: AlterOperation) {
    let source = context.text;
    let file = context.file;
    let statement = context.place.clone();
    let tokens = context.tokens;
    let Some(table) = context.schema.table_mut(name) else {
        return;
    };
    match operation {
        AlterOperation::Engine(engine) => table.engine = Some(engine),
        AlterOperation::Charset(charset) => table.charset = Some(charset),
        AlterOperation::Nothing => {}
        AlterOperation::DropColumn(column) => table
            .columns
            .retain(|existing| !existing.name.eq_ignore_ascii_case(&column)),
        AlterOperation::DropIndex(index) => {
            let same = |candidate: Option<&str>| {
                candidate.is_some_and(|candidate| candidate.eq_ignore_ascii_case(&index))
            };
            table
                .indexes
                .retain(|existing| !same(existing.name.as_deref()));
            table
                .uniques
                .retain(|existing| !same(existing.name.as_deref()));
        }
        AlterOperation::Constraint(range) => {
            let item = tokens.get(range).unwrap_or(&[]);
            let place = span_place(&statement, item, None);
            read_constraint(source, item, place, table, file);
        }
        AlterOperation::Column {
            replaces,
            tokens: range,
        } => {
            let item = tokens.get(range).unwrap_or(&[]);
            let Some(column) = item.first().and_then(|token| token.ident(source)) else {
                return;
            };
            let place = span_place(&statement, item, Some(format!("{}.{column}", table.name)));
            let old = replaces.unwrap_or_else(|| column.clone());
            let position = table
                .columns
                .iter()
                .position(|existing| existing.name.eq_ignore_ascii_case(&old));
            read_column(source, item, &column, place, table, file);
            // read_column appends; a MODIFY or CHANGE takes the old column's position.
            if let (Some(position), Some(new)) = (position, table.columns.pop()) {
                if let Some(slot) = table.columns.get_mut(position) {
                    *slot = new;
                }
            }
        }
    }
}

fn span_place(
    statement: &crate::base::diagnostic::Place,
    tokens: &[Token],
    object: Option<String>,
) -> crate::base::diagnostic::Place {
    match (tokens.first(), tokens.last()) {
        (Some(first), Some(last)) => crate::base::diagnostic::Place {
            span: crate::base::source::Span::new(first.start, last.end),
            object,
            ..statement.clone()
        },
        _ => statement.clone(),
    }
}
