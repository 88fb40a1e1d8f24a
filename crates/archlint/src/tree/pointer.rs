//! JSON pointers (RFC 6901): building them while walking, and following them.

use super::{Member, Node};

/// Escapes one reference token (`~` → `~0`, `/` → `~1`).
pub fn escape(token: &str) -> std::borrow::Cow<'_, str> {
    if token.contains(['~', '/']) {
        token.replace('~', "~0").replace('/', "~1").into()
    } else {
        token.into()
    }
}

/// `parent` + `/` + the escaped token.
pub fn push(parent: &str, token: &str) -> String {
    let token = escape(token);
    let mut pointer = String::with_capacity(parent.len() + 1 + token.len());
    pointer.push_str(parent);
    pointer.push('/');
    pointer.push_str(&token);
    pointer
}

/// Whether `prefix` names `pointer` or a node above it (whole tokens:
/// `/paths/~1a` covers `/paths/~1a/get`, not `/paths/~1ab`).
pub fn is_prefix(prefix: &str, pointer: &str) -> bool {
    pointer == prefix
        || (pointer.starts_with(prefix) && pointer.as_bytes().get(prefix.len()) == Some(&b'/'))
}

/// Splits a pointer into unescaped tokens. `None` when it does not start with `/`
/// (and is not empty).
pub fn tokens(pointer: &str) -> Option<Vec<String>> {
    if pointer.is_empty() {
        return Some(Vec::new());
    }
    let rest = pointer.strip_prefix('/')?;
    Some(
        rest.split('/')
            .map(|token| token.replace("~1", "/").replace("~0", "~"))
            .collect(),
    )
}

/// Decodes `%XX` escapes of a URI fragment; invalid sequences are kept as written.
pub fn percent_decode(text: &str) -> String {
    if !text.contains('%') {
        return text.to_owned();
    }
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut index = 0;
    while let Some(&byte) = bytes.get(index) {
        if byte == b'%' {
            let hex = bytes
                .get(index + 1..index + 3)
                .and_then(|pair| std::str::from_utf8(pair).ok())
                .and_then(|pair| u8::from_str_radix(pair, 16).ok());
            if let Some(decoded) = hex {
                out.push(decoded);
                index += 3;
                continue;
            }
        }
        out.push(byte);
        index += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// A node found by a pointer, with the member it was reached through (for the
/// key's span) when its parent is an object.
pub struct Found<'a> {
    pub node: &'a Node,
    pub member: Option<&'a Member>,
}

/// Follows unescaped tokens from `root`.
pub fn lookup<'a>(root: &'a Node, tokens: &[String]) -> Option<Found<'a>> {
    let mut found = Found {
        node: root,
        member: None,
    };
    for token in tokens {
        found = if found.node.is_array() {
            let index: usize = token.parse().ok()?;
            Found {
                node: found.node.items().get(index)?,
                member: None,
            }
        } else {
            let member = found.node.member(token)?;
            Found {
                node: &member.value,
                member: Some(member),
            }
        };
    }
    Some(found)
}

/// Like [`lookup`], but returns the index taken at each step (member or item
/// index), so that the node can be reached again in O(depth) with [`follow`].
pub fn lookup_steps(root: &Node, tokens: &[String]) -> Option<Vec<usize>> {
    let mut node = root;
    let mut steps = Vec::with_capacity(tokens.len());
    for token in tokens {
        let index = if node.is_array() {
            let index: usize = token.parse().ok()?;
            node.items().get(index)?;
            index
        } else {
            // The last member with the key, as `Node::member` does.
            node.members()
                .iter()
                .rposition(|member| member.key == *token)?
        };
        node = child(node, index)?.0;
        steps.push(index);
    }
    Some(steps)
}

/// Walks steps recorded by [`lookup_steps`].
pub fn follow<'a>(root: &'a Node, steps: &[usize]) -> Option<Found<'a>> {
    let mut found = Found {
        node: root,
        member: None,
    };
    for &index in steps {
        let (node, member) = child(found.node, index)?;
        found = Found { node, member };
    }
    Some(found)
}

fn child(node: &Node, index: usize) -> Option<(&Node, Option<&Member>)> {
    if node.is_array() {
        node.items().get(index).map(|item| (item, None))
    } else {
        node.members()
            .get(index)
            .map(|member| (&member.value, Some(member)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tree::parse_json;

    #[test]
    fn escapes_round_trip() {
        let pointer = push("/paths", "/users/{id}");
        assert_eq!(pointer, "/paths/~1users~1{id}");
        assert_eq!(tokens(&pointer).unwrap(), vec!["paths", "/users/{id}"]);
        assert_eq!(escape("a~b"), "a~0b");
    }

    #[test]
    fn prefixes_respect_tokens() {
        assert!(is_prefix("/paths/~1a", "/paths/~1a/get"));
        assert!(is_prefix("", "/paths"));
        assert!(!is_prefix("/paths/~1a", "/paths/~1ab"));
    }

    #[test]
    fn lookup_follows_objects_and_arrays() {
        let root = parse_json(r#"{"a": [{"b/c": 1}]}"#).root.unwrap();
        let found = lookup(&root, &tokens("/a/0/b~1c").unwrap()).unwrap();
        assert_eq!(found.node.as_f64(), Some(1.0));
        assert!(lookup(&root, &tokens("/a/7").unwrap()).is_none());
        assert_eq!(percent_decode("/a%20b%zz"), "/a b%zz");
    }
}
