//! Errors: what clients learn when something goes wrong.
//!
//! `missing-4xx-response` covers an operation with no client error at all; the
//! rules for one specific status (400, 401/403, 404) only speak when the
//! operation documents some 4xx, so one gap gives one finding.

pub mod inconsistent_error_format;
pub mod missing_400_response;
pub mod missing_404_response;
pub mod missing_4xx_response;
pub mod missing_auth_error_response;
pub mod missing_server_error_response;
pub mod missing_success_response;
mod responses;

pub(crate) use responses::{has_client_error, report_at_responses, takes_input};
