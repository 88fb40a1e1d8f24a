//! Pagination: collections that cannot be returned in one piece.

pub mod unbounded_collection;
