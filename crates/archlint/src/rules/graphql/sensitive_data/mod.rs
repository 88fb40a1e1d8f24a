pub mod sensitive_field_exposed;
