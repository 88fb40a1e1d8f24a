use crate::base::words::{name_words, sensitive_name, Sensitive, PROTECTED};
use crate::base::Emitter;
use crate::base::Severity;
use crate::link::ColumnKind;
use crate::rules::DbContext;
use crate::schema::{base_type, Column, Table};

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
    /// Severity: `error` for card numbers, CVVs and national ids; `warning`
    /// for tokens, secrets and API keys, and for a password column too short
    /// for any hash (`varchar(20)`); `info` for another password column,
    /// which most applications fill with a hash they make — the advice is to
    /// name it so. A history that hashes with pgcrypto (`crypt(…,
    /// gen_salt(…))`) — its secrets included — or a `char(60)` column (a
    /// bcrypt hash) is not reported, nor a column holding a masked copy for
    /// display (`masked_api_key`), nor a token of a table whose tokens are
    /// published (a domain's DNS verification value, an ACME challenge).
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

fn kind(db: &DbContext<'_>, column: &Column) -> Option<(&'static str, Severity)> {
    let comment = column.comment.as_deref().unwrap_or("").to_ascii_lowercase();
    // Secrets are text: a number or a time named `…_token` is not one.
    let text = matches!(ColumnKind::of(column), ColumnKind::Text | ColumnKind::Other);
    // `masked_api_key` holds what is shown (`sk_live_***xyz`), not the key.
    let shown = name_words(&column.name)
        .iter()
        .any(|word| word == "masked" || word == "redacted" || word == "hint");
    if !text || shown || PROTECTED.iter().any(|mark| comment.contains(mark)) {
        return None;
    }
    let sensitive = sensitive_name(&column.name)?;
    let severity = match sensitive {
        // The history hashes passwords with pgcrypto, or the column fits a
        // bcrypt hash exactly: a hash, whatever its name.
        Sensitive::Password if db.schema.hashes_passwords || is_bcrypt_sized(column) => {
            return None
        }
        // Too short for any hash: it holds the password itself.
        Sensitive::Password if too_short_for_a_hash(column) => Severity::Warning,
        // A name is no proof: the column may hold a hash the application
        // makes (most do); the advice is to say so in its name.
        Sensitive::Password => Severity::Info,
        Sensitive::PaymentCard | Sensitive::NationalId => Severity::Error,
        // The history hashes credentials with pgcrypto: secrets too.
        Sensitive::Secret if db.schema.hashes_passwords => return None,
        Sensitive::Secret => Severity::Warning,
    };
    Some((sensitive.describe(), severity))
}

/// `varchar(20)`: shorter than an MD5 hex digest (32), let alone a bcrypt
/// (60) or argon2 hash.
fn too_short_for_a_hash(column: &Column) -> bool {
    column
        .data_type
        .split(['(', ')'])
        .nth(1)
        .and_then(|digits| digits.trim().parse::<u32>().ok())
        .is_some_and(|length| length < 32)
}

/// `char(60)` / `varchar(60)`: the length of a bcrypt hash.
fn is_bcrypt_sized(column: &Column) -> bool {
    base_type(&column.data_type) != "text" && column.data_type.contains("(60)")
}

/// Words of tables whose tokens are published on purpose: a domain's
/// verification value goes into DNS, an ACME challenge into a public URL.
const PUBLISHED: [&str; 5] = ["domain", "domains", "dns", "acme", "challenge"];

fn publishes_tokens(table: &Table) -> bool {
    name_words(&table.name)
        .iter()
        .any(|word| PUBLISHED.contains(&word.as_str()) || word == "challenges")
}

fn check(db: &DbContext<'_>, out: &mut Emitter) {
    for table in &db.schema.tables {
        for column in &table.columns {
            let Some((what, severity)) = kind(db, column) else {
                continue;
            };
            if sensitive_name(&column.name) == Some(Sensitive::Secret) && publishes_tokens(table) {
                continue;
            }
            let message = match severity {
                Severity::Info => format!(
                    "`{}.{}` is named as if it held {what}: unless it holds a salted hash, passwords are readable by anyone who reads the table",
                    table.name, column.name
                ),
                _ => format!(
                    "`{}.{}` appears to store {what} in plain text",
                    table.name, column.name
                ),
            };
            let diagnostic = out.report(column.place.clone(), message).severity(severity);
            if sensitive_name(&column.name) == Some(Sensitive::Password) {
                diagnostic.help("Make sure it holds a salted hash (bcrypt, scrypt, argon2), never the password; name it `password_hash` so that the schema says so.");
            }
        }
    }
}
