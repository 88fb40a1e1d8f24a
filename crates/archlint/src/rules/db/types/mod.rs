//! Types: column types that lose data, overflow or cost more than they should.

pub mod char_column;
pub mod identifier_too_long;
pub mod integer_key_overflow;
pub mod json_instead_of_jsonb;
pub mod money_in_float;
pub mod mysql_utf8mb3;
pub mod timestamp_without_time_zone;
pub mod varchar_length;
