pub mod undocumented_definition;
pub mod unused_type;
