//! The database schema model: what a folder of DDL means once every statement is
//! applied in order. Rules over schemas and the API↔schema checks read this.

mod describe;
mod schema;

pub use describe::describe;

pub use schema::{
    Change, Check, Column, ConstraintKind, Domain, EnumType, ForeignKey, Index, Key, Schema,
    StatementKind, StatementRecord, Table, View,
};

/// What a database rule sees: the schema model, the source files and the
/// configuration.
pub struct DbContext<'a> {
    pub schema: &'a Schema,
    pub sources: &'a crate::source::SourceMap,
    pub config: &'a crate::config::Config,
}
