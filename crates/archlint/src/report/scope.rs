//! What a change added or modified (`review --changed-since REV`): the parts
//! of each description whose text changed (an operation, a component, a
//! top-level section), the tables that are new and the columns that are new
//! or changed, and the files that are new. A finding located there is the change's to answer for, even
//! when the revision already had it.

use std::collections::{BTreeMap, BTreeSet};

use super::Finding;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ChangedScope {
    /// File → JSON pointers of the parts that changed.
    pointers: BTreeMap<String, Vec<String>>,
    /// Lower-case `table` (a new table: all of it) and `table.column` (a
    /// new or changed column).
    objects: BTreeSet<String>,
    /// Files the revision did not have.
    files: BTreeSet<String>,
}

impl ChangedScope {
    pub fn add_pointer(&mut self, file: &str, pointer: String) {
        self.pointers
            .entry(file.to_owned())
            .or_default()
            .push(pointer);
    }

    /// A new table, or with a column, a new or changed column.
    pub fn add_object(&mut self, table: &str, column: Option<&str>) {
        let object = match column {
            Some(column) => format!("{table}.{column}"),
            None => table.to_owned(),
        };
        self.objects.insert(object.to_ascii_lowercase());
    }

    pub fn add_file(&mut self, file: &str) {
        self.files.insert(file.to_owned());
    }

    /// The files the revision did not have.
    pub fn new_files(&self) -> impl Iterator<Item = &str> {
        self.files.iter().map(String::as_str)
    }

    pub fn is_empty(&self) -> bool {
        self.pointers.is_empty() && self.objects.is_empty() && self.files.is_empty()
    }

    /// Whether the finding is located in what changed: in a new file, under
    /// (or just above) a changed part, on a new table, or on a new or
    /// changed column.
    pub fn contains(&self, finding: &Finding) -> bool {
        let location = &finding.location;
        if self.files.contains(&location.file) {
            return true;
        }
        if let Some(pointer) = &location.pointer {
            return self
                .pointers
                .get(&location.file)
                .is_some_and(|changed| changed.iter().any(|part| related(pointer, part)));
        }
        location.object.as_deref().is_some_and(|object| {
            let object = object.to_ascii_lowercase();
            let table = object.split(['.', '(', ' ']).next().unwrap_or(&object);
            self.objects.contains(&object) || self.objects.contains(table)
        })
    }
}

/// A finding's pointer inside a changed part, or the part inside the
/// finding's node (a finding about a path item whose `get` changed). A
/// finding about a whole section (`/paths`, the document) is not the
/// change's: everything is under it.
fn related(pointer: &str, part: &str) -> bool {
    let under = |inner: &str, outer: &str| {
        inner == outer
            || inner
                .strip_prefix(outer)
                .is_some_and(|rest| rest.starts_with('/'))
    };
    under(pointer, part) || pointer.matches('/').count() >= 2 && under(part, pointer)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pointers_match_by_whole_steps() {
        assert!(related("/paths/~1a/get/responses", "/paths/~1a/get"));
        assert!(related("/paths/~1a", "/paths/~1a/get"));
        assert!(!related("/paths", "/paths/~1a/get"));
        assert!(!related("/paths/~1ab/get", "/paths/~1a"));
        assert!(!related("", "/info"));
    }
}
