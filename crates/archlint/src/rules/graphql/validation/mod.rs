pub mod create_input_all_optional;
pub mod unbounded_string_input;
