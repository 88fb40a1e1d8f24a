//! Pagination: collections that cannot be returned in one piece.

pub mod inconsistent_pagination;
pub mod offset_pagination;
mod style;
pub mod unbounded_collection;

pub(crate) use style::{normalized, paging_parameter, style, Style};
