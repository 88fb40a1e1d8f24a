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
