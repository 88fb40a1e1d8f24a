//! Errors: what clients learn when something goes wrong.

pub mod missing_4xx_response;
pub mod missing_server_error_response;
