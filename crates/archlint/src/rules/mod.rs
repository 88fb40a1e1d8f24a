//! Rules: metadata, the `declare_rule!` macro, and the one registry.
//!
//! A rule is one file under `rules/<side>/<area>/`. Its doc comment is its
//! documentation, in fixed sections (`## What it does`, `## Why is this bad?`,
//! `## Example`, `## How to fix`); the same text feeds `archlint explain`, the
//! generated `docs/rules/*.md` and the Python and WASM catalogues.

pub mod api;
pub mod both;
pub mod db;
pub(crate) mod words;

use crate::consistency::ConsistencyContext;
use crate::diagnostic::Diagnostic;
use crate::model::DbContext;
use crate::openapi::ApiContext;
use crate::report::{Area, Severity};

/// Which input a rule reviews.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Side {
    Api,
    Db,
    Both,
}

#[derive(Debug)]
pub struct RuleMeta {
    /// Stable id, never reused: `ERR001`.
    pub id: &'static str,
    /// Short kebab-case name: `missing-4xx-response`.
    pub name: &'static str,
    pub side: Side,
    pub area: Area,
    pub severity: Severity,
    /// One line: what the rule reports.
    pub summary: &'static str,
    /// One line: how to fix it (the default `help` of a finding).
    pub fix: &'static str,
    /// The Markdown documentation (the rule's doc comment).
    pub docs: &'static str,
}

impl RuleMeta {
    /// Whether `selector` names this rule by id or name.
    pub fn is(&self, selector: &str) -> bool {
        self.id.eq_ignore_ascii_case(selector) || self.name == selector
    }

    /// The documentation with the one leading space of each doc-comment line removed.
    pub fn markdown(&self) -> String {
        let mut text = String::with_capacity(self.docs.len());
        for line in self.docs.lines() {
            text.push_str(line.strip_prefix(' ').unwrap_or(line));
            text.push('\n');
        }
        text
    }
}

/// Collects what one rule reports.
pub struct Emitter {
    pub(crate) rule: &'static RuleMeta,
    pub(crate) diagnostics: Vec<Diagnostic>,
}

impl Emitter {
    pub fn new(rule: &'static RuleMeta) -> Self {
        Emitter {
            rule,
            diagnostics: Vec::new(),
        }
    }

    pub fn emit(&mut self, diagnostic: Diagnostic) {
        self.diagnostics.push(diagnostic);
    }

    pub fn rule(&self) -> &'static RuleMeta {
        self.rule
    }
}

pub trait Rule: Sync + Send {
    fn meta(&self) -> &'static RuleMeta;

    /// Reviews one API description. Rules of other sides keep the default.
    fn check_api(&self, _api: &ApiContext<'_>, _out: &mut Emitter) {}

    /// Reviews the schema model built from the SQL files.
    fn check_db(&self, _db: &DbContext<'_>, _out: &mut Emitter) {}

    /// Reviews an API together with the schema behind it.
    fn check_both(&self, _both: &ConsistencyContext<'_, '_>, _out: &mut Emitter) {}
}

/// Declares a rule: its type, metadata and documentation in one place.
///
/// ```ignore
/// declare_rule! {
///     /// ## What it does ...
///     pub struct MissingClientErrorResponse {
///         id: "ERR001", name: "missing-4xx-response", side: Api, area: Errors,
///         severity: Warning, summary: "...", fix: "...",
///         check_api: check,
///     }
/// }
/// ```
#[macro_export]
#[doc(hidden)]
macro_rules! declare_rule {
    (
        $(#[doc = $doc:literal])*
        pub struct $name:ident {
            id: $id:literal,
            name: $rule_name:literal,
            side: $side:ident,
            area: $area:ident,
            severity: $severity:ident,
            summary: $summary:literal,
            fix: $fix:literal,
            $(check_api: $check_api:path,)?
            $(check_db: $check_db:path,)?
            $(check_both: $check_both:path,)?
        }
    ) => {
        $(#[doc = $doc])*
        pub struct $name;

        impl $name {
            pub const META: $crate::rules::RuleMeta = $crate::rules::RuleMeta {
                id: $id,
                name: $rule_name,
                side: $crate::rules::Side::$side,
                area: $crate::report::Area::$area,
                severity: $crate::report::Severity::$severity,
                summary: $summary,
                fix: $fix,
                docs: concat!($($doc, "\n"),*),
            };
        }

        impl $crate::rules::Rule for $name {
            fn meta(&self) -> &'static $crate::rules::RuleMeta {
                &Self::META
            }

            $(
                fn check_api(&self, api: &$crate::openapi::ApiContext<'_>, out: &mut $crate::rules::Emitter) {
                    $check_api(api, out)
                }
            )?

            $(
                fn check_db(&self, db: &$crate::model::DbContext<'_>, out: &mut $crate::rules::Emitter) {
                    $check_db(db, out)
                }
            )?

            $(
                fn check_both(&self, both: &$crate::consistency::ConsistencyContext<'_, '_>, out: &mut $crate::rules::Emitter) {
                    $check_both(both, out)
                }
            )?
        }
    };
}

/// Every rule, in id order. The one place a new rule is registered.
pub static RULES: &[&dyn Rule] = &[
    // structure: reported while loading and modelling a description
    &api::structure::parse_error::ParseError,
    &api::structure::unsupported_document::UnsupportedDocument,
    &api::structure::invalid_structure::InvalidStructure,
    &api::structure::unresolved_ref::UnresolvedRef,
    &api::structure::external_ref::ExternalRef,
    &api::structure::ref_cycle::RefCycle,
    &api::structure::duplicate_key::DuplicateKey,
    &api::structure::sql_statement_not_understood::SqlStatementNotUnderstood,
    &api::structure::sql_syntax_error::SqlSyntaxError,
    &api::structure::sql_unknown_object::SqlUnknownObject,
    // API checklists
    &api::versioning::info_version_not_semver::InfoVersionNotSemver,
    &api::versioning::no_versioning::NoVersioning,
    &api::versioning::mixed_versioning::MixedVersioning,
    &api::versioning::versioning_policy::VersioningPolicyViolation,
    &api::versioning::deprecated_without_sunset::DeprecatedWithoutSunset,
    &api::errors::missing_4xx_response::Missing4xxResponse,
    &api::errors::missing_server_error_response::MissingServerErrorResponse,
    &api::errors::inconsistent_error_format::InconsistentErrorFormat,
    &api::errors::missing_auth_error_response::MissingAuthErrorResponse,
    &api::errors::missing_400_response::Missing400Response,
    &api::errors::missing_404_response::Missing404Response,
    &api::errors::missing_success_response::MissingSuccessResponse,
    &api::auth::api_key_in_query::ApiKeyInQuery,
    &api::auth::operation_without_security::OperationWithoutSecurity,
    &api::auth::http_basic_auth::HttpBasicAuth,
    &api::auth::deprecated_oauth_flow::DeprecatedOauthFlow,
    &api::auth::undefined_security_scheme::UndefinedSecurityScheme,
    &api::auth::write_scope_not_separated::WriteScopeNotSeparated,
    &api::auth::admin_without_distinct_scope::AdminWithoutDistinctScope,
    &api::auth::authorization_header_parameter::AuthorizationHeaderParameter,
    &api::validation::string_without_max_length::StringWithoutMaxLength,
    &api::validation::array_without_max_items::ArrayWithoutMaxItems,
    &api::validation::integer_without_bounds::IntegerWithoutBounds,
    &api::validation::additional_properties_allowed::AdditionalPropertiesAllowed,
    &api::validation::writable_server_field::WritableServerField,
    &api::validation::required_property_undefined::RequiredPropertyUndefined,
    &api::validation::unanchored_pattern::UnanchoredPattern,
    &api::validation::enum_type_mismatch::EnumTypeMismatch,
    &api::validation::invalid_example::InvalidExample,
    &api::rate_limiting::no_rate_limit_response::NoRateLimitResponse,
    &api::rate_limiting::missing_retry_after::MissingRetryAfter,
    &api::rate_limiting::missing_rate_limit_headers::MissingRateLimitHeaders,
    &api::pagination::unbounded_collection::UnboundedCollection,
    &api::pagination::offset_pagination::OffsetPagination,
    &api::pagination::inconsistent_pagination::InconsistentPagination,
    &api::caching::missing_cache_headers::MissingCacheHeaders,
    &api::caching::etag_without_precondition::EtagWithoutPrecondition,
    &api::transport::insecure_server_url::InsecureServerUrl,
    &api::transport::no_servers::NoServers,
    &api::sensitive_data::sensitive_parameter_in_url::SensitiveParameterInUrl,
    &api::sensitive_data::sensitive_data_in_response::SensitiveDataInResponse,
    &api::sensitive_data::password_not_write_only::PasswordNotWriteOnly,
    &api::sensitive_data::sequential_id_in_path::SequentialIdInPath,
    &api::conventions::duplicate_operation_id::DuplicateOperationId,
    &api::conventions::path_parameter_mismatch::PathParameterMismatch,
    &api::conventions::trailing_slash::TrailingSlash,
    &api::conventions::body_on_get::BodyOnGet,
    &api::conventions::missing_operation_id::MissingOperationId,
    &api::conventions::verb_in_path::VerbInPath,
    &api::conventions::singular_collection_name::SingularCollectionName,
    &api::conventions::inconsistent_path_case::InconsistentPathCase,
    &api::conventions::inconsistent_property_case::InconsistentPropertyCase,
    &api::conventions::top_level_array_response::TopLevelArrayResponse,
    &api::conventions::missing_idempotency_key::MissingIdempotencyKey,
    &api::documentation::incomplete_info::IncompleteInfo,
    &api::documentation::operation_without_summary::OperationWithoutSummary,
    &api::documentation::parameter_without_description::ParameterWithoutDescription,
    &api::documentation::unused_component::UnusedComponent,
    &api::documentation::undefined_tag::UndefinedTag,
    // database checklists
    &db::indexing::foreign_key_without_index::ForeignKeyWithoutIndex,
    &db::indexing::duplicate_index::DuplicateIndex,
    &db::indexing::redundant_index::RedundantIndex,
    &db::indexing::too_many_indexes::TooManyIndexes,
    &db::indexing::index_repeats_column::IndexRepeatsColumn,
    &db::indexing::low_cardinality_index::LowCardinalityIndex,
    &db::indexing::nullable_unique_column::NullableUniqueColumn,
    &db::integrity::table_without_primary_key::TableWithoutPrimaryKey,
    &db::integrity::missing_foreign_key::MissingForeignKey,
    &db::integrity::foreign_key_type_mismatch::ForeignKeyTypeMismatch,
    &db::integrity::foreign_key_without_on_delete::ForeignKeyWithoutOnDelete,
    &db::integrity::nullable_composite_foreign_key::NullableCompositeForeignKey,
    &db::integrity::non_transactional_engine::NonTransactionalEngine,
    &db::integrity::constraint_not_validated::ConstraintNotValidated,
    &db::types::money_in_float::MoneyInFloat,
    &db::types::timestamp_without_time_zone::TimestampWithoutTimeZone,
    &db::types::integer_key_overflow::IntegerKeyOverflow,
    &db::types::char_column::CharColumn,
    &db::types::json_instead_of_jsonb::JsonInsteadOfJsonb,
    &db::types::mysql_utf8mb3::MysqlUtf8mb3,
    &db::types::identifier_too_long::IdentifierTooLong,
    &db::types::varchar_length::VarcharLength,
    &db::migrations::add_not_null_column::AddNotNullColumn,
    &db::migrations::volatile_default::VolatileDefault,
    &db::migrations::index_without_concurrently::IndexWithoutConcurrently,
    &db::migrations::concurrently_in_transaction::ConcurrentlyInTransaction,
    &db::migrations::constraint_without_not_valid::ConstraintWithoutNotValid,
    &db::migrations::set_not_null::SetNotNull,
    &db::migrations::column_type_change::ColumnTypeChange,
    &db::migrations::breaking_change::BreakingChange,
    &db::migrations::unique_without_index::UniqueWithoutIndex,
    &db::migrations::missing_lock_timeout::MissingLockTimeout,
    &db::migrations::enum_value_change::EnumValueChange,
    &db::migrations::mysql_alter_without_algorithm::MysqlAlterWithoutAlgorithm,
    &db::naming::inconsistent_naming_style::InconsistentNamingStyle,
    &db::naming::reserved_word_name::ReservedWordName,
    &db::naming::mixed_plural_table_names::MixedPluralTableNames,
    &db::sensitive_data::plaintext_secret_column::PlaintextSecretColumn,
    &db::sensitive_data::personal_data_without_rls::PersonalDataWithoutRls,
    &db::sensitive_data::grant_to_public::GrantToPublic,
    &db::normalization::repeating_group::RepeatingGroup,
    &db::normalization::multi_valued_column::MultiValuedColumn,
    &db::normalization::copied_column::CopiedColumn,
    &db::normalization::entity_attribute_value::EntityAttributeValue,
    &db::normalization::polymorphic_association::PolymorphicAssociation,
    &db::normalization::json_relation::JsonRelation,
    &db::normalization::wide_table::WideTable,
    // API ↔ schema consistency
    &both::consistency::length_mismatch::LengthMismatch,
    &both::consistency::enum_mismatch::EnumMismatch,
    &both::consistency::nullability_mismatch::NullabilityMismatch,
    &both::consistency::missing_required_column::MissingRequiredColumn,
    &both::consistency::type_mismatch::TypeMismatch,
    &both::consistency::property_without_column::PropertyWithoutColumn,
    &both::consistency::sensitive_column_exposed::SensitiveColumnExposed,
    &both::consistency::generated_column_writable::GeneratedColumnWritable,
    &both::consistency::unindexed_query_parameter::UnindexedQueryParameter,
    &both::consistency::unique_conflict_undocumented::UniqueConflictUndocumented,
    &both::consistency::foreign_key_error_undocumented::ForeignKeyErrorUndocumented,
    &both::consistency::sequential_id_exposed::SequentialIdExposed,
    &both::consistency::unknown_mapping_target::UnknownMappingTarget,
];

/// (stronger, weaker): where the schema confirms what an API rule only
/// suspected from a name, the weaker finding at the same place is dropped.
pub(crate) const SUPERSEDED: [(&str, &str); 4] = [
    ("CONS001", "VAL001"),
    ("CONS007", "SENS005"),
    ("CONS008", "VAL005"),
    ("CONS012", "SENS007"),
];

/// The rule with this id or name.
pub fn find(selector: &str) -> Option<&'static dyn Rule> {
    RULES.iter().copied().find(|rule| rule.meta().is(selector))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_and_names_are_unique() {
        for (index, rule) in RULES.iter().enumerate() {
            for other in &RULES[index + 1..] {
                assert_ne!(rule.meta().id, other.meta().id);
                assert_ne!(rule.meta().name, other.meta().name);
            }
        }
    }
}
