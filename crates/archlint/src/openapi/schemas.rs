//! Walks over the schemas an API accepts (requests) and returns (responses).
//!
//! Every schema node is listed once, at the place it is defined (after `$ref`
//! resolution), with the operations that reach it: a component used by fifty
//! operations gives one finding that says "used by 50 operations", not fifty.
//! The walk is iterative and remembers what it has seen, so recursive schemas
//! (a `Node` with `children: [Node]`) end.

use std::collections::{HashMap, HashSet};

use super::{ApiContext, NodeAt};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    Request,
    Response,
}

/// One schema node and who uses it.
pub struct SchemaUse<'a> {
    pub schema: NodeAt<'a>,
    /// How the schema was first reached: as `properties/<name>`, or as the
    /// schema of a parameter.
    pub role: Role<'a>,
    /// Indexes into `Api::operations`, ascending and without repeats.
    pub operations: Vec<usize>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role<'a> {
    Property(&'a str),
    /// Parameter name and location (`query`, `header`, `cookie`).
    Parameter(&'a str, &'a str),
    Other,
}

/// Keywords whose value is one subschema.
const SINGLE: [&str; 9] = [
    "items",
    "additionalProperties",
    "not",
    "if",
    "then",
    "else",
    "contains",
    "propertyNames",
    "unevaluatedProperties",
];
/// Keywords whose value is a list of subschemas.
const LISTS: [&str; 4] = ["allOf", "anyOf", "oneOf", "prefixItems"];
/// Keywords whose value maps names to subschemas.
const MAPS: [&str; 3] = ["properties", "patternProperties", "dependentSchemas"];

pub(crate) fn collect<'a>(context: &ApiContext<'a>, direction: Direction) -> Vec<SchemaUse<'a>> {
    let mut uses: Vec<SchemaUse<'a>> = Vec::new();
    let mut index_of: HashMap<usize, usize> = HashMap::new();
    for (operation_index, operation) in context.api.operations.iter().enumerate() {
        let mut seen = HashSet::new();
        let mut stack = roots(operation, direction);
        stack.reverse();
        while let Some((at, role)) = stack.pop() {
            let Some(schema) = context.resolve(&at) else {
                continue;
            };
            if !schema.node.is_object() || !seen.insert(schema.identity()) {
                continue;
            }
            if excluded(&schema, direction) {
                continue;
            }
            let slot = *index_of.entry(schema.identity()).or_insert_with(|| {
                uses.push(SchemaUse {
                    schema: schema.clone(),
                    role,
                    operations: Vec::new(),
                });
                uses.len() - 1
            });
            if let Some(entry) = uses.get_mut(slot) {
                if entry.operations.last() != Some(&operation_index) {
                    entry.operations.push(operation_index);
                }
            }
            push_children(&schema, &mut stack);
        }
    }
    uses
}

type Pending<'a> = (NodeAt<'a>, Role<'a>);

fn roots<'a>(operation: &super::Operation<'a>, direction: Direction) -> Vec<Pending<'a>> {
    let bodies = |media: &[super::MediaType<'a>]| -> Vec<Pending<'a>> {
        media
            .iter()
            .filter_map(|media| media.schema.clone().map(|schema| (schema, Role::Other)))
            .collect()
    };
    match direction {
        Direction::Request => {
            let mut roots: Vec<Pending<'a>> = operation
                .parameters
                .iter()
                .filter(|parameter| parameter.location != "path")
                .filter_map(|parameter| {
                    let role = Role::Parameter(parameter.name, parameter.location);
                    parameter.schema.clone().map(|schema| (schema, role))
                })
                .collect();
            if let Some(body) = &operation.request_body {
                roots.extend(bodies(&body.content));
            }
            roots
        }
        Direction::Response => operation
            .responses
            .iter()
            .flat_map(|response| bodies(&response.content))
            .collect(),
    }
}

/// `readOnly` properties are not part of requests, `writeOnly` ones not of responses.
fn excluded(schema: &NodeAt<'_>, direction: Direction) -> bool {
    match direction {
        Direction::Request => schema.bool("readOnly") == Some(true),
        Direction::Response => schema.bool("writeOnly") == Some(true),
    }
}

fn push_children<'a>(schema: &NodeAt<'a>, stack: &mut Vec<Pending<'a>>) {
    let mut children = Vec::new();
    for (key, child) in schema.entries() {
        if SINGLE.contains(&key) {
            if child.node.is_object() {
                children.push((child, Role::Other));
            } else if key == "items" {
                // OpenAPI 3.0 tuples written as arrays.
                children.extend(child.items().map(|item| (item, Role::Other)));
            }
        } else if LISTS.contains(&key) {
            children.extend(child.items().map(|item| (item, Role::Other)));
        } else if MAPS.contains(&key) {
            let named: Vec<_> = child.entries().collect();
            for (name, subschema) in named {
                let role = if key == "properties" {
                    Role::Property(name)
                } else {
                    Role::Other
                };
                children.push((subschema, role));
            }
        }
    }
    children.reverse();
    stack.extend(children);
}

/// The schema's types: `type: string` or `type: [string, "null"]`.
pub fn types<'a>(schema: &NodeAt<'a>) -> Vec<&'a str> {
    match schema.node.get("type") {
        Some(node) => match node.as_str() {
            Some(single) => vec![single],
            None => node
                .items()
                .iter()
                .filter_map(|item| item.as_str())
                .collect(),
        },
        None => Vec::new(),
    }
}

/// Whether the schema is an array (by `type`, or by having `items` without a type).
pub fn is_array(schema: &NodeAt<'_>) -> bool {
    let types = types(schema);
    types.contains(&"array") || (types.is_empty() && schema.node.get("items").is_some())
}
