use crate::base::Emitter;
use crate::rules::ConsistencyContext;

crate::declare_rule! {
    /// ## What it does
    /// Reports an explicit link that leads nowhere: an `x-archlint-table` or
    /// `x-archlint-column` extension, or a `[consistency]` setting of
    /// `archlint.toml`, that names a table or column the SQL does not define.
    ///
    /// ## Why is this bad?
    /// The link was written because the names differ; when it is wrong (a
    /// typo, a renamed table) every consistency check of that schema silently
    /// stops.
    ///
    /// ## Example
    /// ```yaml
    /// Account:
    ///   x-archlint-table: user    # the table is `users`
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// Account:
    ///   x-archlint-table: users
    /// ```
    ///
    /// ## How to fix
    /// Name an existing table or column (`archlint schema` lists them), or
    /// remove the link.
    ///
    /// Severity: `error`.
    pub struct UnknownMappingTarget {
        id: "CONS013",
        name: "unknown-mapping-target",
        side: Both,
        area: Consistency,
        severity: Error,
        summary: "An explicit API ↔ schema link names a table or column the SQL does not define.",
        fix: "Name an existing table or column (`archlint schema` lists them), or remove the link.",
        check_both: check,
    }
}

fn check(context: &ConsistencyContext<'_, '_>, out: &mut Emitter) {
    for (place, message) in &context.links.problems {
        out.report(place.clone(), message.clone());
    }
}
