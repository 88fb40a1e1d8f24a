//! OpenAPI: parsing (JSON and YAML) into the spanned tree, loading with `$ref`
//! resolution, building the model, a full review with every rule, and how a
//! review scales with input size (generated descriptions, 1× to 8×).

use archlint::openapi::{Api, Documents};
use archlint::{review_text, tree, Config};
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};

fn bench(c: &mut Criterion) {
    let (name, text) = archlint_benches::openapi_input();
    let yaml = archlint_benches::synthetic_openapi(500);
    let config = Config::default();

    let mut group = c.benchmark_group("openapi");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("parse-json", |b| {
        b.iter(|| tree::parse(&text).root.is_some())
    });
    group.bench_function("load", |b| {
        b.iter(|| Documents::from_text(&name, &text).problems.len())
    });
    let documents = Documents::from_text(&name, &text);
    group.bench_function("model", |b| {
        b.iter(|| {
            let mut out = Vec::new();
            Api::build(&documents, &mut out).map(|api| api.operations.len())
        })
    });
    group.bench_function("review", |b| {
        b.iter(|| review_text(&name, &text, &config).findings.len())
    });
    group.throughput(Throughput::Bytes(yaml.len() as u64));
    group.bench_function("parse-yaml", |b| {
        b.iter(|| tree::parse(&yaml).root.is_some())
    });
    group.finish();

    let mut scaling = c.benchmark_group("openapi-scaling");
    scaling.sample_size(10);
    for factor in [1usize, 2, 4, 8] {
        let spec = archlint_benches::synthetic_openapi(250 * factor);
        scaling.throughput(Throughput::Bytes(spec.len() as u64));
        scaling.bench_with_input(
            BenchmarkId::new("review", format!("{factor}x")),
            &spec,
            |b, spec| b.iter(|| review_text("synthetic.yaml", spec, &config).findings.len()),
        );
    }
    scaling.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
