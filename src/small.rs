//! Small-collection helpers that exist only to keep the `.wasm` small.
//!
//! The engine's collections are short (a few dozen ids, a handful of
//! choices), and at `opt-level = "z"` the standard library's generic
//! adapters (`collect`, `join`, `split`, `trim`) each bring generic code of
//! their own into the `.wasm`, once per type they are used with. The
//! helpers here do the same work with plain loops, once. Use them, and the
//! other size idioms the code marks with "(size: see `crate::small`)", only
//! where the size check shows they pay; elsewhere write idiomatic Rust.
//!
//! What each idiom saved, and how to measure it, is in docs/size.md (the
//! one place for byte figures: they change with every build).

/// The items of `items`, collected into a `Vec` by a plain loop.
///
/// Generic over the iterator, so one short copy per caller; what the caller
/// does with the slice is then written once, not once per iterator type.
pub fn collect_strs<'a>(items: impl Iterator<Item = &'a str>) -> Vec<&'a str> {
    let mut all = Vec::new();
    for item in items {
        all.push(item);
    }
    all
}

/// `a, b, c`: the items joined by `separator` (`join` without its generic
/// code).
pub fn join<'a>(items: impl IntoIterator<Item = &'a str>, separator: &str) -> String {
    let mut out = String::new();
    for (i, item) in items.into_iter().enumerate() {
        if i > 0 {
            out.push_str(separator);
        }
        out.push_str(item);
    }
    out
}

/// `text` split at each byte `separator` (an ASCII byte), by hand: `split`
/// brings a generic search.
pub fn split_at_byte(text: &str, separator: u8) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut start = 0;
    for (at, byte) in text.bytes().enumerate() {
        if byte == separator {
            parts.push(text.get(start..at).unwrap_or_default());
            start = at + 1;
        }
    }
    parts.push(text.get(start..).unwrap_or_default());
    parts
}

/// True when `s` is empty or only whitespace (`s.trim().is_empty()` without
/// `trim`'s two-sided search).
pub fn is_blank(s: &str) -> bool {
    s.chars().all(char::is_whitespace)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn helpers_match_the_standard_library() {
        let words = ["a", "", "bc"];
        assert_eq!(collect_strs(words.iter().copied()), words);
        assert_eq!(join(words, ", "), words.join(", "));
        assert_eq!(join([], ", "), "");
        for text in ["", "a", "a\u{1f}b", "\u{1f}", "a\u{1f}\u{1f}b\u{1f}"] {
            let expected: Vec<&str> = text.split('\u{1f}').collect();
            assert_eq!(split_at_byte(text, 0x1f), expected, "{text:?}");
        }
        for s in ["", " ", "\t\n", "\u{2003}", " a ", "x"] {
            assert_eq!(is_blank(s), s.trim().is_empty(), "{s:?}");
        }
    }
}
