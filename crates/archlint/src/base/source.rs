//! Source files, byte spans and their translation to line/column positions.
//!
//! Nodes carry byte ranges only (cheap to store, exact); a [`LineIndex`] turns an
//! offset into a 1-based line and a 1-based column counted in characters when a
//! finding is reported.

use std::sync::Arc;

/// Index of a file in a [`SourceMap`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FileId(pub u32);

/// A half-open byte range `[start, end)` in one source file.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        Span {
            start: clamp_u32(start),
            end: clamp_u32(end.max(start)),
        }
    }

    /// The smallest span that covers both.
    pub fn cover(self, other: Span) -> Span {
        Span {
            start: self.start.min(other.start),
            end: self.end.max(other.end),
        }
    }
}

fn clamp_u32(value: usize) -> u32 {
    u32::try_from(value).unwrap_or(u32::MAX)
}

/// A 1-based line and a 1-based column counted in characters.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct LineCol {
    pub line: u32,
    pub column: u32,
}

impl LineCol {
    /// The start of a file.
    pub const FIRST: LineCol = LineCol { line: 1, column: 1 };
}

/// Start offsets of every line of a text.
#[derive(Debug, Clone)]
pub struct LineIndex {
    line_starts: Vec<u32>,
    ascii: bool,
    /// For non-ASCII text: `(byte offset, characters before it)` every
    /// [`CHECKPOINT_BYTES`], so that a column on a 20 MB minified line is not a
    /// 20 MB count.
    checkpoints: Vec<(u32, u32)>,
}

const CHECKPOINT_BYTES: usize = 4096;

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let mut line_starts = Vec::with_capacity(text.len() / 32 + 1);
        line_starts.push(0);
        for (offset, byte) in text.bytes().enumerate() {
            if byte == b'\n' {
                line_starts.push(clamp_u32(offset + 1));
            }
        }
        let ascii = text.is_ascii();
        let mut checkpoints = Vec::new();
        if !ascii {
            let mut chars = 0usize;
            let mut previous = 0usize;
            let mut at = 0usize;
            while at < text.len() {
                let boundary = floor_char_boundary(text, at);
                chars += text
                    .get(previous..boundary)
                    .map_or(0, |chunk| chunk.chars().count());
                checkpoints.push((clamp_u32(boundary), clamp_u32(chars)));
                previous = boundary;
                at += CHECKPOINT_BYTES;
            }
        }
        LineIndex {
            line_starts,
            ascii,
            checkpoints,
        }
    }

    /// Characters in `text[..offset]` (offset on a char boundary).
    fn chars_before(&self, text: &str, offset: usize) -> usize {
        let slot = offset / CHECKPOINT_BYTES;
        let (base, chars) = self.checkpoints.get(slot).copied().unwrap_or((0, 0));
        let base = (base as usize).min(offset);
        chars as usize
            + text
                .get(base..offset)
                .map_or(0, |rest| rest.chars().count())
    }

    /// Line and character column of a byte offset (clamped to the text).
    pub fn line_col(&self, text: &str, offset: u32) -> LineCol {
        let offset = (offset as usize).min(text.len());
        let line = match self.line_starts.binary_search(&clamp_u32(offset)) {
            Ok(exact) => exact,
            Err(next) => next.saturating_sub(1),
        };
        let line_start = self.line_starts.get(line).copied().unwrap_or(0) as usize;
        let column = if self.ascii {
            offset - line_start
        } else {
            let offset = floor_char_boundary(text, offset);
            self.chars_before(text, offset)
                .saturating_sub(self.chars_before(text, line_start))
        };
        LineCol {
            line: clamp_u32(line + 1),
            column: clamp_u32(column + 1),
        }
    }

    /// The text of a 1-based line, without its line break.
    pub fn line_text<'t>(&self, text: &'t str, line: u32) -> &'t str {
        let (start, end) = self.line_bounds(text, line);
        text.get(start..end).unwrap_or("")
    }

    /// Byte range of a 1-based line, without its line break.
    pub fn line_bounds(&self, text: &str, line: u32) -> (usize, usize) {
        let index = (line as usize).saturating_sub(1);
        let Some(&start) = self.line_starts.get(index) else {
            return (text.len(), text.len());
        };
        let end = self
            .line_starts
            .get(index + 1)
            .map_or(text.len(), |&next| next as usize);
        let line = text.get(start as usize..end).unwrap_or("");
        let trimmed = line.trim_end_matches(['\n', '\r']).len();
        (start as usize, start as usize + trimmed)
    }
}

/// The largest char boundary at or before `offset`.
pub fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    offset = offset.min(text.len());
    while offset > 0 && !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// One input file: its name as the user gave it, its text and its line index.
#[derive(Debug, Clone)]
pub struct SourceFile {
    pub name: String,
    pub text: String,
    pub lines: LineIndex,
}

impl SourceFile {
    /// Builds a source file; a leading byte-order mark is dropped so that columns
    /// match what editors show.
    pub fn new(name: impl Into<String>, text: String) -> Self {
        let text = match text.strip_prefix('\u{feff}') {
            Some(rest) => rest.to_owned(),
            None => text,
        };
        let lines = LineIndex::new(&text);
        SourceFile {
            name: name.into(),
            text,
            lines,
        }
    }

    pub fn line_col(&self, offset: u32) -> LineCol {
        self.lines.line_col(&self.text, offset)
    }
}

/// The files of one review. A description's map is built on top of the run's
/// shared files (the SQL history, [`SourceMap::on_top_of`]): their ids are the
/// same in every map of the run, so a finding about an API property names the
/// column behind it as a place like any other.
#[derive(Debug, Default, Clone)]
pub struct SourceMap {
    shared: Option<Arc<SourceMap>>,
    /// The id of this map's first own file: the shared files come before it.
    first: u32,
    files: Vec<SourceFile>,
}

impl SourceMap {
    /// A map whose own files are numbered after `shared`'s.
    pub fn on_top_of(shared: Arc<SourceMap>) -> Self {
        SourceMap {
            first: shared.end(),
            shared: Some(shared),
            files: Vec::new(),
        }
    }

    /// A map whose own files are numbered from `first` on, for files loaded
    /// at the same time as another map's ([`SourceMap::put_below`] joins them).
    pub fn starting_at(first: u32) -> Self {
        SourceMap {
            first,
            shared: None,
            files: Vec::new(),
        }
    }

    /// Makes `shared`'s files readable through this map, when their ids are
    /// all below this map's own.
    /// When this map already sits on another, `shared` goes below that one
    /// (copied first if others hold it: only the small SQL maps are).
    pub fn put_below(&mut self, shared: Arc<SourceMap>) -> bool {
        match &mut self.shared {
            Some(below) => Arc::make_mut(below).put_below(shared),
            None if shared.end() <= self.first => {
                self.shared = Some(shared);
                true
            }
            None => false,
        }
    }

    /// One past the last id of this map.
    fn end(&self) -> u32 {
        self.first.saturating_add(clamp_u32(self.files.len()))
    }

    pub fn add(&mut self, file: SourceFile) -> FileId {
        let id = FileId(self.end());
        self.files.push(file);
        id
    }

    /// A file of this map or of the shared files below it.
    pub fn get(&self, id: FileId) -> Option<&SourceFile> {
        match id.0.checked_sub(self.first) {
            Some(own) => self.files.get(own as usize),
            None => self.shared.as_ref().and_then(|shared| shared.get(id)),
        }
    }

    pub fn name(&self, id: FileId) -> &str {
        self.get(id).map_or("<unknown>", |file| file.name.as_str())
    }

    /// The position of one of this map's own files among them (`None` for a
    /// shared file), for tables kept beside the map.
    pub fn own_index(&self, id: FileId) -> Option<usize> {
        id.0.checked_sub(self.first)
            .map(|own| own as usize)
            .filter(|own| *own < self.files.len())
    }

    /// This map's own files (not the shared ones), in the order added.
    pub fn iter(&self) -> impl Iterator<Item = (FileId, &SourceFile)> {
        self.files
            .iter()
            .enumerate()
            .map(|(index, file)| (FileId(self.first.saturating_add(clamp_u32(index))), file))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_characters_not_bytes() {
        let file = SourceFile::new("a", "é: x\nab: ü\n".to_owned());
        let offset = file.text.find('x').unwrap() as u32;
        assert_eq!(file.line_col(offset), LineCol { line: 1, column: 4 });
        let offset = file.text.find('ü').unwrap() as u32;
        assert_eq!(file.line_col(offset), LineCol { line: 2, column: 5 });
    }

    #[test]
    fn columns_on_long_non_ascii_lines() {
        let text = format!("{}é{}x", "a".repeat(10_000), "b".repeat(9_000));
        let file = SourceFile::new("a", text.clone());
        let offset = text.find('x').unwrap() as u32;
        assert_eq!(
            file.line_col(offset),
            LineCol {
                line: 1,
                column: 19_002
            }
        );
    }

    #[test]
    fn bom_is_dropped() {
        let file = SourceFile::new("a", "\u{feff}ab".to_owned());
        assert_eq!(file.text, "ab");
        assert_eq!(file.line_col(1), LineCol { line: 1, column: 2 });
    }

    #[test]
    fn shared_files_keep_their_ids() {
        let mut shared = SourceMap::default();
        let schema = shared.add(SourceFile::new("schema.sql", "x".to_owned()));
        let mut map = SourceMap::on_top_of(Arc::new(shared));
        let api = map.add(SourceFile::new("api.yaml", "y".to_owned()));
        assert_ne!(schema, api);
        assert_eq!(map.name(schema), "schema.sql");
        assert_eq!(map.name(api), "api.yaml");
        assert_eq!(map.iter().count(), 1, "only own files are listed");
    }

    #[test]
    fn offsets_past_the_end_are_clamped() {
        let file = SourceFile::new("a", "ab\ncd".to_owned());
        assert_eq!(file.line_col(99), LineCol { line: 2, column: 3 });
        assert_eq!(file.lines.line_text(&file.text, 2), "cd");
        assert_eq!(file.lines.line_text(&file.text, 9), "");
    }
}
