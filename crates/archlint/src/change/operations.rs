//! Pairing the operations of two versions: by method and path template (with
//! the names of path parameters left out: `/users/{id}` and `/users/{userId}`
//! are one path), then the rest by `operationId` (a path that changed).

use std::collections::HashMap;

use crate::openapi::{Api, Operation};

/// Operations of OLD and NEW, by index into each `Api::operations`.
#[derive(Debug, Default)]
pub struct OperationPairs {
    /// Same method and path.
    pub same: Vec<(usize, usize)>,
    /// Same `operationId` and method, another path: the path changed.
    pub moved: Vec<(usize, usize)>,
    /// In OLD only.
    pub removed: Vec<usize>,
    /// In NEW only.
    pub added: Vec<usize>,
}

/// `get /users/{}`: the method and the path with parameter names left out.
pub fn operation_key(operation: &Operation<'_>) -> String {
    format!(
        "{} {}",
        operation.verb.to_ascii_lowercase(),
        template_shape(operation.path)
    )
}

/// `/users/{id}/keys/{key}` → `/users/{}/keys/{}`.
pub fn template_shape(path: &str) -> String {
    let mut shape = String::with_capacity(path.len());
    let mut in_parameter = false;
    for character in path.chars() {
        match character {
            '{' => {
                in_parameter = true;
                shape.push('{');
            }
            '}' => {
                in_parameter = false;
                shape.push('}');
            }
            _ if in_parameter => {}
            other => shape.push(other),
        }
    }
    shape
}

pub fn pair_operations(old: &Api<'_>, new: &Api<'_>) -> OperationPairs {
    let mut by_key: HashMap<String, usize> = HashMap::new();
    for (index, operation) in new.operations.iter().enumerate() {
        by_key.entry(operation_key(operation)).or_insert(index);
    }
    let mut pairs = OperationPairs::default();
    let mut taken = vec![false; new.operations.len()];
    let mut unpaired = Vec::new();
    for (index, operation) in old.operations.iter().enumerate() {
        match by_key.get(&operation_key(operation)) {
            Some(&found) if !taken.get(found).copied().unwrap_or(true) => {
                if let Some(slot) = taken.get_mut(found) {
                    *slot = true;
                }
                pairs.same.push((index, found));
            }
            _ => unpaired.push(index),
        }
    }
    for index in unpaired {
        // A deprecated operation whose id a new path reuses was replaced,
        // not moved: it is removed (after its deprecation).
        let moved = old
            .operations
            .get(index)
            .filter(|operation| !operation.deprecated)
            .and_then(|operation| {
                let id = operation.operation_id?;
                new.operations
                    .iter()
                    .enumerate()
                    .position(|(candidate, other)| {
                        !taken.get(candidate).copied().unwrap_or(true)
                            && other.operation_id == Some(id)
                            && other.method == operation.method
                    })
            });
        match moved {
            Some(found) => {
                if let Some(slot) = taken.get_mut(found) {
                    *slot = true;
                }
                pairs.moved.push((index, found));
            }
            None => pairs.removed.push(index),
        }
    }
    pairs.added = taken
        .iter()
        .enumerate()
        .filter(|(_, taken)| !**taken)
        .map(|(index, _)| index)
        .collect();
    pairs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parameter_names_do_not_matter() {
        assert_eq!(
            template_shape("/users/{id}/keys/{key}"),
            "/users/{}/keys/{}"
        );
        assert_eq!(template_shape("/a"), "/a");
    }
}
