//! Versioning: how the API tells clients which contract they are using.

pub mod deprecated_without_sunset;
pub mod info_version_not_semver;
pub mod mixed_versioning;
pub mod no_versioning;
mod strategy;
pub mod versioning_policy;

pub(crate) use strategy::{evidence, Strategy};
