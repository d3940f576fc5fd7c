//! Validation of a parsed matrix. Collects every issue, not just the first,
//! so an author can fix a matrix in one pass.
//!
//! This module holds the entry point, the checks every part shares (ids,
//! texts, counts, references) and the date check; `options` checks what is
//! compared (the top fields, options, criteria, scores, sources) and
//! `questions` what the reader answers and what follows from it (questions,
//! rules, disputes, next-step guidance).

mod options;
mod questions;

use crate::error::{clip, unknown_id, Error, Issues, Path};
use crate::model::{Condition, Matrix};
use crate::small::{collect_strs, is_blank};

// The limits' public paths before `crate::limits` held them.
#[doc(no_inline)]
pub use crate::limits::{
    MAX_CODE_LEN, MAX_CRITERIA, MAX_DEPTH, MAX_DOCUMENT_BYTES, MAX_GUIDANCE, MAX_ID_LEN,
    MAX_ISSUES, MAX_OPTIONS, MAX_QUESTIONS, MAX_TEXT_LEN, MAX_WEIGHT,
};
/// Question ids that answers reserve for settings.
pub const RESERVED_ANSWER_KEYS: [&str; 3] = ["weights", "seed", "samples"];

/// Checks a matrix against every rule of the format.
///
/// # Errors
/// [`Error::InvalidMatrix`] with every issue found (up to [`MAX_ISSUES`]).
pub fn validate(matrix: &Matrix) -> Result<(), Error> {
    let mut v = Validator {
        matrix,
        issues: Issues::new(),
    };
    v.top();
    v.options();
    v.criteria();
    v.scores();
    v.sources();
    v.questions();
    v.rules();
    v.disputes();
    v.finish()
}

struct Validator<'a> {
    matrix: &'a Matrix,
    issues: Issues,
}

impl Validator<'_> {
    fn push(
        &mut self,
        path: impl Into<String>,
        message: impl Into<String>,
        hint: impl Into<String>,
    ) {
        self.issues.push(path, message, hint);
    }

    fn finish(self) -> Result<(), Error> {
        self.issues.finish(Error::InvalidMatrix)
    }
}

// The checks every part shares.
impl Validator<'_> {
    fn id(&mut self, path: &Path, id: &str) {
        let mut ok = !id.is_empty() && id.chars().count() <= MAX_ID_LEN;
        for b in id.bytes() {
            ok &= b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-';
        }
        if !ok {
            self.push(
                path,
                format!("\"{}\" is not a valid id", clip(id)),
                format!("use 1–{MAX_ID_LEN} characters from a–z, 0–9 and -"),
            );
        }
    }

    fn text(&mut self, path: &Path, text: &str, required: bool) {
        if required && is_blank(text) {
            self.push(path, "this text is empty", "write a short text");
        }
        let len = text.chars().count();
        if len > MAX_TEXT_LEN {
            self.push(
                path,
                format!("this text has {len} characters"),
                format!("shorten it to at most {MAX_TEXT_LEN}"),
            );
        }
    }

    fn count(&mut self, path: &Path, n: usize, max: usize) {
        if n > max {
            self.push(
                path,
                format!("{n} entries is more than the limit of {max}"),
                format!("keep at most {max}"),
            );
        }
    }

    /// Reports each id of `ids` that repeats, once. Never inlined, and
    /// generic only in what it collects (size: see `crate::small`).
    #[inline(never)]
    fn unique<'s>(&mut self, path: &Path, ids: impl Iterator<Item = &'s str>) {
        self.unique_among(path, &collect_strs(ids));
    }

    /// Reports each id of `ids` that repeats, once.
    #[inline(never)]
    fn unique_among(&mut self, path: &Path, ids: &[&str]) {
        for (i, id) in ids.iter().enumerate() {
            let mut earlier = 0;
            for other in ids.get(..i).unwrap_or_default() {
                earlier += usize::from(other == id);
            }
            if earlier == 1 {
                self.push(
                    path,
                    format!("the id \"{}\" is used more than once", clip(id)),
                    "give every entry its own id",
                );
            }
        }
    }

    fn option_ref(&mut self, path: &Path, id: &str) {
        let matrix = self.matrix;
        if !matrix.options.iter().any(|o| o.id == id) {
            self.issues.add(unknown_id(
                &String::from(path),
                "option",
                id,
                matrix.options.iter().map(|o| o.id.as_str()),
            ));
        }
    }

    fn criterion_ref(&mut self, path: &Path, id: &str) {
        let matrix = self.matrix;
        if !matrix.criteria.iter().any(|c| c.id == id) {
            self.issues.add(unknown_id(
                &String::from(path),
                "criterion",
                id,
                matrix.criteria.iter().map(|c| c.id.as_str()),
            ));
        }
    }

    fn source_ref(&mut self, path: &Path, id: &str) {
        let matrix = self.matrix;
        if !matrix.sources.iter().any(|s| s.id == id) {
            self.issues.add(unknown_id(
                &String::from(path),
                "source",
                id,
                matrix.sources.iter().map(|s| s.id.as_str()),
            ));
        }
    }

    fn condition(&mut self, path: &Path, cond: &Condition) {
        let matrix = self.matrix;
        match matrix.questions.iter().find(|q| q.id == cond.question) {
            None => self.issues.add(unknown_id(
                &String::from(&path.key("question")),
                "question",
                &cond.question,
                matrix.questions.iter().map(|q| q.id.as_str()),
            )),
            Some(q) if !q.choices.iter().any(|c| c.id == cond.choice) => {
                self.issues.add(unknown_id(
                    &String::from(&path.key("choice")),
                    "choice",
                    &cond.choice,
                    q.choices.iter().map(|c| c.id.as_str()),
                ))
            }
            Some(_) => {}
        }
    }
}

/// True for `YYYY`, `YYYY-MM` or `YYYY-MM-DD` with plausible month and day.
/// Byte by byte rather than with `split` and `parse` (size: see
/// `crate::small`).
fn is_date(s: &str) -> bool {
    let b = s.as_bytes();
    // The digits at `from..from + len`, as a number in 1..=max.
    let num = |from: usize, len: usize, max: u32| {
        b.get(from..from + len).is_some_and(|digits| {
            digits.iter().all(u8::is_ascii_digit)
                && (1..=max).contains(&digits.iter().fold(0, |n, d| n * 10 + u32::from(d - b'0')))
        })
    };
    let dash = |at: usize| b.get(at) == Some(&b'-');
    num(0, 4, 9999)
        && match b.len() {
            4 => true,
            7 => dash(4) && num(5, 2, 12),
            10 => dash(4) && num(5, 2, 12) && dash(7) && num(8, 2, 31),
            _ => false,
        }
}

#[cfg(test)]
mod tests {
    use super::is_date;

    #[test]
    fn dates() {
        assert!(is_date("2026"));
        assert!(is_date("2026-05"));
        assert!(is_date("2026-05-31"));
        assert!(!is_date("2026-13"));
        assert!(!is_date("26-05"));
        assert!(!is_date("May 2026"));
        assert!(!is_date(""));
    }

    /// The byte-wise check agrees with the obvious `split` and `parse` one.
    #[test]
    fn dates_as_split_and_parse_read_them() {
        fn reference(s: &str) -> bool {
            let parts: Vec<&str> = s.split('-').collect();
            let num = |p: &str, len: usize, max: u32| {
                p.len() == len
                    && p.bytes().all(|b| b.is_ascii_digit())
                    && p.parse::<u32>().is_ok_and(|n| (1..=max).contains(&n))
            };
            match parts.as_slice() {
                [y] => num(y, 4, 9999),
                [y, m] => num(y, 4, 9999) && num(m, 2, 12),
                [y, m, d] => num(y, 4, 9999) && num(m, 2, 12) && num(d, 2, 31),
                _ => false,
            }
        }
        let cases = [
            "0000",
            "0001",
            "9999",
            "2026-00",
            "2026-12",
            "2026-1",
            "2026-012",
            "2026-05-00",
            "2026-05-32",
            "2026-05-1",
            "2026-05-",
            "2026--05",
            "2026-05-31-",
            "+026",
            "20é6",
            "2026-05-3é",
            "2026/05/31",
            "2026-05-31x",
            "-2026",
            "2026-",
            " 2026",
            "12345",
        ];
        for case in cases {
            assert_eq!(is_date(case), reference(case), "{case}");
        }
    }
}
