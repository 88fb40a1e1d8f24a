crate::declare_rule! {
    /// ## What it does
    /// Reports a statement that changes, indexes or drops a table, index or type
    /// that no earlier statement created — across all the SQL files of the
    /// review, applied in order. Each missing object is reported once, at the
    /// first statement that needs it.
    ///
    /// ## Why is this bad?
    /// Run on a fresh database, the migration fails. Often the files are applied
    /// in the wrong order (migrations sort lexically: `10_x.sql` runs before
    /// `9_y.sql`), or a migration was lost.
    ///
    /// ## Example
    /// ```sql
    /// ALTER TABLE orders ADD COLUMN note text;  -- orders is created later
    /// CREATE TABLE orders (id bigint PRIMARY KEY);
    /// ```
    ///
    /// Use instead:
    /// ```sql
    /// CREATE TABLE orders (id bigint PRIMARY KEY);
    /// ALTER TABLE orders ADD COLUMN note text;
    /// ```
    ///
    /// ## How to fix
    /// Give all the migrations, in order (zero-pad numbered file names), or use
    /// `IF EXISTS` where the object may legitimately be absent.
    ///
    /// Severity: `warning` — the history does not build the schema on its own.
    pub struct SqlUnknownObject {
        id: "STR010",
        name: "sql-unknown-object",
        side: Db,
        area: Structure,
        severity: Warning,
        summary: "A statement refers to a table, index or type that no earlier statement created.",
        fix: "Review all migrations in order, or add IF EXISTS where the object may be absent.",
    }
}
