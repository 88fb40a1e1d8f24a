//! Rule documentation: every rule has every section, and the generated pages
//! under docs/rules/ match the rules (`UPDATE_DOCS=1` rewrites them).

use archlint::docs::{index_page, page_name, rule_page, GENERATED, REQUIRED_SECTIONS};
use archlint::RULES;
use archlint_tests::root;

#[test]
fn every_rule_documents_every_section() {
    for rule in RULES.iter().map(|rule| rule.meta()) {
        let docs = rule.markdown();
        let mut last = 0;
        for section in REQUIRED_SECTIONS {
            let at = docs
                .find(section)
                .unwrap_or_else(|| panic!("{} lacks `{section}`", rule.name));
            assert!(at >= last, "{}: `{section}` is out of order", rule.name);
            last = at;
        }
        assert!(docs.contains("```"), "{} has no example", rule.name);
        assert!(
            !rule.summary.is_empty() && !rule.fix.is_empty(),
            "{}",
            rule.name
        );
        let kebab = rule
            .name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
        assert!(kebab, "{} is not kebab-case", rule.name);
    }
}

#[test]
fn generated_pages_are_current() {
    let dir = root().join("docs/rules");
    let update = std::env::var_os("UPDATE_DOCS").is_some();
    let mut expected = vec![("README.md".to_owned(), index_page())];
    for rule in RULES.iter().map(|rule| rule.meta()) {
        expected.push((page_name(rule), format!("{GENERATED}{}", rule_page(rule))));
    }
    if update {
        std::fs::create_dir_all(&dir).unwrap();
        if let Ok(entries) = std::fs::read_dir(&dir) {
            for entry in entries.flatten() {
                let _ = std::fs::remove_file(entry.path());
            }
        }
    }
    let mut stale = Vec::new();
    for (name, text) in &expected {
        let path = dir.join(name);
        if update {
            std::fs::write(&path, text).unwrap();
        } else if std::fs::read_to_string(&path).ok().as_deref() != Some(text.as_str()) {
            stale.push(name.clone());
        }
    }
    let on_disk = std::fs::read_dir(&dir)
        .map(|entries| entries.count())
        .unwrap_or(0);
    assert!(
        stale.is_empty(),
        "stale docs (run UPDATE_DOCS=1 cargo test -p archlint-tests --test docs): {stale:?}"
    );
    assert_eq!(
        on_disk,
        expected.len(),
        "docs/rules has pages of rules that no longer exist"
    );
}
