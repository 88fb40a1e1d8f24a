//! What GraphQL names say: their case, the verbs mutations start with, and
//! whether a type's rows grow with use or form a small catalogue; and how
//! messages list them.

use crate::base::words::{name_words, singular};

/// Names as a message lists them: the first `shown` in code spans, then how
/// many more (`` `a`, `b` and 3 more ``).
pub(crate) fn code_list<'n>(names: impl IntoIterator<Item = &'n str>, shown: usize) -> String {
    let names: Vec<&str> = names.into_iter().collect();
    let listed: Vec<String> = names
        .iter()
        .take(shown)
        .map(|name| format!("`{name}`"))
        .collect();
    match names.len().saturating_sub(listed.len()) {
        0 => listed.join(", "),
        more => format!("{} and {more} more", listed.join(", ")),
    }
}

/// `PascalCase`: an upper-case first letter, letters and digits only.
pub(crate) fn is_pascal(name: &str) -> bool {
    name.chars().next().is_some_and(|c| c.is_ascii_uppercase())
        && name.chars().all(|c| c.is_ascii_alphanumeric())
}

/// `camelCase`: a lower-case first letter, letters and digits only.
pub(crate) fn is_camel(name: &str) -> bool {
    name.chars().next().is_some_and(|c| c.is_ascii_lowercase())
        && name.chars().all(|c| c.is_ascii_alphanumeric())
}

/// `SCREAMING_SNAKE_CASE`.
pub(crate) fn is_screaming(name: &str) -> bool {
    name.chars().next().is_some_and(|c| c.is_ascii_uppercase())
        && name
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_')
}

/// Names the schema machinery owns (`_service`, `__typename`, `_Any`).
pub(crate) fn is_machinery(name: &str) -> bool {
    name.starts_with('_')
}

/// Verbs mutations are named with.
const VERBS: &[&str] = &[
    "abort",
    "accept",
    "activate",
    "add",
    "apply",
    "approve",
    "archive",
    "assign",
    "attach",
    "authenticate",
    "authorize",
    "ban",
    "block",
    "book",
    "bulk",
    "cancel",
    "capture",
    "change",
    "charge",
    "checkout",
    "claim",
    "clear",
    "clone",
    "close",
    "complete",
    "confirm",
    "connect",
    "convert",
    "copy",
    "create",
    "deactivate",
    "decline",
    "delete",
    "deny",
    "deploy",
    "dequeue",
    "destroy",
    "detach",
    "disable",
    "disconnect",
    "dismiss",
    "duplicate",
    "edit",
    "enable",
    "enqueue",
    "export",
    "fail",
    "follow",
    "generate",
    "grant",
    "hide",
    "import",
    "insert",
    "install",
    "invite",
    "join",
    "leave",
    "like",
    "link",
    "lock",
    "login",
    "logout",
    "mark",
    "merge",
    "minimize",
    "modify",
    "move",
    "mute",
    "pause",
    "pay",
    "pin",
    "publish",
    "purchase",
    "react",
    "record",
    "redeem",
    "refresh",
    "refund",
    "register",
    "reject",
    "remove",
    "rename",
    "reopen",
    "reorder",
    "replace",
    "reply",
    "report",
    "request",
    "resend",
    "reset",
    "resolve",
    "restore",
    "resume",
    "retry",
    "revert",
    "revoke",
    "rotate",
    "run",
    "save",
    "schedule",
    "send",
    "set",
    "share",
    "sign",
    "start",
    "stop",
    "submit",
    "subscribe",
    "sync",
    "toggle",
    "transfer",
    "trigger",
    "unarchive",
    "unassign",
    "unblock",
    "unfollow",
    "unlink",
    "unlock",
    "unmark",
    "unminimize",
    "unpin",
    "unpublish",
    "unsubscribe",
    "update",
    "upload",
    "upsert",
    "verify",
];

pub(crate) fn is_verb(word: &str) -> bool {
    VERBS.binary_search(&word).is_ok()
}

/// Whether the name starts with a verb (`createUser`), ends with one
/// (`userCreate`), or neither says.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum VerbPlace {
    First,
    Last,
    Unknown,
}

/// Verbs that end a noun-first name (`customerCreate`): only words that
/// are not also nouns, so `revertPullRequest` does not end in a verb.
const LAST_VERBS: [&str; 26] = [
    "activate",
    "add",
    "approve",
    "archive",
    "assign",
    "cancel",
    "close",
    "complete",
    "create",
    "deactivate",
    "delete",
    "disable",
    "enable",
    "generate",
    "invite",
    "publish",
    "reject",
    "remove",
    "rename",
    "reopen",
    "revoke",
    "send",
    "unarchive",
    "unpublish",
    "update",
    "upsert",
];

/// `unmark`, `remove`… a verb with `un` or `re` in front.
fn is_undo_or_redo(word: &str) -> bool {
    ["un", "re"]
        .iter()
        .any(|prefix| word.strip_prefix(prefix).is_some_and(is_verb))
}

/// Where the verb is. The schema's types settle names that read both ways:
/// in `checkoutCreate` and `checkoutAddPromoCode`, `Checkout` is a type, so
/// `checkout` is the noun; `createProjectV2StatusUpdate` ends with `Update`,
/// but `ProjectV2StatusUpdate` is a type, so `create` is the verb.
pub(crate) fn verb_place(name: &str, is_type: impl Fn(&str) -> bool) -> VerbPlace {
    let words = name_words(name);
    let (Some(first), Some(last)) = (words.first(), words.last()) else {
        return VerbPlace::Unknown;
    };
    let head = name.get(..first.len()).unwrap_or("");
    let capitalized: String = head
        .chars()
        .take(1)
        .map(|c| c.to_ascii_uppercase())
        .chain(head.chars().skip(1))
        .collect();
    // `checkout` names a thing when the schema has a `Checkout`; `update`
    // is a verb whatever types start with it.
    let is_noun = !LAST_VERBS.contains(&first.as_str()) && is_type(&capitalized);
    let starts = (is_verb(first) || is_undo_or_redo(first)) && !is_noun;
    let ends = words.len() > 1 && LAST_VERBS.contains(&last.as_str());
    match (starts, ends) {
        // A bare verb (`logout`) has no noun to put first or last.
        _ if words.len() < 2 => VerbPlace::Unknown,
        (true, false) => VerbPlace::First,
        (false, true) => VerbPlace::Last,
        (true, true) if is_type(name.get(first.len()..).unwrap_or("")) => VerbPlace::First,
        _ => VerbPlace::Unknown,
    }
}

/// How the number of a type's objects behaves.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Growth {
    /// Grows with use without bound, even under one owner: the members of a
    /// group, the comments of a post, the events of anything.
    Grows,
    /// Grows overall, but an owner has a handful: products, addresses,
    /// invoices, payments.
    Overall,
    /// A small set configured or fixed: countries, channels, licenses.
    Catalogue,
    Unknown,
}

/// Things whose number grows with use, even under one owner.
const GROWING: [&str; 33] = [
    "activity",
    "attempt",
    "audit",
    "comment",
    "commit",
    "conversation",
    "customer",
    "download",
    "entry",
    "event",
    "follower",
    "history",
    "issue",
    "job",
    "like",
    "log",
    "member",
    "message",
    "notification",
    "order",
    "post",
    "reaction",
    "record",
    "review",
    "run",
    "session",
    "stargazer",
    "submission",
    "subscriber",
    "ticket",
    "upload",
    "user",
    "visit",
];

/// Things whose number grows overall, while one owner has a handful.
const OVERALL: [&str; 24] = [
    "account",
    "address",
    "article",
    "asset",
    "attachment",
    "contact",
    "delivery",
    "document",
    "file",
    "image",
    "invoice",
    "item",
    "line",
    "note",
    "organization",
    "page",
    "payment",
    "product",
    "project",
    "purchase",
    "repository",
    "task",
    "team",
    "transaction",
];

/// Things that form a small set, configured by an administrator or fixed.
const CATALOGUE: [&str; 36] = [
    "app",
    "category",
    "channel",
    "code",
    "conduct",
    "config",
    "configuration",
    "country",
    "currency",
    "environment",
    "feature",
    "flag",
    "gateway",
    "group",
    "integration",
    "language",
    "license",
    "locale",
    "method",
    "option",
    "permission",
    "plan",
    "plugin",
    "preference",
    "provider",
    "region",
    "role",
    "scope",
    "setting",
    "status",
    "tier",
    "timezone",
    "topic",
    "type",
    "warehouse",
    "zone",
];

/// Whether the objects of a type grow with use, judged by the last word of
/// its name (`PullRequestReviewComment` → comment).
pub(crate) fn growth(type_name: &str) -> Growth {
    let words = name_words(type_name);
    let Some(last) = words.last().map(|word| singular(word)) else {
        return Growth::Unknown;
    };
    if GROWING.contains(&last.as_str()) {
        Growth::Grows
    } else if OVERALL.contains(&last.as_str()) {
        Growth::Overall
    } else if CATALOGUE.contains(&last.as_str()) {
        Growth::Catalogue
    } else {
        Growth::Unknown
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verbs_are_sorted_for_binary_search() {
        assert!(VERBS.windows(2).all(|pair| pair[0] < pair[1]));
        assert!(GROWING.windows(2).all(|pair| pair[0] < pair[1]));
        assert!(CATALOGUE.windows(2).all(|pair| pair[0] < pair[1]));
        assert!(OVERALL.windows(2).all(|pair| pair[0] < pair[1]));
    }

    #[test]
    fn cases() {
        assert!(is_pascal("UserInput") && !is_pascal("user_input"));
        assert!(is_camel("createdAt") && !is_camel("created_at"));
        assert!(is_screaming("IN_PROGRESS") && !is_screaming("InProgress"));
        let types = |name: &str| ["Checkout", "ProjectV2StatusUpdate"].contains(&name);
        assert_eq!(verb_place("createUser", types), VerbPlace::First);
        assert_eq!(verb_place("customerCreate", types), VerbPlace::Last);
        assert_eq!(verb_place("viewer", types), VerbPlace::Unknown);
        assert_eq!(verb_place("revertPullRequest", types), VerbPlace::First);
        assert_eq!(
            verb_place("unmarkIssueAsDuplicate", types),
            VerbPlace::First
        );
        assert_eq!(verb_place("repositoryCreate", types), VerbPlace::Last);
        assert_eq!(verb_place("checkoutCreate", types), VerbPlace::Last);
        assert_eq!(verb_place("checkoutLinesAdd", types), VerbPlace::Last);
        assert_eq!(
            verb_place("createProjectV2StatusUpdate", types),
            VerbPlace::First
        );
        assert_eq!(verb_place("createWarehouse", types), VerbPlace::First);
        assert_eq!(
            verb_place("checkoutAddPromoCode", types),
            VerbPlace::Unknown
        );
        assert_eq!(growth("PullRequestReviewComment"), Growth::Grows);
        assert_eq!(growth("CodeOfConduct"), Growth::Catalogue);
        assert_eq!(growth("License"), Growth::Catalogue);
        assert_eq!(growth("ProductVariantChannelListing"), Growth::Unknown);
    }
}
