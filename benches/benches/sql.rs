//! SQL: archlint's whole pipeline (split + parse + model) against sqlparser
//! alone parsing the same statements.

use archlint::schema::build_from_texts;
use archlint::sql::{split::split, Dialect};
use criterion::{criterion_group, criterion_main, Criterion};
use sqlparser::dialect::{
    Dialect as ParserDialect, MySqlDialect, PostgreSqlDialect, SQLiteDialect,
};
use sqlparser::parser::Parser;

fn parser_dialect(dialect: Dialect) -> Box<dyn ParserDialect> {
    match dialect {
        Dialect::Postgres => Box::new(PostgreSqlDialect {}),
        Dialect::Mysql => Box::new(MySqlDialect {}),
        Dialect::Sqlite => Box::new(SQLiteDialect {}),
    }
}

fn bench(c: &mut Criterion) {
    let corpus = archlint_benches::sql_corpus();
    let mut group = c.benchmark_group("sql-corpus");
    group.sample_size(20);
    // Statement texts, split once, for the sqlparser-only baseline.
    let statements: Vec<(Dialect, Vec<String>)> = corpus
        .iter()
        .map(|(dialect, files)| {
            let texts = files
                .iter()
                .flat_map(|(_, text)| {
                    split(text, *dialect)
                        .statements
                        .iter()
                        .filter_map(|statement| {
                            text.get(statement.start..statement.end).map(str::to_owned)
                        })
                        .collect::<Vec<_>>()
                })
                .collect();
            (*dialect, texts)
        })
        .collect();
    group.bench_function("sqlparser-alone", |b| {
        b.iter(|| {
            let mut parsed = 0usize;
            for (dialect, texts) in &statements {
                let dialect = parser_dialect(*dialect);
                for text in texts {
                    parsed += usize::from(Parser::parse_sql(dialect.as_ref(), text).is_ok());
                }
            }
            parsed
        })
    });
    group.bench_function("archlint-split-parse-model", |b| {
        b.iter(|| {
            let mut tables = 0usize;
            for (dialect, files) in &corpus {
                for (name, text) in files {
                    let (outcome, _) =
                        build_from_texts(&[(name.as_str(), text.as_str())], Some(*dialect));
                    tables += outcome.schema.tables.len();
                }
            }
            tables
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
