use crate::base::words::{self, name_words};
use crate::base::Emitter;
use crate::rules::DbContext;

crate::declare_rule! {
    /// ## What it does
    /// Decides whether the schema names tables in the singular (`order`) or the
    /// plural (`orders`), by the last word of each name, and when at least 60%
    /// agree, reports the exceptions in one finding at the first of them.
    ///
    /// ## Why is this bad?
    /// Guessing `order` or `orders` for every join is friction, and ORMs that
    /// map class names to table names by convention break on the exceptions.
    ///
    /// ## Example
    /// ```sql
    /// CREATE TABLE customers (id bigint PRIMARY KEY);
    /// CREATE TABLE invoices (id bigint PRIMARY KEY);
    /// CREATE TABLE payment (id bigint PRIMARY KEY);
    /// ```
    ///
    /// Use instead:
    /// ```sql
    /// CREATE TABLE customers (id bigint PRIMARY KEY);
    /// CREATE TABLE invoices (id bigint PRIMARY KEY);
    /// CREATE TABLE payments (id bigint PRIMARY KEY);
    /// ```
    ///
    /// ## How to fix
    /// Rename the exceptions to the schema's convention.
    ///
    /// Severity: `info` — a matter of taste.
    pub struct MixedPluralTableNames {
        id: "NAME003",
        name: "mixed-plural-table-names",
        side: Db,
        area: Naming,
        severity: Info,
        summary: "Table names mix singular and plural.",
        fix: "Rename the exceptions to the convention most tables follow.",
        check_db: check,
    }
}

/// `Some(true)` for plural, `Some(false)` for singular, `None` when it cannot tell.
fn is_plural(name: &str) -> Option<bool> {
    let words = name_words(name.rsplit('.').next().unwrap_or(name));
    words::is_plural(words.last()?)
}

fn check(db: &DbContext<'_>, out: &mut Emitter) {
    let judged: Vec<(&crate::schema::Table, bool)> = db
        .schema
        .tables
        .iter()
        .filter_map(|table| is_plural(&table.name).map(|plural| (table, plural)))
        .collect();
    let plural = judged.iter().filter(|(_, plural)| *plural).count();
    let singular = judged.len() - plural;
    let (majority_plural, majority) = if plural >= singular {
        (true, plural)
    } else {
        (false, singular)
    };
    if judged.len() < 3 || majority * 10 < judged.len() * 6 || majority == judged.len() {
        return;
    }
    let convention = if majority_plural {
        "plural"
    } else {
        "singular"
    };
    let exceptions: Vec<&crate::schema::Table> = judged
        .iter()
        .filter(|(_, is_plural)| *is_plural != majority_plural)
        .map(|(table, _)| *table)
        .collect();
    // One finding for the schema: the convention is the schema's, not a table's.
    let Some(first) = exceptions.first() else {
        return;
    };
    let examples: Vec<String> = exceptions
        .iter()
        .take(3)
        .map(|table| format!("`{}`", table.name))
        .collect();
    let message = format!(
        "{} of {} tables break the {convention} naming of the others, such as {}",
        exceptions.len(),
        plural + singular,
        examples.join(", ")
    );
    out.report(first.place.clone(), message);
}
