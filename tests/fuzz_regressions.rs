//! Replays the inputs the fuzz targets found (fuzz/regressions/<target>/) and
//! the hostile inputs kept for them, through the same harness as the targets
//! (fuzz/harness.rs): each must end without a panic. The long runs are
//! fuzz/run.sh's (docs/RELIABILITY.md).

#[path = "../fuzz/harness.rs"]
#[allow(dead_code)]
mod harness;

#[test]
fn found_inputs_end_without_a_panic() {
    let root = archlint_tests::root().join("fuzz/regressions");
    let mut replayed = 0;
    for (target, run) in harness::TARGETS {
        let Ok(entries) = std::fs::read_dir(root.join(target)) else {
            continue;
        };
        for entry in entries.flatten() {
            let bytes = std::fs::read(entry.path()).expect("a readable input");
            run(&bytes);
            replayed += 1;
        }
    }
    assert!(replayed > 0, "fuzz/regressions/ holds inputs");
}

/// Each target's harness on the empty input and on a few shapes at its
/// edges: the replay runs what the targets run.
#[test]
fn every_target_takes_edge_inputs() {
    let inputs: [&[u8]; 6] = [
        b"",
        b"\0",
        b"\0\0\0\0",
        b"openapi: 3.1.0\0CREATE TABLE t (id int);",
        b"\xff\xfe{[",
        b"swagger: '2.0'\0openapi: 3.2.0\npaths: {/a: {query: {}}}",
    ];
    for (_, run) in harness::TARGETS {
        for input in inputs {
            run(input);
        }
    }
}

#[path = "../fuzz/mutate.rs"]
mod mutate;

/// A seed of each target's shape, from the project's example corpus.
fn seed_of(target: &str) -> Vec<u8> {
    let read = |path: &str| std::fs::read(archlint_tests::root().join(path)).expect(path);
    let api = read("corpus/api/shop.yaml");
    let joined = |parts: &[Vec<u8>]| parts.join(&0u8);
    match target {
        "refs" => joined(&[api, read("corpus/api/components/schemas.yaml")]),
        "sql" => {
            let mut out = vec![0];
            out.extend(joined(&[
                read("corpus/migrations/001_create_customers.sql"),
                read("corpus/migrations/002_create_orders.sql"),
            ]));
            out
        }
        "both" => joined(&[api, read("corpus/db/schema.sql")]),
        "diff" => joined(&[api.clone(), api]),
        "graphql" => read("corpus/graphql/shop.graphql"),
        "ruleset" => joined(&[read("tests/fixtures/rulesets/functions/ruleset.yaml"), api]),
        _ => api,
    }
}

/// The structural mutator reads every seed, writes documents archlint can
/// read again, repeats itself for a seed, and each target survives a chain
/// of its mutations (a short, fixed version of what the long runs do).
#[test]
fn structural_mutations_stay_readable_and_the_targets_survive_them() {
    for (target, run) in harness::TARGETS {
        let shape = mutate::shape(target);
        let mut input = seed_of(target);
        let mut changed = 0;
        for seed in 0..24 {
            let again = mutate::mutate(shape, &input, &mut mutate::Random::new(seed));
            let out = mutate::mutate(shape, &input, &mut mutate::Random::new(seed))
                .unwrap_or_else(|| panic!("{target}: the mutator reads its seed"));
            assert_eq!(
                again.as_ref(),
                Some(&out),
                "{target}: one seed, one mutation"
            );
            if shape == mutate::Shape::Document {
                let text = String::from_utf8(out.clone()).expect("UTF-8 out");
                let parsed = archlint::tree::parse_yaml(&text);
                assert!(
                    parsed.error.is_none(),
                    "{target}: written back readable: {:?}\n{text}",
                    parsed.error
                );
            }
            changed += usize::from(out != input);
            run(&out);
            // libFuzzer bounds a chain by -max_len; the replay by a reset.
            input = if out.len() < 1 << 18 {
                out
            } else {
                seed_of(target)
            };
        }
        assert!(
            changed >= 20,
            "{target}: {changed} of 24 mutations changed the input"
        );
    }
}
