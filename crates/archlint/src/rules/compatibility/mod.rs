//! Compatibility: what a new version breaks for clients of the old one
//! (`archlint diff`), and whether the version says so; OpenAPI and GraphQL
//! changes alike, in one rule where the meaning is the same.

pub mod breaking_change_without_major_version;
pub mod column_dropped_under_api;
pub mod default_changed;
pub mod deprecation_window_too_short;
pub mod graphql_deprecation_added;
pub mod graphql_enum_value_removed;
pub mod graphql_field_removed;
pub mod graphql_input_removed;
pub mod graphql_possible_type_removed;
pub mod graphql_type_removed;
mod located;
pub mod media_type_removed;
pub mod operation_added;
pub mod operation_deprecated;
pub mod operation_removed;
pub mod path_changed;
pub mod request_constraint_tightened;
pub mod request_input_removed;
pub mod required_input_added;
pub mod response_enum_widened;
pub mod response_property_removed;
pub mod security_tightened;
pub mod success_status_removed;
pub mod type_changed;
