//! Validation of a parsed matrix. Collects every issue, not just the first,
//! so an author can fix a matrix in one pass.

use crate::error::{clip, unknown_id, Error, Issues, Path};
use crate::limits::{
    ANCHOR_MAX, ANCHOR_RANGE, GROUP_WEIGHT_RANGE, MAX_PRIORITY, SLIDER_DEFAULT_RANGE,
    WEIGHT_CHANGE_RANGE, WEIGHT_RANGE, WEIGHT_STEP_RANGE,
};
use crate::model::{Condition, GuidanceKind, GuidanceSection, Matrix, QuestionKind, RuleKind};

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

    fn top(&mut self) {
        let matrix = self.matrix;
        if matrix.version != 1 {
            self.push(
                "version",
                format!("version {} is not supported", matrix.version),
                "set \"version\": 1",
            );
        }
        self.id(&Path::root("id"), &matrix.id);
        self.text(&Path::root("title"), &matrix.title, true);
        let c = matrix.confidence;
        if !c.clear.is_finite()
            || !c.lean.is_finite()
            || c.lean < 0.5
            || c.lean > c.clear
            || c.clear > 1.0
        {
            self.push(
                "confidence",
                "confidence thresholds are win probabilities and must satisfy 0.5 ≤ lean ≤ clear ≤ 1",
                "use e.g. {\"clear\": 0.9, \"lean\": 0.7}",
            );
        }
    }

    fn options(&mut self) {
        let matrix = self.matrix;
        let list = Path::root("options");
        if matrix.options.len() < 2 {
            self.push(
                "options",
                "a matrix needs at least two options",
                "add the alternatives being compared",
            );
        }
        self.count(&list, matrix.options.len(), MAX_OPTIONS);
        self.unique(&list, matrix.options.iter().map(|o| o.id.as_str()));
        for (i, o) in matrix.options.iter().enumerate() {
            self.id(&list.index(i).key("id"), &o.id);
            if o.id == "hybrid" {
                self.push(
                    list.index(i).key("id"),
                    "\"hybrid\" is reserved for the hybrid verdict",
                    "rename the option",
                );
            }
            self.text(&list.index(i).key("label"), &o.label, true);
            self.text(&list.index(i).key("summary"), &o.summary, false);
            self.guidance(&list.index(i).key("guidance"), &o.guidance);
        }
    }

    fn criteria(&mut self) {
        let matrix = self.matrix;
        let list = Path::root("criteria");
        if matrix.criteria.is_empty() {
            self.push(
                "criteria",
                "a matrix needs at least one criterion",
                "add what the options are judged on",
            );
        }
        self.count(&list, matrix.criteria.len(), MAX_CRITERIA);
        self.unique(&list, matrix.criteria.iter().map(|c| c.id.as_str()));
        for (i, c) in matrix.criteria.iter().enumerate() {
            let path = list.index(i);
            self.id(&path.key("id"), &c.id);
            self.text(&path.key("label"), &c.label, true);
            self.text(&path.key("description"), &c.description, false);
            if !(0.0..=MAX_WEIGHT).contains(&c.weight) {
                self.push(
                    path.key("weight"),
                    WEIGHT_RANGE,
                    "use 0 to rely on the answers alone",
                );
            }
            for (j, e) in c.evidence.iter().enumerate() {
                let p_list = path.key("evidence");
                let p = p_list.index(j);
                self.source_ref(&p.key("source"), &e.source);
                self.text(&p.key("section"), &e.section, false);
                self.text(&p.key("text"), &e.text, true);
            }
        }
        let mut base = Vec::with_capacity(matrix.criteria.len());
        for c in &matrix.criteria {
            base.push(c.weight.max(0.0));
        }
        for q in &matrix.questions {
            for item in &q.items {
                for (id, step) in &item.criteria {
                    if let Some(i) = matrix.criteria.iter().position(|c| &c.id == id) {
                        if let Some(w) = base.get_mut(i) {
                            *w += (step * item.default).max(0.0);
                        }
                    }
                }
            }
        }
        if !matrix.criteria.is_empty() && !base.iter().any(|w| *w > 0.0) {
            self.push(
                "criteria",
                "every criterion starts with weight 0, so a reader who answers nothing gets no result",
                "give at least one criterion a weight above 0 (or a priority slider a default above 0)",
            );
        }
    }

    fn scores(&mut self) {
        let matrix = self.matrix;
        let list = Path::root("scores");
        let mut seen = vec![false; matrix.options.len() * matrix.criteria.len()];
        for (i, s) in matrix.scores.iter().enumerate() {
            let path = list.index(i);
            let o = matrix.options.iter().position(|o| o.id == s.option);
            let c = matrix.criteria.iter().position(|c| c.id == s.criterion);
            if o.is_none() {
                self.issues.add(unknown_id(
                    &String::from(&path.key("option")),
                    "option",
                    &s.option,
                    matrix.options.iter().map(|o| o.id.as_str()),
                ));
            }
            if c.is_none() {
                self.issues.add(unknown_id(
                    &String::from(&path.key("criterion")),
                    "criterion",
                    &s.criterion,
                    matrix.criteria.iter().map(|c| c.id.as_str()),
                ));
            }
            if let (Some(o), Some(c)) = (o, c) {
                if let Some(slot) = seen.get_mut(o * matrix.criteria.len() + c) {
                    if *slot {
                        self.push(
                            path,
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
                if !x.is_finite() || !(0.0..=ANCHOR_MAX).contains(&x) {
                    self.push(
                        path.key(field),
                        format!("{field} must be a number {ANCHOR_RANGE}"),
                        "scores use the fixed 0–10 anchor scale",
                    );
                }
            }
            if low > s.value || s.value > high {
                self.push(
                    path,
                    "low ≤ value ≤ high does not hold",
                    "widen low/high so that they bracket the value",
                );
            }
            for (j, id) in s.sources.iter().enumerate() {
                self.source_ref(&path.key("sources").index(j), id);
            }
        }
        for (o, option) in matrix.options.iter().enumerate() {
            // An option or criterion whose id repeats an earlier one's is
            // reported as a repeated id, not once more here.
            if matrix.options.iter().position(|x| x.id == option.id) != Some(o) {
                continue;
            }
            for (c, criterion) in matrix.criteria.iter().enumerate() {
                if matrix.criteria.iter().position(|x| x.id == criterion.id) != Some(c) {
                    continue;
                }
                if seen.get(o * matrix.criteria.len() + c) == Some(&false) {
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
        let matrix = self.matrix;
        let list = Path::root("sources");
        self.unique(&list, matrix.sources.iter().map(|s| s.id.as_str()));
        for (i, s) in matrix.sources.iter().enumerate() {
            let path = list.index(i);
            self.id(&path.key("id"), &s.id);
            self.text(&path.key("title"), &s.title, true);
            self.text(&path.key("publisher"), &s.publisher, true);
            self.text(&path.key("note"), &s.note, false);
            if let Some(url) = &s.url {
                self.text(&path.key("url"), url, true);
                if !(url.starts_with("https://") || url.starts_with("http://")) {
                    self.push(
                        path.key("url"),
                        "a source url must start with https:// or http://",
                        "use the article's full address",
                    );
                }
            }
            if !is_date(&s.date) {
                self.push(
                    path.key("date"),
                    format!("\"{}\" is not a date", clip(&s.date)),
                    "write YYYY, YYYY-MM or YYYY-MM-DD",
                );
            }
        }
    }

    fn questions(&mut self) {
        let matrix = self.matrix;
        let list = Path::root("questions");
        self.count(&list, matrix.questions.len(), MAX_QUESTIONS);
        self.unique(&list, matrix.questions.iter().map(|q| q.id.as_str()));
        let all_items = matrix
            .questions
            .iter()
            .flat_map(|q| q.items.iter().map(|i| i.id.as_str()));
        self.unique(&Path::root("questions[].items"), all_items);
        for (i, q) in matrix.questions.iter().enumerate() {
            let path = list.index(i);
            self.id(&path.key("id"), &q.id);
            if RESERVED_ANSWER_KEYS.contains(&q.id.as_str()) {
                self.push(
                    path.key("id"),
                    format!("\"{}\" is reserved for answer settings", q.id),
                    "rename the question",
                );
            }
            self.text(&path.key("label"), &q.label, true);
            self.text(&path.key("help"), &q.help, false);
            let (wants_choices, has_choices, has_items) = (
                q.kind != QuestionKind::Priorities,
                !q.choices.is_empty(),
                !q.items.is_empty(),
            );
            if wants_choices && (!has_choices || has_items) {
                self.push(
                    path,
                    "a single or multi question needs `choices` and no `items`",
                    "list the choices under `choices`",
                );
            }
            if !wants_choices && (!has_items || has_choices) {
                self.push(
                    path,
                    "a priorities question needs `items` and no `choices`",
                    "list the sliders under `items`",
                );
            }
            self.count(&path.key("choices"), q.choices.len(), MAX_OPTIONS);
            self.count(&path.key("items"), q.items.len(), MAX_CRITERIA);
            self.unique(
                &path.key("choices"),
                q.choices.iter().map(|c| c.id.as_str()),
            );
            for (j, c) in q.choices.iter().enumerate() {
                let p_list = path.key("choices");
                let p = p_list.index(j);
                self.id(&p.key("id"), &c.id);
                self.text(&p.key("label"), &c.label, true);
                for (criterion, delta) in &c.weights {
                    let wp_map = p.key("weights");
                    let wp = wp_map.key(criterion);
                    self.criterion_ref(&wp, criterion);
                    if !delta.is_finite() || delta.abs() > MAX_WEIGHT {
                        self.push(wp, WEIGHT_CHANGE_RANGE, "use e.g. 2 or -1");
                    }
                }
            }
            for (j, item) in q.items.iter().enumerate() {
                let p_list = path.key("items");
                let p = p_list.index(j);
                self.id(&p.key("id"), &item.id);
                self.text(&p.key("label"), &item.label, true);
                if item.criteria.is_empty() {
                    self.push(
                        p.key("criteria"),
                        "a priority must move at least one criterion",
                        "add {\"criterion-id\": 1}",
                    );
                }
                for (criterion, step) in &item.criteria {
                    let wp_map = p.key("criteria");
                    let wp = wp_map.key(criterion);
                    self.criterion_ref(&wp, criterion);
                    if !(0.0..=MAX_WEIGHT).contains(step) {
                        self.push(wp, WEIGHT_STEP_RANGE, "use e.g. 1");
                    }
                }
                if !item.default.is_finite() || !(0.0..=MAX_PRIORITY).contains(&item.default) {
                    self.push(p.key("default"), SLIDER_DEFAULT_RANGE, "use e.g. 2");
                }
            }
        }
    }

    fn rules(&mut self) {
        let matrix = self.matrix;
        let list = Path::root("rules");
        self.unique(&list, matrix.rules.iter().map(|r| r.id.as_str()));
        for (i, r) in matrix.rules.iter().enumerate() {
            let path = list.index(i);
            self.id(&path.key("id"), &r.id);
            self.text(&path.key("text"), &r.text, true);
            self.text(&path.key("label"), &r.label, false);
            for (j, id) in r.sources.iter().enumerate() {
                self.source_ref(&path.key("sources").index(j), id);
            }
            if r.kind == RuleKind::Hybrid {
                self.guidance(&path.key("guidance"), &r.guidance);
            } else if !r.guidance.is_empty() {
                self.push(
                    path.key("guidance"),
                    "only a hybrid rule carries guidance",
                    "move it to the guidance of the option the rule favours",
                );
            }
            match r.kind {
                RuleKind::Override => {
                    match &r.when {
                        Some(cond) => self.condition(&path.key("when"), cond),
                        None => self.push(
                            path.key("when"),
                            "an override rule needs `when`",
                            "add {\"question\": …, \"choice\": …}",
                        ),
                    }
                    match &r.option {
                        Some(o) => self.option_ref(&path.key("option"), o),
                        None => self.push(
                            path.key("option"),
                            "an override rule needs `option`",
                            "name the option it favours",
                        ),
                    }
                    if !r.within.is_finite() || !(0.0..=100.0).contains(&r.within) {
                        self.push(
                            path.key("within"),
                            "`within` must be from 0 to 100 points",
                            "use e.g. 15",
                        );
                    }
                }
                RuleKind::Hybrid => {
                    if r.groups.len() < 2 {
                        self.push(
                            path.key("groups"),
                            "a hybrid rule needs at least two groups",
                            "add one group per option in the split",
                        );
                    }
                    if r.label.is_empty() {
                        self.push(
                            path.key("label"),
                            "a hybrid rule needs a label",
                            "use e.g. \"Use both\"",
                        );
                    }
                    for (j, g) in r.groups.iter().enumerate() {
                        let p_list = path.key("groups");
                        let p = p_list.index(j);
                        self.option_ref(&p.key("option"), &g.option);
                        if g.criteria.is_empty() {
                            self.push(
                                p.key("criteria"),
                                "a group needs at least one criterion",
                                "list the criteria that favour this option",
                            );
                        }
                        for (k, c) in g.criteria.iter().enumerate() {
                            self.criterion_ref(&p.key("criteria").index(k), c);
                        }
                        for (field, value) in
                            [("min_weight", g.min_weight), ("lead_weight", g.lead_weight)]
                        {
                            if !value.is_finite() || !(0.0..=MAX_WEIGHT).contains(&value) {
                                self.push(
                                    p.key(field),
                                    format!("`{field}` {GROUP_WEIGHT_RANGE}"),
                                    "use the sum of the group's criteria weights that counts as heavy, e.g. 6",
                                );
                            }
                        }
                    }
                    for (j, s) in r.split.iter().enumerate() {
                        self.option_ref(&path.key("split").index(j).key("option"), &s.option);
                        self.text(&path.key("split").index(j).key("role"), &s.role, true);
                    }
                }
            }
        }
    }

    fn disputes(&mut self) {
        let matrix = self.matrix;
        let list = Path::root("disputes");
        self.unique(&list, matrix.disputes.iter().map(|d| d.id.as_str()));
        for (i, d) in matrix.disputes.iter().enumerate() {
            let path = list.index(i);
            self.id(&path.key("id"), &d.id);
            self.text(&path.key("topic"), &d.topic, true);
            for (j, cond) in d.when.iter().enumerate() {
                self.condition(&path.key("when").index(j), cond);
            }
            if d.sides.len() < 2 {
                self.push(
                    path.key("sides"),
                    "a dispute needs at least two sides",
                    "add the source that disagrees",
                );
            }
            for (j, s) in d.sides.iter().enumerate() {
                let p_list = path.key("sides");
                let p = p_list.index(j);
                self.option_ref(&p.key("option"), &s.option);
                self.source_ref(&p.key("source"), &s.source);
                self.text(&p.key("section"), &s.section, false);
                self.text(&p.key("text"), &s.text, true);
            }
        }
    }

    /// Next-step guidance of an option or a hybrid rule.
    fn guidance(&mut self, path: &Path, sections: &[GuidanceSection]) {
        self.count(path, sections.len(), MAX_GUIDANCE);
        self.unique(path, sections.iter().map(|s| s.id.as_str()));
        for (i, s) in sections.iter().enumerate() {
            let p = path.index(i);
            self.id(&p.key("id"), &s.id);
            self.text(&p.key("title"), &s.title, true);
            self.text(&p.key("note"), &s.note, false);
            for (j, id) in s.sources.iter().enumerate() {
                self.source_ref(&p.key("sources").index(j), id);
            }
            match s.kind {
                GuidanceKind::List => {
                    if s.items.is_empty() {
                        self.push(
                            p.key("items"),
                            "a list section needs at least one item",
                            "add {\"text\": …, \"sources\": [\"source-id\"]}",
                        );
                    }
                    if !s.code.is_empty() || !s.language.is_empty() {
                        self.push(
                            p,
                            "a list section has no `code` or `language`",
                            "make it a second section with \"kind\": \"code\"",
                        );
                    }
                }
                GuidanceKind::Code => {
                    if is_blank(&s.code) {
                        self.push(
                            p.key("code"),
                            "a code section needs its code",
                            "put the sample in `code`",
                        );
                    }
                    let len = s.code.chars().count();
                    if len > MAX_CODE_LEN {
                        self.push(
                            p.key("code"),
                            format!("this code has {len} characters"),
                            format!("shorten it to at most {MAX_CODE_LEN}"),
                        );
                    }
                    self.id(&p.key("language"), &s.language);
                    if !s.items.is_empty() {
                        self.push(
                            p.key("items"),
                            "a code section has no `items`",
                            "move them to a section with \"kind\": \"list\"",
                        );
                    }
                }
            }
            self.count(&p.key("items"), s.items.len(), MAX_GUIDANCE);
            for (j, item) in s.items.iter().enumerate() {
                let ip_list = p.key("items");
                let ip = ip_list.index(j);
                self.text(&ip.key("label"), &item.label, false);
                self.text(&ip.key("text"), &item.text, true);
                if item.sources.is_empty() {
                    self.push(
                        ip.key("sources"),
                        "every guidance item cites at least one source",
                        "add the id of the source that says so",
                    );
                }
                for (k, id) in item.sources.iter().enumerate() {
                    self.source_ref(&ip.key("sources").index(k), id);
                }
            }
        }
    }

    // Shared checks.

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

    /// Never inlined: out of line, its per-call-site copies are 0.17 KB
    /// smaller in the gzipped `.wasm` than inlined into the checks.
    #[inline(never)]
    fn unique<'s>(&mut self, path: &Path, ids: impl Iterator<Item = &'s str>) {
        // Generic over the iterator, so one copy per caller: it only collects.
        let mut all = Vec::new();
        for id in ids {
            all.push(id);
        }
        self.unique_among(path, &all);
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
/// Byte by byte: `split` and `parse` pulled a kilobyte of generic string
/// code into the `.wasm` (docs/size.md).
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

/// True when `s` is empty or only whitespace (`s.trim().is_empty()` without
/// `trim`'s two-sided search).
fn is_blank(s: &str) -> bool {
    s.chars().all(char::is_whitespace)
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

    #[test]
    fn blank() {
        use super::is_blank;
        for s in ["", " ", "\t\n", "\u{2003}", " a ", "x"] {
            assert_eq!(is_blank(s), s.trim().is_empty(), "{s:?}");
        }
    }
}
