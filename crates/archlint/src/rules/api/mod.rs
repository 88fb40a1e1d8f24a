//! Rules over OpenAPI descriptions, a folder per area; the readings of an
//! operation that several areas share are in the named files beside them.

pub mod auth;
pub mod caching;
pub mod conventions;
pub mod documentation;
pub mod errors;
pub mod pagination;
pub mod rate_limiting;
pub mod sensitive_data;
pub mod transport;
pub mod validation;
pub mod versioning;

mod gaps;
mod grouped;
pub(crate) mod responses;
mod schemas;

pub(crate) use gaps::report_gaps;
pub(crate) use grouped::Grouped;
pub(crate) use responses::{documents_status, has_header, response_headers};
pub(crate) use schemas::{all_schemas, first_schema};
