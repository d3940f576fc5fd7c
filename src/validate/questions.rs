//! What a reader answers and what follows from it: questions, rules,
//! disputes, and the next-step guidance of options and hybrid rules.

use super::{Validator, RESERVED_ANSWER_KEYS};
use crate::error::Path;
use crate::limits::{
    GROUP_WEIGHT_RANGE, MAX_CODE_LEN, MAX_CRITERIA, MAX_GUIDANCE, MAX_OPTIONS, MAX_PRIORITY,
    MAX_QUESTIONS, MAX_WEIGHT, SLIDER_DEFAULT_RANGE, WEIGHT_CHANGE_RANGE, WEIGHT_STEP_RANGE,
};
use crate::model::{GuidanceKind, GuidanceSection, QuestionKind, RuleKind};
use crate::small::is_blank;

impl Validator<'_> {
    pub(super) fn questions(&mut self) {
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

    pub(super) fn rules(&mut self) {
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

    pub(super) fn disputes(&mut self) {
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
    pub(super) fn guidance(&mut self, path: &Path, sections: &[GuidanceSection]) {
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
}
