//! Walks over the schemas an API accepts (requests) and returns (responses).
//!
//! Every schema node is listed once, at the place it is defined (after `$ref`
//! resolution), with the number of operations that reach it: a component used
//! by fifty operations gives one finding that says "used by 50 operations", not
//! fifty.
//!
//! The walk works on *units*: an operation's inline schema, or the target of a
//! `$ref`, with the nodes reachable from it without crossing another `$ref`.
//! Each unit's nodes are walked once for the whole API; operations only walk the
//! small graph of units, marking each unit once per operation. On Microsoft
//! Graph (20 MB, thousands of operations sharing huge schemas) this keeps the
//! walk linear instead of operations × schema size.

use std::collections::HashMap;

use super::{Api, Documents, NodeAt, Operation};

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
    /// The first operation (index into `Api::operations`) that reaches it.
    pub first_operation: usize,
    /// How many operations reach it.
    pub operation_count: usize,
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

/// A schema reached through a `$ref` (or an operation's inline schema), and
/// what is reachable from it without crossing another `$ref`.
struct Unit<'a> {
    nodes: Vec<(NodeAt<'a>, Role<'a>)>,
    /// Units its `$ref`s lead to.
    refs: Vec<usize>,
    first_operation: usize,
    operation_count: usize,
    /// The last operation that counted this unit (marks "seen" per operation).
    last_operation: Option<usize>,
}

/// Every schema node the operations reach in one direction, once each.
pub fn collect<'a>(
    documents: &'a Documents,
    api: &Api<'a>,
    direction: Direction,
) -> Vec<SchemaUse<'a>> {
    let mut units: Vec<Unit<'a>> = Vec::new();
    let mut unit_of: HashMap<usize, usize> = HashMap::new();
    for (operation_index, operation) in api.operations.iter().enumerate() {
        let roots: Vec<usize> = roots(operation, direction)
            .into_iter()
            .filter_map(|(schema, role)| {
                unit(documents, direction, &mut units, &mut unit_of, schema, role)
            })
            .collect();
        mark_reachable(&mut units, roots, operation_index);
    }
    let mut seen = std::collections::HashSet::new();
    units
        .into_iter()
        .filter(|unit| unit.operation_count > 0)
        .flat_map(|unit| {
            let (first, count) = (unit.first_operation, unit.operation_count);
            unit.nodes.into_iter().map(move |(schema, role)| SchemaUse {
                schema,
                role,
                first_operation: first,
                operation_count: count,
            })
        })
        .filter(|schema_use| seen.insert(schema_use.schema.identity()))
        .collect()
}

/// Counts the operation once on every unit reachable from its roots.
fn mark_reachable(units: &mut [Unit<'_>], roots: Vec<usize>, operation: usize) {
    let mut stack = roots;
    while let Some(index) = stack.pop() {
        let Some(unit) = units.get_mut(index) else {
            continue;
        };
        if unit.last_operation == Some(operation) {
            continue;
        }
        if unit.last_operation.is_none() {
            unit.first_operation = operation;
        }
        unit.last_operation = Some(operation);
        unit.operation_count += 1;
        stack.extend(unit.refs.iter().copied());
    }
}

/// The unit of a schema (created, with every unit it refers to, on first use).
fn unit<'a>(
    documents: &'a Documents,
    direction: Direction,
    units: &mut Vec<Unit<'a>>,
    unit_of: &mut HashMap<usize, usize>,
    schema: NodeAt<'a>,
    role: Role<'a>,
) -> Option<usize> {
    let root = documents.resolve(&schema)?;
    if let Some(&index) = unit_of.get(&root.identity()) {
        return Some(index);
    }
    let first = units.len();
    unit_of.insert(root.identity(), first);
    units.push(empty_unit());
    // Units still to walk, each with its root.
    let mut pending = vec![(first, root, role)];
    while let Some((index, root, role)) = pending.pop() {
        let mut nodes = Vec::new();
        let mut refs = Vec::new();
        let mut stack = vec![(root, role)];
        while let Some((at, role)) = stack.pop() {
            if at.node.get("$ref").is_some() {
                let Some(target) = documents.resolve(&at) else {
                    continue;
                };
                let next = *unit_of.entry(target.identity()).or_insert_with(|| {
                    units.push(empty_unit());
                    pending.push((units.len() - 1, target, role));
                    units.len() - 1
                });
                refs.push(next);
                continue;
            }
            if !at.node.is_object() || excluded(&at, direction) {
                continue;
            }
            push_children(&at, &mut stack);
            nodes.push((at, role));
        }
        if let Some(unit) = units.get_mut(index) {
            unit.nodes = nodes;
            unit.refs = refs;
        }
    }
    Some(first)
}

fn empty_unit<'a>() -> Unit<'a> {
    Unit {
        nodes: Vec::new(),
        refs: Vec::new(),
        first_operation: 0,
        operation_count: 0,
        last_operation: None,
    }
}

type Pending<'a> = (NodeAt<'a>, Role<'a>);

fn roots<'a>(operation: &Operation<'a>, direction: Direction) -> Vec<Pending<'a>> {
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
