use crate::base::Emitter;
use crate::rules::DbContext;

crate::declare_rule! {
    /// ## What it does
    /// Reports a pair of columns `<x>_type` and `<x>_id` in one table, where
    /// `<x>_id` has no foreign key: a polymorphic association, pointing at a row
    /// of a table named by the other column.
    ///
    /// ## Why is this bad?
    /// No foreign key can express it: references to deleted or never-existing
    /// rows are accepted, joins need a `CASE` over table names, and renaming a
    /// table silently breaks stored data.
    ///
    /// ## Example
    /// ```sql
    /// CREATE TABLE comments (id bigint PRIMARY KEY, subject_type text, subject_id bigint);
    /// ```
    ///
    /// Use instead:
    /// ```sql
    /// CREATE TABLE comments (
    ///     id bigint PRIMARY KEY,
    ///     post_id bigint REFERENCES posts (id),
    ///     photo_id bigint REFERENCES photos (id),
    ///     CHECK (num_nonnulls(post_id, photo_id) = 1)
    /// );
    /// ```
    ///
    /// ## How to fix
    /// One nullable foreign key per target with a check that exactly one is set,
    /// or one link table per target.
    ///
    /// Severity: `warning`.
    pub struct PolymorphicAssociation {
        id: "NORM005",
        name: "polymorphic-association",
        side: Db,
        area: Normalization,
        severity: Warning,
        summary: "A `<x>_type` + `<x>_id` pair references rows of varying tables.",
        fix: "Use one foreign key column per target table (with a check that one is set), or link tables.",
        check_db: check,
    }
}

fn check(db: &DbContext<'_>, out: &mut Emitter) {
    for table in &db.schema.tables {
        for column in &table.columns {
            let lower = column.name.to_ascii_lowercase();
            let Some(stem) = lower.strip_suffix("_type") else {
                continue;
            };
            let id_name = format!("{stem}_id");
            let Some(id_column) = table.column(&id_name) else {
                continue;
            };
            // `logentry_id` as the table's own key, with `logentry_type` a type code.
            let is_own_key = table.primary_key.as_ref().is_some_and(|key| {
                key.columns
                    .iter()
                    .any(|name| name.eq_ignore_ascii_case(&id_name))
            });
            // `comments.comment_id`: the stem names the table itself.
            let table_word = table
                .name
                .rsplit('.')
                .next()
                .unwrap_or(&table.name)
                .to_ascii_lowercase();
            let names_itself = table_word == stem
                || table_word.strip_suffix('s') == Some(stem)
                || table_word.ends_with(&format!("_{stem}s"));
            if is_own_key || names_itself {
                continue;
            }
            let constrained = table.foreign_keys.iter().any(|key| {
                key.columns
                    .iter()
                    .any(|name| name.eq_ignore_ascii_case(&id_name))
            });
            if !constrained {
                let message = format!(
                    "`{}.{}` + `{}` form a polymorphic reference that no foreign key can check",
                    table.name, column.name, id_column.name
                );
                out.report(id_column.place.clone(), message);
            }
        }
    }
}
