use crate::base::Emitter;
use crate::rules::DbContext;

crate::declare_rule! {
    /// ## What it does
    /// Reports a table with more than 40 columns.
    ///
    /// ## Why is this bad?
    /// Very wide tables usually mix several entities or optional aspects in one
    /// row: most columns are NULL for most rows, every update rewrites the whole
    /// wide row, and the table has no clear meaning.
    ///
    /// ## Example
    /// ```sql
    /// -- CREATE TABLE customers (... 60 columns: profile, billing, shipping, preferences ...);
    /// ```
    ///
    /// Use instead:
    /// ```sql
    /// -- customers, customer_billing, customer_preferences, one row each per customer
    /// ```
    ///
    /// ## How to fix
    /// Split optional or separately-updated groups of columns into their own
    /// one-to-one tables.
    ///
    /// Severity: `info`.
    pub struct WideTable {
        id: "NORM007",
        name: "wide-table",
        side: Db,
        area: Normalization,
        severity: Info,
        summary: "A table has more than 40 columns.",
        fix: "Split groups of optional or separately-updated columns into one-to-one tables.",
        check_db: check,
    }
}

const LIMIT: usize = 40;

fn check(db: &DbContext<'_>, out: &mut Emitter) {
    for table in db
        .schema
        .tables
        .iter()
        .filter(|table| table.columns.len() > LIMIT)
    {
        out.report(
            table.place.clone(),
            format!("table `{}` has {} columns", table.name, table.columns.len()),
        );
    }
}
