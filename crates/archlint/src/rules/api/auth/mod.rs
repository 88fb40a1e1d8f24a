//! Auth: who may call what.

pub mod api_key_in_query;
pub mod deprecated_oauth_flow;
pub mod http_basic_auth;
pub mod operation_without_security;
pub mod undefined_security_scheme;
