pub mod date_as_string;
pub mod id_not_id_type;
pub mod money_as_float;
