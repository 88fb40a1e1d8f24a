use crate::base::Emitter;
use crate::rules::DbContext;

crate::declare_rule! {
    /// ## What it does
    /// Reports a MySQL table stored with an engine that has neither transactions
    /// nor foreign keys: `MyISAM`, `MEMORY`/`HEAP`, `ARCHIVE`, `CSV`, `MERGE`,
    /// `ARIA`.
    ///
    /// ## Why is this bad?
    /// A crash or a failed multi-statement change leaves half-written data,
    /// declared foreign keys are silently ignored, and writes lock the whole
    /// table. InnoDB has been MySQL's default for over a decade.
    ///
    /// ## Example
    /// ```sql
    /// CREATE TABLE sessions (id varchar(64) PRIMARY KEY) ENGINE=MyISAM;
    /// ```
    ///
    /// Use instead:
    /// ```sql
    /// CREATE TABLE sessions (id varchar(64) PRIMARY KEY) ENGINE=InnoDB;
    /// ```
    ///
    /// ## How to fix
    /// `ALTER TABLE ... ENGINE=InnoDB` (it rebuilds the table).
    ///
    /// Severity: `error` — data integrity cannot be guaranteed.
    pub struct NonTransactionalEngine {
        id: "INT006",
        name: "non-transactional-engine",
        side: Db,
        area: Integrity,
        severity: Error,
        summary: "A MySQL table uses an engine without transactions or foreign keys.",
        fix: "Use InnoDB: ALTER TABLE ... ENGINE=InnoDB.",
        check_db: check,
    }
}

fn check(db: &DbContext<'_>, out: &mut Emitter) {
    for table in db
        .schema
        .tables
        .iter()
        .filter(|table| table.is_non_transactional())
    {
        let message = format!(
            "table `{}` uses the {} engine: no transactions, foreign keys are ignored",
            table.name,
            table.engine.as_deref().unwrap_or("?")
        );
        let fix = format!("ALTER TABLE {} ENGINE=InnoDB;", table.name);
        out.report(table.place.clone(), message).help(fix);
    }
}
