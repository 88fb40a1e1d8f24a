//! What the tool that generated a migration wrote in its header about the
//! changes it makes: Prisma lists the risky ones ("Added the required column
//! `c` to the `t` table without a default value. This is not possible if the
//! table is not empty."). The author read them and went ahead.

/// The changes a generator's header warns of.
#[derive(Clone, Copy, Debug)]
pub enum GeneratorWarning<'c> {
    /// A NOT NULL column without a default (or one recreated with another
    /// type): possible only on an empty table.
    RequiredColumn(&'c str),
    DroppedColumn(&'c str),
    DroppedTable,
}

/// Whether the migration's text warns of this change to `table`.
pub fn generator_warned(text: &str, table: &str, warning: GeneratorWarning<'_>) -> bool {
    let table = table.rsplit('.').next().unwrap_or(table).trim_matches('"');
    let needles = match warning {
        GeneratorWarning::RequiredColumn(column) => vec![
            format!("Added the required column `{column}` to the `{table}` table"),
            format!("Changed the type of `{column}` on the `{table}` table"),
        ],
        GeneratorWarning::DroppedColumn(column) => {
            vec![format!("drop the column `{column}` on the `{table}` table")]
        }
        GeneratorWarning::DroppedTable => vec![format!("drop the `{table}` table")],
    };
    needles.iter().any(|needle| text.contains(needle.as_str()))
}
