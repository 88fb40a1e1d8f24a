crate::declare_rule! {
    /// ## What it does
    /// Reports a string, quoted identifier, dollar-quoted body or block comment
    /// that is opened and never closed, so that the rest of the file becomes
    /// part of it.
    ///
    /// ## Why is this bad?
    /// The database rejects the file, or worse, runs a different statement than
    /// the one intended. Nothing after the opening quote is reviewed.
    ///
    /// ## Example
    /// ```sql
    /// INSERT INTO settings VALUES ('theme', 'dark);
    /// CREATE TABLE users (id bigint PRIMARY KEY);
    /// ```
    ///
    /// Use instead:
    /// ```sql
    /// INSERT INTO settings VALUES ('theme', 'dark');
    /// CREATE TABLE users (id bigint PRIMARY KEY);
    /// ```
    ///
    /// ## How to fix
    /// Close the quote or comment at the reported position.
    ///
    /// Severity: `error` — the file cannot run as written.
    pub struct SqlSyntaxError {
        id: "STR009",
        name: "sql-syntax-error",
        side: Db,
        area: Structure,
        severity: Error,
        summary: "A quote or comment in an SQL file is never closed.",
        fix: "Close the quote or comment that starts here.",
    }
}
