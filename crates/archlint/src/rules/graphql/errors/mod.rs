pub mod inconsistent_error_shape;
pub mod mutation_without_error_payload;
