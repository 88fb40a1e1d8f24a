//! Naming: names a team can read and a database accepts without quoting.

pub mod inconsistent_naming_style;
pub mod mixed_plural_table_names;
pub mod reserved_word_name;
