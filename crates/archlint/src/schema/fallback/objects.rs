//! `DROP INDEX` and `COMMENT ON` as sqlparser may reject them: PostgreSQL's
//! `DROP INDEX CONCURRENTLY IF EXISTS "a", "b"`, and comments written as
//! dollar-quoted strings (`COMMENT ON TABLE t IS $$…$$`).

use super::name_after;
use crate::schema::applying::Applying;
use crate::schema::{Change, StatementKind};
use crate::sql::lexer::TokenKind;

/// Drops each named index; false when no name can be read.
pub(super) fn drop_index(context: &mut Applying<'_>) -> bool {
    let Some((first, after)) = name_after(context, "INDEX") else {
        return false;
    };
    let source = context.text;
    let mut names = vec![first];
    let mut index = after;
    while context
        .tokens
        .get(index)
        .is_some_and(|token| token.is_punct(source, ','))
    {
        let Some(name) = context
            .tokens
            .get(index + 1)
            .and_then(|token| token.ident(source))
        else {
            break;
        };
        names.push(name);
        index += 2;
    }
    let if_exists = context.has_word("EXISTS");
    context.changes.push(Change::DropIndex {
        concurrently: context.has_word("CONCURRENTLY"),
    });
    let mut owner = None;
    for name in &names {
        match context.schema.index_owner_mut(name) {
            Some(table) => {
                table.indexes.retain(|existing| !existing.called(name));
                table.uniques.retain(|existing| !existing.called(name));
                owner.get_or_insert_with(|| table.name.clone());
            }
            None if !if_exists => context.unknown("DROP of", name),
            None => {}
        }
    }
    let preexisting = owner
        .as_deref()
        .is_some_and(|table| context.preexisting(table));
    context.record(StatementKind::Drop, owner, preexisting);
    true
}

/// `COMMENT ON TABLE t IS '…'` and `COMMENT ON COLUMN t.c IS '…'`.
pub(super) fn comment(context: &mut Applying<'_>) -> bool {
    let source = context.text;
    let on_column = context
        .tokens
        .get(2)
        .is_some_and(|token| token.is_word(source, "COLUMN"));
    let Some((name, after)) = name_after(context, if on_column { "COLUMN" } else { "TABLE" })
    else {
        return false;
    };
    let literal = context
        .tokens
        .get(after + 1)
        .filter(|_| {
            context
                .tokens
                .get(after)
                .is_some_and(|token| token.is_word(source, "IS"))
        })
        .map(|token| (token.kind, token.text(source)));
    let text = match literal {
        Some((TokenKind::String, quoted)) => Some(unquote(quoted)),
        Some((TokenKind::Word, word)) if word.eq_ignore_ascii_case("NULL") => None,
        _ => return false,
    };
    let table = if on_column {
        let Some((table, column)) = name.rsplit_once('.') else {
            return false;
        };
        if let Some(found) = context
            .schema
            .table_mut(table)
            .and_then(|table| table.column_mut(column))
        {
            found.comment = text;
        }
        table.to_owned()
    } else {
        if let Some(table) = context.schema.table_mut(&name) {
            table.comment = text;
        }
        name
    };
    context.record(StatementKind::Comment, Some(table), false);
    true
}

/// The text of a string literal: `'it''s'`, `E'…'`, `$tag$…$tag$`.
fn unquote(quoted: &str) -> String {
    if let Some(rest) = quoted.strip_prefix('$') {
        let tag_end = rest.find('$').map_or(0, |at| at + 2);
        let inner = quoted
            .get(tag_end..quoted.len().saturating_sub(tag_end))
            .unwrap_or("");
        return inner.trim().to_owned();
    }
    let inner = quoted.trim_start_matches(['E', 'e']);
    inner
        .get(1..inner.len().saturating_sub(1))
        .unwrap_or("")
        .replace("''", "'")
}
