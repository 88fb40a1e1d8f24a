//! Reading names: splitting them into words, and recognising the ones that
//! hold secrets or personal data. Shared by API and database rules so that both
//! sides agree on what `password_hash` or `cardNumber` means.

/// The lower-case words of a name: `customerEmail` and `customer_email` both
/// give `["customer", "email"]`.
pub(crate) fn name_words(name: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut current = String::new();
    let mut previous_lower = false;
    for c in name.chars() {
        if !c.is_alphanumeric() {
            if !current.is_empty() {
                words.push(std::mem::take(&mut current));
            }
            previous_lower = false;
            continue;
        }
        if c.is_uppercase() && previous_lower && !current.is_empty() {
            words.push(std::mem::take(&mut current));
        }
        previous_lower = c.is_lowercase() || c.is_ascii_digit();
        current.extend(c.to_lowercase());
    }
    if !current.is_empty() {
        words.push(current);
    }
    words
}

/// What a sensitive name holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Sensitive {
    /// A password, passphrase, PIN or card security code.
    Password,
    PaymentCard,
    NationalId,
    /// A secret, token, API key or private key.
    Secret,
}

impl Sensitive {
    pub(crate) fn describe(self) -> &'static str {
        match self {
            Sensitive::Password => "a password or PIN",
            Sensitive::PaymentCard => "a payment card number",
            Sensitive::NationalId => "a national identity number",
            Sensitive::Secret => "a secret, token or API key",
        }
    }

    /// Passwords, card numbers and national ids are critical; tokens are bad.
    pub(crate) fn is_critical(self) -> bool {
        self != Sensitive::Secret
    }
}

/// Words that say the value is hashed or encrypted, so not the secret itself.
pub(crate) const PROTECTED: [&str; 11] = [
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
const SECRETS: [&str; 4] = ["secret", "token", "apikey", "credentials"];

/// Whether a word of the name says the value is hashed or encrypted.
pub(crate) fn is_protected(words: &[String]) -> bool {
    words
        .iter()
        .any(|word| PROTECTED.iter().any(|mark| word.starts_with(mark)))
}

/// What the name says the value holds, when it is sensitive. The telling word
/// must be the last one (`bp_password`), not a qualifier of something else
/// (`passwd_check_rules`, `password_policy`); hashed values are not secrets.
pub(crate) fn sensitive_name(name: &str) -> Option<Sensitive> {
    let words = name_words(name);
    if is_protected(&words) || is_flag(&words) || is_rate(&words) {
        return None;
    }
    let last = words.last().map(String::as_str).unwrap_or("");
    let joined = words.join("_");
    if CRITICAL.contains(&last) {
        return Some(Sensitive::Password);
    }
    if joined.ends_with("card_number")
        || joined.ends_with("credit_card")
        || joined == "pan"
        || joined.ends_with("cc_number")
    {
        return Some(Sensitive::PaymentCard);
    }
    let national = [
        "national_id",
        "national_id_number",
        "social_security",
        "social_security_number",
    ];
    if national.iter().any(|suffix| joined.ends_with(suffix)) {
        return Some(Sensitive::NationalId);
    }
    if (SECRETS.contains(&last) && !is_position_token(&words))
        || joined.ends_with("api_key")
        || joined.ends_with("private_key")
    {
        return Some(Sensitive::Secret);
    }
    None
}

/// First words of names that say something about a secret, not hold it:
/// `hasPassword`, `allowChangePassword`, `requireMfaToken`.
const FLAG_WORDS: [&str; 14] = [
    "has", "have", "is", "allow", "allows", "enable", "enabled", "require", "requires", "can",
    "should", "must", "needs", "show",
];

/// `hasPassword`, `isSecret`, `allowChangePassword`: a flag about a secret.
fn is_flag(words: &[String]) -> bool {
    words.len() > 1
        && words
            .first()
            .is_some_and(|first| FLAG_WORDS.contains(&first.as_str()))
}

/// `price_per_token`: a rate per unit of something named like a secret.
fn is_rate(words: &[String]) -> bool {
    matches!(words, [.., per, _] if per == "per")
}

/// Words before `token` that make it a position in a list, not a credential:
/// `NextToken`, `pageToken`, `$skipToken`, `sync_token`.
const POSITION_WORDS: [&str; 12] = [
    "next",
    "page",
    "skip",
    "continuation",
    "sync",
    "cursor",
    "paging",
    "pagination",
    "resume",
    "prev",
    "previous",
    "delta",
];

fn is_position_token(words: &[String]) -> bool {
    matches!(words, [.., before, last] if last == "token" && POSITION_WORDS.contains(&before.as_str()))
}

/// Words that make a column hold personal data.
const PERSONAL: [&str; 12] = [
    "email", "phone", "mobile", "address", "birth", "birthday", "dob", "ssn", "passport", "iban",
    "surname", "lastname",
];

pub(crate) fn is_personal(column: &str) -> bool {
    let words = name_words(column);
    words.iter().any(|word| PERSONAL.contains(&word.as_str()))
        || (words.len() >= 2
            && words.iter().any(|w| w == "name")
            && words
                .iter()
                .any(|w| w == "first" || w == "last" || w == "full"))
}

/// First words of tenant columns: the space every query of a multi-tenant
/// API is scoped to.
const TENANT_WORDS: [&str; 9] = [
    "tenant",
    "namespace",
    "org",
    "organization",
    "organisation",
    "project",
    "workspace",
    "account",
    "team",
];

/// First words of the other columns that hold who owns a row.
const OWNER_WORDS: [&str; 4] = ["owner", "user", "creator", "author"];

/// `namespace`, `tenant_id`, `project_key`: a single word, or one with `id`,
/// `key` or `uuid`, whose first word is among `firsts`.
fn is_column_of(words: &[String], firsts: &[&str]) -> bool {
    match words {
        [only] => firsts.contains(&only.as_str()),
        [first, last] => {
            firsts.contains(&first.as_str()) && matches!(last.as_str(), "id" | "key" | "uuid")
        }
        _ => false,
    }
}

/// Whether a name is a tenant column (`namespace`, `tenant_id`, `project_id`).
pub(crate) fn is_tenant(words: &[String]) -> bool {
    is_column_of(words, &TENANT_WORDS)
}

/// Whether a name is an owner column: a tenant, or the user who owns the row
/// (`owner_id`, `user_id`), which servers take from the caller's identity.
pub(crate) fn is_owner(words: &[String]) -> bool {
    is_tenant(words) || is_column_of(words, &OWNER_WORDS)
}

/// Properties that usually hold the items of a wrapped collection
/// (`{data: [...], next: ...}`).
pub(crate) const COLLECTION_WRAPPERS: [&str; 10] = [
    "data", "items", "results", "records", "entries", "values", "content", "elements", "rows",
    "list",
];

/// Plurals that do not end in `s`, and their singulars.
const IRREGULAR: [(&str, &str); 6] = [
    ("people", "person"),
    ("children", "child"),
    ("men", "man"),
    ("women", "woman"),
    ("mice", "mouse"),
    ("indices", "index"),
];

/// Plurals used as mass nouns (`data`, `media`): plural for a table's name,
/// but kept as they are when matched to a schema's.
const MASS_PLURALS: [&str; 2] = ["data", "media"];

/// Words ending in `s` that are already singular.
const SINGULAR_S: [&str; 12] = [
    "status", "address", "process", "access", "class", "alias", "news", "series", "analysis",
    "business", "canvas", "bus",
];

/// Plurals of acronyms that end like singular words (`apis`, not `analysis`).
const ACRONYM_PLURALS: [&str; 4] = ["apis", "kpis", "uris", "sdks"];

/// Whether a word ending in `s` is singular already (`status`, `class`,
/// `analysis`), judged by its ending.
fn singular_in_s(word: &str) -> bool {
    !ACRONYM_PLURALS.contains(&word)
        && (SINGULAR_S.contains(&word)
            || word.ends_with("ss")
            || word.ends_with("us")
            || word.ends_with("is"))
}

/// The singular of an English word, well enough for table and schema names.
pub(crate) fn singular(word: &str) -> String {
    if let Some((_, one)) = IRREGULAR.iter().find(|(many, _)| *many == word) {
        return (*one).to_owned();
    }
    if word.len() < 3 || singular_in_s(word) {
        return word.to_owned();
    }
    if let Some(stem) = word.strip_suffix("ies") {
        return format!("{stem}y");
    }
    for ending in ["sses", "uses", "xes", "ches", "shes", "zes"] {
        if word.ends_with(ending) {
            return word.get(..word.len() - 2).unwrap_or(word).to_owned();
        }
    }
    word.strip_suffix('s').unwrap_or(word).to_owned()
}

/// `Some(true)` for a plural word, `Some(false)` for a singular one, `None`
/// when it cannot tell (short words, words with digits).
pub(crate) fn is_plural(word: &str) -> Option<bool> {
    if IRREGULAR.iter().any(|(many, _)| *many == word) || MASS_PLURALS.contains(&word) {
        return Some(true);
    }
    if singular_in_s(word) {
        return Some(false);
    }
    if word.len() < 3 || word.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    Some(word.ends_with('s'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_of_names() {
        assert_eq!(name_words("customerEmail"), vec!["customer", "email"]);
        assert_eq!(name_words("customer_email"), vec!["customer", "email"]);
        assert_eq!(name_words("HTTPStatus"), vec!["httpstatus"]);
        assert_eq!(name_words("phone2"), vec!["phone2"]);
    }

    #[test]
    fn sensitive_names() {
        assert_eq!(sensitive_name("password"), Some(Sensitive::Password));
        assert_eq!(sensitive_name("newPassword"), Some(Sensitive::Password));
        assert_eq!(sensitive_name("password_hash"), None);
        assert_eq!(sensitive_name("password_policy"), None);
        assert_eq!(sensitive_name("cardNumber"), Some(Sensitive::PaymentCard));
        assert_eq!(sensitive_name("access_token"), Some(Sensitive::Secret));
        assert_eq!(sensitive_name("token_type"), None);
        assert_eq!(sensitive_name("name"), None);
        assert_eq!(sensitive_name("NextToken"), None);
        assert_eq!(sensitive_name("$skipToken"), None);
        assert_eq!(sensitive_name("social_security_wages"), None);
        assert_eq!(
            sensitive_name("socialSecurityNumber"),
            Some(Sensitive::NationalId)
        );
    }
}
