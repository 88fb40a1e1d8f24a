//! What rules read: one context per side, built by the engine once per
//! review and shared read-only by every rule (in parallel).

use crate::link::Links;
use std::sync::OnceLock;

use crate::base::date::Day;
use crate::base::source::SourceMap;
use crate::config::Config;
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
