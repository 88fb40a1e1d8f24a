//! Sensitive data: secrets and personal data, and who may read them.

pub mod grant_to_public;
pub mod personal_data_without_rls;
pub mod plaintext_secret_column;
