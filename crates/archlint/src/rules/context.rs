//! What rules read: one context per side, built by the engine once per
//! review and shared read-only by every rule (in parallel).

use crate::link::{GraphqlLinks, Links};
use std::collections::HashSet;
use std::sync::OnceLock;

use crate::base::date::Day;
use crate::base::source::SourceMap;
use crate::config::Config;
use crate::graphql::{Defined, Graphql, TypeDef};
use crate::openapi::generators;
use crate::openapi::schemas::{self, Direction};
use crate::openapi::{Api, Documents, NodeAt, Operation, SchemaUse};
use crate::schema::Schema;

/// What an API rule sees: the loaded files, the typed model and the configuration,
/// plus walks computed once and shared by every rule that needs them.
pub struct ApiContext<'a> {
    pub documents: &'a Documents,
    pub api: Api<'a>,
    pub config: &'a Config,
    request_schemas: OnceLock<Vec<SchemaUse<'a>>>,
    response_schemas: OnceLock<Vec<SchemaUse<'a>>>,
    every_schema: OnceLock<Vec<NodeAt<'a>>>,
}

impl<'a> ApiContext<'a> {
    pub fn new(documents: &'a Documents, api: Api<'a>, config: &'a Config) -> Self {
        ApiContext {
            documents,
            api,
            config,
            request_schemas: OnceLock::new(),
            response_schemas: OnceLock::new(),
            every_schema: OnceLock::new(),
        }
    }

    pub fn resolve(&self, at: &NodeAt<'a>) -> Option<NodeAt<'a>> {
        self.documents.resolve(at)
    }

    pub fn resolve_or_self(&self, at: &NodeAt<'a>) -> NodeAt<'a> {
        self.documents.resolve_or_self(at)
    }

    /// Every schema reachable from a request body or a query/header parameter,
    /// once each, with the operations that use it.
    pub fn request_schemas(&self) -> &[SchemaUse<'a>] {
        self.request_schemas
            .get_or_init(|| schemas::collect(self.documents, &self.api, Direction::Request))
    }

    /// Every schema reachable from a response body, once each.
    pub fn response_schemas(&self) -> &[SchemaUse<'a>] {
        self.response_schemas
            .get_or_init(|| schemas::collect(self.documents, &self.api, Direction::Response))
    }

    /// Every schema node the API uses — request and response schemas, and
    /// the schemas of path parameters (which request walks leave out) — once
    /// each. Computed once for the rules that look at every schema.
    pub fn every_schema(&self) -> &[NodeAt<'a>] {
        self.every_schema.get_or_init(|| {
            let mut seen = std::collections::HashSet::new();
            let walked = self
                .request_schemas()
                .iter()
                .chain(self.response_schemas())
                .map(|schema_use| schema_use.schema.clone());
            let path_parameters = self
                .api
                .operations
                .iter()
                .flat_map(|operation| operation.parameters.iter())
                .filter(|parameter| parameter.location == "path")
                .filter_map(|parameter| parameter.schema.as_ref())
                .filter_map(|schema| self.resolve(schema));
            walked
                .chain(path_parameters)
                .filter(|schema| seen.insert(schema.identity()))
                .collect()
        })
    }
}

/// What a database rule sees: the schema model, the source files and the
/// configuration.
pub struct DbContext<'a> {
    pub schema: &'a Schema,
    pub sources: &'a SourceMap,
    pub config: &'a Config,
}

/// What a consistency rule sees: one API, the schema, and the links between.
/// The API's source map has the SQL files below its own, so a column's place
/// is a related place like any other.
pub struct ConsistencyContext<'c, 'a> {
    pub api: &'c ApiContext<'a>,
    pub schema: &'a Schema,
    pub links: &'c Links<'a>,
    pub config: &'a Config,
    protobuf: OnceLock<bool>,
}

impl<'c, 'a> ConsistencyContext<'c, 'a> {
    pub fn new(
        api: &'c ApiContext<'a>,
        schema: &'a Schema,
        links: &'c Links<'a>,
        config: &'a Config,
    ) -> Self {
        ConsistencyContext {
            api,
            schema,
            links,
            config,
            protobuf: OnceLock::new(),
        }
    }

    pub fn operation(&self, index: usize) -> Option<&Operation<'a>> {
        self.api.api.operations.get(index)
    }

    /// Whether the API describes proto3 messages: an absent scalar is its
    /// zero value, and responses never hold `null` for one.
    pub fn protobuf(&self) -> bool {
        *self
            .protobuf
            .get_or_init(|| generators::is_protobuf(self.api.documents, &self.api.api))
    }
}

/// What a compatibility rule sees: both versions of a description, their
/// operations paired, and every difference a client can notice.
pub struct ChangeContext<'a> {
    pub old: &'a ApiContext<'a>,
    pub new: &'a ApiContext<'a>,
    pub pairs: crate::change::OperationPairs,
    pub changes: Vec<crate::change::Change<'a>>,
    pub config: &'a Config,
    /// The day the change is reviewed (for announced ends), when the front
    /// door knows it.
    pub today: Option<Day>,
    /// Both versions of the database behind the API, when the change has
    /// SQL on both sides.
    pub database: Option<DatabaseChange<'a>>,
}

/// The schema each version's SQL builds, and each version's API linked to
/// its own schema.
pub struct DatabaseChange<'a> {
    pub old: &'a Schema,
    pub new: &'a Schema,
    pub old_links: Links<'a>,
    pub new_links: Links<'a>,
}

impl<'a> ChangeContext<'a> {
    pub fn new(old: &'a ApiContext<'a>, new: &'a ApiContext<'a>, config: &'a Config) -> Self {
        let (pairs, changes) =
            crate::change::compare_apis(old.documents, &old.api, new.documents, &new.api);
        ChangeContext {
            old,
            new,
            pairs,
            changes,
            config,
            today: None,
            database: None,
        }
    }

    /// Reviewed on `today`.
    pub fn on(mut self, today: Option<Day>) -> Self {
        self.today = today;
        self
    }

    /// With the database of both versions.
    pub fn with_database(mut self, database: DatabaseChange<'a>) -> Self {
        self.database = Some(database);
        self
    }

    /// The changes of the kinds `select` picks.
    pub fn changes_where(
        &self,
        select: impl Fn(&crate::change::Change<'a>) -> bool,
    ) -> impl Iterator<Item = &crate::change::Change<'a>> {
        self.changes.iter().filter(move |change| select(change))
    }
}

/// The database behind a GraphQL schema and how its types link to tables.
pub struct GraphqlDatabase<'a> {
    pub tables: &'a Schema,
    pub links: GraphqlLinks<'a>,
}

/// What a GraphQL rule sees: the schema and the configuration, plus the
/// readings several rules share, computed once.
pub struct GraphqlContext<'a> {
    pub schema: &'a Graphql,
    pub config: &'a Config,
    /// The database behind the schema, when the run has SQL.
    pub database: Option<GraphqlDatabase<'a>>,
    read_types: OnceLock<HashSet<String>>,
    queried_types: OnceLock<HashSet<String>>,
}

impl<'a> GraphqlContext<'a> {
    pub fn new(schema: &'a Graphql, config: &'a Config) -> Self {
        GraphqlContext {
            schema,
            config,
            database: None,
            read_types: OnceLock::new(),
            queried_types: OnceLock::new(),
        }
    }

    /// The same context, reviewed against the database `tables` builds.
    pub fn with_database(mut self, tables: &'a Schema) -> Self {
        let links = crate::link::link_graphql(self.schema, tables, &self.config.consistency);
        self.database = Some(GraphqlDatabase { tables, links });
        self
    }

    /// Whether one of the configured auth directives is on it.
    pub fn has_auth(&self, defined: &Defined) -> bool {
        defined.directives.iter().any(|directive| {
            self.config
                .graphql
                .auth_directives
                .contains(&directive.name)
        })
    }

    /// Whether the schema uses any of the configured auth directives.
    pub fn uses_auth(&self) -> bool {
        self.config
            .graphql
            .auth_directives
            .iter()
            .any(|auth| self.schema.uses_directive(auth))
    }

    /// The types a query or subscription can read: reachable from the
    /// query and subscription roots through fields, interfaces and union
    /// members. A type only a mutation returns (a login payload) is not.
    pub fn read_types(&self) -> &HashSet<String> {
        self.read_types
            .get_or_init(|| self.reachable(&[self.schema.query(), self.schema.subscription()]))
    }

    /// The types a query can read (events sent to subscribers aside).
    pub fn queried_types(&self) -> &HashSet<String> {
        self.queried_types
            .get_or_init(|| self.reachable(&[self.schema.query()]))
    }

    /// The types reachable from `roots` through fields, interfaces and
    /// union members; every output type when the schema has no root.
    fn reachable(&self, roots: &[Option<&'a TypeDef>]) -> HashSet<String> {
        if roots.iter().all(Option::is_none) {
            // A part of a schema (a subgraph of types, a file of them):
            // every type may be read.
            return self
                .schema
                .output_types()
                .map(|ty| ty.name().to_owned())
                .collect();
        }
        // Interface → the types implementing it, once.
        let mut implementations: std::collections::HashMap<&str, Vec<&TypeDef>> =
            std::collections::HashMap::new();
        for ty in self.schema.output_types() {
            for interface in &ty.interfaces {
                implementations
                    .entry(interface.as_str())
                    .or_default()
                    .push(ty);
            }
        }
        let mut seen: HashSet<String> = HashSet::new();
        let mut queue: Vec<&TypeDef> = roots.iter().flatten().copied().collect();
        while let Some(ty) = queue.pop() {
            if !seen.insert(ty.name().to_owned()) {
                continue;
            }
            let named = ty
                .fields
                .iter()
                .map(|field| field.ty.name.as_str())
                .chain(ty.members.iter().map(String::as_str))
                .chain(ty.interfaces.iter().map(String::as_str));
            queue.extend(named.filter_map(|name| self.schema.get(name)));
            queue.extend(
                implementations
                    .get(ty.name())
                    .into_iter()
                    .flatten()
                    .copied(),
            );
        }
        seen
    }
}

/// What a compatibility rule sees of a change to a GraphQL schema: both
/// versions and every difference a client can notice.
pub struct GraphqlChangeContext<'a> {
    pub old: &'a Graphql,
    pub new: &'a Graphql,
    pub changes: Vec<crate::change::GraphqlChange>,
    pub config: &'a Config,
}

impl<'a> GraphqlChangeContext<'a> {
    pub fn new(old: &'a Graphql, new: &'a Graphql, config: &'a Config) -> Self {
        GraphqlChangeContext {
            old,
            new,
            changes: crate::change::compare_graphql(old, new),
            config,
        }
    }

    /// The changes of the kinds `select` picks.
    pub fn changes_where(
        &self,
        select: impl Fn(&crate::change::GraphqlChangeKind) -> bool,
    ) -> impl Iterator<Item = &crate::change::GraphqlChange> {
        self.changes
            .iter()
            .filter(move |change| select(&change.kind))
    }
}
