//! OpenAPI: parsing into the spanned tree, and a full review with every rule.

use archlint::{review_text, tree, Config};
use criterion::{criterion_group, criterion_main, Criterion};

fn bench(c: &mut Criterion) {
    let (name, text) = archlint_benches::openapi_input();
    let mut group = c.benchmark_group("openapi");
    group.sample_size(10);
    group.bench_function("parse", |b| b.iter(|| tree::parse(&text).root.is_some()));
    let config = Config::default();
    group.bench_function("review", |b| {
        b.iter(|| review_text(&name, &text, &config).findings.len())
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
