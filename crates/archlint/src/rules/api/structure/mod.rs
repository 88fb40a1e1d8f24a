//! Structure: what loading and modelling a description finds. These rules have
//! no check of their own; the loader and the model builder report under them.

pub mod duplicate_key;
pub mod external_ref;
pub mod invalid_structure;
pub mod parse_error;
pub mod ref_cycle;
pub mod sql_statement_not_understood;
pub mod sql_syntax_error;
pub mod sql_unknown_object;
pub mod unresolved_ref;
pub mod unsupported_document;
