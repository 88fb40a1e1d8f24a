//! Whether an API says it limits request rates.

use crate::openapi::Api;

/// Whether any operation documents a 429 (or a `4XX` range that covers it):
/// the API says it limits request rates.
pub(crate) fn documents_rate_limits(api: &Api<'_>) -> bool {
    api.operations
        .iter()
        .flat_map(|operation| operation.responses.iter())
        .any(|response| response.status == "429" || response.status == "4XX")
}
