//! Rate limiting: how clients learn they are sending too much.

pub mod no_rate_limit_response;
