//! Operations that must be callable without credentials: signing in and up,
//! recovering and verifying an account, the OAuth 2.0 and OpenID Connect
//! endpoints (RFC 6749, 7009, 7591, 7662), `/.well-known/*`, health probes,
//! webhook receivers (the sender signs the request instead) and SAML
//! assertion consumers.

use crate::base::words::name_words;
use crate::openapi::{Method, Operation};

/// Words of paths and operation ids of sign-in, sign-up, recovery and
/// verification flows, and of OAuth/OIDC/SAML endpoints.
const PUBLIC_WORDS: [&str; 30] = [
    "login",
    "logout",
    "signin",
    "signup",
    "signout",
    "register",
    "registration",
    "forgot",
    "recover",
    "recovery",
    "verify",
    "verification",
    "authorize",
    "token",
    "revoke",
    "introspect",
    "callback",
    "jwks",
    "openid",
    "saml",
    "acs",
    "sso",
    "health",
    "healthz",
    "livez",
    "readyz",
    "liveness",
    "readiness",
    "ping",
    "magic",
];

/// Two-word spellings: `sign in`, `well known`, `password reset`.
const PUBLIC_PAIRS: [(&str, &str); 6] = [
    ("sign", "in"),
    ("sign", "up"),
    ("log", "in"),
    ("well", "known"),
    ("password", "reset"),
    ("reset", "password"),
];

/// Whether the operation is public by design.
pub(crate) fn is_public_by_design(operation: &Operation<'_>) -> bool {
    let mut words: Vec<String> = operation
        .path
        .split('/')
        .filter(|segment| !segment.starts_with('{'))
        .flat_map(name_words)
        .collect();
    words.extend(operation.operation_id.map(name_words).unwrap_or_default());
    let post = operation.method == Method::Post;
    names_public(&words, post)
        || confirms_account(operation.path, &words)
        || (post && authenticates(operation.path))
}

/// Confirming or activating one's own account with the code a mail carried
/// (`/user/confirm`, `/account/activate`): no id in the path, so not an
/// administrator activating someone else's account.
fn confirms_account(path: &str, words: &[String]) -> bool {
    let has = |candidates: &[&str]| words.iter().any(|word| candidates.contains(&word.as_str()));
    !path.contains('{')
        && has(&["confirm", "confirmation", "activate", "activation"])
        && has(&["user", "account", "email", "registration"])
}

/// A `POST` to an `auth` endpoint exchanges credentials (a share's password,
/// a key) for a session: `/auth`, `/shares/{share}/auth`.
fn authenticates(path: &str) -> bool {
    path.trim_end_matches('/')
        .rsplit('/')
        .next()
        .is_some_and(|last| matches!(last, "auth" | "authenticate"))
}

/// Whether these words name a public endpoint; webhooks are public only
/// where they are received (a `POST` the sender makes, and signs).
fn names_public(words: &[String], post: bool) -> bool {
    let single = words
        .iter()
        .any(|word| PUBLIC_WORDS.contains(&word.as_str()));
    let pair = words.windows(2).any(|pair| {
        PUBLIC_PAIRS.iter().any(|(first, second)| {
            pair.first().is_some_and(|word| word == first)
                && pair.get(1).is_some_and(|word| word == second)
        })
    });
    let webhook = post
        && words
            .iter()
            .any(|word| word == "webhook" || word == "webhooks");
    single || pair || webhook
}

#[cfg(test)]
mod tests {
    use super::*;

    fn public(path: &str, post: bool) -> bool {
        let words: Vec<String> = path.split('/').flat_map(name_words).collect();
        names_public(&words, post)
    }

    #[test]
    fn public_by_design() {
        for path in [
            "/auth/login",
            "/users/password-reset-code",
            "/oauth2/token",
            "/oauth2/register",
            "/.well-known/openid-configuration",
            "/healthz",
            "/sign-up",
            "/users/verify-email",
        ] {
            assert!(public(path, false), "{path}");
        }
        assert!(public("/webhooks/stripe", true));
        assert!(
            !public("/webhooks", false),
            "listing webhooks is not public"
        );
        for path in ["/orders", "/api-tokens", "/counters/reset", "/users/{id}"] {
            assert!(!public(path, true), "{path}");
        }
    }

    #[test]
    fn confirming_ones_account_and_authenticating_are_public() {
        let words = |path: &str| -> Vec<String> { path.split('/').flat_map(name_words).collect() };
        assert!(confirms_account("/user/confirm", &words("/user/confirm")));
        assert!(!confirms_account(
            "/users/{id}/activate",
            &words("/users/{id}/activate")
        ));
        assert!(!confirms_account(
            "/orders/confirm",
            &words("/orders/confirm")
        ));
        assert!(authenticates("/shares/{share}/auth"));
        assert!(!authenticates("/auth/tokens"));
    }
}
