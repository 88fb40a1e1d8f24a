//! Grouping what rules find by the node it is about, so that a shared
//! component is reported once with the operations that reach it.

use std::collections::HashMap;
use std::hash::Hash;

/// Things found while going through the operations, each kept once with the
/// operations where it was found, in first-seen order. The key is usually the
/// identity of the node the finding is about (shared components are reported
/// once), sometimes a name (`{id}` declared inline on every path).
pub(crate) struct Grouped<K, T> {
    entries: Vec<(T, Vec<usize>)>,
    index_of: HashMap<K, usize>,
}

impl<K: Hash + Eq, T> Grouped<K, T> {
    pub(crate) fn new() -> Self {
        Grouped {
            entries: Vec::new(),
            index_of: HashMap::new(),
        }
    }

    /// Notes that `operation` reaches `key`; `make` builds its entry the first time.
    pub(crate) fn add(&mut self, key: K, operation: usize, make: impl FnOnce() -> T) {
        match self.index_of.get(&key) {
            Some(&index) => {
                if let Some((_, operations)) = self.entries.get_mut(index) {
                    operations.push(operation);
                }
            }
            None => {
                self.index_of.insert(key, self.entries.len());
                self.entries.push((make(), vec![operation]));
            }
        }
    }

    pub(crate) fn into_entries(self) -> Vec<(T, Vec<usize>)> {
        self.entries
    }
}
