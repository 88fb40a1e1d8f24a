//! Reading column types as written.

/// The type's name without its parameters: `varchar(255)` → `varchar`,
/// `int(10) unsigned` → `int`, `timestamp(3) with time zone` → `timestamp`.
pub fn base_type(data_type: &str) -> &str {
    // Multi-word type names first.
    for (long, short) in [
        ("character varying", "varchar"),
        ("char varying", "varchar"),
        ("national character varying", "varchar"),
        ("double precision", "double"),
        ("bit varying", "varbit"),
    ] {
        if data_type.starts_with(long) {
            return short;
        }
    }
    let end = data_type.find(['(', ' ', '[']).unwrap_or(data_type.len());
    data_type.get(..end).unwrap_or(data_type)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_types() {
        assert_eq!(base_type("varchar(255)"), "varchar");
        assert_eq!(base_type("int(10) unsigned"), "int");
        assert_eq!(base_type("timestamp with time zone"), "timestamp");
        assert_eq!(base_type("text[]"), "text");
        assert_eq!(base_type("character varying(255)"), "varchar");
        assert_eq!(base_type("character(2)"), "character");
        assert_eq!(base_type("double precision"), "double");
    }
}
