pub mod get_prefix_on_query;
pub mod input_type_suffix;
pub mod mutation_not_verb_first;
pub mod naming_convention;
