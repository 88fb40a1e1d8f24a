//! Migration files that hold both directions: only the up part changes the
//! schema when the migration is applied. Migration tools mark where the down
//! part starts: tern's `---- create above / drop below ----`, dbmate's
//! `-- migrate:down`, goose's `-- +goose Down`, sql-migrate's
//! `-- +migrate Down`.

/// The byte offset where a file's down part starts, or the file's length
/// when it has none.
pub fn up_part_end(text: &str) -> usize {
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        if is_down_marker(line) {
            return offset;
        }
        offset += line.len();
    }
    text.len()
}

fn is_down_marker(line: &str) -> bool {
    let line = line.trim().to_ascii_lowercase();
    let Some(comment) = line.strip_prefix("--") else {
        return false;
    };
    let words: Vec<&str> = comment
        .split(|c: char| c.is_whitespace() || c == '-' || c == '/')
        .filter(|word| !word.is_empty())
        .collect();
    matches!(
        words.as_slice(),
        ["create", "above", "drop", "below"]
            | ["migrate:down"]
            | ["+goose", "down"]
            | ["+migrate", "down"]
    )
}

/// The name that carries a migration's version: the file's own name
/// (`20240105093000_add_orders.sql`), or, for tools that keep each
/// migration in a folder (Prisma's `20240105093000_add_orders/migration.sql`),
/// the folder's.
pub fn migration_name(path: &str) -> &str {
    let mut parts = path.rsplit(['/', '\\']);
    let file = parts.next().unwrap_or(path);
    if file.starts_with(|c: char| c.is_ascii_digit()) {
        return file;
    }
    match parts.next() {
        Some(folder) if folder.starts_with(|c: char| c.is_ascii_digit()) => folder,
        _ => file,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn down_parts_are_found() {
        let tern =
            "create table t (id int);\n\n---- create above / drop below ----\n\ndrop table t;\n";
        assert_eq!(&tern[..up_part_end(tern)], "create table t (id int);\n\n");
        let dbmate = "-- migrate:up\ncreate table t (id int);\n-- migrate:down\ndrop table t;\n";
        assert!(dbmate[..up_part_end(dbmate)].ends_with("(id int);\n"));
        let goose = "-- +goose Up\nCREATE TABLE t (id int);\n-- +goose Down\nDROP TABLE t;\n";
        assert!(!goose[..up_part_end(goose)].contains("DROP"));
        let plain = "create table t (id int); -- drop below is a comment\n";
        assert_eq!(up_part_end(plain), plain.len());
    }
}
