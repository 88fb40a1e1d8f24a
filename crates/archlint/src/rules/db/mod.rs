//! Rules over the schema model built from SQL files, a folder per area.

pub mod indexing;
pub mod integrity;
pub mod migrations;
pub mod naming;
pub mod normalization;
pub mod sensitive_data;
pub mod types;
