pub mod field_without_auth;
pub mod mutation_without_auth;
