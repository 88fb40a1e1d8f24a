//! Auth: who may call what.

pub mod api_key_in_query;
pub mod operation_without_security;
