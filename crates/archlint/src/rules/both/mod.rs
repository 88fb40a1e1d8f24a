//! Rules over an API together with the schema behind it.

pub mod consistency;
