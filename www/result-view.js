// The result of <stack-advisor>: the verdict and its confidence, the score
// bars (score-bars.js), "Use both"'s split, the reasons and what was
// outweighed, what would change the verdict, disputes, the next-step
// guidance, the "Compare all factors" table (compare-table.js), the second
// opinion, and the citation chips and disclosures they are made of.
//
// A ResultView belongs to one element: it keeps which disclosures the reader
// opened, and the last scores (to highlight the numbers that change). An
// answer rewrites only the parts whose content changed (keyed.js).

import { h } from './dom.js';
import { fixed, keyOf, keyedChildren, setText } from './keyed.js';
import { mcdaStrings } from './mcda-strings.js';
import { copyText } from './sharing.js';
import { optionClass, scoreRows, updateScoreBars } from './score-bars.js';
import { compareTable, updateCompareRows } from './compare-table.js';
import { formatDate, formatScores, sourceYear } from './format/numbers.js';
import { confidenceWord, labelOf, optionLabels, reasonSentence } from './format/sentences.js';
import { pickEvidence } from './format/evidence.js';
import { guidanceFor } from './format/guidance.js';
import {
  changeSentences,
  guidanceGroups,
  outweighedSentence,
  probabilitySentence,
  rulePoints,
  splitRules,
} from './explain.js';

const MAX_REASONS = 4;
const MAX_FLIPS = 4;
const MAX_OUTWEIGHED = 3;

/** A keyed item for a list element whose children are keyed `items` in turn. */
function list(key, tag, attrs, items) {
  return { key, build: () => h(tag, attrs), update: (node) => keyedChildren(node, items) };
}

/** The result part of one element. */
export class ResultView {
  #id;
  #t = null;
  #view = null;
  #els = {};
  #scoreRows = null;
  #lastScores = {};
  #open = new Set(); // keys of the disclosures the reader has expanded
  #more;
  /** What the "Compare all factors" table shows (compare-table.js): the last result, its labels and chip makers. */
  #compare = null;
  /** Disclosure node → brings its open content up to date (#disclosure's `refresh`). */
  #refresh = new WeakMap();

  /**
   * @param {(prefix: string) => string} id makes ids unique within the element
   * @param {() => Promise<void>} more loads the texts a `pending` view lacks
   *   (the one-tag embed's default matrix) and hands the view that has them
   *   to useView
   */
  constructor(id, more) {
    this.#id = id;
    this.#more = more;
  }

  /**
   * Makes a new, empty result (for new questions or another language):
   * returns the verdict line, the body and the sections for the result's
   * column, and `wide`, the full-width sections below both columns.
   */
  frame(t) {
    const verdictLabel = h('span', { class: 'verdict-label' });
    const confidence = h('span', { class: 'confidence', part: 'confidence' });
    const verdict = h('p', { class: 'verdict', part: 'verdict', tabindex: '-1' }, verdictLabel, confidence);
    const overline = h('p', { class: 'overline' }, t.resultLabel);
    const body = h('div', { class: 'result-body' });
    const dynamic = h('div', { class: 'result-dynamic' });
    const wide = h('div', { class: 'wide' });
    this.#els = { verdict, verdictLabel, confidence, body, dynamic, wide };
    this.#scoreRows = null;
    this.#lastScores = {};
    return { column: [overline, verdict, body, dynamic], verdict, wide };
  }

  /**
   * Rebuilds the result from a (localized) engine result `r`.
   *
   * @param {object} r the result, labels from `view` (localizeResult)
   * @param {object} view the localized matrix
   * @param {object} t the locale's strings
   * @param {boolean} compact shorter lists (the `compact` attribute)
   * @param {boolean} showSources citation chips (no `no-sources` attribute)
   */
  render(r, view, t, compact, showSources) {
    this.#t = t;
    this.#view = view;
    const lang = t.lang || 'en';
    const labels = optionLabels(view, r, t);
    const els = this.#els;

    // 1. Verdict and confidence: the label only changes with the verdict.
    const verdictText = r.verdict === 'hybrid' ? labelOf(labels, 'hybrid') : labelOf(labels, r.verdict);
    if (els.verdict.dataset.verdict !== r.verdict || els.verdictLabel.textContent !== verdictText) {
      const swatch = h('span', { class: `swatch ${optionClass(view, r.verdict)}`, 'aria-hidden': 'true' });
      els.verdictLabel.replaceChildren(swatch, verdictText);
      els.verdict.dataset.verdict = r.verdict;
    }
    setText(els.confidence, confidenceWord(r.confidence, t));
    if (els.confidence.getAttribute('title') !== t.confidenceLabel) els.confidence.setAttribute('title', t.confidenceLabel);

    // 2. Score bars (clipped layers, labelled with numbers) and the probability
    //    behind the confidence word (score-bars.js).
    const scores = formatScores(r.scores, lang);
    if (this.#scoreRows?.view !== view || this.#scoreRows.t !== t) {
      this.#scoreRows = scoreRows(view, t);
      els.body.replaceChildren(...this.#scoreRows.nodes);
      this.#lastScores = {};
    }
    updateScoreBars(this.#scoreRows, r, view, t, scores, this.#lastScores);
    this.#lastScores = scores;
    setText(this.#scoreRows.probability, probabilitySentence(r, labels, t, lang));


    // Guidance and the comparison cite sources the result may not, so chips
    // look in the matrix's sources too.
    const sources = new Map([...(view.sources || []), ...(r.sources || [])].map((s) => [s.id, s]));
    const cited = (ids) => (showSources ? ids.filter((id) => sources.has(id)) : []);
    const chips = (ids, section = '') => cited(ids).map((id) => this.#citation(sources.get(id), section));
    // What a part's chips are built from, for its key (a source's content
    // comes with the matrix, which this frame is for).
    const chipKey = (ids, section = '') => [cited(ids), section];

    // Each section below is a keyed item (keyed.js): a section, list item or
    // passage whose content did not change since the last answer keeps its
    // nodes; a number in a sentence is rewritten in place.
    const sections = [];

    // For "Use both", what runs where comes first: it is the verdict's substance.
    if (r.hybrid) {
      const split = r.hybrid.split || [];
      const sideLabels = split.map((part) => labelOf(labels, part.option));
      const textKey = keyOf(r.hybrid.text || '', chipKey(r.hybrid.sources || []));
      sections.push(this.#section(t.hybridHeading, 'hybrid', [
        fixed(keyOf('split', split, sideLabels), () =>
          h('ul', { class: 'split' }, ...split.map((part, i) =>
            h('li', {}, h('span', { class: `side-option` }, h('span', { class: `swatch ${optionClass(view, part.option)}`, 'aria-hidden': 'true' }), sideLabels[i]), ': ', part.role),
          ))),
        r.hybrid.text ? fixed(textKey, () => h('div', {}, r.hybrid.text, ' ', ...chips(r.hybrid.sources || []))) : null,
      ]));
    }

    // 3. Why: the rules and criteria behind the verdict, then, apart, what
    //    counts for the other side but was outweighed.
    const reasons = [];
    const verdictLabel = labelOf(labels, r.verdict);
    const rules = splitRules(r);
    for (const rule of rules.backing) {
      const tagText = `${t.ruleApplied} ${rulePoints(rule, lang)}`.trim();
      reasons.push(fixed(keyOf('rule', tagText, rule.text, chipKey(rule.sources || [])), () =>
        h('li', { class: 'rule' }, h('div', {}, h('span', { class: 'rule-tag' }, tagText), rule.text, ' ', ...chips(rule.sources || []))),
      ));
    }
    const maxReasons = compact ? 3 : MAX_REASONS;
    for (const reason of (r.reasons || []).slice(0, maxReasons)) {
      // The sentence carries the reason's points, which most answers move:
      // it is rewritten in place, and the evidence passage under it stays.
      const sentence = reasonSentence(reason, labels, t, lang);
      const ev = pickEvidence(reason.evidence, labelOf(labels, reason.favours));
      reasons.push({
        key: keyOf('reason', reason.criterion, ev && [ev.text, chipKey([ev.source], ev.section)]),
        build: () => h('li', {}, h('p', { class: 'reason-text' }),
          ev ? h('div', { class: 'evidence' }, h('span', { class: 'evidence-text' }, ev.text, ' '), ...chips([ev.source], ev.section)) : null),
        update: (li) => setText(li.firstChild, sentence),
      });
    }
    const against = [];
    const outweighed = r.verdict === 'hybrid' ? [] : (r.outweighed || []).slice(0, compact ? 2 : MAX_OUTWEIGHED);
    for (const item of outweighed) {
      const sentence = outweighedSentence(item, r, labels, t, lang);
      const ev = pickEvidence(item.evidence, labelOf(labels, item.favours));
      against.push({
        key: keyOf('outweighed', item.criterion, ev && chipKey([ev.source], ev.section)),
        // The sentence is the first text node, rewritten in place.
        build: () => h('li', {}, '', ' ', ...(ev ? chips([ev.source], ev.section) : [])),
        update: (li) => {
          if (li.firstChild.data !== sentence) li.firstChild.data = sentence;
        },
      });
    }
    for (const rule of rules.against) {
      const note = t.outweighedRule(rulePoints(rule, lang), labelOf(labels, rule.option), verdictLabel);
      against.push(fixed(keyOf('rule', rule.text, note, chipKey(rule.sources || [])), () =>
        h('li', { class: 'rule' }, h('span', { class: 'rule-tag' }, t.ruleApplied), rule.text, ` (${note}) `, ...chips(rule.sources || [])),
      ));
    }
    if (reasons.length || against.length) {
      sections.push(this.#section(t.whyHeading, 'reasons', [
        reasons.length ? list('reasons', 'ol', { class: 'reasons' }, reasons) : null,
        against.length ? list('outweighed', 'ul', { class: 'outweighed', part: 'outweighed' }, against) : null,
      ]));
    }

    // 4. What would change this: answers the reader can give, never raw weights.
    const flips = changeSentences(r, view, labels, t, compact ? 2 : MAX_FLIPS);
    sections.push(this.#section(t.flipsHeading, 'flips', [
      flips.length
        // By place: a new sentence is written into the list item already there.
        ? list('flips', 'ul', { class: 'flips' }, flips.map((s, i) => ({ key: i, build: () => h('li', {}, ''), update: (li) => setText(li, s) })))
        : fixed('none', () => h('p', {}, t.noFlips)),
    ]));

    // 5. Disputes, if any.
    if ((r.disputes || []).length) {
      const disputes = r.disputes.map((d) => {
        const sides = (d.sides || []).map((side) => [labelOf(labels, side.option), side.text, chipKey([side.source], side.section)]);
        return fixed(keyOf(d.topic, sides), () =>
          h('div', { class: 'dispute' },
            h('p', { class: 'dispute-topic' }, d.topic),
            h('ul', { class: 'sides' }, ...(d.sides || []).map((side, i) =>
              h('li', {}, h('span', { class: 'side-option' }, sides[i][0], ': '), side.text, ' ', ...chips([side.source], side.section)),
            )),
          ),
        );
      });
      sections.push(this.#section(t.disputesHeading, 'disputes', disputes));
    }
    keyedChildren(els.dynamic, sections);

    // Below both columns, full width:
    // 6. What to do next: the verdict's guidance, each section a disclosure
    //    whose content is built when first expanded; for "Use both" grouped
    //    per runtime under a heading each. Built again only when the
    //    guidance changes (with the verdict).
    const wide = [];
    const groups = guidanceGroups(guidanceFor(r, view), r, labels, t);
    if (groups.length) {
      const groupsKey = keyOf(showSources, groups.map((g) => [g.owner, g.heading, g.entries.map((e) => [e.key, e.owner, e.section.title])]));
      wide.push(this.#section(t.guidanceHeading, 'guidance', [fixed(groupsKey, () => this.#guidanceGroups(groups, chips, r))]));
    }

    // 7. Every criterion side by side, in the order of the reader's weights:
    //    a disclosure that stays; its table is built when opened, and
    //    brought up to date while open.
    this.#compare = { view, t, r, labels, chips, chipKey };
    wide.push({
      key: 'compare',
      build: () => h('section', { class: 'result-section compare-section', part: 'compare' },
        this.#disclosure('compare', 'h3', [t.compareHeading], () => {
          // From this.#compare, which useView brings the texts to once they have loaded.
          const table = () => {
            const node = compareTable(this.#compare.view, this.#compare.t);
            updateCompareRows(node, this.#compare);
            return [node];
          };
          return this.#compare.view.pending ? [this.#waiting(table)] : table();
        }, (node) => node.tagName === 'TABLE' && updateCompareRows(node, this.#compare))),
      update: (section) => this.#refresh.get(section.firstChild)?.(),
    });
    keyedChildren(els.wide, wide);
  }

  /**
   * The guidance groups: a heading each for "Use both", then a disclosure per
   * section; a `pending` section (its body in the texts still to load) waits
   * for them when opened and is then drawn from the result `r`'s guidance.
   */
  #guidanceGroups(groups, chips, r) {
    const view = this.#view;
    return h('div', { class: 'guide-groups' }, ...groups.map((group) => {
      const level = group.heading ? 'h5' : 'h4';
      const disclosures = group.entries.map(({ key, owner, section }) =>
        this.#disclosure(key, level, [h('span', { class: `swatch ${optionClass(view, owner)}`, 'aria-hidden': 'true' }), section.title], () =>
          section.pending
            ? [this.#waiting(() => this.#guidanceBody(guidanceFor(r, this.#view).find((entry) => entry.key === key)?.section ?? {}, chips))]
            : this.#guidanceBody(section, chips),
        ),
      );
      const heading = group.heading
        ? h('h4', { class: 'group-title' }, h('span', { class: `swatch ${optionClass(view, group.owner)}`, 'aria-hidden': 'true' }), group.heading)
        : null;
      return h('div', { class: `guide-group ${optionClass(view, group.owner)}` }, heading, h('div', { class: 'disclosures' }, ...disclosures));
    }));
  }

  /** Takes the element's view once it has the texts a `pending` one lacked (see #waiting). */
  useView(view) {
    this.#view = view;
    if (this.#compare) this.#compare.view = view;
  }

  /** Shows why there is no result (`error`, from the engine) in place of one. */
  showError(error) {
    this.#scoreRows = null; // the body below no longer holds them
    const els = this.#els;
    els.verdictLabel.textContent = '—';
    els.confidence.textContent = '';
    const hint = error?.hint ? ` (${error.hint})` : '';
    els.body.replaceChildren(h('p', { class: 'error-text' }, (error?.message || String(error)) + hint));
    els.dynamic.replaceChildren();
    els.wide.replaceChildren();
  }

  /**
   * TOPSIS beside the weighted sum, under the scores (`opinion` from
   * methods.js's secondOpinion, drawn by its `section`, opinionSection: both
   * come with the MCDA add-ons), or nothing when `opinion` is null. The
   * body's score rows stay from one answer to the next: the last second
   * opinion goes, the new one comes.
   */
  showOpinion(opinion, section) {
    this.#els.opinion?.remove();
    this.#els.opinion = opinion ? section(opinion, this.#view, mcdaStrings(this.#t), this.#t.lang || 'en') : null;
    if (this.#els.opinion) this.#els.body.append(this.#els.opinion);
  }

  /**
   * A disclosure: a heading holding a button that shows and hides a region.
   * `build()` makes the region's content on first opening (lazy), and the
   * open state survives re-renders under `key`. With `refresh(node)`, the
   * content built once is brought up to date rather than built again: when
   * the disclosure opens, and on each render while it is open (the caller
   * runs `this.#refresh.get(node)`).
   */
  #disclosure(key, headingTag, label, build, refresh = null) {
    const buttonId = this.#id('disc');
    const regionId = this.#id('region');
    const open = this.#open.has(key);
    const button = h('button', { type: 'button', class: 'disclosure', id: buttonId, 'aria-expanded': String(open), 'aria-controls': regionId }, ...label);
    const region = h('div', { class: 'disclosure-body', id: regionId, role: 'region', 'aria-labelledby': buttonId, hidden: !open });
    const fill = () => {
      if (!region.hasChildNodes()) region.append(...build());
      else if (refresh) refresh(region.firstChild);
    };
    if (open) fill();
    button.addEventListener('click', () => {
      const opening = button.getAttribute('aria-expanded') !== 'true';
      if (opening) {
        fill();
        this.#open.add(key);
      } else {
        this.#open.delete(key);
      }
      button.setAttribute('aria-expanded', String(opening));
      region.hidden = !opening;
    });
    const node = h('div', { class: 'disclosure-item', 'data-key': key }, h(headingTag, { class: 'disclosure-heading' }, button), region);
    // Closed, its content waits (stale, hidden) for the next opening.
    if (refresh) this.#refresh.set(node, () => button.getAttribute('aria-expanded') === 'true' && fill());
    return node;
  }

  /** One guidance section: cited points, or code with a Copy button; then its note. */
  #guidanceBody(section, chips) {
    const t = this.#t;
    const out = [];
    if ((section.items || []).length) {
      out.push(h('ul', { class: 'guide-list' }, ...section.items.map((item) =>
        h('li', {}, item.label ? [h('strong', {}, item.label), ': '] : null, item.text, ' ', ...chips(item.sources || [])),
      )));
    }
    if (section.code) {
      const note = h('span', { class: 'copy-note', 'aria-live': 'polite' });
      const copy = h('button', { type: 'button', class: 'btn', part: 'copy-code' }, t.copyCode);
      copy.addEventListener('click', () => copyText(section.code, note, t.codeCopied, t.codeCopyFailed));
      const pre = h('pre', { class: 'code', tabindex: '0', role: 'region', 'aria-label': t.codeLabel(section.title) }, h('code', {}, section.code));
      out.push(h('div', { class: 'code-bar' }, copy, note), pre);
    }
    if (section.note) out.push(h('p', { class: 'guide-note' }, section.note, ' ', ...chips(section.sources || [])));
    return out;
  }

  /**
   * In place of content whose texts are still to come: loads them, then puts
   * `build()`'s nodes (made from the view that has them, useView) in its
   * place; or says why not, with a retry.
   */
  #waiting(build) {
    const t = this.#t;
    const box = h('p', { class: 'waiting', role: 'status' });
    const load = () => {
      box.replaceChildren(t.textsLoading);
      this.#more().then(() => box.replaceWith(...build()), (error) => {
        const retry = h('button', { type: 'button', class: 'btn' }, t.retry);
        retry.addEventListener('click', load);
        box.replaceChildren(error?.code === 'integrity' ? t.textsRefused : t.textsFailed, ' ', retry);
      });
    };
    load();
    return box;
  }

  /**
   * A titled result section, styleable as `part`, as a keyed item: the
   * section and its heading stay, and its `blocks` (keyed items; null ones
   * are left out) are kept in step under the heading.
   */
  #section(title, part, blocks) {
    return {
      key: keyOf(part, title),
      build: () => {
        const id = this.#id('sec');
        return h('section', { class: `result-section ${part}-section`, part, 'aria-labelledby': id }, h('h3', { class: 'section-title', id }, title));
      },
      update: (section) => keyedChildren(section, blocks.filter(Boolean), 1),
    };
  }

  /** A citation chip: a button that expands the source's title, publisher, date and section. */
  #citation(source, section) {
    const t = this.#t;
    const panelId = this.#id('cite');
    const button = h(
      'button',
      { type: 'button', class: 'cite', part: 'citation', 'aria-expanded': 'false', 'aria-controls': panelId },
      h('span', {}, `${source.publisher} · ${sourceYear(source.date)}`),
      source.sponsored ? h('span', { class: 'vendor', part: 'vendor' }, t.vendor) : null,
    );
    // The panel's content is made when it is first opened: a result has a
    // dozen citations, rebuilt on every answer, and most are never opened.
    const panel = h('div', { class: 'cite-panel', id: panelId, hidden: true });
    const fill = () => {
      const rows = [
        [t.publisherLabel, source.publisher],
        [t.publishedLabel, formatDate(source.date, t.lang || 'en')],
      ];
      if (section) rows.push([t.sectionLabel, section]);
      panel.append(h('p', { class: 'cite-title' }, source.title), h('dl', {}, ...rows.map(([k, v]) => [h('dt', {}, k), h('dd', {}, v)])));
      if (source.sponsored) panel.append(h('p', { class: 'vendor-note' }, t.vendorNote));
      if (source.note) panel.append(h('p', {}, source.note));
      if (typeof source.url === 'string' && /^https?:\/\//i.test(source.url)) {
        panel.append(h('p', {}, h('a', { href: source.url, rel: 'noopener noreferrer external', target: '_blank' }, t.openSource)));
      }
    };
    button.addEventListener('click', () => {
      const open = button.getAttribute('aria-expanded') !== 'true';
      if (open && !panel.firstChild) fill();
      button.setAttribute('aria-expanded', String(open));
      panel.hidden = !open;
    });
    return h('span', { class: 'cite-wrap' }, button, panel);
  }
}
