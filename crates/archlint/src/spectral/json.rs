//! Values of the tree as JSON, for the JSON Schemas of the `schema` function
//! (a rule's own schema, and each target it checks).

use std::cell::Cell;

use crate::tree::query::{Follow, Place};
use crate::tree::{Node, Value};

/// Nodes one target's JSON may have before `$ref`s stop being expanded: a
/// schema that reaches half of GitHub's description through references is
/// not copied whole for every rule.
pub const JSON_BUDGET: usize = 200_000;

/// One target's budget for descriptions of `bytes` bytes in all: a node per
/// four bytes (at least 20,000), at most [`JSON_BUDGET`]. A copy larger
/// than the description itself repeats references that fan out, and this
/// keeps the memory it takes in proportion to the input (200,000 nodes are
/// about 90 MB).
pub fn target_budget(bytes: usize) -> usize {
    (bytes / 4).clamp(20_000, JSON_BUDGET)
}

/// Nodes all the targets of one ruleset run may copy together from inside
/// the `$ref`s they follow, before references stop being expanded: five
/// nodes for every four bytes of the descriptions, at least 100,000 (about
/// half a second per megabyte). A description whose references fan out (`A`
/// has two properties that are `A`) would otherwise cost every target its
/// whole budget, and a rule on `$..*` one such copy per node.
pub fn run_budget(bytes: usize) -> usize {
    (bytes.saturating_mul(5) / 4).max(100_000)
}

/// Copies nodes of the tree as JSON, `$ref`s followed while the budget
/// lasts (a cycle, or a chain past the budget, stays a `$ref`), down to the
/// depth a schema looks at.
pub struct JsonCopy<'f, 'v> {
    follow: &'f dyn Follow<'v>,
    /// The deepest level below the target the schema reads a value at;
    /// nodes below it are `null` (their keys stay, for `required` and
    /// `minProperties`).
    reach: usize,
    /// This target's nodes left ([`target_budget`]).
    budget: Cell<usize>,
    /// The run's nodes left for what references lead to ([`run_budget`]).
    shared: &'f Cell<usize>,
    /// A `$ref` was left as written because a budget ran out.
    cut: Cell<bool>,
}

impl<'f, 'v> JsonCopy<'f, 'v> {
    /// `reach`: `None` when the schema may look at any depth.
    pub fn new(
        follow: &'f dyn Follow<'v>,
        reach: Option<usize>,
        budget: usize,
        shared: &'f Cell<usize>,
    ) -> Self {
        JsonCopy {
            follow,
            reach: reach.unwrap_or(usize::MAX),
            budget: Cell::new(budget),
            shared,
            cut: Cell::new(false),
        }
    }

    /// Whether the budget ran out before every `$ref` was followed: the copy
    /// is not the value Spectral would check.
    pub fn was_cut(&self) -> bool {
        self.cut.get()
    }

    pub fn value(&self, place: Place<'v>) -> serde_json::Value {
        self.copy(place, 0, false)
    }

    /// `borrowed`: the node was reached through a `$ref`.
    fn copy(&self, place: Place<'v>, depth: usize, borrowed: bool) -> serde_json::Value {
        use serde_json::Value as Json;
        if depth > self.reach {
            return Json::Null;
        }
        self.budget.set(self.budget.get().saturating_sub(1));
        let (place, borrowed) = self.follow_from(place, depth, borrowed);
        if borrowed {
            self.shared.set(self.shared.get().saturating_sub(1));
        }
        let child = |node: &'v Node| {
            self.copy(
                Place {
                    doc: place.doc,
                    node,
                },
                depth + 1,
                borrowed,
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

    /// Where a `$ref` leads while the budgets last (a chain stops after 64
    /// levels); a reference left as written marks the copy cut.
    fn follow_from(&self, place: Place<'v>, depth: usize, borrowed: bool) -> (Place<'v>, bool) {
        if depth >= 64 {
            return (place, borrowed);
        }
        let followed = self.follow.follow(place);
        if std::ptr::eq(followed.node, place.node) {
            (place, borrowed)
        } else if self.budget.get() > 0 && self.shared.get() > 0 {
            (followed, true)
        } else {
            self.cut.set(true);
            (place, borrowed)
        }
    }
}

/// How many levels below its instance a JSON Schema reads values at, or
/// `None` when it may read any depth (a `$ref`, which may recurse; `enum`,
/// `const` or `uniqueItems`, which compare whole values).
pub fn schema_reach(schema: &serde_json::Value) -> Option<usize> {
    use serde_json::Value as Json;
    let Json::Object(keywords) = schema else {
        return Some(0);
    };
    let mut reach = 0;
    for (keyword, value) in keywords {
        let below = match keyword.as_str() {
            "$ref" | "$dynamicRef" | "$recursiveRef" => return None,
            "enum"
                if value
                    .as_array()
                    .is_some_and(|values| values.iter().any(is_composite)) =>
            {
                return None
            }
            "const" if is_composite(value) => return None,
            "uniqueItems" if value != &Json::Bool(false) => return None,
            // Subschemas of the instance itself.
            "allOf" | "anyOf" | "oneOf" | "not" | "if" | "then" | "else" => deepest(value)?,
            "dependentSchemas" | "dependencies" => deepest_member(value)?,
            // Subschemas of its members or items.
            "additionalProperties"
            | "unevaluatedProperties"
            | "additionalItems"
            | "unevaluatedItems"
            | "contains"
            | "items"
            | "prefixItems" => 1 + deepest(value)?,
            "properties" | "patternProperties" => 1 + deepest_member(value)?,
            _ => 0,
        };
        reach = reach.max(below);
    }
    Some(reach)
}

fn is_composite(value: &serde_json::Value) -> bool {
    value.is_object() || value.is_array()
}

/// The deepest reach of a schema, or of a list of schemas.
fn deepest(value: &serde_json::Value) -> Option<usize> {
    match value {
        serde_json::Value::Array(schemas) => schemas
            .iter()
            .try_fold(0, |most, schema| Some(most.max(schema_reach(schema)?))),
        schema => schema_reach(schema),
    }
}

/// The deepest reach of the schemas a keyword names by key.
fn deepest_member(value: &serde_json::Value) -> Option<usize> {
    match value {
        serde_json::Value::Object(schemas) => schemas
            .values()
            .try_fold(0, |most, schema| Some(most.max(deepest(schema)?))),
        _ => Some(0),
    }
}

#[cfg(test)]
mod tests {
    use super::schema_reach;
    use serde_json::json;

    #[test]
    fn a_schema_reads_as_deep_as_its_applicators_go() {
        assert_eq!(schema_reach(&json!(true)), Some(0));
        assert_eq!(
            schema_reach(&json!({"type": "object", "required": ["a"]})),
            Some(0)
        );
        assert_eq!(
            schema_reach(&json!({"properties": {"a": {"type": "string"}}})),
            Some(1)
        );
        assert_eq!(
            schema_reach(&json!({"items": [{}, {"items": {"minItems": 1}}]})),
            Some(2)
        );
        assert_eq!(
            schema_reach(&json!({"anyOf": [{"properties": {"a": {"contains": {}}}}], "not": {}})),
            Some(2)
        );
        assert_eq!(
            schema_reach(&json!({"dependencies": {"a": ["b"], "c": {"additionalProperties": {}}}})),
            Some(1)
        );
        assert_eq!(schema_reach(&json!({"enum": ["a", 1, null]})), Some(0));
        assert_eq!(schema_reach(&json!({"uniqueItems": false})), Some(0));
    }

    #[test]
    fn references_and_whole_value_comparisons_read_any_depth() {
        assert_eq!(schema_reach(&json!({"$ref": "#/definitions/a"})), None);
        assert_eq!(
            schema_reach(&json!({"properties": {"a": {"$dynamicRef": "#x"}}})),
            None
        );
        assert_eq!(schema_reach(&json!({"enum": ["a", {"b": 1}]})), None);
        assert_eq!(schema_reach(&json!({"items": {"const": [1]}})), None);
        assert_eq!(schema_reach(&json!({"uniqueItems": true})), None);
    }
}
