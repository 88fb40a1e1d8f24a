//! Indexing: lookups and joins that need an index, and indexes that only cost.

pub mod duplicate_index;
pub mod foreign_key_without_index;
pub mod index_repeats_column;
pub mod low_cardinality_index;
pub mod nullable_unique_column;
pub mod redundant_index;
pub mod too_many_indexes;
