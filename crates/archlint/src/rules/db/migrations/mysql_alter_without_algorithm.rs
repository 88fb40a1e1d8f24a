use crate::base::Emitter;
use crate::rules::db::migrations::table_name;
use crate::rules::DbContext;
use crate::schema::{Change, StatementKind};
use crate::sql::Dialect;

crate::declare_rule! {
    /// ## What it does
    /// Reports a MySQL `ALTER TABLE` on an existing table that adds or changes
    /// columns, keys or indexes without stating `ALGORITHM=INSTANT` or
    /// `ALGORITHM=INPLACE`.
    ///
    /// ## Why is this bad?
    /// Without an explicit algorithm, MySQL silently falls back to a table copy
    /// when the change cannot be done in place: the table is rebuilt and writes
    /// block for the duration. Stating the algorithm makes MySQL refuse instead
    /// of copying, so the surprise happens in review, not in production.
    ///
    /// ## Example
    ///
    /// Given a MySQL table created by an earlier migration:
    /// ```sql
    /// CREATE TABLE orders (id bigint AUTO_INCREMENT PRIMARY KEY, total decimal(10, 2) NOT NULL) ENGINE=InnoDB;
    /// ```
    ///
    /// a later migration adds a column:
    /// ```sql
    /// ALTER TABLE orders ADD COLUMN note varchar(200);
    /// ```
    ///
    /// Use instead:
    /// ```sql
    /// ALTER TABLE orders ADD COLUMN note varchar(200), ALGORITHM=INSTANT;
    /// ```
    ///
    /// ## How to fix
    /// Add `ALGORITHM=INSTANT` (or `INPLACE, LOCK=NONE`); if MySQL refuses, plan
    /// the change with an online schema change tool.
    ///
    /// Severity: `info`. MySQL only.
    pub struct MysqlAlterWithoutAlgorithm {
        id: "MIG012",
        name: "mysql-alter-without-algorithm",
        side: Db,
        area: Migrations,
        severity: Info,
        summary: "A MySQL ALTER TABLE on an existing table does not state its algorithm.",
        fix: "State ALGORITHM=INSTANT or ALGORITHM=INPLACE, LOCK=NONE.",
        check_db: check,
    }
}

fn check(db: &DbContext<'_>, out: &mut Emitter) {
    if db.schema.dialect != Dialect::Mysql {
        return;
    }
    for record in db
        .schema
        .statements
        .iter()
        .filter(|record| record.table_preexisting && record.kind == StatementKind::AlterTable)
    {
        let structural = record.changes.iter().any(|change| {
            matches!(
                change,
                Change::AddColumn { .. }
                    | Change::AlterColumnType { .. }
                    | Change::AddConstraint { .. }
                    | Change::DropColumn { .. }
            )
        });
        let stated = record
            .changes
            .iter()
            .any(|change| matches!(change, Change::Algorithm(_)));
        if structural && !stated {
            let message = format!("ALTER TABLE `{}` does not state ALGORITHM: MySQL may silently copy the whole table", table_name(record));
            out.report(record.place.clone(), message);
        }
    }
}
