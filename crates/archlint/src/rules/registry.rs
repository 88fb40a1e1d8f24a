//! The one registry: every rule in id order, how configuration names them,
//! and which findings a more certain one replaces.

use super::{api, compatibility, consistency, db, graphql, structure, Rule};
use crate::config::{Config, ConfigError};

/// Every rule, in id order. The one place a new rule is registered.
pub static RULES: &[&dyn Rule] = &[
    // structure: reported while loading and modelling a description
    &structure::parse_error::ParseError,
    &structure::unsupported_document::UnsupportedDocument,
    &structure::invalid_structure::InvalidStructure,
    &structure::unresolved_ref::UnresolvedRef,
    &structure::external_ref::ExternalRef,
    &structure::ref_cycle::RefCycle,
    &structure::duplicate_key::DuplicateKey,
    &structure::sql_statement_not_understood::SqlStatementNotUnderstood,
    &structure::sql_syntax_error::SqlSyntaxError,
    &structure::sql_unknown_object::SqlUnknownObject,
    &structure::review_incomplete::ReviewIncomplete,
    &structure::ruleset_problem::RulesetProblem,
    &structure::graphql_syntax_error::GraphqlSyntaxError,
    &structure::graphql_duplicate_definition::GraphqlDuplicateDefinition,
    &structure::graphql_unknown_type::GraphqlUnknownType,
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
    &api::auth::deprecated_security_scheme::DeprecatedSecurityScheme,
    &api::auth::admin_without_distinct_scope::AdminWithoutDistinctScope,
    &api::auth::authorization_header_parameter::AuthorizationHeaderParameter,
    &api::validation::string_without_max_length::StringWithoutMaxLength,
    &api::validation::array_without_max_items::ArrayWithoutMaxItems,
    &api::validation::integer_without_bounds::IntegerWithoutBounds,
    &api::validation::additional_properties_allowed::AdditionalPropertiesAllowed,
    &api::validation::writable_server_field::WritableServerField,
    &api::validation::required_property_undefined::RequiredPropertyUndefined,
    &api::validation::unanchored_pattern::UnanchoredPattern,
    &api::validation::upload_without_size_limit::UploadWithoutSizeLimit,
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
    &api::documentation::undeclared_media_type::UndeclaredMediaType,
    // GraphQL checklists
    &graphql::pagination::list_without_pagination::ListWithoutPagination,
    &graphql::pagination::connection_incomplete::ConnectionIncomplete,
    &graphql::pagination::page_size_without_maximum::PageSizeWithoutMaximum,
    &graphql::pagination::nested_lists_multiply::NestedListsMultiply,
    &graphql::validation::unbounded_string_input::UnboundedStringInput,
    &graphql::validation::create_input_all_optional::CreateInputAllOptional,
    &graphql::auth::mutation_without_auth::MutationWithoutAuth,
    &graphql::auth::field_without_auth::GraphqlFieldWithoutAuth,
    &graphql::errors::mutation_without_error_payload::MutationWithoutErrorPayload,
    &graphql::errors::inconsistent_error_shape::GraphqlInconsistentErrorShape,
    &graphql::sensitive_data::sensitive_field_exposed::SensitiveFieldExposed,
    &graphql::conventions::naming_convention::NamingConvention,
    &graphql::conventions::input_type_suffix::InputTypeSuffix,
    &graphql::conventions::mutation_not_verb_first::MutationNotVerbFirst,
    &graphql::conventions::get_prefix_on_query::GetPrefixOnQuery,
    &graphql::versioning::deprecated_without_reason::DeprecatedWithoutReason,
    &graphql::types::money_as_float::MoneyAsFloat,
    &graphql::types::id_not_id_type::IdNotIdType,
    &graphql::types::date_as_string::DateAsString,
    &graphql::documentation::undocumented_definition::UndocumentedDefinition,
    &graphql::documentation::unused_type::UnusedType,
    &graphql::rate_limiting::unbounded_query_cost::UnboundedQueryCost,
    &graphql::consistency::nullability_mismatch::GraphqlNullabilityMismatch,
    &graphql::consistency::enum_mismatch::GraphqlEnumMismatch,
    &graphql::consistency::type_mismatch::GraphqlTypeMismatch,
    &graphql::consistency::field_without_column::GraphqlFieldWithoutColumn,
    &graphql::consistency::sequential_id::GraphqlSequentialId,
    &graphql::consistency::unindexed_filter::GraphqlUnindexedFilter,
    &graphql::consistency::unknown_link_target::GraphqlUnknownLinkTarget,
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
    &consistency::length_mismatch::LengthMismatch,
    &consistency::enum_mismatch::EnumMismatch,
    &consistency::nullability_mismatch::NullabilityMismatch,
    &consistency::missing_required_column::MissingRequiredColumn,
    &consistency::type_mismatch::TypeMismatch,
    &consistency::property_without_column::PropertyWithoutColumn,
    &consistency::sensitive_column_exposed::SensitiveColumnExposed,
    &consistency::generated_column_writable::GeneratedColumnWritable,
    &consistency::unindexed_query_parameter::UnindexedQueryParameter,
    &consistency::unique_conflict_undocumented::UniqueConflictUndocumented,
    &consistency::foreign_key_error_undocumented::ForeignKeyErrorUndocumented,
    &consistency::sequential_id_exposed::SequentialIdExposed,
    &consistency::unknown_mapping_target::UnknownMappingTarget,
    // compatibility: between two versions (`archlint diff`)
    &compatibility::operation_removed::OperationRemoved,
    &compatibility::path_changed::PathChanged,
    &compatibility::required_input_added::RequiredInputAdded,
    &compatibility::type_changed::TypeChanged,
    &compatibility::request_constraint_tightened::RequestConstraintTightened,
    &compatibility::response_property_removed::ResponsePropertyRemoved,
    &compatibility::response_enum_widened::ResponseEnumWidened,
    &compatibility::success_status_removed::SuccessStatusRemoved,
    &compatibility::media_type_removed::MediaTypeRemoved,
    &compatibility::security_tightened::SecurityTightened,
    &compatibility::default_changed::DefaultChanged,
    &compatibility::breaking_change_without_major_version::BreakingChangeWithoutMajorVersion,
    &compatibility::operation_added::OperationAdded,
    &compatibility::operation_deprecated::OperationDeprecated,
    &compatibility::column_dropped_under_api::ColumnDroppedUnderApi,
    &compatibility::request_input_removed::RequestInputRemoved,
    &compatibility::deprecation_window_too_short::DeprecationWindowTooShort,
    &compatibility::graphql_type_removed::GraphqlTypeRemoved,
    &compatibility::graphql_field_removed::GraphqlFieldRemoved,
    &compatibility::graphql_input_removed::GraphqlInputRemoved,
    &compatibility::graphql_enum_value_removed::GraphqlEnumValueRemoved,
    &compatibility::graphql_possible_type_removed::GraphqlPossibleTypeRemoved,
    &compatibility::graphql_deprecation_added::GraphqlDeprecationAdded,
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

/// Checks that every rule the configuration names exists: `Config` holds
/// settings only, so names are resolved here, against the registry.
pub fn check_config(config: &Config) -> Result<(), ConfigError> {
    match config
        .rule_selectors()
        .find(|selector| find(selector).is_none())
    {
        Some(unknown) => Err(ConfigError(format!(
            "unknown rule `{unknown}`; `archlint rules` lists every rule"
        ))),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::base::Severity;
    use crate::config::VersioningPolicy;

    #[test]
    fn configuration_names_rules_by_id_or_name() {
        let config = Config::from_toml(
            "[rules]\nmissing-4xx-response = \"info\"\nTLS001 = \"off\"\n[areas]\nauth = \"error\"\n[api]\nversioning = \"path\"\n",
        )
        .unwrap();
        assert!(check_config(&config).is_ok());
        let missing = &find("ERR001").unwrap().meta();
        assert_eq!(
            config.level(missing, Severity::Warning),
            Some(Severity::Info)
        );
        assert!(!config.is_enabled(find("insecure-server-url").unwrap().meta()));
        let auth = find("api-key-in-query").unwrap().meta();
        assert_eq!(config.level(auth, Severity::Warning), Some(Severity::Error));
        assert_eq!(config.versioning, VersioningPolicy::Path);
    }

    #[test]
    fn unknown_rules_are_errors() {
        let config = Config::from_toml("[rules]\nno-such-rule = \"off\"\n").unwrap();
        assert!(check_config(&config).is_err());
        let mut selected = Config::default();
        selected.select(&["ERR001", "NOPE999"]);
        let error = check_config(&selected).unwrap_err();
        assert!(error.0.contains("NOPE999"), "{error}");
    }

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
