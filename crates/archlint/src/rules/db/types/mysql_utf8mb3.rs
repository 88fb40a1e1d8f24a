use crate::base::Emitter;
use crate::rules::DbContext;
use crate::sql::Dialect;

crate::declare_rule! {
    /// ## What it does
    /// Reports a MySQL table whose character set is `utf8` or `utf8mb3`.
    ///
    /// ## Why is this bad?
    /// MySQL's `utf8` is a three-byte subset of UTF-8: emoji and many CJK
    /// characters cannot be stored, and inserts fail or truncate (depending on
    /// the SQL mode). `utf8mb3` is deprecated.
    ///
    /// ## Example
    /// ```sql
    /// CREATE TABLE comments (id bigint PRIMARY KEY, body text) DEFAULT CHARSET=utf8;
    /// ```
    ///
    /// Use instead:
    /// ```sql
    /// CREATE TABLE comments (id bigint PRIMARY KEY, body text) DEFAULT CHARSET=utf8mb4;
    /// ```
    ///
    /// ## How to fix
    /// `ALTER TABLE ... CONVERT TO CHARACTER SET utf8mb4` (check index key lengths:
    /// four bytes per character).
    ///
    /// Severity: `warning`. MySQL only.
    pub struct MysqlUtf8mb3 {
        id: "TYPE006",
        name: "mysql-utf8mb3",
        side: Db,
        area: Types,
        severity: Warning,
        summary: "A MySQL table uses the 3-byte utf8/utf8mb3 character set.",
        fix: "Use utf8mb4: ALTER TABLE ... CONVERT TO CHARACTER SET utf8mb4.",
        check_db: check,
    }
}

fn check(db: &DbContext<'_>, out: &mut Emitter) {
    if db.schema.dialect != Dialect::Mysql {
        return;
    }
    for table in &db.schema.tables {
        let Some(charset) = &table.charset else {
            continue;
        };
        if matches!(charset.to_ascii_lowercase().as_str(), "utf8" | "utf8mb3") {
            let message = format!("table `{}` uses character set {charset}: 4-byte characters such as emoji cannot be stored", table.name);
            let fix = format!(
                "ALTER TABLE {} CONVERT TO CHARACTER SET utf8mb4;",
                table.name
            );
            out.report(table.place.clone(), message).help(fix);
        }
    }
}
