//! Documentation: what readers of the description learn without asking.

pub mod incomplete_info;
pub mod operation_without_summary;
pub mod parameter_without_description;
pub mod undeclared_media_type;
pub mod undefined_tag;
pub mod unused_component;
