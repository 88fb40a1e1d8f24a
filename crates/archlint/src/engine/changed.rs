//! What a change added or modified, for `review --changed-since REV`: each
//! description's parts compared with the revision's (an operation, a
//! component, a top-level section; a referenced file as a whole per
//! top-level key), the tables and columns the revision did not have or
//! defined otherwise, and the files it did not have. The revision's files are named `REV:path`, so a
//! file of the revision is the one whose name ends with `:` and the new
//! file's name.

use super::change::pair_roots;
use super::inputs::discover;
use super::sql::load_database;
use super::{ReviewError, ReviewRequest};
use crate::base::loader::Loader;
use crate::base::parallel::join;
use crate::base::source::SourceMap;
use crate::openapi::Documents;
use crate::report::{Baseline, ChangedScope};
use crate::schema::{Column, Schema};
use crate::tree::{Node, Value};

/// Makes `request` report only what changed since `old` (an older version
/// of the same inputs, read through the same `loader`; `old_name` names its
/// files as `request` does): the findings `old` already had are left out,
/// except those on what the change added or modified, and the migrations
/// the change adds are one release (a table one of them creates is new to
/// the others).
pub fn review_since(
    request: &mut ReviewRequest,
    old: &ReviewRequest,
    loader: &dyn Loader,
    old_name: &dyn Fn(&str) -> String,
) -> Result<(), ReviewError> {
    // What the revision cannot review (a path it did not have) has no
    // findings there.
    let before = super::review(old, loader)
        .map(|report| Baseline::from_findings(&report.findings, old_name))
        .unwrap_or_default();
    let scope = changed_scope(old, request, loader)?;
    request.config.migrations.change = scope.new_files().map(str::to_owned).collect();
    request.changed = Some(scope);
    match &mut request.baseline {
        Some(baseline) => baseline.merge(before),
        None => request.baseline = Some(before),
    }
    Ok(())
}

/// Where `new` differs from `old`, both read through `loader`.
pub fn changed_scope(
    old: &ReviewRequest,
    new: &ReviewRequest,
    loader: &dyn Loader,
) -> Result<ChangedScope, ReviewError> {
    let old_loader = old.loader(loader);
    let new_loader = new.loader(loader);
    // Paths the revision did not have are new as a whole.
    let old_inputs = discover(old.paths(), &old_loader, &old.config).unwrap_or_default();
    let new_inputs = discover(new.paths(), &new_loader, &new.config)?;
    let mut scope = ChangedScope::default();
    for root in &new_inputs.api_roots {
        let pair = pair_roots(
            &old_inputs.api_roots,
            old.paths(),
            std::slice::from_ref(root),
            new.paths(),
        );
        let new_documents = Documents::load_within(
            &root.path,
            &new_loader,
            SourceMap::default(),
            new.config.limits,
        );
        let old_documents = pair.first().map(|(old_root, _)| {
            Documents::load_within(
                &old_root.path,
                &old_loader,
                SourceMap::default(),
                new.config.limits,
            )
        });
        compare_documents(old_documents.as_ref(), &new_documents, &mut scope);
    }
    for file in &new_inputs.sql_files {
        if !old_inputs.sql_files.iter().any(|old| same_file(old, file)) {
            scope.add_file(file);
        }
    }
    if !new_inputs.sql_files.is_empty() {
        let (before, after) = join(
            || load_database(&old_inputs.sql_files, &old_loader, old.config.dialect, 0),
            || load_database(&new_inputs.sql_files, &new_loader, new.config.dialect, 0),
        );
        let after = after?;
        let before = before.ok();
        compare_schemas(
            before.as_ref().map(|database| &database.schema),
            &after.schema,
            &mut scope,
        );
    }
    Ok(scope)
}

/// `main:api/openapi.yaml` is the revision's `api/openapi.yaml`.
fn same_file(old: &str, new: &str) -> bool {
    old == new
        || old
            .strip_suffix(new)
            .is_some_and(|prefix| prefix.ends_with(':'))
}

fn compare_documents(old: Option<&Documents>, new: &Documents, scope: &mut ChangedScope) {
    for (id, file) in new.sources.iter() {
        let Some(new_tree) = new.tree(id) else {
            continue;
        };
        let old_tree = old.and_then(|old| {
            let (old_id, _) = old
                .sources
                .iter()
                .find(|(_, old_file)| same_file(&old_file.name, &file.name))?;
            old.tree(old_id)
        });
        match old_tree {
            None => scope.add_file(&file.name),
            Some(old_tree) => {
                // The root description changes by operation and component;
                // a referenced file by its top-level keys.
                let depth = if id == new.root { 3 } else { 1 };
                compare_nodes(old_tree, new_tree, String::new(), depth, &mut |pointer| {
                    scope.add_pointer(&file.name, pointer);
                });
            }
        }
    }
}

/// Reports the pointers, `depth` steps down (or where a value stops being an
/// object), whose value differs.
fn compare_nodes(
    old: &Node,
    new: &Node,
    pointer: String,
    depth: usize,
    changed: &mut dyn FnMut(String),
) {
    match (&old.value, &new.value) {
        (Value::Object(old_members), Value::Object(new_members)) if depth > 0 => {
            for member in new_members {
                let inner = format!("{pointer}/{}", escape(&member.key));
                match old_members.iter().find(|old| old.key == member.key) {
                    Some(old_member) => {
                        compare_nodes(&old_member.value, &member.value, inner, depth - 1, changed);
                    }
                    None => changed(inner),
                }
            }
        }
        _ if !same_value(old, new) => changed(pointer),
        _ => {}
    }
}

/// `~` and `/` escaped, as in a JSON pointer.
fn escape(key: &str) -> String {
    key.replace('~', "~0").replace('/', "~1")
}

/// Whether two values are equal, wherever they are written.
fn same_value(old: &Node, new: &Node) -> bool {
    match (&old.value, &new.value) {
        (Value::Array(old), Value::Array(new)) => {
            old.len() == new.len() && old.iter().zip(new).all(|(a, b)| same_value(a, b))
        }
        (Value::Object(old), Value::Object(new)) => {
            old.len() == new.len()
                && new.iter().all(|member| {
                    old.iter()
                        .find(|other| other.key == member.key)
                        .is_some_and(|other| same_value(&other.value, &member.value))
                })
        }
        (Value::Number(old), Value::Number(new)) => old.value == new.value,
        (old, new) => old == new,
    }
}

fn compare_schemas(old: Option<&Schema>, new: &Schema, scope: &mut ChangedScope) {
    for table in &new.tables {
        let Some(before) = old.and_then(|old| old.table(&table.name)) else {
            scope.add_object(&table.name, None);
            continue;
        };
        for column in &table.columns {
            if before
                .column(&column.name)
                .is_none_or(|old| shape(old) != shape(column))
            {
                scope.add_object(&table.name, Some(&column.name));
            }
        }
    }
}

/// A column's definition, without where it is written.
fn shape(column: &Column) -> (String, bool, Option<&str>, bool) {
    (
        column.data_type.to_ascii_lowercase(),
        column.nullable,
        column.default.as_deref(),
        column.generated,
    )
}
