use crate::base::Emitter;
use crate::rules::DbContext;

crate::declare_rule! {
    /// ## What it does
    /// Reports columns that repeat one attribute with a number: `phone1`,
    /// `phone2`, `phone3`; `tag_1` ... `tag_5`. Three numbered columns make a
    /// group; two do when the attribute is one people have several of (phone,
    /// email, tag, image, url, address ...), since other pairs are often the two
    /// ends of something (`node1`, `node2`). Address lines (`address_line1`,
    /// `address_line2`) are a conventional exception and not reported.
    ///
    /// ## Why is this bad?
    /// A repeating group caps the number of values, leaves most columns empty,
    /// and makes every query check each column ("find the customer with this
    /// phone" becomes three `OR`s and no index). It violates first normal form.
    ///
    /// ## Example
    /// ```sql
    /// CREATE TABLE customers (id bigint PRIMARY KEY, phone1 text, phone2 text, phone3 text);
    /// ```
    ///
    /// Use instead:
    /// ```sql
    /// CREATE TABLE customers (id bigint PRIMARY KEY);
    /// CREATE TABLE customer_phones (
    ///     customer_id bigint NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    ///     phone text NOT NULL,
    ///     PRIMARY KEY (customer_id, phone)
    /// );
    /// ```
    ///
    /// ## How to fix
    /// Move the values to a child table with one row per value.
    ///
    /// Severity: `warning`.
    pub struct RepeatingGroup {
        id: "NORM001",
        name: "repeating-group",
        side: Db,
        area: Normalization,
        severity: Warning,
        summary: "Numbered columns repeat one attribute (phone1, phone2, ...).",
        fix: "Move the values to a child table with one row per value.",
        check_db: check,
    }
}

/// Attributes that people have several of: two numbered columns already make a
/// group. Other pairs are often two ends of something (`node1`, `node2`).
const MULTI_VALUED: [&str; 10] = [
    "phone", "email", "mobile", "fax", "tag", "image", "photo", "url", "address", "category",
];

/// `phone2` → (`phone`, 2); `tag_3` → (`tag`, 3).
fn numbered(name: &str) -> Option<(String, u32)> {
    let lower = name.to_ascii_lowercase();
    let digits_at = lower.rfind(|c: char| !c.is_ascii_digit())? + 1;
    let number = lower.get(digits_at..)?.parse().ok()?;
    let stem = lower.get(..digits_at)?.trim_end_matches('_').to_owned();
    (!stem.is_empty()).then_some((stem, number))
}

fn check(db: &DbContext<'_>, out: &mut Emitter) {
    for table in &db.schema.tables {
        let mut reported: Vec<String> = Vec::new();
        for column in &table.columns {
            let Some((stem, _)) = numbered(&column.name) else {
                continue;
            };
            if stem.ends_with("line") || reported.contains(&stem) {
                continue;
            }
            let members: Vec<&str> = table
                .columns
                .iter()
                .filter(|other| {
                    numbered(&other.name).is_some_and(|(other_stem, _)| other_stem == stem)
                })
                .map(|other| other.name.as_str())
                .collect();
            let multi_valued = MULTI_VALUED.iter().any(|word| stem.ends_with(word));
            if members.len() >= 3 || (members.len() == 2 && multi_valued) {
                let message = format!(
                    "`{}` repeats `{stem}` in {} numbered columns ({}): a repeating group",
                    table.name,
                    members.len(),
                    members.join(", ")
                );
                out.report(column.place.clone(), message);
                reported.push(stem);
            }
        }
    }
}
