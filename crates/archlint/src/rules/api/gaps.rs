//! Reporting a practice the API follows only in part.

use crate::base::{Emitter, Place};

/// Reports the gaps in a practice the API follows only in part (rate-limit
/// headers, caching headers, 5xx responses ...). When the gaps are the majority,
/// the fix is one API-wide decision: a single finding, at the first gap, counts
/// the rest ("... (and 41 more of the 50 operations)"). When only a minority
/// lacks the practice, each gap is reported. `noun` names what was counted.
pub(crate) fn report_gaps(
    out: &mut Emitter,
    gaps: Vec<(Place, String)>,
    covered: usize,
    noun: &str,
) {
    let total = covered + gaps.len();
    if gaps.len() > 1 && gaps.len() > covered {
        if let Some((place, first)) = gaps.first() {
            let message = format!(
                "{first} (and {} more of the {total} {noun})",
                gaps.len() - 1
            );
            out.report(place.clone(), message).extent(gaps.len());
        }
        return;
    }
    for (place, message) in gaps {
        out.report(place, message);
    }
}
