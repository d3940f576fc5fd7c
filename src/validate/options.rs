//! What a matrix compares: its top fields, options, criteria, scores and
//! sources.

use super::{is_date, Validator};
use crate::error::{clip, unknown_id, Path};
use crate::limits::{
    ANCHOR_MAX, ANCHOR_RANGE, MAX_CRITERIA, MAX_OPTIONS, MAX_WEIGHT, WEIGHT_RANGE,
};

impl Validator<'_> {
    pub(super) fn top(&mut self) {
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

    pub(super) fn options(&mut self) {
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

    pub(super) fn criteria(&mut self) {
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

    pub(super) fn scores(&mut self) {
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

    pub(super) fn sources(&mut self) {
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
}
