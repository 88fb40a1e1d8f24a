use crate::base::Emitter;
use crate::rules::DbContext;
use crate::schema::Change;

crate::declare_rule! {
    /// ## What it does
    /// Reports `GRANT ... TO PUBLIC`.
    ///
    /// ## Why is this bad?
    /// `PUBLIC` is every role, present and future — including roles created for
    /// reporting tools, replicas or other applications on the same server. The
    /// privilege is granted far more widely than anyone decided.
    ///
    /// ## Example
    /// ```sql
    /// GRANT SELECT ON customers TO PUBLIC;
    /// ```
    ///
    /// Use instead:
    /// ```sql
    /// GRANT SELECT ON customers TO reporting;
    /// ```
    ///
    /// ## How to fix
    /// Grant to the roles that need it.
    ///
    /// Severity: `warning`.
    pub struct GrantToPublic {
        id: "SENS003",
        name: "grant-to-public",
        side: Db,
        area: SensitiveData,
        severity: Warning,
        summary: "Privileges are granted to PUBLIC (every role).",
        fix: "Grant to the specific roles that need the privilege.",
        check_db: check,
    }
}

fn check(db: &DbContext<'_>, out: &mut Emitter) {
    for record in &db.schema.statements {
        for change in &record.changes {
            if let Change::GrantToPublic { objects } = change {
                out.report(
                    record.place.clone(),
                    format!("privileges on {objects} are granted to PUBLIC, every role"),
                );
            }
        }
    }
}
