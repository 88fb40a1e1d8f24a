use crate::base::Emitter;
use crate::rules::DbContext;

crate::declare_rule! {
    /// ## What it does
    /// Finds the naming style most table and column names follow (`snake_case`,
    /// `camelCase`, `PascalCase`, `UPPER_CASE`) and reports each table whose
    /// name, or some of whose column names, follow another. One finding per
    /// table. Single lower-case words fit every style and are not counted.
    ///
    /// ## Why is this bad?
    /// Mixed styles make every query a lookup (`userId` or `user_id`?); in
    /// PostgreSQL, mixed-case names must be double-quoted forever, and a
    /// forgotten quote silently refers to another, lower-cased name.
    ///
    /// ## Example
    /// ```sql
    /// CREATE TABLE customers (id bigint PRIMARY KEY, email_address text, created_at timestamptz);
    /// CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint, "createdAt" timestamptz);
    /// ```
    ///
    /// Use instead:
    /// ```sql
    /// CREATE TABLE customers (id bigint PRIMARY KEY, email_address text, created_at timestamptz);
    /// CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint, created_at timestamptz);
    /// ```
    ///
    /// ## How to fix
    /// Rename to the schema's dominant style (`snake_case` is the convention in
    /// PostgreSQL and most SQL code).
    ///
    /// Severity: `info` — a matter of taste with real costs.
    pub struct InconsistentNamingStyle {
        id: "NAME001",
        name: "inconsistent-naming-style",
        side: Db,
        area: Naming,
        severity: Info,
        summary: "Names deviate from the naming style the rest of the schema uses.",
        fix: "Rename to the schema's dominant style (snake_case is conventional).",
        check_db: check,
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Style {
    Snake,
    Camel,
    Pascal,
    Upper,
}

impl Style {
    fn label(self) -> &'static str {
        match self {
            Style::Snake => "snake_case",
            Style::Camel => "camelCase",
            Style::Pascal => "PascalCase",
            Style::Upper => "UPPER_CASE",
        }
    }
}

/// The style of a name, `None` when it fits any (a single lower-case word).
fn style(name: &str) -> Option<Style> {
    let name = name.rsplit('.').next().unwrap_or(name);
    let has_lower = name.chars().any(char::is_lowercase);
    let has_upper = name.chars().any(char::is_uppercase);
    let first_upper = name.chars().next().is_some_and(char::is_uppercase);
    match (has_lower, has_upper) {
        (true, false) if name.contains('_') => Some(Style::Snake),
        (true, false) => None,
        // Short all-capital names are acronyms (`ID`, `MD5`, `UDH`), not a style.
        (false, true) if name.contains('_') || name.len() > 4 => Some(Style::Upper),
        (true, true) if first_upper && !name.contains('_') => Some(Style::Pascal),
        (true, true) if !first_upper && !name.contains('_') => Some(Style::Camel),
        _ => None,
    }
}

fn check(db: &DbContext<'_>, out: &mut Emitter) {
    let mut counts = [
        (Style::Snake, 0usize),
        (Style::Camel, 0),
        (Style::Pascal, 0),
        (Style::Upper, 0),
    ];
    let names = db.schema.tables.iter().flat_map(|table| {
        std::iter::once(table.name.as_str())
            .chain(table.columns.iter().map(|column| column.name.as_str()))
    });
    for found in names.filter_map(style) {
        if let Some(slot) = counts.iter_mut().find(|(style, _)| *style == found) {
            slot.1 += 1;
        }
    }
    let total: usize = counts.iter().map(|(_, count)| count).sum();
    let Some(&(dominant, dominant_count)) = counts.iter().max_by_key(|(_, count)| *count) else {
        return;
    };
    // Without a clear majority there is no convention to deviate from.
    if total == 0 || dominant_count * 10 < total * 6 {
        return;
    }
    for table in &db.schema.tables {
        let off: Vec<&str> = std::iter::once(table.name.as_str())
            .chain(table.columns.iter().map(|column| column.name.as_str()))
            .filter(|name| style(name).is_some_and(|found| found != dominant))
            .collect();
        if let Some(first) = off.first() {
            let message = format!(
                "`{}` has {} name(s) such as `{first}` that are not {} like the rest of the schema",
                table.name,
                off.len(),
                dominant.label()
            );
            out.report(table.place.clone(), message);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn styles() {
        assert_eq!(style("customer_id"), Some(Style::Snake));
        assert_eq!(style("customerId"), Some(Style::Camel));
        assert_eq!(style("CustomerId"), Some(Style::Pascal));
        assert_eq!(style("CUSTOMER_ID"), Some(Style::Upper));
        assert_eq!(style("email"), None);
        assert_eq!(style("MD5"), None);
    }
}
