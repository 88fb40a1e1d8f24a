//! The headers that tell clients their quota.

/// Headers that tell clients their quota (IETF `RateLimit`/`RateLimit-Policy`,
/// the older `RateLimit-*` drafts, and the common `X-RateLimit-*`).
pub(crate) fn is_rate_limit_header(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    lower.starts_with("ratelimit")
        || lower.starts_with("x-ratelimit")
        || lower.starts_with("x-rate-limit")
}
