//! Auth: who may call what.

pub mod admin_without_distinct_scope;
pub mod api_key_in_query;
pub mod authorization_header_parameter;
pub mod deprecated_oauth_flow;
pub mod deprecated_security_scheme;
pub mod http_basic_auth;
pub mod operation_without_security;
mod public;
mod scopes;
pub mod undefined_security_scheme;
pub mod write_scope_not_separated;

pub(crate) use scopes::scopes;
