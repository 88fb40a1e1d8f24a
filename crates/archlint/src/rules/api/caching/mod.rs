//! Caching: what clients and intermediaries may reuse, and how writers avoid
//! overwriting each other.

pub mod etag_without_precondition;
pub mod missing_cache_headers;
