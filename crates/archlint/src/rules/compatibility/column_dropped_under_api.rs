use std::collections::HashSet;

use crate::base::{Emitter, Place, Severity};
use crate::link::{Entity, Property};
use crate::rules::{ChangeContext, DatabaseChange};
use crate::schema::{Change, Schema, Table};

crate::declare_rule! {
    /// ## What it does
    /// With SQL in both versions: reports a table or column that the old
    /// version's API reads (a response property linked to it) and that the
    /// new version's database no longer has (dropped, or renamed), while the
    /// new version's API still returns the property and links it to nothing
    /// else.
    ///
    /// ## Why is this bad?
    /// The description still promises the value, but there is nothing left to
    /// read it from: the server fails, or sends the property empty, and
    /// clients that show or trust it break after the migration runs.
    ///
    /// ## Example
    /// ```yaml
    /// paths:
    ///   /users/{id}:
    ///     get:
    ///       parameters: [{name: id, in: path, required: true, schema: {type: integer}}]
    ///       responses:
    ///         '200':
    ///           description: The user.
    ///           content:
    ///             application/json:
    ///               schema:
    ///                 $ref: '#/components/schemas/User'
    /// components:
    ///   schemas:
    ///     User:
    ///       type: object
    ///       required: [id, email, nickname]
    ///       properties:
    ///         id: {type: integer}
    ///         email: {type: string}
    ///         nickname: {type: string}
    /// ```
    ///
    /// The old version's table, then the new version's migration:
    /// ```sql
    /// CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL, nickname text NOT NULL);
    /// ```
    ///
    /// ```sql
    /// ALTER TABLE users DROP COLUMN nickname;
    /// ```
    ///
    /// Use instead: keep the column until the API stops returning the
    /// property (deprecate it, and remove it in the next major version):
    /// ```sql
    /// ALTER TABLE users ALTER COLUMN nickname DROP NOT NULL;
    /// ```
    ///
    /// ## How to fix
    /// Keep the column (or table) while the API returns it; or deprecate the
    /// property, remove it from the API, and drop the column after; or, when
    /// the server reads the value from elsewhere now, say so with
    /// `x-archlint-column` / `x-archlint-table`.
    ///
    /// Severity: `error` for a required property or a whole table dropped;
    /// `warning` for an optional property (clients may cope with it missing)
    /// and for a rename (the server may read the new name: link it).
    pub struct ColumnDroppedUnderApi {
        id: "COMPAT015",
        name: "column-dropped-under-api",
        side: Change,
        area: Compatibility,
        severity: Error,
        summary: "A column or table the API still returns is dropped or renamed.",
        fix: "Keep the column while the API returns the property, or deprecate and remove the property first.",
        check_change: check,
    }
}

fn check(context: &ChangeContext<'_>, out: &mut Emitter) {
    let Some(database) = &context.database else {
        return;
    };
    let mut seen = HashSet::new();
    for (old_entity, old_table) in database.old_links.linked() {
        if !old_entity.is_response() {
            continue;
        }
        // What NEW's API no longer has is for the API rules to weigh.
        let Some(new_entity) = database
            .new_links
            .entities
            .iter()
            .find(|entity| entity.name == old_entity.name)
        else {
            continue;
        };
        if !seen.insert(new_entity.schema.place()) {
            continue;
        }
        match database.new.table(&old_table.name) {
            None if new_entity.table.is_none() => {
                report_table(out, database, new_entity, old_table);
            }
            None => {}
            Some(new_table) => {
                for (property, column) in dropped_columns(old_entity, new_entity, new_table) {
                    report_column(out, database, (new_entity, property), old_table, column);
                }
            }
        }
    }
}

/// The properties of NEW's entity whose OLD column `new_table` no longer
/// has, and which NEW links to nothing: `(property, old column name)`.
fn dropped_columns<'e, 'a>(
    old_entity: &'e Entity<'a>,
    new_entity: &'e Entity<'a>,
    new_table: &Table,
) -> Vec<(&'e Property<'a>, &'a str)> {
    old_entity
        .properties
        .iter()
        .filter_map(|old_property| {
            let (column, _) = old_property.column?;
            if new_table.column(&column.name).is_some() {
                return None;
            }
            let new_property = new_entity
                .properties
                .iter()
                .find(|property| property.name == old_property.name)?;
            let unstored = new_property.column.is_none() && new_property.elsewhere.is_none();
            unstored.then_some((new_property, column.name.as_str()))
        })
        .collect()
}

fn report_table(
    out: &mut Emitter,
    database: &DatabaseChange<'_>,
    entity: &Entity<'_>,
    table: &Table,
) {
    let (place, label, renamed) = what_removed(database.new, table, None).unwrap_or_else(|| {
        (
            table.place.clone(),
            "the table in the old version".to_owned(),
            None,
        )
    });
    let message = format!(
        "{} is read from `{}`, which this change {}",
        describe(entity),
        table.name,
        consequence(renamed.as_deref())
    );
    let diagnostic = out
        .report(entity.schema.place(), message)
        .related(place, label);
    if let Some(to) = renamed {
        diagnostic
            .severity(Severity::Warning)
            .help(format!("If the server now reads it from `{to}`, say so: `x-archlint-table: {to}` on the schema."));
    }
}

/// What the change does to the table or column, and what it means.
fn consequence(renamed: Option<&str>) -> String {
    match renamed {
        Some(to) => format!(
            "renames to `{to}`: unless the server now reads it from `{to}`, the API returns it with nothing behind it"
        ),
        None => "drops: the API still returns it, with nothing to read it from".to_owned(),
    }
}

fn report_column(
    out: &mut Emitter,
    database: &DatabaseChange<'_>,
    (entity, property): (&Entity<'_>, &Property<'_>),
    table: &Table,
    column: &str,
) {
    let fallback = || {
        let place = table
            .column(column)
            .map_or_else(|| table.place.clone(), |column| column.place.clone());
        (place, "the column in the old version".to_owned(), None)
    };
    let (place, label, renamed) =
        what_removed(database.new, table, Some(column)).unwrap_or_else(fallback);
    let message = format!(
        "`{}` of {} is read from `{}.{column}`, which this change {}",
        property.name,
        describe(entity),
        table.name,
        consequence(renamed.as_deref())
    );
    let diagnostic = out
        .report(property.at.place(), message)
        .related(place, label);
    if let Some(to) = &renamed {
        diagnostic.help(format!(
            "If the server now reads it from `{to}`, say so: `x-archlint-column: {to}` on the property."
        ));
    }
    if renamed.is_some() || !property.required {
        diagnostic.severity(Severity::Warning);
    }
}

/// `` `User` `` or `the GET /users response body`.
fn describe(entity: &Entity<'_>) -> String {
    if entity.named {
        format!("`{}`", entity.name)
    } else {
        entity.name.clone()
    }
}

/// The statement of NEW that dropped or renamed the table (or its column),
/// with its label and the new name of a rename.
fn what_removed(
    schema: &Schema,
    table: &Table,
    column: Option<&str>,
) -> Option<(Place, String, Option<String>)> {
    schema.statements.iter().rev().find_map(|statement| {
        let about = statement.table.as_deref()?;
        if !about.eq_ignore_ascii_case(&table.name) {
            return None;
        }
        statement.changes.iter().find_map(|change| {
            let renamed = match (change, column) {
                (Change::DropTable, _) => None,
                (Change::RenameTable { to }, None) => Some(to.clone()),
                (Change::DropColumn { column: dropped }, Some(column))
                    if dropped.eq_ignore_ascii_case(column) =>
                {
                    None
                }
                (Change::RenameColumn { from, to }, Some(column))
                    if from.eq_ignore_ascii_case(column) =>
                {
                    Some(to.clone())
                }
                _ => return None,
            };
            let label = if renamed.is_some() {
                "renamed here"
            } else {
                "dropped here"
            };
            Some((statement.place.clone(), label.to_owned(), renamed))
        })
    })
}
