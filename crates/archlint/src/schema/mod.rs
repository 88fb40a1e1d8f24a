//! The database schema model: what a folder of DDL means once every statement
//! is applied in order, each object keeping the place that defines it and the
//! file (migration) that created or last changed it.
//!
//! `model` holds the tables, columns, keys, indexes, types and views;
//! `build` applies a run's SQL files to it, through two readers of DDL:
//! `apply` reads the AST of statements sqlparser parsed, and `fallback` reads
//! the tokens of the `CREATE`/`ALTER` statements it rejects, so that one
//! vendor option never makes a table vanish. `types` and `indexes` are the
//! readings of types and indexes that the rules and the linker share.

mod applying;
mod ast;
mod blocks;
mod build;
mod data;
mod describe;
mod fallback;
mod indexes;
mod model;
mod naming;
mod types;
mod warnings;

pub use build::{build, build_change, build_from_texts, BuildOutcome, Coverage};
pub use describe::describe;
pub use indexes::{index_label, index_likes, leads_with, lookup_indexes, IndexLike};
pub use model::{
    Change, Check, Column, ConstraintKind, Domain, EnumType, ForeignKey, Index, Key, Schema,
    StatementKind, StatementRecord, Table, View,
};
pub use types::base_type;
pub use warnings::{generator_warned, GeneratorWarning};
