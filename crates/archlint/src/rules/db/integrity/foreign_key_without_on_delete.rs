use crate::base::Emitter;
use crate::rules::DbContext;

crate::declare_rule! {
    /// ## What it does
    /// Reports a foreign key without an explicit `ON DELETE` action.
    ///
    /// ## Why is this bad?
    /// The default (`NO ACTION`) is a decision too: deleting a parent fails while
    /// children exist. Whether children should block the delete, go with the
    /// parent (`CASCADE`) or be detached (`SET NULL`) is part of the design, and
    /// an explicit clause shows it was made rather than inherited.
    ///
    /// ## Example
    /// ```sql
    /// CREATE TABLE order_lines (order_id bigint NOT NULL REFERENCES orders (id));
    /// ```
    ///
    /// Use instead:
    /// ```sql
    /// CREATE TABLE order_lines (order_id bigint NOT NULL REFERENCES orders (id) ON DELETE CASCADE);
    /// ```
    ///
    /// ## How to fix
    /// Write the intended action: `ON DELETE RESTRICT`, `CASCADE` or `SET NULL`.
    ///
    /// Severity: `info` — a matter of explicitness.
    pub struct ForeignKeyWithoutOnDelete {
        id: "INT004",
        name: "foreign-key-without-on-delete",
        side: Db,
        area: Integrity,
        severity: Info,
        summary: "A foreign key does not say what happens when the parent is deleted.",
        fix: "Write the intended ON DELETE action (RESTRICT, CASCADE or SET NULL).",
        check_db: check,
    }
}

fn check(db: &DbContext<'_>, out: &mut Emitter) {
    for table in &db.schema.tables {
        for key in table
            .foreign_keys
            .iter()
            .filter(|key| key.on_delete.is_none())
        {
            let message = format!(
                "foreign key ({}) of `{}` → `{}` has no ON DELETE action",
                key.columns.join(", "),
                table.name,
                key.ref_table
            );
            out.report(key.place.clone(), message);
        }
    }
}
