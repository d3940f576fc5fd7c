// <stack-advisor>: asks a reader a few questions generated from a decision
// matrix and shows, live, a cited and explainable recommendation.
//
// This module has no side effects: it defines the class and registers
// nothing (see define.js). The DOM is built with createElement/textContent
// only, so author strings always render as text and Trusted Types pages work.

import { h } from './dom.js';
import { isMcdaLoaded, loadEngine, loadMcda } from './loader.js';
import { defaultMatrix } from './engine.js';
import { styleSheet, css } from './styles.js';
import { readAuthorMatrix } from './matrix-source.js';
import { issueList } from './issue-list.js';
import { opinionSection, parseMethods, secondOpinion } from './methods.js';
import { canCalibrate, createCalibrator } from './calibrate.js';
import { mcdaStrings } from './mcda-strings.js';
import { adoptMcdaStyles } from './mcda-styles.js';
import en from './i18n/en.js';
import de from './i18n/de.js';
import {
  compareRows,
  confidenceWord,
  decodeState,
  encodeState,
  formatDate,
  formatNumber,
  formatPercent,
  formatScores,
  guidanceFor,
  hashKey,
  labelOf,
  localizeMatrix,
  localizeResult,
  optionLabels,
  parseAnswersAttribute,
  pickEvidence,
  pickLocale,
  priorityWord,
  readHash,
  reasonSentence,
  sameAnswers,
  sanitizeAnswers,
  sourceYear,
  verdictSentence,
  withoutDefaults,
  writeHash,
} from './format.js';
import {
  barParts,
  changeSentences,
  guidanceGroups,
  outweighedSentence,
  partText,
  probabilitySentence,
  rangeNote,
  rulePoints,
  scoreScale,
  splitRules,
} from './explain.js';
import { toMarkdown } from './markdown.js';

// Importing this module where there is no DOM (Node, server-side rendering)
// must not throw, so the base class is looked up rather than assumed.
const HTMLElement = globalThis.HTMLElement || class {};

const SVG = 'http://www.w3.org/2000/svg';
const BOOLEAN_ATTRIBUTES = ['compact', 'no-share', 'no-sources'];
const THEMES = ['auto', 'light', 'dark'];
const MAX_REASONS = 4;
const MAX_FLIPS = 4;
const MAX_OUTWEIGHED = 3;
const ANNOUNCE_DELAY_MS = 500;
/** How long the answers wait, after the last change, before going into the URL hash. */
const HASH_DELAY_MS = 150;

function svg(tag, attrs = {}) {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  return node;
}

/** Sets an SVG length attribute, only when it changed (each write invalidates style). */
function setWidth(node, width) {
  if (node.getAttribute('width') !== width) node.setAttribute('width', width);
}

/** Class for an option's colour: the first option is opt-1, and so on. */
function optionClass(matrix, id) {
  if (id === 'hybrid') return 'opt-hybrid';
  const index = (matrix.options || []).findIndex((o) => o.id === id);
  return index < 0 ? '' : `opt-${(index % 4) + 1}`;
}

export class StackAdvisorElement extends HTMLElement {
  /** Locales by language code; add one with `StackAdvisorElement.locales.fr = {...}`. */
  static locales = { en, de };

  static observedAttributes = ['answers', 'lang', 'theme', 'src', 'methods', 'calibrate', ...BOOLEAN_ATTRIBUTES];

  /**
   * Registers the element under `tag` (default `stack-advisor`) in `registry`.
   * Does nothing if the tag is already taken, so a page that includes the
   * script twice keeps working.
   */
  static define(tag = 'stack-advisor', registry = globalThis.customElements) {
    if (registry && !registry.get(tag)) registry.define(tag, this);
    return this;
  }

  #root;
  #els = {};
  #state = 'idle'; // idle → loading → ready | error
  #engine = null;
  #matrixProperty = null;
  #matrix = null; // the matrix handed to the engine
  #view = null; // the same matrix with labels in the reader's language
  #t = en;
  #answers = {};
  #initial = {};
  #result = null;
  #lastScores = {};
  /** True when #matrix is the built-in one (an untouched copy of it). */
  #builtIn = false;
  #lastHash = null;
  #lastAnnounced = '';
  #announceTimer = 0;
  #hashTimer = 0;
  #uid = 0;
  #starts = 0; // the latest #start wins when a slow `src` load overlaps another
  #open = new Set(); // keys of the disclosures the reader has expanded
  #internals = null;
  #onHashChange = () => {
    // The page's (or reader's) own hash wins over a write still waiting.
    clearTimeout(this.#hashTimer);
    this.#hashTimer = 0;
    this.#restoreFromHash();
  };

  constructor() {
    super();
    this.#root = this.attachShadow({ mode: 'open' });
    const sheet = styleSheet();
    if (sheet && 'adoptedStyleSheets' in this.#root) this.#root.adoptedStyleSheets = [sheet];
    else this.#root.append(h('style', {}, css));
    adoptMcdaStyles(this.#root);
    try {
      this.#internals = this.attachInternals();
    } catch {
      this.#internals = null;
    }
    this.#buildShell();
  }

  // ------------------------------------------------------------ properties

  /** The current answers (a copy). Setting it replaces them and updates the result. */
  get answers() {
    return structuredClone(this.#answers);
  }
  set answers(value) {
    this.setAttribute('answers', typeof value === 'string' ? value : JSON.stringify(value ?? {}));
  }

  /** `auto` (follow `prefers-color-scheme`), `light` or `dark`. */
  get theme() {
    const v = this.getAttribute('theme');
    return THEMES.includes(v) ? v : 'auto';
  }
  set theme(value) {
    this.setAttribute('theme', String(value));
  }

  get compact() {
    return this.hasAttribute('compact');
  }
  set compact(v) {
    this.toggleAttribute('compact', Boolean(v));
  }
  get noShare() {
    return this.hasAttribute('no-share');
  }
  set noShare(v) {
    this.toggleAttribute('no-share', Boolean(v));
  }
  get noSources() {
    return this.hasAttribute('no-sources');
  }
  set noSources(v) {
    this.toggleAttribute('no-sources', Boolean(v));
  }

  /** Same-origin URL of a matrix JSON file, loaded when no `matrix` property or child script gives one. */
  get src() {
    return this.getAttribute('src') || '';
  }
  set src(value) {
    if (value == null || value === '') this.removeAttribute('src');
    else this.setAttribute('src', String(value));
  }

  /** `wsm` (default), or `wsm topsis` to show TOPSIS as a second opinion. */
  get methods() {
    return [...parseMethods(this.getAttribute('methods'))].join(' ');
  }
  set methods(value) {
    this.setAttribute('methods', Array.isArray(value) ? value.join(' ') : String(value));
  }

  /** Offers "Calibrate my priorities" (pairwise AHP) for matrices with 2–6 criteria. */
  get calibrate() {
    return this.hasAttribute('calibrate');
  }
  set calibrate(value) {
    this.toggleAttribute('calibrate', Boolean(value));
  }

  /** A custom decision matrix (object). `null` goes back to the child script or the default. */
  get matrix() {
    return this.#matrix ? structuredClone(this.#matrix) : this.#matrixProperty;
  }
  set matrix(value) {
    this.#matrixProperty = value ?? null;
    if (this.#state === 'ready' || this.#state === 'error') this.#start(true);
  }

  /** The latest recommendation (the engine's result object), or null before the first one. */
  get result() {
    return this.#result ? structuredClone(this.#result) : null;
  }

  // -------------------------------------------------------------- lifecycle

  connectedCallback() {
    globalThis.addEventListener?.('hashchange', this.#onHashChange);
    if (this.#state === 'idle') this.#start(false);
  }

  disconnectedCallback() {
    globalThis.removeEventListener?.('hashchange', this.#onHashChange);
    clearTimeout(this.#announceTimer);
    if (this.#hashTimer) {
      clearTimeout(this.#hashTimer);
      this.#hashTimer = 0;
      this.#writeHash();
    }
  }

  attributeChangedCallback(name, oldValue, newValue) {
    if (name === 'src' && oldValue !== newValue) {
      // A new address: load it (a settled element only; one still starting reads it anyway).
      if (this.#state === 'ready' || this.#state === 'error') this.#start(true);
      return;
    }
    if (oldValue === newValue || this.#state !== 'ready') return;
    if ((name === 'methods' || name === 'calibrate') && this.#needsMcda()) {
      // TOPSIS and calibration run in the MCDA extension: load it, then redo this.
      loadMcda().then(
        () => this.attributeChangedCallback(name, null, this.getAttribute(name)),
        (error) => this.#mcdaFailed(error),
      );
      return;
    }
    if (name === 'answers') {
      const parsed = parseAnswersAttribute(newValue);
      if (parsed.error) return this.#reportError('answers', new Error(parsed.error));
      this.#initial = sanitizeAnswers(parsed.answers, this.#matrix.questions);
      this.#setAnswers(this.#initial, { writeHash: false });
    } else if (name === 'lang' || name === 'calibrate') {
      this.#applyLocale();
      this.#buildMain();
      this.#update({ writeHash: false, announce: false });
    } else {
      // theme, compact, no-share and no-sources are styled by CSS; the result
      // is rebuilt so the compact list lengths follow.
      this.#update({ writeHash: false, announce: false, dispatch: false });
    }
  }

  // ---------------------------------------------------------------- startup

  async #start(restart) {
    const run = ++this.#starts;
    this.#setState('loading');
    this.#applyLocale();
    // The engine decodes and compiles in the background (the first page
    // load's slowest step) while the matrix is read and, for the built-in
    // one, while the questions are built.
    const engine = loadEngine();
    engine.catch(() => {}); // awaited below, after the matrix
    let matrix = null;
    let matrixError = null;
    try {
      matrix = await this.#readMatrix();
    } catch (error) {
      matrixError = error;
    }
    if (run !== this.#starts) return; // a newer start (another src or matrix) took over
    const builtIn = matrix === null && matrixError === null;
    // The calibration panel needs the engine: with it, the questions wait.
    const early = builtIn && !this.hasAttribute('calibrate');
    if (builtIn) matrix = defaultMatrix();
    if (early) this.#prepare(matrix, restart, true);
    try {
      this.#engine = await engine;
    } catch (error) {
      return this.#fail('engine', error);
    }
    if (run !== this.#starts) return;
    if (matrixError) return this.#fail('matrix', matrixError);
    if (!builtIn) {
      let issues;
      try {
        issues = this.#engine.validateMatrix(matrix);
      } catch (error) {
        return this.#fail('matrix', error);
      }
      if (Array.isArray(issues) && issues.length) {
        const error = new Error(`invalid matrix: ${issues[0].path}: ${issues[0].message}`);
        error.issues = issues;
        return this.#fail('matrix', error);
      }
    }
    if (this.#needsMcda()) {
      // Before the first render, so that it has the second opinion and the
      // calibration panel; without them (the extension did not load) the
      // widget still works.
      try {
        await loadMcda();
      } catch (error) {
        this.#mcdaFailed(error);
      }
      if (run !== this.#starts) return;
    }
    if (!early) this.#prepare(matrix, restart, builtIn);
    this.#setState('ready');
    this.#update({ writeHash: false, announce: true });
  }

  /** Takes a valid `matrix` and the starting answers, and builds the questions (still hidden). */
  #prepare(matrix, restart, builtIn) {
    this.#matrix = matrix;
    this.#builtIn = builtIn;
    this.#applyLocale();
    const parsed = parseAnswersAttribute(this.getAttribute('answers'));
    if (parsed.error) this.#reportError('answers', new Error(parsed.error));
    this.#initial = sanitizeAnswers(parsed.answers || {}, matrix.questions);
    const fromHash = restart ? null : this.#hashAnswers();
    this.#answers = fromHash ?? this.#initial;
    this.#buildMain();
  }

  /**
   * The author's matrix: the `matrix` property, then a child JSON script, then
   * the `src` attribute (fetched, same origin only); null for the default.
   */
  /** True when `methods` or `calibrate` asks for the MCDA extension and it is not loaded yet. */
  #needsMcda() {
    return !isMcdaLoaded() && (this.#showsTopsis() || this.hasAttribute('calibrate'));
  }

  /** True when `methods` names TOPSIS (the second opinion). */
  #showsTopsis() {
    return parseMethods(this.getAttribute('methods')).has('topsis');
  }

  #mcdaFailed(error) {
    globalThis.console?.warn?.(`<stack-advisor>: TOPSIS and calibration are unavailable: ${error?.message || error}`);
    this.#reportError('engine', error);
  }

  #readMatrix() {
    return readAuthorMatrix(this, this.#matrixProperty);
  }

  #applyLocale() {
    const lang = this.closest('[lang]')?.getAttribute('lang') || globalThis.document?.documentElement?.lang || 'en';
    this.#t = pickLocale(lang, this.constructor.locales || { en, de });
    const dict = this.#t.matrixLabels && this.#matrix ? this.#t.matrixLabels[this.#matrix.id] : null;
    this.#view = localizeMatrix(this.#matrix, dict);
    this.#els.card.setAttribute('lang', this.#t.lang || 'en');
  }

  #setState(state) {
    this.#state = state;
    const ready = state === 'ready';
    this.#els.card.dataset.state = state;
    this.#els.fallback.hidden = ready;
    this.#els.main.hidden = !ready;
    if (state !== 'error') {
      this.#els.notice.hidden = true;
      this.#els.issues?.remove();
    }
    try {
      if (this.#internals?.states) {
        for (const s of ['loading', 'ready', 'error']) this.#internals.states.delete(s);
        this.#internals.states.add(state);
      }
    } catch {
      /* CustomStateSet unsupported: the state is still on the card's data-state. */
    }
  }

  #fail(kind, error) {
    this.#setState('error');
    const t = this.#t;
    const message = kind === 'matrix' && Array.isArray(error?.issues)
      ? t.invalidMatrix(error.issues.length)
      : error?.code === 'csp' ? t.cspBlocked : error?.code === 'unsupported' ? t.unsupported : t.failed;
    this.#els.notice.textContent = message;
    this.#els.notice.hidden = false;
    // The matrix's problems, readable in the widget: path, message and fix.
    this.#els.issues?.remove();
    this.#els.issues = kind === 'matrix' ? issueList(error?.issues, mcdaStrings(t)) : null;
    if (this.#els.issues) this.#els.notice.after(this.#els.issues);
    this.#els.status.textContent = message;
    // Readers get the polite notice; the page's author gets the details.
    globalThis.console?.warn?.(`<stack-advisor>: ${error?.message || error}`, error?.issues || '');
    this.#reportError(kind, error);
  }

  #reportError(kind, error) {
    const detail = {
      kind,
      message: error?.message || String(error),
      path: error?.path,
      hint: error?.hint,
      issues: error?.issues,
      error,
    };
    this.dispatchEvent(new CustomEvent('stack-advisor-error', { detail, bubbles: true, composed: true }));
  }

  // ------------------------------------------------------------------- DOM

  #id(prefix) {
    this.#uid += 1;
    return `${prefix}-${this.#uid}`;
  }

  /** The parts that exist from the start: fallback slot, notice and the live region. */
  #buildShell() {
    const notice = h('p', { class: 'notice', part: 'notice', hidden: true });
    const fallback = h('slot', { part: 'fallback' });
    // Present (and empty) before the first verdict, so screen readers announce changes.
    const status = h('div', { class: 'visually-hidden', role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true' });
    const main = h('div', { class: 'main', hidden: true });
    const inner = h('div', { class: 'inner' }, notice, fallback, status, main);
    const card = h('div', { class: 'card', part: 'card', 'data-state': 'idle' }, inner);
    this.#root.append(card);
    Object.assign(this.#els, { card, notice, fallback, status, main });
  }

  /** Questions and the result frame, generated from the matrix. */
  #buildMain() {
    const t = this.#t;
    const view = this.#view;
    const titleId = this.#id('title');
    const title = h('h2', { class: 'title', part: 'title', id: titleId }, view.title || t.title);

    const questions = h('div', { class: 'questions', part: 'questions', role: 'group', 'aria-label': t.questionsLabel });
    this.#els.controls = [];
    for (const q of view.questions || []) {
      if (q.kind === 'single') questions.append(this.#buildSingle(q));
      else if (q.kind === 'multi') questions.append(this.#buildMulti(q));
      else if (q.kind === 'priorities') questions.append(this.#buildPriorities(q));
    }
    const jump = h('button', { type: 'button', class: 'btn jump', part: 'jump', hidden: true }, t.jumpToResult);
    jump.addEventListener('click', () => {
      const reduce = globalThis.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
      this.#els.verdict.scrollIntoView({ behavior: reduce ? 'auto' : 'smooth', block: 'start' });
      this.#els.verdict.focus({ preventScroll: true });
    });
    if (this.hasAttribute('calibrate') && canCalibrate(this.#matrix)) questions.append(this.#calibrator());
    questions.append(jump);

    const verdictLabel = h('span', { class: 'verdict-label' });
    const confidence = h('span', { class: 'confidence', part: 'confidence' });
    const verdict = h('p', { class: 'verdict', part: 'verdict', tabindex: '-1' }, verdictLabel, confidence);
    const overline = h('p', { class: 'overline' }, t.resultLabel);
    const body = h('div', { class: 'result-body' });
    const dynamic = h('div', { class: 'result-dynamic' });

    const copyLink = h('button', { type: 'button', class: 'btn share', part: 'copy-link' }, t.copyLink);
    const copyMarkdown = h('button', { type: 'button', class: 'btn share', part: 'copy-markdown' }, t.copyMarkdown);
    const reset = h('button', { type: 'button', class: 'btn', part: 'reset' }, t.reset);
    const note = h('p', { class: 'action-note', 'aria-live': 'polite' });
    copyLink.addEventListener('click', () => this.#copy(this.#shareUrl(), t.linkCopied));
    copyMarkdown.addEventListener('click', () => this.#copy(this.toMarkdown(), t.markdownCopied));
    reset.addEventListener('click', () => {
      this.#setAnswers(this.#initial, { writeHash: true });
      this.#note(t.resetDone);
    });
    const actions = h('div', { class: 'actions', part: 'actions' }, copyLink, copyMarkdown, reset, note);

    const result = h(
      'section',
      { class: 'result', part: 'result', 'aria-label': t.resultLabel },
      overline,
      verdict,
      body,
      dynamic,
      actions,
    );
    const layout = h('div', { class: 'layout' }, questions, result);
    // Long sections (guidance, Compare all factors) take the card's full width below both columns.
    const wide = h('div', { class: 'wide' });
    this.#els.main.replaceChildren(title, layout, wide);
    Object.assign(this.#els, { title, questions, jump, verdict, verdictLabel, confidence, body, dynamic, wide, actions, note, result, scoreRows: null });
    this.#lastScores = {};
    this.#syncControls();
  }

  #questionHead(q, tag) {
    const labelId = this.#id('q');
    const helpId = q.help ? this.#id('help') : null;
    const label = h(tag, { class: 'q-label', id: labelId }, q.label);
    const help = q.help ? h('p', { class: 'q-help', id: helpId }, q.help) : null;
    return { label, help, labelId, helpId };
  }

  /** A single-choice question: an APG radio group of chips with a roving tabindex. */
  #buildSingle(q) {
    const { label, help, labelId, helpId } = this.#questionHead(q, 'p');
    const group = h('div', {
      class: 'chips',
      role: 'radiogroup',
      'aria-labelledby': labelId,
      'aria-describedby': helpId,
    });
    const choices = [{ id: '', label: this.#t.notSure }, ...(q.choices || [])];
    const radios = choices.map((c) => {
      const radio = h('div', { class: 'chip', role: 'radio', 'aria-checked': 'false', tabindex: '-1', 'data-value': c.id }, c.label);
      group.append(radio);
      return radio;
    });
    const select = (radio, focus) => {
      // A pointer has focused the chip already (mousedown): focusing again is
      // not free, so only when it is not.
      if (focus && this.#root.activeElement !== radio) radio.focus();
      const value = radio.dataset.value || null;
      if ((this.#answers[q.id] ?? null) === value) return this.#syncControls();
      const next = { ...this.#answers };
      if (value) next[q.id] = value;
      else delete next[q.id];
      this.#setAnswers(next, { writeHash: true, interacted: true });
    };
    group.addEventListener('click', (event) => {
      const radio = event.target.closest?.('[role="radio"]');
      if (radio) select(radio, true);
    });
    group.addEventListener('keydown', (event) => {
      const current = radios.indexOf(event.target.closest?.('[role="radio"]'));
      if (current < 0) return;
      let next = null;
      switch (event.key) {
        case 'ArrowRight':
        case 'ArrowDown':
          next = (current + 1) % radios.length;
          break;
        case 'ArrowLeft':
        case 'ArrowUp':
          next = (current - 1 + radios.length) % radios.length;
          break;
        case 'Home':
          next = 0;
          break;
        case 'End':
          next = radios.length - 1;
          break;
        case ' ':
        case 'Spacebar':
          next = current;
          break;
        default:
          return;
      }
      event.preventDefault();
      select(radios[next], true);
    });
    this.#els.controls.push({ q, radios });
    return h('div', { class: 'q', part: 'question' }, label, help, group);
  }

  /** A multi-choice question: native checkboxes in a fieldset. */
  #buildMulti(q) {
    const { label, help, helpId } = this.#questionHead(q, 'legend');
    const list = h('div', { class: 'checks' });
    const boxes = (q.choices || []).map((c) => {
      const input = h('input', { type: 'checkbox', value: c.id, 'aria-describedby': helpId });
      list.append(h('label', { class: 'check' }, input, h('span', {}, c.label)));
      input.addEventListener('change', () => {
        const picked = boxes.filter((b) => b.checked).map((b) => b.value);
        const next = { ...this.#answers };
        if (picked.length) next[q.id] = picked;
        else delete next[q.id];
        this.#setAnswers(next, { writeHash: true, interacted: true });
      });
      return input;
    });
    this.#els.controls.push({ q, boxes });
    return h('fieldset', { class: 'q', part: 'question' }, label, help, list);
  }

  /** A priorities question: one 0–5 slider per item, its value also in words. */
  #buildPriorities(q) {
    const { label, help, helpId } = this.#questionHead(q, 'legend');
    const list = h('div', { class: 'sliders' });
    const sliders = (q.items || []).map((item) => {
      const id = this.#id('slider');
      const input = h('input', { type: 'range', id, min: '0', max: '5', step: '1', 'aria-describedby': helpId, 'data-item': item.id });
      const output = h('output', { for: id, 'aria-hidden': 'true' });
      list.append(h('div', { class: 'slider' }, h('label', { for: id }, item.label), output, input));
      input.addEventListener('input', () => {
        const value = Number(input.value);
        const levels = { ...(this.#answers[q.id] || {}), [item.id]: value };
        this.#setAnswers({ ...this.#answers, [q.id]: levels }, { writeHash: true, interacted: true });
      });
      return { input, output, item };
    });
    this.#els.controls.push({ q, sliders });
    return h('fieldset', { class: 'q', part: 'question' }, label, help, list);
  }

  /** Makes every control show #answers. */
  #syncControls() {
    const t = this.#t;
    for (const control of this.#els.controls || []) {
      const value = this.#answers[control.q.id];
      if (control.radios) {
        // A radio group only changes when its answer does (the chips are ours:
        // the browser never checks one by itself).
        if (control.shown === (value ?? null)) continue;
        control.shown = value ?? null;
        let checked = control.radios.find((r) => (r.dataset.value || null) === (value ?? null)) || control.radios[0];
        // Only what changed: every attribute write invalidates style, and
        // this runs for every control on every answer.
        for (const r of control.radios) {
          const on = r === checked;
          if ((r.getAttribute('aria-checked') === 'true') !== on) r.setAttribute('aria-checked', String(on));
          if (r.tabIndex !== (on ? 0 : -1)) r.tabIndex = on ? 0 : -1;
        }
      } else if (control.boxes) {
        for (const b of control.boxes) {
          const on = Array.isArray(value) && value.includes(b.value);
          if (b.checked !== on) b.checked = on;
        }
      } else if (control.sliders) {
        for (const slider of control.sliders) {
          const { input, output, item } = slider;
          const level = value && typeof value[item.id] === 'number' ? value[item.id] : Math.round(item.default ?? 0);
          if (Number(input.value) !== level) input.value = String(level);
          // The words only change with the level (a slider is ours: only
          // the reader moves it, and that comes here).
          if (slider.shown === level && slider.shownFor === t) continue;
          slider.shown = level;
          slider.shownFor = t;
          const word = priorityWord(level, t);
          const valueText = t.priorityValue(level, word);
          if (input.getAttribute('aria-valuetext') !== valueText) input.setAttribute('aria-valuetext', valueText);
          const shown = `${level} · ${word}`;
          if (output.textContent !== shown) output.textContent = shown;
        }
      }
    }
  }

  // ---------------------------------------------------------------- update

  #setAnswers(answers, { writeHash, interacted = false }) {
    this.#answers = sanitizeAnswers(answers, this.#matrix.questions);
    this.#syncControls();
    if (interacted && this.#els.jump) this.#els.jump.hidden = false;
    this.#update({ writeHash, announce: true });
  }

  #update({ writeHash, announce, dispatch = true }) {
    if (this.#state !== 'ready') return;
    const request = withoutDefaults(this.#answers, this.#matrix.questions);
    let result;
    try {
      // The built-in matrix goes as `undefined`: the engine then knows it is
      // the one it read last without serialising it to compare.
      result = this.#engine.recommend(request, this.#builtIn ? undefined : this.#matrix);
    } catch (error) {
      this.#result = null;
      this.#renderError(error);
      // A trap is the engine's fault (it was restarted), not the answers'.
      this.#reportError(error?.restarted ? 'engine' : 'answers', error);
      return;
    }
    this.#result = result;
    this.#render(localizeResult(result, this.#view, this.#t));
    this.#renderSecondOpinion(result);
    if (writeHash) {
      // Once the reader pauses: replaceState costs about a millisecond, and
      // browsers throttle a page that calls it on every slider step.
      clearTimeout(this.#hashTimer);
      this.#hashTimer = setTimeout(() => {
        this.#hashTimer = 0;
        this.#writeHash();
      }, HASH_DELAY_MS);
    }
    if (announce) this.#announce();
    if (dispatch) {
      this.dispatchEvent(new CustomEvent('stack-advisor-change', { detail: this.result, bubbles: true, composed: true }));
    }
  }

  #renderError(error) {
    this.#els.scoreRows = null; // the body below no longer holds them
    this.#els.verdictLabel.textContent = '—';
    this.#els.confidence.textContent = '';
    const hint = error?.hint ? ` (${error.hint})` : '';
    this.#els.body.replaceChildren(h('p', { class: 'error-text' }, (error?.message || String(error)) + hint));
    this.#els.dynamic.replaceChildren();
    this.#els.wide.replaceChildren();
    this.#els.status.textContent = error?.message || String(error);
  }

  #announce() {
    clearTimeout(this.#announceTimer);
    // Wait for the reader to settle (a slider drag fires many changes), then
    // announce only a verdict that changed.
    this.#announceTimer = setTimeout(() => {
      if (!this.#result) return;
      const view = localizeResult(this.#result, this.#view, this.#t);
      const labels = optionLabels(this.#view, view, this.#t);
      // A new verdict or confidence word is announced, with the probability
      // behind it; a probability that moves on its own is not.
      const key = verdictSentence(view, labels, this.#t);
      if (key !== this.#lastAnnounced) {
        this.#lastAnnounced = key;
        this.#els.status.textContent = verdictSentence(view, labels, this.#t, probabilitySentence(view, labels, this.#t, this.#t.lang || 'en'));
      }
    }, this.#lastAnnounced ? ANNOUNCE_DELAY_MS : 0);
  }

  /** Rebuilds the result from a (localized) engine result. */
  #render(r) {
    const t = this.#t;
    const view = this.#view;
    const lang = t.lang || 'en';
    const labels = optionLabels(view, r, t);
    const compact = this.compact;
    const showSources = !this.noSources;

    // 1. Verdict and confidence: the label only changes with the verdict.
    const verdictText = r.verdict === 'hybrid' ? labelOf(labels, 'hybrid') : labelOf(labels, r.verdict);
    if (this.#els.verdict.dataset.verdict !== r.verdict || this.#els.verdictLabel.textContent !== verdictText) {
      const swatch = h('span', { class: `swatch ${optionClass(view, r.verdict)}`, 'aria-hidden': 'true' });
      this.#els.verdictLabel.replaceChildren(swatch, verdictText);
      this.#els.verdict.dataset.verdict = r.verdict;
    }
    this.#els.confidence.textContent = confidenceWord(r.confidence, t);
    this.#els.confidence.setAttribute('title', t.confidenceLabel);

    // 2. Score bars (inline SVG, labelled with numbers) and the probability
    //    behind the confidence word. The bars are the scores the verdict is
    //    made from; what `segment` criteria and rules add is a hatched,
    //    named part of them. Built once per set of questions; an answer then
    //    moves the bars and changes the numbers, rather than making new rows
    //    to style and lay out.
    const scores = formatScores(r.scores, lang);
    if (this.#els.scoreRows?.view !== view || this.#els.scoreRows.t !== t) this.#buildScores(view, t);
    const { rows, probability, caption, list } = this.#els.scoreRows;
    const parts = barParts(r, view);
    const scale = scoreScale(r.scores);
    const pct = (points) => `${((100 * Math.max(0, points)) / scale).toFixed(2)}%`;
    const ruled = rows.some((row) => parts[row.option.id]?.parts.some((part) => part.kind === 'rule'));
    const captionText = ruled ? t.scoresCaptionRules : t.scoresCaption;
    if (caption.textContent !== captionText) {
      caption.textContent = captionText;
      list.setAttribute('aria-label', captionText);
    }
    for (const row of rows) {
      const id = row.option.id;
      const bar = parts[id] || { base: 0, parts: [] };
      setWidth(row.track, pct(100));
      setWidth(row.bar, pct(bar.base));
      let x = bar.base;
      bar.parts.forEach((part, i) => {
        let rect = row.parts[i];
        if (!rect) {
          rect = svg('rect', { y: 0, height: 14, rx: 3 });
          row.svg.append(rect);
          row.parts.push(rect);
        }
        const cls = `part part-${part.kind}`;
        if (rect.getAttribute('class') !== cls) {
          rect.setAttribute('class', cls);
          rect.setAttribute('fill', `url(#${row.hatch}${part.kind === 'rule' ? '-rule' : ''}) currentColor`);
        }
        if (rect.getAttribute('x') !== pct(x)) rect.setAttribute('x', pct(x));
        setWidth(rect, pct(part.points));
        x += part.points;
      });
      for (const rect of row.parts.splice(bar.parts.length)) rect.remove();
      // Each part named in words, after a small key of its hatching.
      const named = bar.parts.map((part) => partText(part, t, lang));
      row.named.hidden = !named.length;
      const namedText = named.length ? `${t.partsLabel} ${named.join(', ')}` : '';
      if (row.named.textContent !== namedText) {
        row.named.replaceChildren(named.length ? `${t.partsLabel} ` : '', ...bar.parts.flatMap((part, i) => [
          i ? ', ' : '',
          h('span', { class: `hatch-key hatch-key-${part.kind}`, 'aria-hidden': 'true' }),
          named[i],
        ]));
      }
      const text = scores[id] ?? '—';
      if (row.num.textContent !== text) {
        // A new element, so that the highlight of a changed number replays.
        const num = h('span', { class: 'num' }, text);
        if (this.#lastScores[id] !== undefined) num.classList.add('fresh');
        row.num.replaceWith(num);
        row.num = num;
      }
      row.item.classList.toggle('leader', id === r.leader);
    }
    this.#lastScores = scores;
    probability.textContent = probabilitySentence(r, labels, t, lang);

    // Guidance and the comparison cite sources the result may not, so chips
    // look in the matrix's sources too.
    const sources = new Map([...(view.sources || []), ...(r.sources || [])].map((s) => [s.id, s]));
    const chips = (ids, section = '') =>
      showSources ? ids.filter((id) => sources.has(id)).map((id) => this.#citation(sources.get(id), section)) : [];
    const sections = [];

    // For "Use both", what runs where comes first: it is the verdict's substance.
    if (r.hybrid) {
      const split = h('ul', { class: 'split' }, ...(r.hybrid.split || []).map((part) =>
        h('li', {}, h('span', { class: `side-option` }, h('span', { class: `swatch ${optionClass(view, part.option)}`, 'aria-hidden': 'true' }), labelOf(labels, part.option)), ': ', part.role),
      ));
      const text = r.hybrid.text ? h('div', {}, r.hybrid.text, ' ', ...chips(r.hybrid.sources || [])) : null;
      sections.push(this.#section(t.hybridHeading, 'hybrid', split, text));
    }

    // 3. Why: the rules and criteria behind the verdict, then, apart, what
    //    counts for the other side but was outweighed.
    const reasons = h('ol', { class: 'reasons' });
    const verdictLabel = labelOf(labels, r.verdict);
    const rules = splitRules(r);
    for (const rule of rules.backing) {
      const tag = h('span', { class: 'rule-tag' }, `${t.ruleApplied} ${rulePoints(rule, lang)}`.trim());
      reasons.append(h('li', { class: 'rule' }, h('div', {}, tag, rule.text, ' ', ...chips(rule.sources || []))));
    }
    const maxReasons = compact ? 3 : MAX_REASONS;
    for (const reason of (r.reasons || []).slice(0, maxReasons)) {
      const item = h('li', {}, h('p', { class: 'reason-text' }, reasonSentence(reason, labels, t, lang)));
      const ev = pickEvidence(reason.evidence, labelOf(labels, reason.favours));
      if (ev) item.append(h('div', { class: 'evidence' }, h('span', { class: 'evidence-text' }, ev.text, ' '), ...chips([ev.source], ev.section)));
      reasons.append(item);
    }
    const against = h('ul', { class: 'outweighed', part: 'outweighed' });
    const outweighed = r.verdict === 'hybrid' ? [] : (r.outweighed || []).slice(0, compact ? 2 : MAX_OUTWEIGHED);
    for (const item of outweighed) {
      const ev = pickEvidence(item.evidence, labelOf(labels, item.favours));
      against.append(h('li', {}, outweighedSentence(item, r, labels, t, lang), ' ', ...(ev ? chips([ev.source], ev.section) : [])));
    }
    for (const rule of rules.against) {
      const note = t.outweighedRule(rulePoints(rule, lang), labelOf(labels, rule.option), verdictLabel);
      against.append(h('li', { class: 'rule' }, h('span', { class: 'rule-tag' }, t.ruleApplied), rule.text, ` (${note}) `, ...chips(rule.sources || [])));
    }
    if (reasons.children.length || against.children.length) {
      sections.push(this.#section(t.whyHeading, 'reasons', reasons.children.length ? reasons : null, against.children.length ? against : null));
    }

    // 4. What would change this: answers the reader can give, never raw weights.
    const flips = changeSentences(r, view, labels, t, compact ? 2 : MAX_FLIPS);
    const flipList = h('ul', { class: 'flips' }, ...flips.map((s) => h('li', {}, s)));
    sections.push(this.#section(t.flipsHeading, 'flips', flips.length ? flipList : h('p', {}, t.noFlips)));

    // 5. Disputes, if any.
    if ((r.disputes || []).length) {
      const disputes = r.disputes.map((d) =>
        h('div', { class: 'dispute' },
          h('p', { class: 'dispute-topic' }, d.topic),
          h('ul', { class: 'sides' }, ...(d.sides || []).map((side) =>
            h('li', {}, h('span', { class: 'side-option' }, labelOf(labels, side.option), ': '), side.text, ' ', ...chips([side.source], side.section)),
          )),
        ),
      );
      sections.push(this.#section(t.disputesHeading, 'disputes', ...disputes));
    }
    this.#els.dynamic.replaceChildren(...sections);

    // Below both columns, full width:
    // 6. What to do next: the verdict's guidance, each section a disclosure
    //    whose content is built when first expanded; for "Use both" grouped
    //    per runtime under a heading each.
    const wide = [];
    const groups = guidanceGroups(guidanceFor(r, view), r, labels, t).map((group) => {
      const level = group.heading ? 'h5' : 'h4';
      const disclosures = group.entries.map(({ key, owner, section }) =>
        this.#disclosure(key, level, [h('span', { class: `swatch ${optionClass(view, owner)}`, 'aria-hidden': 'true' }), section.title], () =>
          this.#guidanceBody(section, chips),
        ),
      );
      const heading = group.heading
        ? h('h4', { class: 'group-title' }, h('span', { class: `swatch ${optionClass(view, group.owner)}`, 'aria-hidden': 'true' }), group.heading)
        : null;
      return h('div', { class: `guide-group ${optionClass(view, group.owner)}` }, heading, h('div', { class: 'disclosures' }, ...disclosures));
    });
    if (groups.length) wide.push(this.#section(t.guidanceHeading, 'guidance', h('div', { class: 'guide-groups' }, ...groups)));

    // 7. Every criterion side by side, in the order of the reader's weights.
    const compare = this.#disclosure('compare', 'h3', [t.compareHeading], () => [this.#compareTable(r, labels, chips)]);
    wide.push(h('section', { class: 'result-section compare-section', part: 'compare' }, compare));
    this.#els.wide.replaceChildren(...wide);
  }

  /**
   * The score list's rows (one per option, bars at zero), each with room for
   * the named parts of its bar, and the probability line. Lengths are
   * percentages of the drawing, so the hatching keeps its angle at any width.
   */
  #buildScores(view, t) {
    const rows = (view.options || []).map((option) => {
      // Two hatchings: what segment criteria add leans one way, what rules add the other.
      const hatch = this.#id('hatch');
      const defs = svg('defs');
      for (const [suffix, angle] of [['', 45], ['-rule', -45]]) {
        const pattern = svg('pattern', { id: hatch + suffix, class: `hatch${suffix}`, width: 6, height: 6, patternUnits: 'userSpaceOnUse', patternTransform: `rotate(${angle})` });
        pattern.append(svg('rect', { class: 'hatch-bg', width: 6, height: 6 }), svg('rect', { class: 'hatch-line', width: suffix ? 1.5 : 3, height: 6 }));
        defs.append(pattern);
      }
      const svgBar = svg('svg', { 'aria-hidden': 'true', focusable: 'false' });
      const track = svg('rect', { class: 'track', x: 0, y: 0, width: '100%', height: 14, rx: 3 });
      const bar = svg('rect', { class: 'bar', x: 0, y: 0, width: '0.00%', height: 14, rx: 3 });
      svgBar.append(defs, track, bar);
      const num = h('span', { class: 'num' }, '');
      const named = h('span', { class: 'parts', part: 'segment', hidden: true });
      const item = h('li', { class: `score-row ${optionClass(view, option.id)}` }, h('span', { class: 'opt' }, option.label), svgBar, num, named);
      return { option, item, svg: svgBar, track, bar, parts: [], hatch, num, named };
    });
    const list = h('ul', { class: 'scores', part: 'scores', 'aria-label': t.scoresCaption }, ...rows.map((row) => row.item));
    const caption = h('p', { class: 'scores-caption', 'aria-hidden': 'true' }, t.scoresCaption);
    const probability = h('p', { class: 'probability', part: 'probability' });
    this.#els.body.replaceChildren(h('div', {}, caption, list), probability);
    this.#els.scoreRows = { view, t, rows, probability, caption, list };
    this.#lastScores = {};
  }

  /**
   * A disclosure: a heading holding a button that shows and hides a region.
   * `build()` makes the region's content on first opening (lazy), and the
   * open state survives re-renders under `key`.
   */
  #disclosure(key, headingTag, label, build) {
    const buttonId = this.#id('disc');
    const regionId = this.#id('region');
    const open = this.#open.has(key);
    const button = h('button', { type: 'button', class: 'disclosure', id: buttonId, 'aria-expanded': String(open), 'aria-controls': regionId }, ...label);
    const region = h('div', { class: 'disclosure-body', id: regionId, role: 'region', 'aria-labelledby': buttonId, hidden: !open });
    const fill = () => {
      if (!region.hasChildNodes()) region.append(...build());
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
    return h('div', { class: 'disclosure-item', 'data-key': key }, h(headingTag, { class: 'disclosure-heading' }, button), region);
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
      copy.addEventListener('click', () => this.#copy(section.code, t.codeCopied, note, t.codeCopyFailed));
      const pre = h('pre', { class: 'code', tabindex: '0', role: 'region', 'aria-label': t.codeLabel(section.title) }, h('code', {}, section.code));
      out.push(h('div', { class: 'code-bar' }, copy, note), pre);
    }
    if (section.note) out.push(h('p', { class: 'guide-note' }, section.note, ' ', ...chips(section.sources || [])));
    return out;
  }

  /**
   * The "Compare all factors" table: heaviest criterion first, its built-in
   * and the reader's weight, both options' scores with their ranges, and
   * evidence.
   */
  #compareTable(r, labels, chips) {
    const t = this.#t;
    const view = this.#view;
    const lang = t.lang || 'en';
    const options = view.options || [];
    const head = h('tr', {},
      h('th', { scope: 'col' }, t.factorColumn),
      h('th', { scope: 'col', class: 'n w' }, t.builtInColumn),
      h('th', { scope: 'col', class: 'n w' }, t.yoursColumn),
      ...options.map((o) => h('th', { scope: 'col', class: 'n' }, h('span', { class: `swatch ${optionClass(view, o.id)}`, 'aria-hidden': 'true' }), o.label)),
    );
    const bodies = compareRows(view, r, labels).map((row) => {
      const base = formatNumber(row.base, lang, 1);
      const yours = t.yourWeight(formatNumber(row.weight, lang, 1), formatPercent(row.share, lang));
      // Narrow cards show the two weights under the factor instead of in columns of their own.
      const factor = h('th', { scope: 'row' },
        row.label,
        row.cost ? h('span', { class: 'cost' }, ` (${t.lowerIsBetter})`) : null,
        h('span', { class: 'weight' }, t.weightsLine(base, yours)),
      );
      const weights = [h('td', { class: 'n w weight-base' }, base), h('td', { class: 'n w weight-yours' }, yours)];
      const cells = row.cells.map((cell) => {
        if (cell.value == null) return h('td', { class: 'n' }, '—');
        const range = rangeNote(cell.value, cell.low, cell.high, t, lang);
        return h('td', { class: `n${cell.option === row.best ? ' best' : ''}` },
          h('span', { class: 'value' }, t.outOfTen(formatNumber(cell.value, lang, 1))),
          range ? h('span', { class: 'range' }, `(${range})`) : null,
        );
      });
      const main = h('tr', {}, factor, ...weights, ...cells);
      const evidence = row.evidence.length
        ? h('tr', { class: 'evidence-row' }, h('td', { colspan: String(options.length + 3) },
          h('span', { class: 'visually-hidden' }, `${t.evidenceLabel}: `),
          h('ul', {}, ...row.evidence.map((e) => h('li', {}, e.text, ' ', ...chips([e.source], e.section)))),
        ))
        : null;
      return h('tbody', {}, main, evidence);
    });
    return h('table', { class: 'compare', part: 'compare-table' }, h('caption', {}, t.compareCaption), h('thead', {}, head), ...bodies);
  }

  /** TOPSIS beside the weighted sum, under the scores, when `methods` names it. */
  #renderSecondOpinion(result) {
    // The body's score rows stay from one answer to the next: the last
    // second opinion goes, the new one comes.
    this.#els.opinion?.remove();
    this.#els.opinion = null;
    if (!this.#showsTopsis()) return;
    const opinion = secondOpinion(this.#engine, this.#matrix, result);
    if (opinion) {
      this.#els.opinion = opinionSection(opinion, this.#view, mcdaStrings(this.#t), this.#t.lang || 'en');
      this.#els.body.append(this.#els.opinion);
    }
  }

  /** "Calibrate my priorities" (the `calibrate` attribute; 2–6 criteria). */
  #calibrator() {
    return createCalibrator({
      criteria: (this.#view.criteria || []).map((c) => ({ id: c.id, label: c.label })),
      engine: this.#engine,
      s: mcdaStrings(this.#t),
      lang: this.#t.lang || 'en',
      active: () => Boolean(this.#answers.weights),
      onApply: (weights) => this.#setAnswers({ ...this.#answers, weights }, { writeHash: true, interacted: true }),
      onClear: () => {
        const rest = { ...this.#answers };
        delete rest.weights;
        this.#setAnswers(rest, { writeHash: true, interacted: true });
      },
    });
  }

  #section(title, part, ...content) {
    const id = this.#id('sec');
    return h('section', { class: `result-section ${part}-section`, part, 'aria-labelledby': id }, h('h3', { class: 'section-title', id }, title), ...content);
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

  // ------------------------------------------------------------ sharing

  /** The recommendation as Markdown (verdict, scores, reasons, sources). */
  toMarkdown() {
    if (!this.#result) return '';
    const view = localizeResult(this.#result, this.#view, this.#t);
    return toMarkdown(view, {
      matrix: this.#view,
      answers: this.#answers,
      t: this.#t,
      lang: this.#t.lang || 'en',
      url: this.noShare ? '' : this.#shareUrl(),
    });
  }

  #key() {
    if (this.id) return hashKey(this.id);
    const unnamed = [...(globalThis.document?.querySelectorAll('stack-advisor:not([id])') || [])];
    return hashKey('', Math.max(0, unnamed.indexOf(this)));
  }

  #hashAnswers() {
    if (this.noShare || !globalThis.location) return null;
    const text = readHash(globalThis.location.hash, this.#key());
    if (text == null) return null;
    this.#lastHash = text;
    return sanitizeAnswers(decodeState(text, this.#matrix.questions), this.#matrix.questions);
  }

  #restoreFromHash() {
    if (this.#state !== 'ready' || this.noShare) return;
    const text = readHash(globalThis.location.hash, this.#key());
    if (text === this.#lastHash) return;
    this.#lastHash = text;
    const answers = text == null ? this.#initial : sanitizeAnswers(decodeState(text, this.#matrix.questions), this.#matrix.questions);
    if (!sameAnswers(answers, this.#answers)) this.#setAnswers(answers, { writeHash: false });
  }

  #writeHash() {
    if (this.noShare || !globalThis.location || !globalThis.history) return;
    const value = encodeState(withoutDefaults(this.#answers, this.#matrix.questions));
    const hash = writeHash(globalThis.location.hash, this.#key(), value);
    this.#lastHash = value || null;
    if (hash === globalThis.location.hash || (hash === '' && !globalThis.location.hash)) return;
    const { pathname, search } = globalThis.location;
    try {
      globalThis.history.replaceState(globalThis.history.state, '', pathname + search + hash);
    } catch {
      /* Sandboxed or opaque-origin pages may refuse; the Copy link button still works. */
    }
  }

  #shareUrl() {
    const loc = globalThis.location;
    if (!loc) return '';
    const value = encodeState(withoutDefaults(this.#answers, this.#matrix.questions));
    const hash = writeHash(loc.hash, this.#key(), value);
    return loc.origin + loc.pathname + loc.search + hash;
  }

  async #copy(text, done, noteElement = this.#els.note, failed = this.#t.copyFailed) {
    const say = (message) => {
      noteElement.textContent = message;
    };
    try {
      await globalThis.navigator.clipboard.writeText(text);
      say(done);
    } catch {
      // Older browsers or denied permission: try a selection copy inside the shadow root.
      const area = h('textarea', { class: 'visually-hidden', readonly: true, 'aria-hidden': 'true', tabindex: '-1' });
      area.value = text;
      this.#root.append(area);
      area.select();
      let ok = false;
      try {
        ok = globalThis.document.execCommand('copy');
      } catch {
        ok = false;
      }
      area.remove();
      say(ok ? done : failed);
    }
  }

  #note(text) {
    this.#els.note.textContent = text;
  }
}
