use crate::base::Emitter;
use crate::rules::db::migrations::steps;
use crate::rules::DbContext;
use crate::schema::Change;

crate::declare_rule! {
    /// ## What it does
    /// Reports `ALTER TYPE ... RENAME VALUE`, and `ALTER TYPE ... ADD VALUE`
    /// inside a transaction block.
    ///
    /// ## Why is this bad?
    /// Renaming an enum value breaks every client and stored row reader that
    /// uses the old label. Adding a value inside a transaction fails before
    /// PostgreSQL 12, and even after it the new value cannot be used until the
    /// transaction commits — a migration that adds and uses it in one file fails.
    ///
    /// ## Example
    /// ```sql
    /// BEGIN;
    /// ALTER TYPE order_status ADD VALUE 'refunded';
    /// UPDATE orders SET status = 'refunded' WHERE refunded_at IS NOT NULL;
    /// COMMIT;
    /// ```
    ///
    /// Use instead:
    /// ```sql
    /// ALTER TYPE order_status ADD VALUE 'refunded';
    /// ```
    ///
    /// ## How to fix
    /// Add enum values in their own non-transactional migration; instead of
    /// renaming, add the new value and migrate rows to it.
    ///
    /// Severity: `warning`.
    pub struct EnumValueChange {
        id: "MIG011",
        name: "enum-value-change",
        side: Db,
        area: Migrations,
        severity: Warning,
        summary: "An enum value is renamed, or added inside a transaction.",
        fix: "Add enum values outside transactions, in their own migration; add-and-migrate instead of renaming.",
        check_db: check,
    }
}

fn check(db: &DbContext<'_>, out: &mut Emitter) {
    for step in steps(db.schema) {
        for change in &step.record.changes {
            let message = match change {
                Change::RenameEnumValue => "renaming an enum value breaks every client that uses the old label".to_owned(),
                Change::AddEnumValue { value } if step.in_transaction => format!(
                    "enum value '{value}' is added inside a transaction: it fails before PostgreSQL 12 and cannot be used until commit"
                ),
                _ => continue,
            };
            out.report(step.record.place.clone(), message);
        }
    }
}
