//! The small glob dialect of `ignore = [...]`: `*` (within a segment), `**` (any
//! number of segments), `?` (one character). A pattern without `/` matches a file
//! name anywhere, as in `.gitignore`.

use crate::base::loader::normalize;

pub fn matches_path(pattern: &str, path: &str) -> bool {
    let path = normalize(path);
    let pattern = normalize(pattern);
    if !pattern.contains('/') {
        let name = path.rsplit('/').next().unwrap_or("");
        return matches_segment(&pattern, name)
            || segments_match(&pattern_segments(&pattern), &path);
    }
    let segments = pattern_segments(&pattern);
    if segments_match(&segments, &path) {
        return true;
    }
    // A relative pattern also matches below an absolute or `./`-less prefix.
    let mut anywhere = vec!["**"];
    anywhere.extend(segments.iter().copied());
    !pattern.starts_with('/') && segments_match(&anywhere, &path)
}

fn pattern_segments(pattern: &str) -> Vec<&str> {
    pattern
        .split('/')
        .filter(|segment| !segment.is_empty())
        .collect()
}

fn segments_match(pattern: &[&str], path: &str) -> bool {
    let path: Vec<&str> = path
        .split('/')
        .filter(|segment| !segment.is_empty())
        .collect();
    match_from(pattern, &path)
}

fn match_from(pattern: &[&str], path: &[&str]) -> bool {
    match pattern.split_first() {
        None => path.is_empty(),
        Some((&"**", rest)) => {
            (0..=path.len()).any(|skip| match_from(rest, path.get(skip..).unwrap_or(&[])))
        }
        Some((first, rest)) => match path.split_first() {
            Some((segment, path_rest)) => {
                matches_segment(first, segment) && match_from(rest, path_rest)
            }
            None => false,
        },
    }
}

/// `*` and `?` within one segment, iteratively with backtracking on the last `*`.
fn matches_segment(pattern: &str, text: &str) -> bool {
    let pattern: Vec<char> = pattern.chars().collect();
    let text: Vec<char> = text.chars().collect();
    let (mut p, mut t) = (0, 0);
    let mut star: Option<(usize, usize)> = None;
    while t < text.len() {
        match pattern.get(p) {
            Some('*') => {
                star = Some((p, t));
                p += 1;
            }
            Some(&c) if c == '?' || Some(&c) == text.get(t) => {
                p += 1;
                t += 1;
            }
            _ => match star {
                Some((star_p, star_t)) => {
                    p = star_p + 1;
                    t = star_t + 1;
                    star = Some((star_p, star_t + 1));
                }
                None => return false,
            },
        }
    }
    pattern.get(p..).unwrap_or(&[]).iter().all(|&c| c == '*')
}

#[cfg(test)]
mod tests {
    use super::matches_path;

    #[test]
    fn globs() {
        assert!(matches_path("vendor/**", "vendor/a/b.yaml"));
        assert!(matches_path("vendor/**", "./vendor/x.yaml"));
        assert!(matches_path("*.gen.yaml", "specs/deep/a.gen.yaml"));
        assert!(!matches_path("*.gen.yaml", "specs/a.yaml"));
        assert!(matches_path(
            "specs/legacy.yaml",
            "/home/me/project/specs/legacy.yaml"
        ));
        assert!(matches_path("**/old/*.json", "a/old/x.json"));
        assert!(!matches_path("specs/?.yaml", "specs/ab.yaml"));
        assert!(matches_path("specs/?.yaml", "specs/a.yaml"));
    }
}
