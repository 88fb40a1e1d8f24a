//! Linking an API to the schema behind it: which object schemas are stored in
//! which tables, which properties in which columns, and which path and query
//! parameters look rows up by which columns.
//!
//! A link is made by, in order: an `x-archlint-table` / `x-archlint-column`
//! extension, the `[consistency]` table of `archlint.toml`, the names
//! (`NewCustomer` → `customers`, `MFAFactor` → `mfa_factors`, `Client` →
//! `hydra_clients`, `customerId` → `customer_id`), and for inline schemas the
//! path they are served at (`POST /orders` → `orders`). A link by name or path
//! needs the properties to agree: at least two, and at least half, of the
//! schema's own values are columns of the table. A weak match is not a link
//! but a suggestion (`archlint map` shows it); nothing is reported about it.
//!
//! A property with no column of its own table may still be stored: in a
//! table that references it (`segmentKeys` → `rule_segments.segment_key`),
//! in a JSON column, flattened into prefixed columns (`supplier` →
//! `supplier_name`), or as the public id of a row keyed by an integer
//! (`taskId` as a uuid over `task_id bigint`) — see [`Elsewhere`].

use crate::base::words::{name_words, COLLECTION_WRAPPERS};
use crate::base::Place;
use std::collections::{HashMap, HashSet};

use super::columns::ColumnKind;
use super::names::{column_key, entity_key, schema_keys, singular};
use crate::config::ConsistencySettings;
use crate::openapi::paths::{is_template, literal_segments};
use crate::openapi::schemas::{is_array, types};
use crate::openapi::{Api, Documents, Method, NodeAt, Operation};
use crate::schema::{Column, Schema, Table};
use crate::tree::{pointer, Node};

pub const TABLE_EXTENSION: &str = "x-archlint-table";
pub const COLUMN_EXTENSION: &str = "x-archlint-column";

/// How a link was made.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Via {
    /// `x-archlint-table` / `x-archlint-column`.
    Extension,
    /// The `[consistency]` table of `archlint.toml`.
    Config,
    /// The names agree.
    Name,
    /// An inline schema served at the table's path, with matching properties.
    Path,
}

impl Via {
    /// As the report names it.
    pub fn as_str(self) -> &'static str {
        match self {
            Via::Extension => "extension",
            Via::Config => "config",
            Via::Name => "name",
            Via::Path => "path",
        }
    }
}

/// An object schema that requests or responses carry, and the table behind it.
pub struct Entity<'a> {
    /// The component name (`Customer`), or `POST /orders request body`.
    pub name: String,
    /// Whether `name` is a component name (inline schemas are described).
    pub named: bool,
    pub schema: NodeAt<'a>,
    pub table: Option<(&'a Table, Via)>,
    /// A table named like the schema whose columns its properties do not
    /// agree with: shown as a suggestion, not linked. With the number of the
    /// schema's own values that are its columns.
    pub suggested: Option<(&'a Table, usize)>,
    /// Own properties and those of `allOf` parts, in document order.
    pub properties: Vec<Property<'a>>,
    /// The operations that send or return it.
    pub uses: Vec<Use>,
    /// Met as one alternative of a `oneOf`/`anyOf` (a variant of a union,
    /// whose siblings often share its table).
    pub variant: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Use {
    /// Index into `Api::operations`.
    pub operation: usize,
    /// In the request body (else in a success response).
    pub request: bool,
    /// The body itself, not an object nested in it.
    pub body: bool,
}

pub struct Property<'a> {
    pub name: &'a str,
    /// The member as written (its key, for locations).
    pub at: NodeAt<'a>,
    /// Its schema after `$ref` resolution.
    pub schema: NodeAt<'a>,
    pub required: bool,
    pub column: Option<(&'a Column, Via)>,
    /// Where its value is kept when no column of its table holds it.
    pub elsewhere: Option<Elsewhere<'a>>,
    /// Its schema combines object schemas (`oneOf`, `anyOf`, `allOf` of
    /// objects): a structure, not one value.
    pub composite: bool,
}

/// Where a property's value lives when it is not a column of its schema's
/// table.
#[derive(Clone, Copy, Debug)]
pub enum Elsewhere<'a> {
    /// A column of a table that references its table (a child or versions
    /// table): `segmentKeys` → `rule_segments.segment_key`.
    Child(&'a Table, &'a Column),
    /// Inside a JSON column of its table.
    Document(&'a Column),
    /// An object flattened into prefixed columns: `supplier` → `supplier_name`.
    Flattened,
    /// Rows of another table: a list or object whose own schema is linked
    /// to it, or named after it (`rateCards` → `plan_rate_cards`).
    Rows(&'a Table),
    /// The public id of a row keyed by an integer: `taskId` (a uuid) for the
    /// `task_id bigint` key, kept in this column of the row's table.
    PublicId(&'a Table, &'a Column),
}

impl Elsewhere<'_> {
    /// As `archlint map` says it.
    pub fn describe(&self) -> String {
        match self {
            Elsewhere::Child(table, column) | Elsewhere::PublicId(table, column) => {
                format!("{}.{}", table.name, column.name)
            }
            Elsewhere::Document(column) => format!("{} (json)", column.name),
            Elsewhere::Flattened => "(flattened)".to_owned(),
            Elsewhere::Rows(table) => format!("rows of {}", table.name),
        }
    }
}

impl<'a> Property<'a> {
    fn flag(&self, key: &str) -> bool {
        self.schema.bool(key) == Some(true)
            || self.at.node.get(key).and_then(Node::as_bool) == Some(true)
    }

    pub fn read_only(&self) -> bool {
        self.flag("readOnly")
    }

    pub fn write_only(&self) -> bool {
        self.flag("writeOnly")
    }

    /// `nullable: true` (3.0), `type: [..., "null"]` (3.1) or a `null` alternative.
    pub fn nullable(&self) -> bool {
        self.flag("nullable")
            || types(&self.schema).contains(&"null")
            || ["oneOf", "anyOf"].iter().any(|keyword| {
                self.schema.node.get(keyword).is_some_and(|list| {
                    list.items()
                        .iter()
                        .any(|item| item.get("type").and_then(Node::as_str) == Some("null"))
                })
            })
    }

    /// The first type other than `null`.
    pub fn kind(&self) -> Option<&'a str> {
        types(&self.schema).into_iter().find(|kind| *kind != "null")
    }

    pub fn format(&self) -> Option<&'a str> {
        self.schema.str("format")
    }

    /// A number keyword (`maxLength`, `maximum` ...).
    pub fn number(&self, key: &str) -> Option<f64> {
        self.schema.node.get(key).and_then(Node::as_f64)
    }

    /// The string values of `enum` (or of its items' enum for arrays).
    pub fn enum_values(&self) -> Option<Vec<&'a str>> {
        enum_strings(&self.schema)
    }

    /// Objects and arrays are relations or documents, not one column's value.
    pub fn is_scalar(&self) -> bool {
        !self.composite
            && !matches!(self.kind(), Some("object" | "array"))
            && self.schema.node.get("properties").is_none()
            && self.schema.node.get("items").is_none()
    }
}

/// The string values of a schema's `enum`, or of its items' `enum`.
pub fn enum_strings<'a>(schema: &NodeAt<'a>) -> Option<Vec<&'a str>> {
    let list = schema
        .node
        .get("enum")
        .or_else(|| schema.node.get("items").and_then(|items| items.get("enum")))?;
    let values: Vec<&str> = list.items().iter().filter_map(Node::as_str).collect();
    (!values.is_empty()).then_some(values)
}

impl Entity<'_> {
    /// Its own values (scalar properties), and how many are columns of its
    /// table: the strength of its link.
    pub fn agreement(&self) -> (usize, usize) {
        let scalars = self
            .properties
            .iter()
            .filter(|property| property.is_scalar());
        let total = scalars.clone().count();
        let matched = scalars.filter(|property| property.column.is_some()).count();
        (matched, total)
    }

    pub fn is_request(&self) -> bool {
        self.uses.iter().any(|usage| usage.request)
    }

    pub fn is_response(&self) -> bool {
        self.uses.iter().any(|usage| !usage.request)
    }

    pub fn property(&self, column: &Column) -> Option<&Property<'_>> {
        self.properties.iter().find(|property| {
            property
                .column
                .is_some_and(|(linked, _)| std::ptr::eq(linked, column))
        })
    }
}

/// What a parameter looks rows up by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ParameterKind {
    /// A path parameter naming one row.
    Lookup,
    /// A query parameter filtering a collection.
    Filter,
    /// A sort order (the values of a `sort` parameter's enum).
    Sort,
}

impl ParameterKind {
    /// As the report names it.
    pub fn as_str(self) -> &'static str {
        match self {
            ParameterKind::Lookup => "lookup",
            ParameterKind::Filter => "filter",
            ParameterKind::Sort => "sort",
        }
    }
}

pub struct ParameterLink<'a> {
    /// Index into `Api::operations`.
    pub operation: usize,
    /// Index into the operation's parameters.
    pub parameter: usize,
    pub table: &'a Table,
    pub column: &'a Column,
    pub kind: ParameterKind,
    pub via: Via,
}

/// Every link between one API and the schema.
pub struct Links<'a> {
    pub entities: Vec<Entity<'a>>,
    pub parameters: Vec<ParameterLink<'a>>,
    /// Extensions and settings that name what does not exist.
    pub problems: Vec<(Place, String)>,
}

impl<'a> Links<'a> {
    pub fn linked(&self) -> impl Iterator<Item = (&Entity<'a>, &'a Table)> {
        self.entities
            .iter()
            .filter_map(|entity| entity.table.map(|(table, _)| (entity, table)))
    }
}

/// Names of sort parameters, whose enum values are column names.
const SORT_PARAMETERS: [&str; 6] = [
    "sort", "sort_by", "order_by", "orderby", "sortby", "ordering",
];
/// Words that turn a column into a range filter: `created_after`, `priceMin`.
const RANGE_WORDS: [&str; 12] = [
    "min", "max", "from", "to", "after", "before", "since", "until", "gt", "gte", "lt", "lte",
];
/// Nesting followed into schemas; deeper objects are not entities worth linking.
const MAX_DEPTH: usize = 24;

/// Links one description to the schema: explicit links first (extensions,
/// then `settings`), then names, then paths.
pub fn link<'a>(
    documents: &'a Documents,
    api: &Api<'a>,
    schema: &'a Schema,
    settings: &'a ConsistencySettings,
) -> Links<'a> {
    let mut linker = Linker {
        documents,
        api,
        schema,
        settings,
        tables: schema
            .tables
            .iter()
            .map(|table| (entity_key(&table.name), table))
            .collect(),
        squashed: schema
            .tables
            .iter()
            .map(|table| (squash(&entity_key(&table.name)), table))
            .collect(),
        entities: Vec::new(),
        by_node: HashMap::new(),
        not_objects: HashSet::new(),
        children: HashMap::new(),
        segment_tables: HashMap::new(),
        walked: HashSet::new(),
        unions_walked: HashSet::new(),
        problems: Vec::new(),
        suggestion: None,
    };
    for (index, operation) in api.operations.iter().enumerate() {
        linker.link_bodies(index, operation);
    }
    linker.find_rows();
    let mut parameters = Vec::new();
    for (index, operation) in api.operations.iter().enumerate() {
        linker.link_parameters(index, operation, &mut parameters);
    }
    Links {
        entities: linker.entities,
        parameters,
        problems: linker.problems,
    }
}

struct Linker<'c, 'a> {
    documents: &'a Documents,
    api: &'c Api<'a>,
    schema: &'a Schema,
    settings: &'a ConsistencySettings,
    /// Entity key of each table name (`order_line` → `order_lines`).
    tables: HashMap<String, &'a Table>,
    /// The same keys without separators, so that acronyms meet their tables
    /// (`MFAFactor` → `mfafactor` ← `mfa_factors`).
    squashed: HashMap<String, &'a Table>,
    entities: Vec<Entity<'a>>,
    /// Schema node identity → entity.
    by_node: HashMap<usize, usize>,
    /// Schema nodes met that have no properties (not entities).
    not_objects: HashSet<usize>,
    /// The nested schemas of entities linked to a table.
    children: HashMap<usize, Vec<Child<'a>>>,
    /// Table of each path's last literal segment.
    segment_tables: HashMap<&'a str, Option<&'a Table>>,
    /// (entity, operation, request) already walked.
    walked: HashSet<(usize, usize, bool)>,
    /// (union schema, operation, request) whose alternatives are walked.
    unions_walked: HashSet<(usize, usize, bool)>,
    problems: Vec<(Place, String)>,
    /// The weak name match of the entity being created.
    suggestion: Option<(&'a Table, usize)>,
}

/// A nested schema: the property's value, its name, and candidate tables.
type Child<'a> = (NodeAt<'a>, &'a str, [Option<&'a Table>; 2]);

/// What the place a schema is met at says about its table.
#[derive(Clone, Copy)]
struct Hint<'a> {
    tables: [Option<&'a Table>; 2],
    /// The entity and property a nested schema is the value of.
    parent: Option<(usize, &'a str)>,
    usage: Use,
    depth: usize,
    /// Reached as an alternative of a `oneOf`/`anyOf`.
    variant: bool,
}

impl<'c, 'a> Linker<'c, 'a> {
    fn link_bodies(&mut self, index: usize, operation: &Operation<'a>) {
        let nested_table = self.nested_table(operation);
        // A table joining parent and child (`app_customers` for
        // `/customers/{id}/apps`) says the body is not the child itself.
        let path_table = match nested_table {
            Some(_) => None,
            None => self.operation_table(operation),
        };
        let mut bodies: Vec<(NodeAt<'a>, bool)> = Vec::new();
        if let Some(body) = &operation.request_body {
            bodies.extend(
                body.content
                    .iter()
                    .filter_map(|media| media.schema.clone())
                    .map(|schema| (schema, true)),
            );
        }
        for response in operation
            .responses
            .iter()
            .filter(|response| response.is_success())
        {
            bodies.extend(
                response
                    .content
                    .iter()
                    .filter_map(|media| media.schema.clone())
                    .map(|schema| (schema, false)),
            );
        }
        for (schema, request) in bodies {
            let hint = Hint {
                tables: [nested_table, path_table],
                parent: None,
                usage: Use {
                    operation: index,
                    request,
                    body: true,
                },
                depth: 0,
                variant: false,
            };
            self.visit(&schema, hint);
        }
    }

    /// The table an operation's path serves: `x-archlint-table` on the
    /// operation, else its last literal segment (`/customers/{id}/orders` → orders).
    fn operation_table(&mut self, operation: &Operation<'a>) -> Option<&'a Table> {
        if let Some(named) = operation.at.get(TABLE_EXTENSION) {
            return self.named_table(&named);
        }
        let last = literal_segments(operation.path).last()?;
        if let Some(known) = self.segment_tables.get(last) {
            return *known;
        }
        let table = self.table_by_key(&entity_key(last));
        self.segment_tables.insert(last, table);
        table
    }

    /// The table of a collection nested under another's item:
    /// `/customers/{id}/apps` → `customer_apps` or `app_customers`.
    fn nested_table(&self, operation: &Operation<'a>) -> Option<&'a Table> {
        let segments: Vec<&str> = operation
            .path
            .split('/')
            .filter(|segment| !segment.is_empty())
            .collect();
        let last = segments.iter().rposition(|segment| !is_template(segment))?;
        let parent = segments.get(last.checked_sub(2)?)?;
        let between = segments.get(last - 1)?;
        if !is_template(between) || is_template(parent) {
            return None;
        }
        let (parent, child) = (entity_key(parent), entity_key(segments.get(last)?));
        self.table_by_key(&format!("{parent}_{child}"))
            .or_else(|| self.table_by_key(&format!("{child}_{parent}")))
    }

    /// The table an explicit link names: as written (`app.users`), or by its
    /// name without a schema when that is unambiguous (`users` for `app.users`).
    fn find_table(&self, name: &str) -> Option<&'a Table> {
        if let Some(table) = self.schema.table(name) {
            return Some(table);
        }
        let unqualified = |table: &&Table| {
            table
                .name
                .rsplit('.')
                .next()
                .is_some_and(|last| last.trim_matches('"').eq_ignore_ascii_case(name))
        };
        let mut candidates = self.schema.tables.iter().filter(unqualified);
        match (candidates.next(), candidates.next()) {
            (Some(table), None) => Some(table),
            _ => None,
        }
    }

    fn table_by_key(&self, key: &str) -> Option<&'a Table> {
        self.tables
            .get(key)
            .or_else(|| self.squashed.get(&squash(key)))
            .copied()
    }

    /// The tables a schema's name may stand for, most specific first: its
    /// keys as table names, then tables that add a namespace before them
    /// (`app_users`, `tbl_user`, `billing_invoices` for `Invoice`).
    fn name_candidates(&self, name: &str) -> Vec<&'a Table> {
        let mut candidates: Vec<&'a Table> = Vec::new();
        let keys = schema_keys(name);
        for key in &keys {
            if let Some(table) = self.table_by_key(key) {
                if !candidates.iter().any(|known| std::ptr::eq(*known, table)) {
                    candidates.push(table);
                }
            }
        }
        for key in &keys {
            let suffix = format!("_{key}");
            let mut prefixed: Vec<&'a Table> = self
                .schema
                .tables
                .iter()
                .filter(|table| entity_key(&table.name).ends_with(&suffix))
                .filter(|table| !candidates.iter().any(|known| std::ptr::eq(*known, *table)))
                .collect();
            prefixed.sort_by(|a, b| a.name.cmp(&b.name));
            candidates.extend(prefixed);
        }
        candidates
    }

    /// The table an extension names; a name the schema lacks is a problem.
    fn named_table(&mut self, at: &NodeAt<'a>) -> Option<&'a Table> {
        let name = at.node.as_str()?;
        let table = self.find_table(name);
        if table.is_none() {
            let message =
                format!("`{TABLE_EXTENSION}: {name}` names a table the SQL does not define");
            self.problem(at.place(), message);
        }
        table
    }

    /// Records a link that leads nowhere, once per place (an operation's
    /// table is looked up for its bodies and for each parameter).
    fn problem(&mut self, place: Place, message: String) {
        if !self.problems.iter().any(|(known, _)| *known == place) {
            self.problems.push((place, message));
        }
    }

    fn visit(&mut self, at: &NodeAt<'a>, hint: Hint<'a>) {
        if hint.depth > MAX_DEPTH {
            return;
        }
        let Some(resolved) = self.documents.resolve(at) else {
            return;
        };
        if is_array(&resolved) {
            if let Some(items) = resolved.get("items") {
                self.visit(
                    &items,
                    Hint {
                        depth: hint.depth + 1,
                        ..hint
                    },
                );
            }
            return;
        }
        let identity = resolved.identity();
        let operation = if hint.usage.body {
            hint.usage.operation
        } else {
            usize::MAX
        };
        // A union's alternatives once per direction (and body), as entities'
        // children: unions that name themselves or share alternatives would
        // otherwise be walked once per path to them.
        let unions_new = self
            .unions_walked
            .insert((identity, operation, hint.usage.request));
        for keyword in ["oneOf", "anyOf"].iter().filter(|_| unions_new) {
            if let Some(list) = resolved.get(keyword) {
                for alternative in list.items() {
                    self.visit(
                        &alternative,
                        Hint {
                            depth: hint.depth + 1,
                            variant: true,
                            ..hint
                        },
                    );
                }
            }
        }
        let entity = match self.by_node.get(&identity) {
            Some(&entity) => entity,
            None if self.not_objects.contains(&identity) => return,
            None => {
                let properties = self.properties(&resolved);
                if properties.is_empty() {
                    self.not_objects.insert(identity);
                    return;
                }
                self.create(at, resolved, properties, hint)
            }
        };
        let Some(current) = self.entities.get_mut(entity) else {
            return;
        };
        let usage = hint.usage;
        // Rules need each operation a schema is the body of, but only the
        // direction of nested schemas: walking those once per direction keeps
        // the walk linear on APIs with thousands of operations.
        let known = current.uses.iter().any(|known| {
            known.request == usage.request
                && (!usage.body || (known.body && known.operation == usage.operation))
        });
        if !known {
            current.uses.push(usage);
        }
        if self.walked.insert((entity, operation, usage.request)) {
            self.visit_children(entity, hint);
        }
    }

    /// Nested objects: `lines` of an order is `order_lines` (or `lines`).
    fn visit_children(&mut self, entity: usize, hint: Hint<'a>) {
        let children = self.children(entity, hint);
        let usage = Use {
            body: false,
            ..hint.usage
        };
        for (at, name, tables) in children {
            let child = Hint {
                tables,
                parent: Some((entity, name)),
                usage,
                depth: hint.depth + 1,
                variant: false,
            };
            self.visit(&at, child);
        }
    }

    /// The object and array properties of an entity, with the tables their
    /// schemas may be stored in.
    fn children(&mut self, entity: usize, hint: Hint<'a>) -> Vec<Child<'a>> {
        if let Some(known) = self.children.get(&entity) {
            return known.clone();
        }
        let Some(current) = self.entities.get(entity) else {
            return Vec::new();
        };
        let parent = current.table.map(|(table, _)| table);
        let children: Vec<Child<'a>> = current
            .properties
            .iter()
            .filter(|property| !property.is_scalar())
            .map(|property| {
                let name = property.name;
                let tables = match parent {
                    Some(parent) => [
                        self.table_by_key(&entity_key(&format!(
                            "{}_{name}",
                            entity_key(&parent.name)
                        ))),
                        self.table_by_key(&entity_key(name)),
                    ],
                    // An envelope (`{data: [...]}`, `{projects: [...]}` at
                    // `/projects`) keeps the path's table for its items.
                    None if COLLECTION_WRAPPERS.contains(&name)
                        || hint
                            .tables
                            .iter()
                            .flatten()
                            .any(|table| entity_key(&table.name) == entity_key(name)) =>
                    {
                        hint.tables
                    }
                    None => [None, None],
                };
                (property.at.clone(), name, tables)
            })
            .collect();
        if parent.is_some() {
            self.children.insert(entity, children.clone());
        }
        children
    }

    fn create(
        &mut self,
        at: &NodeAt<'a>,
        resolved: NodeAt<'a>,
        properties: Vec<Property<'a>>,
        hint: Hint<'a>,
    ) -> usize {
        let component = component_name(at, &resolved);
        let name = component.clone().unwrap_or_else(|| self.inline_name(hint));
        self.suggestion = None;
        // `evaluator: {name, type}` in a request picks an existing row; it
        // is not a row to insert.
        let reference = hint.parent.is_some() && hint.usage.request && is_reference(&properties);
        let table = if reference && !has_extension(at, &resolved) {
            None
        } else {
            self.entity_table(at, &resolved, component.as_deref(), &properties, hint)
        };
        let mut entity = Entity {
            name,
            named: component.is_some(),
            schema: resolved.clone(),
            table,
            suggested: self.suggestion.take(),
            properties,
            uses: Vec::new(),
            variant: hint.variant,
        };
        if let Some((table, _)) = entity.table {
            self.link_columns(&mut entity, table);
            self.find_elsewhere(&mut entity, table);
        }
        self.entities.push(entity);
        let index = self.entities.len() - 1;
        self.by_node.insert(resolved.identity(), index);
        index
    }

    /// `NewOrder.lines` for a nested inline schema, `POST /orders request
    /// body` for a body's own.
    fn inline_name(&self, hint: Hint<'a>) -> String {
        if let Some((parent, property)) = hint.parent {
            if let Some(parent) = self.entities.get(parent) {
                return format!("{}.{property}", parent.name);
            }
        }
        let operation = self.api.operations.get(hint.usage.operation);
        let label = operation.map(Operation::label).unwrap_or_default();
        let side = if hint.usage.request {
            "request body"
        } else {
            "response"
        };
        format!("{label} {side}")
    }

    fn entity_table(
        &mut self,
        at: &NodeAt<'a>,
        resolved: &NodeAt<'a>,
        component: Option<&str>,
        properties: &[Property<'a>],
        hint: Hint<'a>,
    ) -> Option<(&'a Table, Via)> {
        if let Some(named) = resolved
            .get(TABLE_EXTENSION)
            .or_else(|| at.get(TABLE_EXTENSION))
        {
            return self
                .named_table(&named)
                .map(|table| (table, Via::Extension));
        }
        let settings = self.settings;
        if let Some(name) = component {
            if settings.unlinked.iter().any(|unlinked| unlinked == name) {
                return None;
            }
            if let Some(table) = settings.tables.get(name) {
                let found = self.find_table(table);
                if found.is_none() {
                    self.problem(resolved.place(), format!("archlint.toml maps `{name}` to table `{table}`, which the SQL does not define"));
                }
                return found.map(|table| (table, Via::Config));
            }
            let candidates = self.name_candidates(name);
            let exact = |table: &Table| {
                schema_keys(name).iter().any(|key| {
                    self.table_by_key(key)
                        .is_some_and(|found| std::ptr::eq(found, table))
                })
            };
            // The most specific candidate the properties agree with; among
            // namespaced ones, the one sharing the most columns. A returned
            // schema without the namespaced table's key (`Currency` from a
            // catalogue, beside `custom_currencies`) is another thing.
            let eligible: Vec<&'a Table> = candidates
                .iter()
                .copied()
                .filter(|table| exact(table) || hint.usage.request || has_key_of(properties, table))
                .collect();
            let agreeing = eligible
                .iter()
                .map(|table| (*table, matching(properties, table)))
                .filter(|(table, _)| mostly_columns(properties, table))
                .max_by_key(|(_, matched)| *matched);
            let exact = eligible
                .first()
                .filter(|table| mostly_columns(properties, table));
            if let Some(table) = exact.copied().or(agreeing.map(|(table, _)| table)) {
                return Some((table, Via::Name));
            }
            if let Some(table) = candidates.first() {
                // Named like a table it does not agree with: a suggestion,
                // and no weaker link through the path to another table.
                // A suggestion needs at least one value in common.
                let matched = matching(properties, table);
                self.suggestion = (matched > 0).then_some((table, matched));
                return None;
            }
        }
        hint.tables
            .into_iter()
            .flatten()
            .find(|table| mostly_columns(properties, table))
            .map(|table| (table, Via::Path))
    }

    fn link_columns(&mut self, entity: &mut Entity<'a>, table: &'a Table) {
        for property in &mut entity.properties {
            let named = property
                .at
                .get(COLUMN_EXTENSION)
                .or_else(|| property.schema.get(COLUMN_EXTENSION));
            if let Some(named) = named {
                let Some(name) = named.node.as_str() else {
                    continue;
                };
                match table.column(name) {
                    Some(column) => property.column = Some((column, Via::Extension)),
                    None => self.problem(
                        named.place(),
                        format!(
                            "`{COLUMN_EXTENSION}: {name}` names no column of table `{}`",
                            table.name
                        ),
                    ),
                }
                continue;
            }
            let setting = format!("{}.{}", entity.name, property.name);
            if let Some(name) = self.settings.columns.get(&setting) {
                match table.column(name) {
                    Some(column) => property.column = Some((column, Via::Config)),
                    None => self.problem(property.at.place(), format!("archlint.toml maps `{setting}` to `{name}`, which is no column of table `{}`", table.name)),
                }
                continue;
            }
            let named = column_named(table, property.name)
                .or_else(|| foreign_key_named(table, property))
                .or_else(|| table_prefixed(table, property.name));
            match named.map(|column| public_id_of(self.schema, table, column, property)) {
                Some(PublicIdOf::Column(column)) => {
                    property.column = Some((column, Via::Name));
                }
                Some(PublicIdOf::Elsewhere(elsewhere)) => property.elsewhere = Some(elsewhere),
                None => {}
            }
        }
    }

    /// Where the unlinked properties of a linked entity are kept, when they
    /// are: a referencing table's column, a JSON column, prefixed columns.
    fn find_elsewhere(&self, entity: &mut Entity<'a>, table: &'a Table) {
        let children: Vec<&'a Table> = self
            .schema
            .tables
            .iter()
            .filter(|child| !std::ptr::eq(*child, table))
            .filter(|child| {
                child
                    .foreign_keys
                    .iter()
                    .any(|key| Schema::same_name(&key.ref_table, &table.name))
            })
            .collect();
        let documents: Vec<&'a Column> = table
            .columns
            .iter()
            .filter(|column| ColumnKind::of(column) == ColumnKind::Json)
            .collect();
        for property in entity
            .properties
            .iter_mut()
            .filter(|property| property.column.is_none() && property.elsewhere.is_none())
        {
            let key = column_key(property.name);
            let singular_key = singular_key(&key);
            let flattened = !property.is_scalar()
                && table
                    .columns
                    .iter()
                    .any(|column| column_key(&column.name).starts_with(&format!("{key}_")));
            property.elsewhere = if flattened {
                Some(Elsewhere::Flattened)
            } else if let Some((child, column)) = children
                .iter()
                .filter(|child| child_holds(child, table, &key))
                .find_map(|child| {
                    column_named(child, &key)
                        .or_else(|| column_named(child, &singular_key))
                        .map(|column| (*child, column))
                })
            {
                Some(Elsewhere::Child(child, column))
            } else {
                documents
                    .iter()
                    .find(|column| document_holds(column, &key))
                    .map(|column| Elsewhere::Document(column))
            };
        }
    }

    /// Where the lists and objects of linked entities are kept when no
    /// column holds them: the table their own schema is linked to, or one
    /// named after them. Runs once every entity is linked.
    fn find_rows(&mut self) {
        let mut found = Vec::new();
        for (index, entity) in self.entities.iter().enumerate() {
            let Some((table, _)) = entity.table else {
                continue;
            };
            for (position, property) in entity.properties.iter().enumerate() {
                if property.is_scalar() || property.column.is_some() || property.elsewhere.is_some()
                {
                    continue;
                }
                if let Some(rows) = self.rows_of(property, table) {
                    found.push((index, position, rows));
                }
            }
        }
        for (index, position, rows) in found {
            if let Some(property) = self
                .entities
                .get_mut(index)
                .and_then(|entity| entity.properties.get_mut(position))
            {
                property.elsewhere = Some(Elsewhere::Rows(rows));
            }
        }
    }

    fn rows_of(&self, property: &Property<'a>, parent: &'a Table) -> Option<&'a Table> {
        let nested = match property.schema.get("items") {
            Some(items) => self.documents.resolve_or_self(&items),
            None => property.schema.clone(),
        };
        let linked = self
            .by_node
            .get(&nested.identity())
            .and_then(|index| self.entities.get(*index))
            .and_then(|entity| entity.table)
            .map(|(table, _)| table)
            .filter(|table| !std::ptr::eq(*table, parent));
        linked.or_else(|| {
            let key = column_key(property.name);
            self.schema
                .tables
                .iter()
                .filter(|table| !std::ptr::eq(*table, parent) && references(table, parent))
                .find(|table| child_holds(table, parent, &key))
        })
    }

    /// Whether a schema's `oneOf`, `anyOf` or `allOf` parts are objects or
    /// lists (`timing: {oneOf: [Enum, Instant]}` is not: an enum part alone
    /// keeps it a value).
    fn combines_objects(&self, schema: &NodeAt<'a>) -> bool {
        ["oneOf", "anyOf", "allOf"]
            .iter()
            .filter_map(|key| schema.get(key))
            .flat_map(|parts| parts.items().collect::<Vec<_>>())
            .filter_map(|part| self.documents.resolve(&part))
            .any(|part| {
                part.node.get("properties").is_some()
                    || part.node.get("items").is_some()
                    || types(&part)
                        .iter()
                        .any(|kind| matches!(*kind, "object" | "array"))
            })
    }

    /// Properties of an object schema and of its `allOf` parts (the first
    /// part to name one wins), required when any part requires them.
    fn properties(&self, schema: &NodeAt<'a>) -> Vec<Property<'a>> {
        let mut found: Vec<Property<'a>> = Vec::new();
        let mut required: HashSet<&'a str> = HashSet::new();
        for part in self.documents.all_of_parts(schema, 8) {
            if let Some(names) = part.node.get("required") {
                required.extend(names.items().iter().filter_map(Node::as_str));
            }
            for (name, at) in part.get("properties").iter().flat_map(NodeAt::entries) {
                if found.iter().any(|known| known.name == name) {
                    continue;
                }
                let resolved = self.documents.resolve_or_self(&at);
                found.push(Property {
                    name,
                    composite: self.combines_objects(&resolved),
                    schema: resolved,
                    at,
                    required: false,
                    column: None,
                    elsewhere: None,
                });
            }
        }
        for property in &mut found {
            property.required = required.contains(property.name);
        }
        found
    }

    fn link_parameters(
        &mut self,
        index: usize,
        operation: &Operation<'a>,
        out: &mut Vec<ParameterLink<'a>>,
    ) {
        for (position, parameter) in operation.parameters.iter().enumerate() {
            let link = |table: &'a Table, column: &'a Column, kind: ParameterKind, via: Via| {
                ParameterLink {
                    operation: index,
                    parameter: position,
                    table,
                    column,
                    kind,
                    via,
                }
            };
            if let Some(named) = parameter.at.get(COLUMN_EXTENSION) {
                if let Some((table, column)) = self.extension_column(operation, &named) {
                    let kind = if parameter.location == "path" {
                        ParameterKind::Lookup
                    } else {
                        ParameterKind::Filter
                    };
                    out.push(link(table, column, kind, Via::Extension));
                }
                continue;
            }
            match parameter.location {
                "path" => {
                    let Some(table) = self.path_parameter_table(operation, parameter.name) else {
                        continue;
                    };
                    if let Some(column) = lookup_column(table, parameter.name) {
                        out.push(link(table, column, ParameterKind::Lookup, Via::Name));
                    }
                }
                "query"
                    if operation.method == Method::Get
                        && !is_template(operation.path.rsplit('/').next().unwrap_or("")) =>
                {
                    let Some(table) = self.operation_table(operation) else {
                        continue;
                    };
                    let key = column_key(parameter.name);
                    if SORT_PARAMETERS.contains(&key.replace('_', "").as_str())
                        || SORT_PARAMETERS.contains(&key.as_str())
                    {
                        for column in sort_columns(self.documents, parameter.schema.as_ref(), table)
                        {
                            out.push(link(table, column, ParameterKind::Sort, Via::Name));
                        }
                    } else if let Some(column) = filter_column(table, &key) {
                        out.push(link(table, column, ParameterKind::Filter, Via::Name));
                    }
                }
                _ => {}
            }
        }
    }

    /// `x-archlint-column: status` (on the operation's table) or `orders.status`.
    fn extension_column(
        &mut self,
        operation: &Operation<'a>,
        named: &NodeAt<'a>,
    ) -> Option<(&'a Table, &'a Column)> {
        let text = named.node.as_str()?;
        let (table, column) = match text.rsplit_once('.') {
            Some((table, column)) => (self.find_table(table), column),
            None => (self.operation_table(operation), text),
        };
        let found = table.and_then(|table| table.column(column).map(|column| (table, column)));
        if found.is_none() {
            self.problem(
                named.place(),
                format!("`{COLUMN_EXTENSION}: {text}` names no column the SQL defines"),
            );
        }
        found
    }

    /// The table a path parameter identifies rows of: the collection segment
    /// before it (`/customers/{customerId}` → customers).
    fn path_parameter_table(&mut self, operation: &Operation<'a>, name: &str) -> Option<&'a Table> {
        let template = format!("{{{name}}}");
        let segments: Vec<&str> = operation.path.split('/').collect();
        let position = segments.iter().position(|segment| *segment == template)?;
        let before = segments.get(position.checked_sub(1)?)?;
        if is_template(before) || before.is_empty() {
            return None;
        }
        if operation.at.node.get(TABLE_EXTENSION).is_some() && position + 1 == segments.len() {
            return self.operation_table(operation);
        }
        self.table_by_key(&entity_key(before))
    }
}

/// The component name of a schema reached through a `$ref` or defined under
/// `components/schemas`.
fn component_name(at: &NodeAt<'_>, resolved: &NodeAt<'_>) -> Option<String> {
    let written =
        at.node.get("$ref").is_some() || resolved.pointer.starts_with("/components/schemas/");
    if !written || resolved.pointer.is_empty() {
        return None;
    }
    let tokens = pointer::tokens(&resolved.pointer)?;
    let last = tokens.last()?;
    // `#/components/schemas/Pet/properties/owner` names a property, not a schema.
    let parent = tokens
        .len()
        .checked_sub(2)
        .and_then(|index| tokens.get(index));
    if parent.is_some_and(|parent| {
        matches!(
            parent.as_str(),
            "properties" | "items" | "allOf" | "oneOf" | "anyOf"
        )
    }) {
        return None;
    }
    (!last.chars().all(|c| c.is_ascii_digit())).then(|| last.clone())
}

/// Most of the schema's own values are columns of the table: at least two, and
/// at least half of its scalar properties.
fn mostly_columns(properties: &[Property<'_>], table: &Table) -> bool {
    let scalars: Vec<&Property<'_>> = properties
        .iter()
        .filter(|property| property.is_scalar())
        .collect();
    let matched = scalars
        .iter()
        .filter(|property| column_named(table, property.name).is_some())
        .count();
    matched >= 2 && matched * 2 >= scalars.len()
}

/// Whether the properties include the table's primary key columns.
fn has_key_of(properties: &[Property<'_>], table: &Table) -> bool {
    table.primary_key.as_ref().is_some_and(|key| {
        key.columns.iter().all(|column| {
            properties
                .iter()
                .any(|property| column_key(property.name) == column_key(column))
        })
    })
}

/// How many of the schema's own values are columns of the table.
fn matching(properties: &[Property<'_>], table: &Table) -> usize {
    properties
        .iter()
        .filter(|property| property.is_scalar())
        .filter(|property| {
            column_named(table, property.name).is_some()
                || foreign_key_named(table, property).is_some()
                || table_prefixed(table, property.name).is_some()
        })
        .count()
}

/// Keys without separators: `mfa_factor` and `mfafactor` are one name.
fn squash(key: &str) -> String {
    key.replace('_', "")
}

/// The key with its last word singular: `segment_keys` → `segment_key`.
/// Singular words of a name: `rule_segments` → `rule`, `segment`.
fn singular_words(name: &str) -> HashSet<String> {
    name_words(name).iter().map(|word| singular(word)).collect()
}

/// Whether a child table is where a property's values live: its name says
/// what the property holds (`segmentKeys` in `rule_segments`, beyond the
/// parent's own `rule`), it keeps the parent's versions or references
/// (`evaluator_versions`, `rollout_segment_references`), or it joins the
/// parent to another table (`user__organization.confirmed`). A child's same-named column alone proves nothing:
/// `status` of an invoice line is not the subscription's.
fn child_holds(child: &Table, parent: &Table, key: &str) -> bool {
    if is_join_table(child) {
        return true;
    }
    let parent_words = singular_words(&parent.name);
    let property_words = singular_words(key);
    let own: Vec<String> = singular_words(&child.name)
        .into_iter()
        .filter(|word| !parent_words.contains(word))
        .collect();
    own.iter().any(|word| property_words.contains(word))
        || (!own.is_empty()
            && own
                .iter()
                .all(|word| VERSION_WORDS.contains(&word.as_str())))
}

/// Whether a table has a foreign key to `parent`.
fn references(table: &Table, parent: &Table) -> bool {
    table
        .foreign_keys
        .iter()
        .any(|key| Schema::same_name(&key.ref_table, &parent.name))
}

/// A table joining two others (`user__organization`: two foreign keys and
/// few columns of its own): its columns describe the relationship, and a
/// payload of either side may carry them (`confirmed`, `role`).
fn is_join_table(table: &Table) -> bool {
    let keyed: Vec<&String> = table
        .foreign_keys
        .iter()
        .flat_map(|key| key.columns.iter())
        .collect();
    let own = table
        .columns
        .iter()
        .filter(|column| {
            !keyed
                .iter()
                .any(|name| name.eq_ignore_ascii_case(&column.name))
        })
        .count();
    table.foreign_keys.len() >= 2 && own <= 4
}

/// Words of a child table that holds its parent's values over time or its
/// many references (`evaluator_versions`, `rollout_segment_references`).
const VERSION_WORDS: [&str; 9] = [
    "version",
    "revision",
    "history",
    "snapshot",
    "reference",
    "link",
    "assignment",
    "mapping",
    "member",
];

/// JSON column names that hold a row's assorted fields.
const CATCH_ALL_DOCUMENTS: [&str; 11] = [
    "data",
    "attributes",
    "properties",
    "extra",
    "details",
    "spec",
    "settings",
    "document",
    "body",
    "config",
    "configuration",
];

/// Whether a JSON column plausibly holds a property: it shares a word with
/// it (`rate_config` for `rateLimits`... `rate`), or it is a catch-all
/// (`data`, `attributes`). A user's `metadata` or `labels` holds the user's
/// keys, not the API's fields.
fn document_holds(column: &Column, key: &str) -> bool {
    let column_words = singular_words(&column.name);
    CATCH_ALL_DOCUMENTS.contains(&column.name.to_ascii_lowercase().as_str())
        || singular_words(key)
            .iter()
            .any(|word| column_words.contains(word))
}

fn singular_key(key: &str) -> String {
    match key.rsplit_once('_') {
        Some((head, last)) => format!("{head}_{}", singular(last)),
        None => singular(key),
    }
}

/// `type` of an entitlement stored as `entitlement_type`: the column named
/// after the table's entity and the property.
fn table_prefixed<'a>(table: &'a Table, name: &str) -> Option<&'a Column> {
    column_named(
        table,
        &format!("{}_{}", entity_key(&table.name), column_key(name)),
    )
}

/// A nested request object that only names an existing row: at most three
/// values, all of them natural keys.
fn is_reference(properties: &[Property<'_>]) -> bool {
    const KEYS: [&str; 7] = ["id", "name", "type", "key", "slug", "kind", "code"];
    properties.len() <= 3
        && properties
            .iter()
            .all(|property| KEYS.contains(&column_key(property.name).as_str()))
}

fn has_extension(at: &NodeAt<'_>, resolved: &NodeAt<'_>) -> bool {
    at.get(TABLE_EXTENSION).is_some() || resolved.get(TABLE_EXTENSION).is_some()
}

/// What a property named like an integer key holds when it is a uuid.
enum PublicIdOf<'a> {
    /// The column itself, or a uuid column of the same table.
    Column(&'a Column),
    /// The uuid column of the row the key refers to.
    Elsewhere(Elsewhere<'a>),
}

/// A uuid property over an integer column is the row's public id, not its
/// key: linked to the table's uuid column when it has one (`taskId` →
/// `tasks.uuid`), or to the referenced row's (`task_id` → `tasks.public_id`).
fn public_id_of<'a>(
    schema: &'a Schema,
    table: &'a Table,
    column: &'a Column,
    property: &Property<'_>,
) -> PublicIdOf<'a> {
    let uuid = property.format() == Some("uuid");
    let integer = matches!(ColumnKind::of(column), ColumnKind::Integer { .. });
    if !uuid || !integer {
        return PublicIdOf::Column(column);
    }
    let in_primary_key = table.primary_key.as_ref().is_some_and(|key| {
        key.columns
            .iter()
            .any(|name| name.eq_ignore_ascii_case(&column.name))
    });
    if in_primary_key {
        if let Some(public) = public_id_column(table) {
            return PublicIdOf::Column(public);
        }
    }
    let referenced = table
        .foreign_keys
        .iter()
        .find(|key| {
            key.columns
                .iter()
                .any(|name| name.eq_ignore_ascii_case(&column.name))
        })
        .and_then(|key| schema.table(&key.ref_table));
    match referenced.and_then(|parent| public_id_column(parent).map(|public| (parent, public))) {
        Some((parent, public)) => PublicIdOf::Elsewhere(Elsewhere::PublicId(parent, public)),
        None => PublicIdOf::Column(column),
    }
}

/// A table's public id: a uuid column other than its key.
fn public_id_column(table: &Table) -> Option<&Column> {
    table.columns.iter().find(|column| {
        ColumnKind::of(column) == ColumnKind::Uuid
            || matches!(
                column_key(&column.name).as_str(),
                "uuid" | "public_id" | "external_id"
            )
    })
}

fn column_named<'a>(table: &'a Table, name: &str) -> Option<&'a Column> {
    let key = column_key(name);
    table
        .columns
        .iter()
        .find(|column| column_key(&column.name) == key)
}

/// `author` stored as the foreign key `author_id` (how Django and Rails name
/// a reference's column).
fn foreign_key_named<'a>(table: &'a Table, property: &Property<'_>) -> Option<&'a Column> {
    if !property.is_scalar() {
        return None;
    }
    let column = column_named(table, &format!("{}_id", column_key(property.name)))?;
    let is_foreign = table.foreign_keys.iter().any(|key| {
        key.columns
            .iter()
            .any(|name| name.eq_ignore_ascii_case(&column.name))
    });
    is_foreign.then_some(column)
}

/// `{customerId}` on customers is `customers.id`; `{slug}` is `slug`; a
/// parameter named after the resource (`/tenants/{tenant}`) is its primary key.
fn lookup_column<'a>(table: &'a Table, name: &str) -> Option<&'a Column> {
    let key = column_key(name);
    let entity = entity_key(&table.name);
    let prefix = format!("{entity}_");
    if let Some(rest) = key.strip_prefix(&prefix) {
        if let Some(column) = column_named(table, rest) {
            return Some(column);
        }
    }
    if let Some(column) = column_named(table, &key) {
        return Some(column);
    }
    let names_resource =
        squash(&key) == squash(&entity) || squash(&entity).ends_with(&squash(&key));
    match &table.primary_key {
        Some(primary) if names_resource && primary.columns.len() == 1 => primary
            .columns
            .first()
            .and_then(|column| table.column(column)),
        _ => None,
    }
}

/// `status` filters by `status`; `priceMin` by `price`; `created_after` by
/// `created` or, as timestamps are named, `created_at`.
fn filter_column<'a>(table: &'a Table, key: &str) -> Option<&'a Column> {
    if let Some(column) = column_named(table, key) {
        return Some(column);
    }
    let (base, last) = key.rsplit_once('_')?;
    if !RANGE_WORDS.contains(&last) {
        return None;
    }
    ["", "_at", "_on", "_date", "_time"]
        .iter()
        .find_map(|suffix| column_named(table, &format!("{base}{suffix}")))
}

/// The columns a sort parameter's enum values name: `-created_at`,
/// `name:asc`, `price desc`.
fn sort_columns<'a, 'd>(
    documents: &'d Documents,
    schema: Option<&NodeAt<'d>>,
    table: &'a Table,
) -> Vec<&'a Column> {
    let Some(schema) = schema.and_then(|schema| documents.resolve(schema)) else {
        return Vec::new();
    };
    let mut columns: Vec<&Column> = Vec::new();
    for value in enum_strings(&schema).unwrap_or_default() {
        let field = value.trim_start_matches(['-', '+']);
        let field = field.split([':', ' ', ',']).next().unwrap_or(field);
        if let Some(column) = column_named(table, field) {
            if !columns.iter().any(|known| std::ptr::eq(*known, column)) {
                columns.push(column);
            }
        }
    }
    columns
}
