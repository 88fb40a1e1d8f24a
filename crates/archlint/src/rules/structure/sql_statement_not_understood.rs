crate::declare_rule! {
    /// ## What it does
    /// Reports an SQL statement that archlint could not parse (the parser's
    /// message says why) and whose effect on the schema could not be read any
    /// other way. The review goes on with the next statement.
    ///
    /// ## Why is this bad?
    /// Whatever the statement does — create a table, add a column — is missing
    /// from the schema model, so rules may miss problems or report a column as
    /// absent. It is reported so that nothing is skipped silently.
    ///
    /// ## Example
    /// ```sql
    /// CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint NOT NULL, status text NOT NULL);
    /// CREATE STATISTICS orders_customer_status (dependencies) ON customer_id, status FROM orders;
    /// ```
    ///
    /// Use instead: the statement only gives the planner statistics and changes no
    /// table or column, so silence the finding:
    /// ```sql
    /// CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint NOT NULL, status text NOT NULL);
    /// -- archlint-ignore: sql-statement-not-understood
    /// CREATE STATISTICS orders_customer_status (dependencies) ON customer_id, status FROM orders;
    /// ```
    ///
    /// ## How to fix
    /// Usually nothing: vendor extensions are legitimate. If the statement
    /// defines schema, check the dialect (`--dialect` or `[sql] dialect`), or
    /// silence the finding with `-- archlint-ignore: sql-statement-not-understood`.
    ///
    /// Severity: `info` — a limit of archlint, not a flaw of the schema.
    pub struct SqlStatementNotUnderstood {
        id: "STR008",
        name: "sql-statement-not-understood",
        side: Db,
        area: Structure,
        severity: Info,
        summary: "An SQL statement could not be parsed; its effect is not in the schema model.",
        fix: "Check the SQL dialect setting; vendor-specific statements can be silenced with `-- archlint-ignore`.",
    }
}
