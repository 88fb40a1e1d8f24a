use std::collections::HashSet;

use super::{describe_entity, link_help, looks_alike, report, selects_everywhere};
use crate::base::words::{name_words, sensitive_name};
use crate::base::Emitter;
use crate::base::Severity;
use crate::link::{column_key, ColumnKind, Entity, Property, COLUMN_EXTENSION};
use crate::openapi::Method;
use crate::rules::ConsistencyContext;
use crate::schema::{Column, Table};

crate::declare_rule! {
    /// ## What it does
    /// Reports a scalar property of a request schema linked to a table when
    /// nothing stores it: not a column of that table, nor of a child table
    /// named for it (`segmentKeys` → `rule_segments.segment_key`) or holding
    /// its versions (`evaluator_versions`), nor a JSON column named for it
    /// or a catch-all one (`data`, `attributes`, `config`), and not marked
    /// `readOnly`. Left out, as they are not stored by design or are stored
    /// in a form the schema cannot show: objects and arrays (rows of other
    /// tables, documents, values a server computes from), booleans that steer
    /// the request (`dryRun`, `sendInvite`), the key the path already names
    /// (`PUT /users/{userId}` with `userId` in the body), when to apply the
    /// change (`timing`), inputs a column stores derived (`expiresIn` →
    /// `expires_at`, a `format: duration` beside the times it sets),
    /// references by natural key (`customerKey` beside `customer_id`, or
    /// described as "The key of the phase to start in"), state flags beside a
    /// `status` column (`enabled` → `status = 'ACTIVE'`), secrets (stored
    /// hashed, or in a secret store), and deprecated properties.
    /// `x-archlint-column: false` on a property says it is stored nowhere on
    /// purpose. When an unlinked column is named like the property
    /// (`email` / `email_address`, `maxRollover` / `reset_max_rollover`,
    /// `slug` / `key`, `kind` / `type`), the finding is a suggestion to link
    /// them.
    ///
    /// ## Why is this bad?
    /// A request property with no column is accepted and silently dropped: the
    /// client believes it saved a note that is gone.
    ///
    /// ## Example
    ///
    /// An operation that creates customers:
    /// ```yaml
    /// paths:
    ///   /customers:
    ///     post:
    ///       requestBody:
    ///         required: true
    ///         content:
    ///           application/json:
    ///             schema: {$ref: '#/components/schemas/NewCustomer'}
    ///       responses:
    ///         '201': {description: Created.}
    /// components:
    ///   schemas:
    ///     NewCustomer:
    ///       type: object
    ///       required: [email]
    ///       properties:
    ///         email: {type: string}
    ///         name: {type: string}
    ///         note: {type: string}
    /// ```
    ///
    /// and the table behind it, which has no `note` column:
    /// ```sql
    /// CREATE TABLE customers (id bigserial PRIMARY KEY, email text NOT NULL, name text);
    /// ```
    ///
    /// Use instead: store it (or remove the property):
    /// ```sql
    /// CREATE TABLE customers (id bigserial PRIMARY KEY, email text NOT NULL, name text, note text);
    /// ```
    ///
    /// ## How to fix
    /// Add the column, remove the property, or link it to the column that
    /// stores it (`x-archlint-column`).
    ///
    /// Severity: `warning` (data is lost), one finding per property (one per
    /// schema, listing them, when most of the schema is unstored); `info` for
    /// a property named like an unlinked column.
    pub struct PropertyWithoutColumn {
        id: "CONS006",
        name: "property-without-column",
        side: Both,
        area: Consistency,
        severity: Warning,
        summary: "A property of a schema linked to a table has no column behind it.",
        fix: "Add the column, remove the property, link it with x-archlint-column, or mark computed values readOnly.",
        check_both: check,
    }
}

fn check(context: &ConsistencyContext<'_, '_>, out: &mut Emitter) {
    let mut seen = HashSet::new();
    for (entity, table) in context.links.linked() {
        if !writes(context, entity) {
            continue;
        }
        let missing: Vec<&Property<'_>> = entity
            .properties
            .iter()
            .filter(|property| is_unstored(property, table))
            .filter(|property| !selects_everywhere(context, entity, property))
            .filter(|property| seen.insert(property.at.identity()))
            .collect();
        let Some(first) = missing.first() else {
            continue;
        };
        let related = (table.place.clone(), format!("table `{}`", table.name));
        let stored = entity
            .properties
            .iter()
            .filter(|property| property.column.is_some())
            .count();
        // A few dropped request properties are each a bug; most of a schema
        // unstored is one decision (a JSON column, another table) to review.
        if missing.len() <= 3 || missing.len() <= stored {
            for property in missing {
                let lookalike = unlinked_lookalike(entity, table, property.name);
                let message = match lookalike {
                    Some(column) => format!(
                        "`{}` of {} is linked to no column of `{}`; `{}` may store it",
                        property.name,
                        describe_entity(entity),
                        table.name,
                        column.name
                    ),
                    None => format!(
                        "`{}` of {} has no column in `{}`: clients send it and it is silently dropped",
                        property.name,
                        describe_entity(entity),
                        table.name
                    ),
                };
                let diagnostic = out
                    .report(property.at.place(), message)
                    .related(related.0.clone(), related.1.clone());
                if let Some(column) = lookalike {
                    diagnostic
                        .help(link_help(property.name, &column.name))
                        .severity(Severity::Info);
                }
            }
            continue;
        }
        let message = format!(
            "{} accepts {}, which no column of `{}` stores: clients send them and they are silently dropped",
            describe_entity(entity),
            list_names(&missing),
            table.name
        );
        report(out, first.at.place(), message, related, None);
    }
}

/// Whether some operation writes rows with the schema (a `POST`, `PUT` or
/// `PATCH` body).
fn writes(context: &ConsistencyContext<'_, '_>, entity: &Entity<'_>) -> bool {
    entity.uses.iter().any(|usage| {
        usage.request
            && context.operation(usage.operation).is_some_and(|operation| {
                operation.method.is_write() && operation.method != Method::Delete
            })
    })
}

/// "`a`, `b`, `c`, `d`, `e` and 7 more".
fn list_names(properties: &[&Property<'_>]) -> String {
    let names: Vec<String> = properties
        .iter()
        .take(5)
        .map(|property| format!("`{}`", property.name))
        .collect();
    match properties.len() {
        count if count > 5 => format!("{} and {} more", names.join(", "), count - 5),
        _ => names.join(", "),
    }
}

/// A column no property of the schema is linked to, named like `property`.
fn unlinked_lookalike<'a>(
    entity: &Entity<'_>,
    table: &'a Table,
    property: &str,
) -> Option<&'a Column> {
    // A flag is not kept in a text column (`password_set` / `password`).
    let flag = entity
        .properties
        .iter()
        .any(|known| known.name == property && known.kind() == Some("boolean"));
    let unlinked = || {
        table.columns.iter().filter(move |column| {
            entity.property(column).is_none()
                && (!flag
                    || matches!(
                        ColumnKind::of(column),
                        ColumnKind::Boolean | ColumnKind::Integer { .. }
                    ))
        })
    };
    unlinked()
        .find(|column| looks_alike(property, &column.name))
        .or_else(|| unlinked().find(|column| shares_two_words(property, &column.name)))
        .or_else(|| unlinked().find(|column| same_identifier(property, &column.name)))
}

/// Names used interchangeably for one thing: a row's human-readable
/// identifier, and its variety.
const SYNONYMS: [&[&str]; 2] = [&["slug", "key", "handle"], &["kind", "type"]];

/// `slug` kept in a `key` column, `kind` in a `type` column.
fn same_identifier(property: &str, column: &str) -> bool {
    let (property, column) = (column_key(property), column_key(column));
    property != column
        && SYNONYMS
            .iter()
            .any(|names| names.contains(&property.as_str()) && names.contains(&column.as_str()))
}

/// `maxRolloverAmount` and `reset_max_rollover`: a column renamed around the
/// property's words.
fn shares_two_words(property: &str, column: &str) -> bool {
    let column_words = name_words(column);
    let shared = name_words(property)
        .iter()
        .filter(|word| word.as_str() != "id" && column_words.contains(word))
        .count();
    shared >= 2
}

/// A scalar property, or a list or object with fields, that no column or
/// table stores (here or elsewhere), not computed
/// (`readOnly`), not opted out (`x-archlint-column: false`), and not one
/// of the values stored by design: flags, derived inputs, deprecated ones.
fn is_unstored(property: &Property<'_>, table: &Table) -> bool {
    let opted_out = property.at.node.get(COLUMN_EXTENSION).is_some()
        || property.schema.node.get(COLUMN_EXTENSION).is_some();
    let deprecated = property.schema.bool("deprecated") == Some(true)
        || property.at.bool("deprecated") == Some(true);
    property.column.is_none()
        && property.elsewhere.is_none()
        && property.is_scalar()
        && !is_command(property)
        && sensitive_name(property.name).is_none()
        && !names_a_reference(property, table)
        && !stored_as_state(property, table)
        && !property.read_only()
        && !opted_out
        && !deprecated
        && !stored_hashed(property.name, table)
        && !stored_derived(property, table)
}

/// Last words of a reference to another row by its natural key.
const NATURAL_KEYS: [&str; 4] = ["name", "key", "slug", "code"];

/// Openings of descriptions of a reference to another row: "The key of the
/// phase to start in".
const REFERENCE_DESCRIPTIONS: [&str; 5] = [
    "the key of ",
    "the id of ",
    "the identifier of ",
    "the name of ",
    "the slug of ",
];

/// `datasetName` or `customerKey` beside a `dataset_id` / `customer_id`
/// column, or a property described as "the key of" another row: the server
/// looks the row up and stores its id, or uses it and stores nothing.
fn names_a_reference(property: &Property<'_>, table: &Table) -> bool {
    let described = property
        .schema
        .str("description")
        .or_else(|| property.at.str("description"))
        .is_some_and(|text| {
            let text = text.trim_start().to_ascii_lowercase();
            REFERENCE_DESCRIPTIONS
                .iter()
                .any(|opening| text.starts_with(opening))
        });
    described || names_a_foreign_key(property.name, table)
}

fn names_a_foreign_key(property: &str, table: &Table) -> bool {
    let words = name_words(property);
    let Some((last, head)) = words.split_last() else {
        return false;
    };
    if head.is_empty() || !NATURAL_KEYS.contains(&last.as_str()) {
        return false;
    }
    let foreign_key = format!("{}_id", head.join("_"));
    table
        .columns
        .iter()
        .any(|column| column_key(&column.name) == foreign_key)
}

/// Booleans that a state column stores as one of its values.
const STATE_FLAGS: [&str; 7] = [
    "enabled",
    "disabled",
    "active",
    "inactive",
    "paused",
    "archived",
    "suspended",
];

/// `enabled: true` stored as `status = 'ACTIVE'`.
fn stored_as_state(property: &Property<'_>, table: &Table) -> bool {
    let flag = property.kind() == Some("boolean")
        && name_words(property.name)
            .last()
            .is_some_and(|last| STATE_FLAGS.contains(&last.as_str()));
    flag && table
        .columns
        .iter()
        .any(|column| matches!(column_key(&column.name).as_str(), "status" | "state"))
}

/// Words of inputs that a timestamp column stores as their result:
/// `expiresIn` → `expires_at`, `ttlSeconds` → `expires_at`.
const DURATION_WORDS: [&str; 7] = [
    "in", "seconds", "minutes", "hours", "days", "ttl", "duration",
];

/// `expiresIn` (a duration) stored as `expires_at` (a time); any
/// `format: duration` (`startAfter: P1M`) beside the times it sets.
fn stored_derived(property: &Property<'_>, table: &Table) -> bool {
    let words = name_words(property.name);
    let duration = property.format() == Some("duration");
    if !duration
        && !words
            .iter()
            .any(|word| DURATION_WORDS.contains(&word.as_str()))
    {
        return false;
    }
    let first = words.first();
    table.columns.iter().any(|column| {
        let column_words = name_words(&column.name);
        matches!(
            ColumnKind::of(column),
            ColumnKind::Timestamp | ColumnKind::Date
        ) && (duration || column_words.first() == first || words.iter().any(|word| word == "ttl"))
    })
}

/// Words of boolean inputs that steer the request rather than hold data:
/// `dryRun`, `sendInvite`, `preconfirm`, `skipValidation`, `force`.
const COMMAND_WORDS: [&str; 22] = [
    "dry",
    "send",
    "notify",
    "force",
    "confirm",
    "preconfirm",
    "validate",
    "skip",
    "async",
    "wait",
    "overwrite",
    "replace",
    "include",
    "return",
    "sync",
    "silent",
    "preview",
    "ignore",
    "cascade",
    "reset",
    "simulate",
    "recursive",
];

/// A boolean that tells the server how to handle the request, or when to
/// apply it (`timing: immediate`).
fn is_command(property: &Property<'_>) -> bool {
    let words = name_words(property.name);
    let steers = property.kind() == Some("boolean")
        && words
            .iter()
            .any(|word| COMMAND_WORDS.contains(&word.as_str()));
    steers || words.last().is_some_and(|last| last == "timing")
}

/// Words a column adds to a value it stores transformed: `password_hash`,
/// `hashed_secret_key`, `token_digest`, `encrypted_api_key`.
const TRANSFORMED: [&str; 6] = ["hash", "hashed", "digest", "encrypted", "enc", "bcrypt"];

/// `password` stored as `password_hash`, `secretKey` as `hashed_secret_key`.
fn stored_hashed(property: &str, table: &Table) -> bool {
    let words = name_words(property);
    let transformed = |extra: &[String]| {
        !extra.is_empty()
            && extra
                .iter()
                .all(|word| TRANSFORMED.contains(&word.as_str()))
    };
    table.columns.iter().any(|column| {
        let column_words = name_words(&column.name);
        let extra = column_words.len().saturating_sub(words.len());
        column_words.len() > words.len()
            && ((column_words.starts_with(&words)
                && transformed(column_words.get(words.len()..).unwrap_or(&[])))
                || (column_words.ends_with(&words)
                    && transformed(column_words.get(..extra).unwrap_or(&[]))))
    })
}
