//! `# archlint-ignore: rule, …` comments: they silence the named rules on
//! their own line and the line after.

use crate::base::source::FileId;

const MARKER: &str = "archlint-ignore:";

/// One suppression comment.
#[derive(Clone, Debug)]
pub struct GraphqlIgnore {
    pub file: FileId,
    /// 1-based line of the comment.
    pub line: u32,
    pub rules: Vec<String>,
}

impl GraphqlIgnore {
    /// Whether a finding on this 1-based line is covered.
    pub fn covers(&self, file: FileId, line: u32) -> bool {
        self.file == file && (line == self.line || line == self.line.saturating_add(1))
    }
}

/// The suppression comments of one file.
pub fn ignores(file: FileId, text: &str) -> Vec<GraphqlIgnore> {
    text.lines()
        .zip(1u32..)
        .filter_map(|(line, number)| {
            let (_, comment) = line.split_once('#')?;
            let rules = comment.trim_start().strip_prefix(MARKER)?;
            Some(GraphqlIgnore {
                file,
                line: number,
                rules: rules
                    .split(',')
                    .map(|rule| rule.trim().to_owned())
                    .filter(|rule| !rule.is_empty())
                    .collect(),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers_name_rules() {
        let found = ignores(
            FileId(3),
            "type A {\n  # archlint-ignore: GQL001, money-as-float\n  f: Int\n}",
        );
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].line, 2);
        assert_eq!(found[0].rules, ["GQL001", "money-as-float"]);
        assert!(found[0].covers(FileId(3), 3));
        assert!(!found[0].covers(FileId(3), 4));
    }
}
