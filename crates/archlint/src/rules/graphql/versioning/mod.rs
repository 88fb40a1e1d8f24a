pub mod deprecated_without_reason;
