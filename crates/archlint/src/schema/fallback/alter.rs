//! The operations of an `ALTER TABLE` sqlparser rejected: engine and charset
//! options, columns added, changed or dropped, constraints and indexes.

use super::tables::{default_value, read_column, read_constraint, type_end};
use super::{name_after, record, span_place, Outcome, STORAGE_SETTINGS};
use crate::schema::applying::Applying;
use crate::schema::ast::normalize_type;
use crate::schema::{Change, StatementKind};
use crate::sql::lexer::Token;

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

pub(super) fn alter_table(context: &mut Applying<'_>) -> Outcome {
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

fn apply_alter(context: &mut Applying<'_>, name: &str, operation: AlterOperation) {
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
            table.indexes.retain(|existing| !existing.called(&index));
            table.uniques.retain(|existing| !existing.called(&index));
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
