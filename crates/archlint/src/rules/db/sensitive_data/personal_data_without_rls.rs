use crate::base::words::is_personal;
use crate::base::Emitter;
use crate::rules::DbContext;
use crate::sql::Dialect;

crate::declare_rule! {
    /// ## What it does
    /// When a PostgreSQL schema enables row-level security on some tables,
    /// reports the tables holding personal data (email, phone, address, birth
    /// date, national ids ...) that do not enable it.
    ///
    /// ## Why is this bad?
    /// A schema that uses RLS relies on it to separate tenants or users; a table
    /// of personal data without it is readable across that boundary by any
    /// query that forgets a `WHERE`.
    ///
    /// ## Example
    /// ```sql
    /// CREATE TABLE documents (id bigint PRIMARY KEY, tenant_id bigint NOT NULL);
    /// ALTER TABLE documents ENABLE ROW LEVEL SECURITY;
    /// CREATE TABLE contacts (id bigint PRIMARY KEY, tenant_id bigint NOT NULL, email text);
    /// ```
    ///
    /// Use instead:
    /// ```sql
    /// CREATE TABLE documents (id bigint PRIMARY KEY, tenant_id bigint NOT NULL);
    /// ALTER TABLE documents ENABLE ROW LEVEL SECURITY;
    /// CREATE TABLE contacts (id bigint PRIMARY KEY, tenant_id bigint NOT NULL, email text);
    /// ALTER TABLE contacts ENABLE ROW LEVEL SECURITY;
    /// ```
    ///
    /// ## How to fix
    /// `ALTER TABLE ... ENABLE ROW LEVEL SECURITY` and add the policies the
    /// other tables use.
    ///
    /// Severity: `warning`. PostgreSQL only; silent when no table uses RLS.
    pub struct PersonalDataWithoutRls {
        id: "SENS002",
        name: "personal-data-without-rls",
        side: Db,
        area: SensitiveData,
        severity: Warning,
        summary: "A table of personal data lacks the row-level security other tables use.",
        fix: "ALTER TABLE ... ENABLE ROW LEVEL SECURITY, with the same policies as the other tables.",
        check_db: check,
    }
}

fn check(db: &DbContext<'_>, out: &mut Emitter) {
    if db.schema.dialect != Dialect::Postgres
        || !db
            .schema
            .tables
            .iter()
            .any(|table| table.row_level_security)
    {
        return;
    }
    for table in db
        .schema
        .tables
        .iter()
        .filter(|table| !table.row_level_security)
    {
        let Some(column) = table
            .columns
            .iter()
            .find(|column| is_personal(&column.name))
        else {
            continue;
        };
        let message = format!(
            "table `{}` holds personal data (`{}`) without row-level security, which other tables use",
            table.name, column.name
        );
        out.report(table.place.clone(), message);
    }
}
