//! Validation of a parsed matrix. Collects every issue, not just the first,
//! so an author can fix a matrix in one pass.

use crate::answers::{clip, unknown_id, MAX_PRIORITY};
use crate::error::{Error, Issue};
use crate::model::{Condition, Matrix, QuestionKind, RuleKind};

/// Most options a matrix may have.
pub const MAX_OPTIONS: usize = 64;
/// Most criteria a matrix may have.
pub const MAX_CRITERIA: usize = 64;
/// Most questions a matrix may have.
pub const MAX_QUESTIONS: usize = 64;
/// Longest id, in characters.
pub const MAX_ID_LEN: usize = 48;
/// Longest text field, in characters.
pub const MAX_TEXT_LEN: usize = 500;
/// Largest matrix document, in bytes of JSON.
pub const MAX_DOCUMENT_BYTES: usize = 256 * 1024;
/// Most issues reported at once; the rest are counted.
pub const MAX_ISSUES: usize = 200;
/// Top of the anchor scale scores are given on.
pub const SCALE_MAX: f64 = 10.0;
/// Question ids that answers reserve for settings.
pub const RESERVED_ANSWER_KEYS: [&str; 3] = ["weights", "seed", "samples"];

/// Checks a matrix against every rule of the format.
///
/// # Errors
/// [`Error::InvalidMatrix`] with every issue found (up to [`MAX_ISSUES`]).
pub fn validate(matrix: &Matrix) -> Result<(), Error> {
    let mut v = Validator {
        matrix,
        issues: Vec::new(),
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
    issues: Vec<Issue>,
}

impl Validator<'_> {
    fn push(
        &mut self,
        path: impl Into<String>,
        message: impl Into<String>,
        hint: impl Into<String>,
    ) {
        self.issues.push(Issue::new(path, message, hint));
    }

    fn finish(mut self) -> Result<(), Error> {
        if self.issues.is_empty() {
            return Ok(());
        }
        if self.issues.len() > MAX_ISSUES {
            let more = self.issues.len() - MAX_ISSUES;
            self.issues.truncate(MAX_ISSUES);
            self.push(
                "(root)",
                format!("{more} more issues not listed"),
                "fix the issues above and validate again",
            );
        }
        Err(Error::InvalidMatrix(self.issues))
    }

    fn top(&mut self) {
        let m = self.matrix;
        if m.version != 1 {
            self.push(
                "version",
                format!("version {} is not supported", m.version),
                "set \"version\": 1",
            );
        }
        self.id("id", &m.id);
        self.text("title", &m.title, true);
        let c = m.confidence;
        if !c.clear.is_finite()
            || !c.lean.is_finite()
            || c.lean < 0.0
            || c.lean > c.clear
            || c.clear > 100.0
        {
            self.push(
                "confidence",
                "confidence thresholds must satisfy 0 ≤ lean ≤ clear ≤ 100",
                "use e.g. {\"clear\": 10, \"lean\": 3}",
            );
        }
    }

    fn options(&mut self) {
        let m = self.matrix;
        if m.options.len() < 2 {
            self.push(
                "options",
                "a matrix needs at least two options",
                "add the alternatives being compared",
            );
        }
        self.count("options", m.options.len(), MAX_OPTIONS);
        self.unique("options", m.options.iter().map(|o| o.id.as_str()));
        for (i, o) in m.options.iter().enumerate() {
            self.id(&format!("options[{i}].id"), &o.id);
            if o.id == "hybrid" {
                self.push(
                    format!("options[{i}].id"),
                    "\"hybrid\" is reserved for the hybrid verdict",
                    "rename the option",
                );
            }
            self.text(&format!("options[{i}].label"), &o.label, true);
            self.text(&format!("options[{i}].summary"), &o.summary, false);
        }
    }

    fn criteria(&mut self) {
        let m = self.matrix;
        if m.criteria.is_empty() {
            self.push(
                "criteria",
                "a matrix needs at least one criterion",
                "add what the options are judged on",
            );
        }
        self.count("criteria", m.criteria.len(), MAX_CRITERIA);
        self.unique("criteria", m.criteria.iter().map(|c| c.id.as_str()));
        for (i, c) in m.criteria.iter().enumerate() {
            let path = format!("criteria[{i}]");
            self.id(&format!("{path}.id"), &c.id);
            self.text(&format!("{path}.label"), &c.label, true);
            self.text(&format!("{path}.description"), &c.description, false);
            if !c.weight.is_finite() || c.weight < 0.0 {
                self.push(
                    format!("{path}.weight"),
                    "a weight must be a finite number ≥ 0",
                    "use 0 to rely on the answers alone",
                );
            }
            for (j, e) in c.evidence.iter().enumerate() {
                let p = format!("{path}.evidence[{j}]");
                self.source_ref(&format!("{p}.source"), &e.source);
                self.text(&format!("{p}.section"), &e.section, false);
                self.text(&format!("{p}.text"), &e.text, true);
            }
        }
        let mut base: Vec<f64> = m.criteria.iter().map(|c| c.weight.max(0.0)).collect();
        for item in m.questions.iter().flat_map(|q| &q.items) {
            for (id, step) in &item.criteria {
                if let Some(i) = m.criteria.iter().position(|c| &c.id == id) {
                    if let Some(w) = base.get_mut(i) {
                        *w += (step * item.default).max(0.0);
                    }
                }
            }
        }
        if !m.criteria.is_empty() && !base.iter().any(|w| *w > 0.0) {
            self.push(
                "criteria",
                "every criterion starts with weight 0, so a reader who answers nothing gets no result",
                "give at least one criterion a weight above 0 (or a priority slider a default above 0)",
            );
        }
    }

    fn scores(&mut self) {
        let m = self.matrix;
        let mut seen = vec![false; m.options.len() * m.criteria.len()];
        for (i, s) in m.scores.iter().enumerate() {
            let path = format!("scores[{i}]");
            let o = m.options.iter().position(|o| o.id == s.option);
            let c = m.criteria.iter().position(|c| c.id == s.criterion);
            if o.is_none() {
                self.issues.push(unknown_id(
                    &format!("{path}.option"),
                    "option",
                    &s.option,
                    m.options.iter().map(|o| o.id.as_str()),
                ));
            }
            if c.is_none() {
                self.issues.push(unknown_id(
                    &format!("{path}.criterion"),
                    "criterion",
                    &s.criterion,
                    m.criteria.iter().map(|c| c.id.as_str()),
                ));
            }
            if let (Some(o), Some(c)) = (o, c) {
                if let Some(slot) = seen.get_mut(o * m.criteria.len() + c) {
                    if *slot {
                        self.push(
                            path.clone(),
                            format!(
                                "a second score for option \"{}\" on criterion \"{}\"",
                                s.option, s.criterion
                            ),
                            "keep exactly one score per option and criterion",
                        );
                    }
                    *slot = true;
                }
            }
            let low = s.low.unwrap_or(s.value);
            let high = s.high.unwrap_or(s.value);
            for (field, x) in [("value", s.value), ("low", low), ("high", high)] {
                if !x.is_finite() || !(0.0..=SCALE_MAX).contains(&x) {
                    self.push(
                        format!("{path}.{field}"),
                        format!("{field} must be a number from 0 to 10"),
                        "scores use the fixed 0–10 anchor scale",
                    );
                }
            }
            if low > s.value || s.value > high {
                self.push(
                    path.clone(),
                    "low ≤ value ≤ high does not hold",
                    "widen low/high so that they bracket the value",
                );
            }
            for (j, id) in s.sources.iter().enumerate() {
                self.source_ref(&format!("{path}.sources[{j}]"), id);
            }
        }
        for (o, option) in m.options.iter().enumerate() {
            for (c, criterion) in m.criteria.iter().enumerate() {
                if seen.get(o * m.criteria.len() + c) == Some(&false) {
                    self.push(
                        "scores",
                        format!(
                            "no score for option \"{}\" on criterion \"{}\"",
                            option.id, criterion.id
                        ),
                        format!(
                            "add {{\"option\": \"{}\", \"criterion\": \"{}\", \"value\": 0..10}}",
                            option.id, criterion.id
                        ),
                    );
                }
            }
        }
    }

    fn sources(&mut self) {
        let m = self.matrix;
        self.unique("sources", m.sources.iter().map(|s| s.id.as_str()));
        for (i, s) in m.sources.iter().enumerate() {
            let path = format!("sources[{i}]");
            self.id(&format!("{path}.id"), &s.id);
            self.text(&format!("{path}.title"), &s.title, true);
            self.text(&format!("{path}.publisher"), &s.publisher, true);
            self.text(&format!("{path}.note"), &s.note, false);
            if let Some(url) = &s.url {
                self.text(&format!("{path}.url"), url, true);
                if !(url.starts_with("https://") || url.starts_with("http://")) {
                    self.push(
                        format!("{path}.url"),
                        "a source url must start with https:// or http://",
                        "use the article's full address",
                    );
                }
            }
            if !is_date(&s.date) {
                self.push(
                    format!("{path}.date"),
                    format!("\"{}\" is not a date", clip(&s.date)),
                    "write YYYY, YYYY-MM or YYYY-MM-DD",
                );
            }
        }
    }

    fn questions(&mut self) {
        let m = self.matrix;
        self.count("questions", m.questions.len(), MAX_QUESTIONS);
        self.unique("questions", m.questions.iter().map(|q| q.id.as_str()));
        let all_items = m
            .questions
            .iter()
            .flat_map(|q| q.items.iter().map(|i| i.id.as_str()));
        self.unique("questions[].items", all_items);
        for (i, q) in m.questions.iter().enumerate() {
            let path = format!("questions[{i}]");
            self.id(&format!("{path}.id"), &q.id);
            if RESERVED_ANSWER_KEYS.contains(&q.id.as_str()) {
                self.push(
                    format!("{path}.id"),
                    format!("\"{}\" is reserved for answer settings", q.id),
                    "rename the question",
                );
            }
            self.text(&format!("{path}.label"), &q.label, true);
            self.text(&format!("{path}.help"), &q.help, false);
            let (wants_choices, has_choices, has_items) = (
                q.kind != QuestionKind::Priorities,
                !q.choices.is_empty(),
                !q.items.is_empty(),
            );
            if wants_choices && (!has_choices || has_items) {
                self.push(
                    path.clone(),
                    "a single or multi question needs `choices` and no `items`",
                    "list the choices under `choices`",
                );
            }
            if !wants_choices && (!has_items || has_choices) {
                self.push(
                    path.clone(),
                    "a priorities question needs `items` and no `choices`",
                    "list the sliders under `items`",
                );
            }
            self.count(&format!("{path}.choices"), q.choices.len(), MAX_OPTIONS);
            self.count(&format!("{path}.items"), q.items.len(), MAX_CRITERIA);
            self.unique(
                &format!("{path}.choices"),
                q.choices.iter().map(|c| c.id.as_str()),
            );
            for (j, c) in q.choices.iter().enumerate() {
                let p = format!("{path}.choices[{j}]");
                self.id(&format!("{p}.id"), &c.id);
                self.text(&format!("{p}.label"), &c.label, true);
                for (criterion, delta) in &c.weights {
                    let wp = format!("{p}.weights.{criterion}");
                    self.criterion_ref(&wp, criterion);
                    if !delta.is_finite() {
                        self.push(
                            wp,
                            "a weight change must be a finite number",
                            "use e.g. 2 or -1",
                        );
                    }
                }
            }
            for (j, item) in q.items.iter().enumerate() {
                let p = format!("{path}.items[{j}]");
                self.id(&format!("{p}.id"), &item.id);
                self.text(&format!("{p}.label"), &item.label, true);
                if item.criteria.is_empty() {
                    self.push(
                        format!("{p}.criteria"),
                        "a priority must move at least one criterion",
                        "add {\"criterion-id\": 1}",
                    );
                }
                for (criterion, step) in &item.criteria {
                    let wp = format!("{p}.criteria.{criterion}");
                    self.criterion_ref(&wp, criterion);
                    if !step.is_finite() || *step < 0.0 {
                        self.push(
                            wp,
                            "a weight per step must be a finite number ≥ 0",
                            "use e.g. 1",
                        );
                    }
                }
                if !item.default.is_finite() || !(0.0..=MAX_PRIORITY).contains(&item.default) {
                    self.push(
                        format!("{p}.default"),
                        "a slider default must be from 0 to 5",
                        "use e.g. 2",
                    );
                }
            }
        }
    }

    fn rules(&mut self) {
        let m = self.matrix;
        self.unique("rules", m.rules.iter().map(|r| r.id.as_str()));
        for (i, r) in m.rules.iter().enumerate() {
            let path = format!("rules[{i}]");
            self.id(&format!("{path}.id"), &r.id);
            self.text(&format!("{path}.text"), &r.text, true);
            self.text(&format!("{path}.label"), &r.label, false);
            for (j, id) in r.sources.iter().enumerate() {
                self.source_ref(&format!("{path}.sources[{j}]"), id);
            }
            match r.kind {
                RuleKind::Override => {
                    match &r.when {
                        Some(cond) => self.condition(&format!("{path}.when"), cond),
                        None => self.push(
                            format!("{path}.when"),
                            "an override rule needs `when`",
                            "add {\"question\": …, \"choice\": …}",
                        ),
                    }
                    match &r.option {
                        Some(o) => self.option_ref(&format!("{path}.option"), o),
                        None => self.push(
                            format!("{path}.option"),
                            "an override rule needs `option`",
                            "name the option it favours",
                        ),
                    }
                    if !r.within.is_finite() || !(0.0..=100.0).contains(&r.within) {
                        self.push(
                            format!("{path}.within"),
                            "`within` must be from 0 to 100 points",
                            "use e.g. 15",
                        );
                    }
                }
                RuleKind::Hybrid => {
                    if r.groups.len() < 2 {
                        self.push(
                            format!("{path}.groups"),
                            "a hybrid rule needs at least two groups",
                            "add one group per option in the split",
                        );
                    }
                    if r.label.is_empty() {
                        self.push(
                            format!("{path}.label"),
                            "a hybrid rule needs a label",
                            "use e.g. \"Use both\"",
                        );
                    }
                    for (j, g) in r.groups.iter().enumerate() {
                        let p = format!("{path}.groups[{j}]");
                        self.option_ref(&format!("{p}.option"), &g.option);
                        if g.criteria.is_empty() {
                            self.push(
                                format!("{p}.criteria"),
                                "a group needs at least one criterion",
                                "list the criteria that favour this option",
                            );
                        }
                        for (k, c) in g.criteria.iter().enumerate() {
                            self.criterion_ref(&format!("{p}.criteria[{k}]"), c);
                        }
                        if !g.min_share.is_finite() || !(0.0..=1.0).contains(&g.min_share) {
                            self.push(
                                format!("{p}.min_share"),
                                "min_share must be a share of the total weight, from 0 to 1",
                                "use e.g. 0.2",
                            );
                        }
                    }
                    for (j, s) in r.split.iter().enumerate() {
                        self.option_ref(&format!("{path}.split[{j}].option"), &s.option);
                        self.text(&format!("{path}.split[{j}].role"), &s.role, true);
                    }
                }
            }
        }
    }

    fn disputes(&mut self) {
        let m = self.matrix;
        self.unique("disputes", m.disputes.iter().map(|d| d.id.as_str()));
        for (i, d) in m.disputes.iter().enumerate() {
            let path = format!("disputes[{i}]");
            self.id(&format!("{path}.id"), &d.id);
            self.text(&format!("{path}.topic"), &d.topic, true);
            for (j, cond) in d.when.iter().enumerate() {
                self.condition(&format!("{path}.when[{j}]"), cond);
            }
            if d.sides.len() < 2 {
                self.push(
                    format!("{path}.sides"),
                    "a dispute needs at least two sides",
                    "add the source that disagrees",
                );
            }
            for (j, s) in d.sides.iter().enumerate() {
                let p = format!("{path}.sides[{j}]");
                self.option_ref(&format!("{p}.option"), &s.option);
                self.source_ref(&format!("{p}.source"), &s.source);
                self.text(&format!("{p}.section"), &s.section, false);
                self.text(&format!("{p}.text"), &s.text, true);
            }
        }
    }

    // Shared checks.

    fn id(&mut self, path: &str, id: &str) {
        let ok = !id.is_empty()
            && id.chars().count() <= MAX_ID_LEN
            && id
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
        if !ok {
            self.push(
                path,
                format!("\"{}\" is not a valid id", clip(id)),
                format!("use 1–{MAX_ID_LEN} characters from a–z, 0–9 and -"),
            );
        }
    }

    fn text(&mut self, path: &str, text: &str, required: bool) {
        if required && text.trim().is_empty() {
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

    fn count(&mut self, path: &str, n: usize, max: usize) {
        if n > max {
            self.push(
                path,
                format!("{n} entries is more than the limit of {max}"),
                format!("keep at most {max}"),
            );
        }
    }

    fn unique<'s>(&mut self, path: &str, ids: impl Iterator<Item = &'s str>) {
        let mut seen: Vec<&str> = Vec::new();
        for id in ids {
            if seen.contains(&id) {
                self.push(
                    path,
                    format!("the id \"{}\" is used twice", clip(id)),
                    "give every entry its own id",
                );
            } else {
                seen.push(id);
            }
        }
    }

    fn option_ref(&mut self, path: &str, id: &str) {
        let m = self.matrix;
        if !m.options.iter().any(|o| o.id == id) {
            self.issues.push(unknown_id(
                path,
                "option",
                id,
                m.options.iter().map(|o| o.id.as_str()),
            ));
        }
    }

    fn criterion_ref(&mut self, path: &str, id: &str) {
        let m = self.matrix;
        if !m.criteria.iter().any(|c| c.id == id) {
            self.issues.push(unknown_id(
                path,
                "criterion",
                id,
                m.criteria.iter().map(|c| c.id.as_str()),
            ));
        }
    }

    fn source_ref(&mut self, path: &str, id: &str) {
        let m = self.matrix;
        if !m.sources.iter().any(|s| s.id == id) {
            self.issues.push(unknown_id(
                path,
                "source",
                id,
                m.sources.iter().map(|s| s.id.as_str()),
            ));
        }
    }

    fn condition(&mut self, path: &str, cond: &Condition) {
        let m = self.matrix;
        match m.questions.iter().find(|q| q.id == cond.question) {
            None => self.issues.push(unknown_id(
                &format!("{path}.question"),
                "question",
                &cond.question,
                m.questions.iter().map(|q| q.id.as_str()),
            )),
            Some(q) if !q.choices.iter().any(|c| c.id == cond.choice) => {
                self.issues.push(unknown_id(
                    &format!("{path}.choice"),
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
fn is_date(s: &str) -> bool {
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
}

/// Deepest nesting of arrays and objects any input may have. A matrix needs 5.
pub const MAX_DEPTH: usize = 32;

/// The deepest nesting of arrays and objects in JSON text, without recursion
/// (so hostile input cannot exhaust the stack). Brackets inside strings are
/// ignored.
pub fn json_depth(text: &str) -> usize {
    let (mut depth, mut deepest, mut in_string, mut escaped) = (0usize, 0usize, false, false);
    for b in text.bytes() {
        if in_string {
            match (escaped, b) {
                (true, _) => escaped = false,
                (false, b'\\') => escaped = true,
                (false, b'"') => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                deepest = deepest.max(depth);
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    deepest
}

#[cfg(test)]
mod depth_tests {
    use super::json_depth;

    #[test]
    fn depth_counts_nesting_outside_strings() {
        assert_eq!(json_depth("1"), 0);
        assert_eq!(json_depth("{}"), 1);
        assert_eq!(json_depth(r#"{"a":[1,{"b":[]}]}"#), 4);
        assert_eq!(json_depth(r#"{"a":"[[[[\"]]]"}"#), 1);
        assert_eq!(json_depth(&"[".repeat(100_000)), 100_000);
    }
}
