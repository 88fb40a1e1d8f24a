//! Rate limiting: how clients learn they are sending too much.

mod headers;
pub mod missing_rate_limit_headers;
pub mod missing_retry_after;
pub mod no_rate_limit_response;
mod signs;

pub(crate) use headers::is_rate_limit_header;
pub(crate) use signs::documents_rate_limits;
