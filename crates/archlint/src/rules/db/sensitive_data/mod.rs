//! Sensitive data: secrets and personal data, and who may read them.

pub mod grant_to_public;
pub mod personal_data_without_rls;
pub mod plaintext_secret_column;

use super::name_words;

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
