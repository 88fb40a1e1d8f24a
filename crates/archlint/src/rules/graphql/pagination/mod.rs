pub mod connection_incomplete;
pub mod list_without_pagination;
pub mod nested_lists_multiply;
pub mod page_size_without_maximum;
