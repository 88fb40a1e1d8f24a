use crate::base::{Emitter, Severity};
use crate::change::ChangeKind;
use crate::rules::compatibility::located::report_change;
use crate::rules::ChangeContext;

crate::declare_rule! {
    /// ## What it does
    /// With a deprecation policy (`[versioning] deprecation_days = N` in
    /// `archlint.toml`): reports an operation newly deprecated that does not
    /// announce its end (a `Sunset` response header with an example date, or
    /// `x-sunset` on the operation), or whose end is fewer than `N` days
    /// after the day of the review. Without the setting, the rule is silent.
    ///
    /// ## Why is this bad?
    /// Clients plan their migration by the announced end: without one they
    /// cannot, and with one too near they cannot in time. The policy is the
    /// promise the API made them.
    ///
    /// ## Example
    /// ```toml
    /// [versioning]
    /// deprecation_days = 180
    /// ```
    ///
    /// ```yaml
    /// paths:
    ///   /reports:
    ///     get:
    ///       responses:
    ///         '200': {description: The reports.}
    /// ```
    ///
    /// ```yaml
    /// paths:
    ///   /reports:
    ///     get:
    ///       deprecated: true
    ///       responses:
    ///         '200': {description: The reports.}
    /// ```
    ///
    /// Use instead: announce the end, far enough ahead:
    /// ```yaml
    /// paths:
    ///   /reports:
    ///     get:
    ///       responses:
    ///         '200': {description: The reports.}
    /// ```
    ///
    /// ```yaml
    /// paths:
    ///   /reports:
    ///     get:
    ///       deprecated: true
    ///       x-sunset: '2999-01-01'
    ///       responses:
    ///         '200': {description: The reports.}
    /// ```
    ///
    /// ## How to fix
    /// Answer with a `Sunset` header (RFC 8594) whose example is the end
    /// date, or set `x-sunset`, at least the policy's days ahead.
    ///
    /// Severity: `warning`.
    pub struct DeprecationWindowTooShort {
        id: "COMPAT017",
        name: "deprecation-window-too-short",
        side: Change,
        area: Compatibility,
        severity: Warning,
        summary: "A deprecated operation announces no end, or one sooner than the deprecation policy allows.",
        fix: "Announce the end with a Sunset header (or x-sunset) at least the policy's days ahead.",
        check_change: check,
    }
}

fn check(context: &ChangeContext<'_>, out: &mut Emitter) {
    let Some(days) = context.config.deprecation_days else {
        return;
    };
    for change in &context.changes {
        let ChangeKind::OperationDeprecated { sunset } = change.kind else {
            continue;
        };
        let operation = change.operations_label();
        let policy =
            format!("the policy gives clients {days} days (`[versioning] deprecation_days`)");
        let message = match (sunset, context.today) {
            (None, _) => format!(
                "{operation} is deprecated without announcing its end: {policy}; say when with a `Sunset` header"
            ),
            (Some(end), Some(today)) if today.days_until(end) < i64::from(days) => format!(
                "{operation} is deprecated with its end on {end}, {} days away: {policy}",
                today.days_until(end).max(0)
            ),
            _ => continue,
        };
        if let Some(diagnostic) = report_change(out, change, message) {
            diagnostic.severity(Severity::Warning);
        }
    }
}
