use crate::diagnostic::Diagnostic;
use crate::model::{Column, DbContext};
use crate::report::Severity;
use crate::rules::db::{base_type, name_words};
use crate::rules::Emitter;

crate::declare_rule! {
    /// ## What it does
    /// Reports a text column whose name (or comment) says it holds a password,
    /// a secret, an access token or API key, a payment card number or CVV, or a
    /// national identity number — unless the name or comment says it is hashed
    /// or encrypted (`password_hash`, `token_digest`, `card_encrypted`), or the
    /// type is binary.
    ///
    /// ## Why is this bad?
    /// Anyone who can read the table — a backup, a replica, a support tool, a
    /// SQL injection — reads the credentials themselves. Passwords must be
    /// stored as slow salted hashes (argon2, bcrypt), tokens as hashes, card data
    /// not at all (PCI DSS) or tokenized.
    ///
    /// ## Example
    /// ```sql
    /// CREATE TABLE users (id bigint PRIMARY KEY, password varchar(255) NOT NULL);
    /// ```
    ///
    /// Use instead:
    /// ```sql
    /// CREATE TABLE users (id bigint PRIMARY KEY, password_hash varchar(255) NOT NULL);
    /// ```
    ///
    /// ## How to fix
    /// Store a hash (passwords: argon2id or bcrypt; tokens: SHA-256) or encrypt
    /// at the application level, and name the column for what it holds.
    ///
    /// Severity: `error` for passwords, card numbers, CVVs and national ids;
    /// `warning` for tokens, secrets and API keys.
    pub struct PlaintextSecretColumn {
        id: "SENS001",
        name: "plaintext-secret-column",
        side: Db,
        area: SensitiveData,
        severity: Warning,
        summary: "A column appears to store a secret or credential in plain text.",
        fix: "Store a salted hash (passwords) or a hash/encrypted value, and name the column accordingly.",
        check_db: check,
    }
}

/// Words that mark the value as already protected.
const PROTECTED: [&str; 11] = [
    "hash",
    "hashed",
    "digest",
    "encrypted",
    "enc",
    "crypt",
    "crypted",
    "cipher",
    "bcrypt",
    "salt",
    "sha",
];
/// Secrets whose leak is critical.
const CRITICAL: [&str; 8] = [
    "password",
    "passwd",
    "pwd",
    "cvv",
    "cvc",
    "ssn",
    "pin",
    "passphrase",
];
/// Credentials that are bad to leak.
const SECRETS: [&str; 4] = ["secret", "token", "apikey", "credentials"];

fn kind(column: &Column) -> Option<(&'static str, Severity)> {
    let words = name_words(&column.name);
    let comment = column.comment.as_deref().unwrap_or("").to_ascii_lowercase();
    let protected = words
        .iter()
        .any(|word| PROTECTED.iter().any(|mark| word.starts_with(mark)))
        || PROTECTED.iter().any(|mark| comment.contains(mark));
    if protected
        || matches!(
            base_type(&column.data_type),
            "bytea" | "blob" | "binary" | "varbinary"
        )
    {
        return None;
    }
    // The secret word must name what the column holds: the last word
    // (`bp_password`), not a qualifier of something else (`passwd_check_rules`).
    let last = words.last().map(String::as_str).unwrap_or("");
    let has = |word: &str| last == word;
    let joined = words.join("_");
    if CRITICAL.iter().any(|word| has(word)) {
        return Some(("a password or PIN", Severity::Error));
    }
    if joined.contains("card_number")
        || joined.contains("credit_card")
        || joined == "pan"
        || joined.contains("cc_number")
    {
        return Some(("a payment card number", Severity::Error));
    }
    if joined.contains("national_id") || joined.contains("social_security") {
        return Some(("a national identity number", Severity::Error));
    }
    if SECRETS.iter().any(|word| has(word))
        || joined.ends_with("api_key")
        || joined.ends_with("private_key")
    {
        return Some(("a secret, token or API key", Severity::Warning));
    }
    None
}

fn check(db: &DbContext<'_>, out: &mut Emitter) {
    for table in &db.schema.tables {
        for column in &table.columns {
            let Some((what, severity)) = kind(column) else {
                continue;
            };
            let message = format!(
                "`{}.{}` appears to store {what} in plain text",
                table.name, column.name
            );
            out.emit(Diagnostic::new(out.rule(), column.place.clone(), message).severity(severity));
        }
    }
}
