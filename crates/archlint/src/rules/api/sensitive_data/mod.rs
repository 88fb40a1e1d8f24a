//! Sensitive data: secrets and personal data the API moves, and where they
//! would leak.

pub mod password_not_write_only;
pub mod sensitive_data_in_response;
pub mod sensitive_parameter_in_url;
pub mod sequential_id_in_path;
