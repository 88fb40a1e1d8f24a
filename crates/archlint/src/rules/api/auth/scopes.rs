//! The OAuth scopes an operation asks for.

use crate::openapi::Operation;
use crate::rules::ApiContext;

/// The scopes an operation's effective security asks for, across its
/// requirements.
pub(crate) fn scopes<'a>(
    context: &'a ApiContext<'_>,
    operation: &'a Operation<'_>,
) -> Vec<&'a str> {
    operation
        .effective_security(&context.api)
        .unwrap_or_default()
        .iter()
        .flat_map(|requirement| requirement.schemes.iter())
        .flat_map(|(_, scopes)| scopes.iter().copied())
        .collect()
}
