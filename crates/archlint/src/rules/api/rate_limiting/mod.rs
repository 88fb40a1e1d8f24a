//! Rate limiting: how clients learn they are sending too much.

pub mod missing_rate_limit_headers;
pub mod missing_retry_after;
pub mod no_rate_limit_response;

/// Headers that tell clients their quota (IETF `RateLimit`/`RateLimit-Policy`,
/// the older `RateLimit-*` drafts, and the common `X-RateLimit-*`).
pub(crate) fn is_rate_limit_header(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    lower.starts_with("ratelimit")
        || lower.starts_with("x-ratelimit")
        || lower.starts_with("x-rate-limit")
}
