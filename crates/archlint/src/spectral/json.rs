//! Values of the tree as JSON, for the JSON Schemas of the `schema` function
//! (a rule's own schema, and each target it checks).

use crate::tree::query::{Follow, Place};
use crate::tree::{Node, Value};

/// Nodes a target's JSON may have before `$ref`s stop being expanded: a
/// schema that reaches half of GitHub's description through references is
/// not copied whole for every rule.
pub const JSON_BUDGET: usize = 200_000;

/// The value as JSON for a JSON Schema, `$ref`s followed (a cycle, or a
/// chain past the budget, stays a `$ref`).
pub fn to_json<'v>(
    place: Place<'v>,
    follow: &dyn Follow<'v>,
    depth: usize,
    budget: &std::cell::Cell<usize>,
) -> serde_json::Value {
    use serde_json::Value as Json;
    budget.set(budget.get().saturating_sub(1));
    let place = if depth < 64 && budget.get() > 0 {
        follow.follow(place)
    } else {
        place
    };
    let child = |node: &'v Node| {
        to_json(
            Place {
                doc: place.doc,
                node,
            },
            follow,
            depth + 1,
            budget,
        )
    };
    match &place.node.value {
        Value::Null => Json::Null,
        Value::Bool(flag) => Json::Bool(*flag),
        Value::Number(number) if number.integer && number.value.abs() < 9.0e15 => {
            Json::from(number.value as i64)
        }
        Value::Number(number) => {
            serde_json::Number::from_f64(number.value).map_or(Json::Null, Json::Number)
        }
        Value::String(text) => Json::String(text.clone()),
        Value::Array(items) if depth < crate::tree::MAX_DEPTH => {
            Json::Array(items.iter().map(child).collect())
        }
        Value::Object(members) if depth < crate::tree::MAX_DEPTH => Json::Object(
            members
                .iter()
                .map(|member| (member.key.clone(), child(&member.value)))
                .collect(),
        ),
        Value::Array(_) | Value::Object(_) => Json::Null,
    }
}
