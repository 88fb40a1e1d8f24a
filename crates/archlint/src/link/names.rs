//! How API names and SQL names are compared: by their words, lower-case, with
//! the last word singular, so that `OrderLine`, `order_lines` and `orderLine`
//! are one name, and `customerId` is the column `customer_id`.

use crate::base::words::name_words;

/// Words schema names add to the entity they describe: `NewCustomer`,
/// `CustomerCreateRequest`, `UpdateOrderInput`, `nullable-simple-user`. Stripped only at either end,
/// and only when the whole name matches no table.
const ROLE_WORDS: [&str; 41] = [
    "new",
    "create",
    "created",
    "update",
    "updated",
    "patched",
    "replace",
    "request",
    "response",
    "input",
    "output",
    "dto",
    "body",
    "payload",
    "resource",
    "model",
    "entity",
    "read",
    "write",
    "details",
    "simple",
    "nullable",
    "full",
    "minimal",
    "base",
    "basic",
    "summary",
    "short",
    "public",
    "private",
    "brief",
    "compact",
    "expanded",
    "serializer",
    "in",
    "out",
    "db",
    "view",
    "schema",
    "info",
    "record",
];

pub(crate) use crate::base::words::singular;

/// The words of a name with the last one singular: the key tables and
/// schemas are matched by. `order_lines` and `OrderLine` give `order_line`.
pub(crate) fn entity_key(name: &str) -> String {
    let unqualified = name.rsplit('.').next().unwrap_or(name);
    let mut words = name_words(unqualified);
    if let Some(last) = words.last_mut() {
        *last = singular(last);
    }
    words.join("_")
}

/// The keys a schema name may stand for, most specific first: the whole name,
/// then without role words at its ends (`NewCustomer` → `customer`).
pub(crate) fn schema_keys(name: &str) -> Vec<String> {
    let mut keys = vec![entity_key(name)];
    let mut words = name_words(name);
    while words.first().is_some_and(|word| is_role(word)) {
        words.remove(0);
    }
    while words.last().is_some_and(|word| is_role(word)) {
        words.pop();
    }
    if !words.is_empty() {
        let stripped = entity_key(&words.join("_"));
        if !keys.contains(&stripped) {
            keys.push(stripped);
        }
    }
    keys
}

fn is_role(word: &str) -> bool {
    ROLE_WORDS.contains(&word)
}

/// The key a property, parameter or column name is matched by: its words,
/// lower-case (`customerId` and `customer_id` give `customer_id`).
pub fn column_key(name: &str) -> String {
    name_words(name).join("_")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn singulars() {
        for (many, one) in [
            ("users", "user"),
            ("categories", "category"),
            ("addresses", "address"),
            ("boxes", "box"),
            ("status", "status"),
            ("statuses", "status"),
            ("people", "person"),
        ] {
            assert_eq!(singular(many), one, "{many}");
        }
    }

    #[test]
    fn keys() {
        assert_eq!(entity_key("public.order_lines"), "order_line");
        assert_eq!(entity_key("OrderLine"), "order_line");
        assert_eq!(schema_keys("NewCustomer"), ["new_customer", "customer"]);
        assert_eq!(
            schema_keys("CustomerCreateRequest"),
            ["customer_create_request", "customer"]
        );
        assert_eq!(schema_keys("Request"), ["request"]);
        // `post` and `put` name blog posts and puts more often than methods.
        assert_eq!(
            schema_keys("PatchedPostRequest"),
            ["patched_post_request", "post"]
        );
        assert_eq!(column_key("customerID"), "customer_id");
        // FastAPI's naming.
        assert_eq!(schema_keys("UserInDB"), ["user_in_db", "user"]);
    }
}
