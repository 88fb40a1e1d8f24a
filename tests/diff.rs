//! `archlint diff`: what a new version breaks for clients of the old one.
//! Each compatibility rule's own pair is in its fixture folder; here are the
//! whole-review cases: refactors that change nothing, a Swagger 2.0
//! description and its OpenAPI 3.0 translation, a change touching most
//! rules, and removals with and without deprecation.

use archlint::report::to_markdown;
use archlint::{Config, FsLoader, Report};
use archlint_tests::{diff_in, expect, fixture_path, snapshot, versions, Base};
use std::path::Path;

fn diff(case: &str) -> Report {
    let folder = fixture_path(&format!("fixtures/diff/{case}"));
    let (old, new) = versions(Path::new(&folder));
    diff_in(&old, &new, &FsLoader, &[], Config::default()).expect("the versions exist")
}

fn pinned(case: &str) {
    let report = diff(case);
    let folder = fixture_path(&format!("fixtures/diff/{case}"));
    let found = snapshot(&report.findings, &Base::Folder(&folder));
    let expected = Path::new(&folder).with_extension("expected");
    if let Err(difference) = expect(&expected, &found) {
        panic!("{difference}");
    }
}

#[test]
fn refactors_that_keep_the_shape_are_no_change() {
    // Paths reordered, a path parameter renamed, `$ref`s extracted and
    // inlined, an `allOf` composing the same schema, descriptions edited.
    let report = diff("refactor");
    assert!(report.findings.is_empty(), "{:#?}", report.findings);
}

#[test]
fn a_swagger_2_description_and_its_3_0_translation_are_one_api() {
    let report = diff("swagger-to-3");
    assert!(report.findings.is_empty(), "{:#?}", report.findings);
}

#[test]
fn a_change_touching_most_rules_gives_each_finding_at_both_places() {
    pinned("shop");
}

#[test]
fn removals_weigh_by_their_deprecation_and_widening_by_its_side() {
    pinned("removals");
}

/// Reduced from real histories (GitHub's and Stripe's descriptions): what a
/// reviewer judged false, and what was missed, pinned.
#[test]
fn cases_from_real_histories_give_exactly_their_findings() {
    for case in [
        "union-branches",
        "single-branch-union",
        "format-added",
        "replaced-deprecated",
        "changes-inside-unions",
        "shared-parameter",
        "union-with-a-deleted-variant",
        "database",
        "database-drops",
        "union-variants",
        "api-over-one-schema",
    ] {
        pinned(case);
    }
}

/// Two versions of a GraphQL schema: every kind of change GraphQL
/// Inspector tells apart, located in NEW (in OLD for removals) with the
/// other version related; and a refactor (fields and values reordered, a
/// type moved to another file and partly into an `extend type`,
/// descriptions added) that is no change.
#[test]
fn graphql_schema_changes_give_exactly_their_findings() {
    pinned("graphql");
    let report = diff("graphql-refactor");
    assert!(report.findings.is_empty(), "{:#?}", report.findings);
}

#[test]
fn a_graphql_changelog_lists_deprecations_and_new_operations() {
    let markdown = to_markdown(&diff("graphql"));
    for section in [
        "### Breaking changes",
        "### Changes to check",
        "### Deprecations (1)",
        "### Additions (2)",
    ] {
        assert!(markdown.contains(section), "{section}: {markdown}");
    }
    assert!(
        markdown.contains("mutation `cancelOrder` is new"),
        "{markdown}"
    );
}

#[test]
fn the_changelog_lists_breaking_changes_first() {
    let markdown = to_markdown(&diff("shop"));
    let breaking = markdown
        .find("### Breaking changes")
        .expect("a breaking section");
    let additions = markdown
        .find("### Additions")
        .expect("an additions section");
    assert!(breaking < additions, "{markdown}");
    assert!(
        markdown.contains("`GET /orders/export` is removed"),
        "{markdown}"
    );
    assert_eq!(
        to_markdown(&diff("refactor")).lines().nth(2),
        Some("No change that clients can notice.")
    );
}

/// A description where every schema is a union reaching every other (what
/// expandable fields make of Stripe's): each pair is compared once, so the
/// diff ends instead of walking every path.
#[test]
fn unions_reaching_each_other_are_compared_once() {
    let description = |extra: &str| {
        let mut text = String::from(
            "openapi: 3.1.0\ninfo: {title: t, version: 1.0.0}\npaths:\n  /a:\n    get:\n      responses:\n        '200':\n          description: ok\n          content: {application/json: {schema: {$ref: '#/components/schemas/S0'}}}\ncomponents:\n  schemas:\n",
        );
        for index in 0..40 {
            let links: Vec<String> = (0..40)
                .map(|other| format!("l{other}: {{anyOf: [{{type: string}}, {{$ref: '#/components/schemas/S{other}'}}]}}"))
                .collect();
            text.push_str(&format!(
                "    S{index}:\n      type: object\n      properties: {{{}{extra}}}\n",
                links.join(", ")
            ));
        }
        text
    };
    let mut loader = archlint::MemoryLoader::new();
    loader.insert("old.yaml", description(""));
    loader.insert("new.yaml", description(", added: {type: string}"));
    let report = diff_in(
        &["old.yaml".to_owned()],
        &["new.yaml".to_owned()],
        &loader,
        &[],
        Config::default(),
    )
    .expect("the versions exist");
    assert!(report.findings.is_empty(), "{:#?}", report.findings);
}
