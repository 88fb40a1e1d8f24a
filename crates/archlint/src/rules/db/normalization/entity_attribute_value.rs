use crate::base::Emitter;
use crate::rules::DbContext;

crate::declare_rule! {
    /// ## What it does
    /// Reports an entity-attribute-value table: a reference to some entity, an
    /// attribute name column (`attribute`, `attr`, `key`, `property`, `field`)
    /// and a `value` column, and little else.
    ///
    /// ## Why is this bad?
    /// Every attribute loses its type, its `NOT NULL`, its checks and its
    /// foreign keys; reading one entity takes a pivot; queries on two attributes
    /// need a self-join per attribute. The schema moves into the data, where
    /// nothing checks it.
    ///
    /// ## Example
    /// ```sql
    /// CREATE TABLE product_attributes (product_id bigint, attribute text, value text);
    /// ```
    ///
    /// Use instead:
    /// ```sql
    /// ALTER TABLE products ADD COLUMN weight_grams integer, ADD COLUMN color text;
    /// -- or a jsonb column with a check on its shape for truly open-ended data
    /// ```
    ///
    /// ## How to fix
    /// Promote known attributes to typed columns; keep open-ended extras in one
    /// `jsonb` column.
    ///
    /// Severity: `info` — occasionally the right trade-off, usually not.
    pub struct EntityAttributeValue {
        id: "NORM004",
        name: "entity-attribute-value",
        side: Db,
        area: Normalization,
        severity: Info,
        summary: "A table stores attributes as rows (entity-attribute-value).",
        fix: "Promote known attributes to typed columns; use one jsonb column for open-ended extras.",
        check_db: check,
    }
}

const ATTRIBUTE: [&str; 8] = [
    "attribute",
    "attr",
    "attribute_name",
    "key",
    "property",
    "field",
    "attr_name",
    "param",
];
const VALUE: [&str; 5] = [
    "value",
    "val",
    "attribute_value",
    "attr_value",
    "property_value",
];

fn check(db: &DbContext<'_>, out: &mut Emitter) {
    for table in db
        .schema
        .tables
        .iter()
        .filter(|table| table.columns.len() <= 6)
    {
        let has = |names: &[&str]| {
            table
                .columns
                .iter()
                .any(|column| names.contains(&column.name.to_ascii_lowercase().as_str()))
        };
        let has_entity = table
            .columns
            .iter()
            .any(|column| column.name.to_ascii_lowercase().ends_with("_id"));
        if has(&ATTRIBUTE) && has(&VALUE) && has_entity {
            let message = format!(
                "`{}` stores attributes as rows (entity-attribute-value)",
                table.name
            );
            out.report(table.place.clone(), message);
        }
    }
}
