pub mod mutation_without_auth;
