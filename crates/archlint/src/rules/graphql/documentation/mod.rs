pub mod undocumented_definition;
