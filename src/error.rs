//! The one error type of the engine. Every problem names the JSON path it
//! concerns and says how to fix it.

use crate::limits::MAX_ISSUES;
use serde::Serialize;
use std::fmt;

/// One problem found in a matrix or in the answers.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Issue {
    /// JSON path of the offending value, e.g. `scores[3].value` or `answers.team`.
    pub path: String,
    /// What is wrong.
    pub message: String,
    /// How to fix it.
    pub hint: String,
}

impl Issue {
    /// Builds an issue from its three parts.
    ///
    /// Never inlined (size: see `crate::small`): it is called from every check.
    #[inline(never)]
    pub fn new(
        path: impl Into<String>,
        message: impl Into<String>,
        hint: impl Into<String>,
    ) -> Self {
        Issue {
            path: path.into(),
            message: message.into(),
            hint: hint.into(),
        }
    }
}

impl fmt::Display for Issue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {} ({})", self.path, self.message, self.hint)
    }
}

/// Everything that can go wrong in the engine.
#[derive(Debug, Clone, PartialEq)]
pub enum Error {
    /// The input is not shaped like a matrix or answers (wrong type, missing
    /// field, unknown field). Carries the single issue the parser stopped at.
    Parse(Issue),
    /// The matrix parsed but breaks the rules of the format; all issues found.
    InvalidMatrix(Vec<Issue>),
    /// The answers do not fit the matrix's questions; all issues found.
    InvalidAnswers(Vec<Issue>),
    /// The input of a ranking or of AHP weighting (a numeric matrix,
    /// weights, a pairwise comparison matrix) breaks its rules, or the
    /// computation could not finish; all issues found.
    InvalidInput(Vec<Issue>),
}

impl Error {
    /// All issues carried by this error (at least one).
    pub fn issues(&self) -> &[Issue] {
        match self {
            Error::Parse(issue) => std::slice::from_ref(issue),
            Error::InvalidMatrix(issues)
            | Error::InvalidAnswers(issues)
            | Error::InvalidInput(issues) => issues,
        }
    }

    /// The first issue, which names the path and the fix of the error.
    pub fn first(&self) -> Option<&Issue> {
        self.issues().first()
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let issues = self.issues();
        let what = match self {
            Error::Parse(_) => "cannot read input",
            Error::InvalidMatrix(_) => "invalid matrix",
            Error::InvalidAnswers(_) => "invalid answers",
            Error::InvalidInput(_) => "invalid input",
        };
        match issues {
            [] => f.write_str(what),
            [one] => write!(f, "{what}: {one}"),
            [first, rest @ ..] => write!(f, "{what}: {first} (and {} more)", rest.len()),
        }
    }
}

impl std::error::Error for Error {}

/// Converts a serde error with its path (from `serde_path_to_error`) into an
/// issue. `root` prefixes the path (`answers` or empty for a matrix).
#[cfg(not(target_arch = "wasm32"))]
pub fn from_serde<E: fmt::Display>(root: &str, path: &serde_path_to_error::Path, err: &E) -> Issue {
    use serde_path_to_error::Segment;
    let mut full = root.to_string();
    for segment in path.iter() {
        match segment {
            Segment::Seq { index } => push_index(&mut full, *index),
            Segment::Map { key } => push_key(&mut full, key),
            Segment::Enum { variant } => push_key(&mut full, variant),
            Segment::Unknown => push_key(&mut full, "?"),
        }
    }
    parse_issue(shown(full), &err.to_string())
}

/// An issue for a parse error worded as serde words it (`missing field`,
/// `invalid type`…), with the matching hint. Shared by the native parser
/// and the wasm build's reader of JS values, so both give the same hints.
pub(crate) fn parse_issue(path: String, message: &str) -> Issue {
    let message = clip_to(message, 200);
    let hint = hint_for(&message, path.starts_with("answers"));
    Issue::new(path, message, hint)
}

/// How to fix a parse error; `answers` points to the answers' format
/// rather than the matrix's.
fn hint_for(message: &str, answers: bool) -> String {
    let mut hint = String::from(if message.starts_with("unknown field") {
        "remove the field or fix its spelling (the message lists the accepted names)"
    } else if message.starts_with("missing field") {
        "add the field; see docs/matrix-format.md for what it holds"
    } else if message.starts_with("invalid type") {
        "change the value to the expected type"
    } else if message.starts_with("unknown variant") {
        "use one of the listed values"
    } else if message.starts_with("recursion limit") {
        // `starts_with` throughout: a substring search (`contains`) pulls
        // panic formatting into the .wasm (size: see `crate::small`).
        "flatten the document: it nests deeper than the format ever needs"
    } else if answers {
        "fix the value"
    } else {
        "fix the value so that it matches docs/matrix-format.md"
    });
    if answers {
        hint.push_str("; the answers format is in docs/matrix-format.md#answers");
    }
    hint
}

/// The one issue collector: every check that reports all its problems
/// (the validator, the answers, the ranking, the CLI's structure check, the
/// wasm reader) collects them here. It keeps the first [`MAX_ISSUES`] and
/// only counts the rest, so a million bad values cost no more than a few
/// hundred, and words the overflow one way: `N more issues not listed`.
#[derive(Debug, Default)]
pub struct Issues {
    list: Vec<Issue>,
    left_out: usize,
}

impl Issues {
    /// No issues yet.
    pub fn new() -> Self {
        Issues::default()
    }

    /// Adds an issue from its three parts. `path` (a [`Path`] is written
    /// out only now) and `message` are only turned into text when the issue
    /// is kept.
    pub fn push(
        &mut self,
        path: impl Into<String>,
        message: impl Into<String>,
        hint: impl Into<String>,
    ) {
        if self.is_full() {
            self.left_out += 1;
        } else {
            self.list.push(Issue::new(path, message, hint));
        }
    }

    /// Adds an issue, or counts it when [`MAX_ISSUES`] are kept already.
    pub fn add(&mut self, issue: Issue) {
        if self.is_full() {
            self.left_out += 1;
        } else {
            self.list.push(issue);
        }
    }

    /// Adds the issue `make` builds, or only counts it (without building it)
    /// when [`MAX_ISSUES`] are kept already.
    pub fn add_with(&mut self, make: impl FnOnce() -> Issue) {
        if self.is_full() {
            self.left_out += 1;
        } else {
            self.list.push(make());
        }
    }

    /// Adds every issue of `other` after these (its count of left-out ones too).
    pub fn append(&mut self, other: Issues) {
        for issue in other.list {
            self.add(issue);
        }
        self.left_out += other.left_out;
    }

    /// True when [`MAX_ISSUES`] are kept: the next one is only counted.
    pub fn is_full(&self) -> bool {
        self.list.len() >= MAX_ISSUES
    }

    /// True when nothing was found.
    pub fn is_empty(&self) -> bool {
        self.list.is_empty() && self.left_out == 0
    }

    /// The first issue found, if any.
    pub fn first(&self) -> Option<&Issue> {
        self.list.first()
    }

    /// The issues kept, then, when some were left out, one that counts them.
    pub fn into_vec(mut self) -> Vec<Issue> {
        let more = self.left_out;
        if more > 0 {
            let what = if more == 1 { "issue" } else { "issues" };
            self.list.push(Issue::new(
                "(root)",
                format!("{more} more {what} not listed"),
                "fix the issues above and check again",
            ));
        }
        self.list
    }

    /// The issues kept, then `last` in place of the count of those left out
    /// (a reader that stopped says so instead).
    pub fn listed_then(mut self, last: Issue) -> Vec<Issue> {
        self.list.push(last);
        self.list
    }

    /// `Ok` when nothing was found, else `error` (e.g.
    /// [`Error::InvalidMatrix`]) with [`Issues::into_vec`].
    ///
    /// # Errors
    /// `error(…)` of the issues when there are any.
    pub fn finish(self, error: fn(Vec<Issue>) -> Error) -> Result<(), Error> {
        if self.is_empty() {
            Ok(())
        } else {
            Err(error(self.into_vec()))
        }
    }
}

/// The one JSON-path builder: `questions[2].choices[0].id`, `answers.team`,
/// or `(root)` for a matrix's root itself.
///
/// Each level is a value pointing at its parent (`Path::root("options")`,
/// then `.index(3)`, then `.key("id")`), and the text is written out only
/// when an issue is kept: most values are fine, so most paths are never
/// needed. [`push_key`] and [`push_index`] are the rules for code that
/// holds a path as text (the native structure check, serde's paths).
#[derive(Clone, Copy)]
pub struct Path<'a> {
    parent: Option<&'a Path<'a>>,
    segment: Segment<'a>,
}

#[derive(Clone, Copy)]
enum Segment<'a> {
    Root(&'a str),
    Key(&'a str),
    Index(usize),
}

impl<'a> Path<'a> {
    /// A path's start: `""` for a matrix, `answers`, or a field name.
    pub const fn root(name: &'a str) -> Self {
        Path {
            parent: None,
            segment: Segment::Root(name),
        }
    }

    /// The member `key` of the object at this path.
    #[inline(never)]
    pub fn key(&'a self, key: &'a str) -> Path<'a> {
        Path {
            parent: Some(self),
            segment: Segment::Key(key),
        }
    }

    /// The element `index` of the array at this path.
    #[inline(never)]
    pub fn index(&'a self, index: usize) -> Path<'a> {
        Path {
            parent: Some(self),
            segment: Segment::Index(index),
        }
    }

    /// The path as text, `(root)` when it is empty.
    pub fn render(&self) -> String {
        let mut segments = Vec::new();
        let mut at = Some(self);
        while let Some(path) = at {
            segments.push(path.segment);
            at = path.parent;
        }
        let mut out = String::new();
        for segment in segments.iter().rev() {
            match *segment {
                Segment::Root(root) => out.push_str(root),
                Segment::Key(key) => push_key(&mut out, key),
                Segment::Index(i) => push_index(&mut out, i),
            }
        }
        shown(out)
    }
}

impl From<&Path<'_>> for String {
    fn from(path: &Path<'_>) -> String {
        path.render()
    }
}

impl From<Path<'_>> for String {
    fn from(path: Path<'_>) -> String {
        path.render()
    }
}

/// Appends the member `key` to the path text `out`: `.key`, or `key` alone
/// at an empty root.
pub fn push_key(out: &mut String, key: &str) {
    if !out.is_empty() {
        out.push('.');
    }
    out.push_str(key);
}

/// Appends the element `index` to the path text `out`: `[index]`.
pub fn push_index(out: &mut String, index: usize) {
    out.push('[');
    out.push_str(&index.to_string());
    out.push(']');
}

/// A path as issues show it: `(root)` for the empty path of a matrix's root.
pub fn shown(path: String) -> String {
    if path.is_empty() {
        "(root)".to_string()
    } else {
        path
    }
}

// Message helpers.

/// An issue for an id that names nothing, listing the ids that would, each
/// once: `"mongo" is not an option`, hinting `expected one of postgres, mysql`.
pub fn unknown_id<'a>(
    path: &str,
    what: &str,
    id: &str,
    known: impl Iterator<Item = &'a str>,
) -> Issue {
    unknown_id_among(path, what, id, &crate::small::collect_strs(known))
}

#[inline(never)]
fn unknown_id_among(path: &str, what: &str, id: &str, known: &[&str]) -> Issue {
    let mut list = String::new();
    let mut count = 0;
    for (i, k) in known.iter().enumerate() {
        if known.get(..i).is_some_and(|earlier| earlier.contains(k)) {
            continue;
        }
        if count > 0 {
            list.push_str(", ");
        }
        list.push_str(k);
        count += 1;
    }
    let article = match what.as_bytes().first() {
        Some(b'a' | b'e' | b'i' | b'o' | b'u') => "an",
        _ => "a",
    };
    let hint = match count {
        0 => format!("define the {what} first"),
        1 => format!("expected {list}"),
        _ => format!("expected one of {list}"),
    };
    Issue::new(
        path,
        format!("\"{}\" is not {article} {what}", clip(id)),
        hint,
    )
}

/// Shortens a string for an error message so huge inputs stay readable.
pub fn clip(s: &str) -> String {
    clip_to(s, 60)
}

/// Shortens a string to at most `max` characters, marking the cut with `…`.
pub fn clip_to(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        Some((cut, _)) => format!("{}…", s.get(..cut).unwrap_or(s)),
        None => s.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_read_as_serde_names_them() {
        let matrix = Path::root("");
        assert_eq!(matrix.render(), "(root)");
        let options = matrix.key("options");
        let first = options.index(0);
        assert_eq!(first.key("id").render(), "options[0].id");
        let answers = Path::root("answers");
        assert_eq!(answers.key("team").render(), "answers.team");
        assert_eq!(matrix.index(3).render(), "[3]");
    }

    #[test]
    fn issues_past_the_limit_are_counted_in_one_wording() {
        let mut issues = Issues::new();
        for i in 0..=MAX_ISSUES {
            issues.push(Path::root("values").index(i), "bad", "fix it");
        }
        let listed = issues.into_vec();
        assert_eq!(listed.len(), MAX_ISSUES + 1);
        assert_eq!(listed[MAX_ISSUES].message, "1 more issue not listed");
        assert_eq!(
            listed[MAX_ISSUES - 1].path,
            format!("values[{}]", MAX_ISSUES - 1)
        );
        assert!(Issues::new().finish(Error::InvalidInput).is_ok());
    }
}
