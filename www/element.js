// <stack-advisor>: asks a reader a few questions generated from a decision
// matrix and shows, live, a cited and explainable recommendation.
//
// This module has no side effects: it defines the class and registers
// nothing (see define.js). It holds the element's lifecycle and wires its
// parts together: start-up (startup.js), the questions (questions.js), the
// result (result-view.js) and sharing (sharing.js). The DOM is built with
// createElement/textContent only, so author strings always render as text
// and Trusted Types pages work.

import { h } from './dom.js';
import { isMcdaLoaded } from './loader.js';
import { defaultMatrix, withPendingGuidance } from './engine.js';
import { textsLoader } from './matrix-texts.js';
import { defineBooleanProperties } from './boolean-properties.js';
import { styleSheet, css } from './styles.js';
import { parseMethods } from './methods.js';
import { canCalibrate } from './calibrate.js';
import { loadMcdaAddons } from './mcda-addons.js';
import en from './i18n/en.js';
import { elementLang, loadLocale } from './locales.js';
import { optionLabels, verdictSentence } from './format/sentences.js';
import { parseAnswersAttribute, sameAnswers, sanitizeAnswers, withoutDefaults } from './format/answers.js';
import { localizeMatrix, localizeResult, pickLocale } from './format/locale.js';
import { probabilitySentence } from './explain.js';
import { toMarkdown } from './markdown.js';
import { shell, showFailure, showState, startUp } from './startup.js';
import { calibratorWidget, questionWidgets, syncControls } from './questions.js';
import { ResultView } from './result-view.js';
import { HashLink, copyText } from './sharing.js';
import { ChangeEvent } from './change-event.js';
import { resultAhead } from './ahead.js';

// Importing this module where there is no DOM (Node, server-side rendering)
// must not throw, so the base class is looked up rather than assumed.
const HTMLElement = globalThis.HTMLElement || class {};

const BOOLEAN_ATTRIBUTES = ['compact', 'no-share', 'no-sources'];
const THEMES = ['auto', 'light', 'dark'];
const ANNOUNCE_DELAY_MS = 500;

export class StackAdvisorElement extends HTMLElement {
  /**
   * Locales by language code; add one with `StackAdvisorElement.locales.fr = {...}`.
   * German (`de`) joins when a widget first needs it (parts.js).
   */
  static locales = { en };

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
  /** True when #matrix is the built-in one (an untouched copy of it). */
  #builtIn = false;
  #lastAnnounced = '';
  #announceTimer = 0;
  #uid = 0;
  #starts = 0; // the latest #start wins when a slow `src` load overlaps another
  #internals = null;
  /** The MCDA add-ons (mcda-ui.js), once this widget has loaded them. */
  #mcda = null;
  #resultView = new ResultView((prefix) => this.#id(prefix), () => this.#loadTexts());
  /** Loads the default matrix's texts its first result did not show (the one-tag embed); waiting sections then fill in. */
  #loadTexts = textsLoader(() => {
    if (!this.#builtIn || !this.#view?.pending) return;
    this.#matrix = defaultMatrix();
    this.#applyLocale();
    this.#resultView.useView(this.#view);
  }, (kind, error) => this.#reportError(kind, error));
  /** What the question widgets need: the answers, and a way to change them. */
  #host = {
    answers: () => this.#answers,
    change: (next) => this.#setAnswers(next, { writeHash: true, interacted: true }),
    sync: () => syncControls(this.#els.controls, this.#answers, this.#t),
    press: (next) => this.#state === 'ready' && this.#ahead.ahead(this.#request(sanitizeAnswers(next, this.#matrix.questions)), this.#matrix),
  };
  // `#request`: what goes to the engine for sanitised answers. The built-in matrix goes
  // as `undefined`: the engine knows it is the one it read last without comparing.
  #ahead = resultAhead((request) => this.#engine.recommend(request, this.#builtIn ? undefined : this.#matrix));
  #request = (answers) => withoutDefaults(answers, this.#matrix.questions);
  #hash = new HashLink(this, () => [this.#answers, this.#matrix.questions]);
  #onHashChange = () => {
    const answers = this.#hash.changed(this.#state === 'ready', this.#initial);
    if (answers && !sameAnswers(answers, this.#answers)) this.#setAnswers(answers, { writeHash: false });
  };

  constructor() {
    super();
    // The one-tag loader gives each element a placeholder shadow root before
    // this class is defined (its fallback slot and reserved height): the
    // element takes that root over rather than attaching a second one.
    this.#root = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
    this.#root.replaceChildren();
    const sheet = styleSheet();
    if (sheet && 'adoptedStyleSheets' in this.#root) this.#root.adoptedStyleSheets = [sheet];
    else this.#root.append(h('style', {}, css));
    try {
      this.#internals = this.attachInternals();
    } catch {
      this.#internals = null;
    }
    this.#els = shell();
    this.#root.append(this.#els.card);
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
    this.#hash.flush();
  }

  attributeChangedCallback(name, oldValue, newValue) {
    if (name === 'src' && oldValue !== newValue) {
      // A new address: load it (a settled element only; one still starting reads it anyway).
      if (this.#state === 'ready' || this.#state === 'error') this.#start(true);
      return;
    }
    if (oldValue === newValue || this.#state !== 'ready') return;
    const locale = name === 'lang' ? loadLocale(this.constructor.locales, elementLang(this)) : null;
    if (locale) {
      // A language whose strings are a part not loaded yet: load them, then redo this.
      locale.then(() => this.attributeChangedCallback(name, null, this.getAttribute(name)));
      return;
    }
    if ((name === 'methods' || name === 'calibrate') && this.#needsMcda()) {
      // TOPSIS and calibration run in the MCDA extension: load it, then redo this.
      this.#loadMcda().then(
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
    const current = () => run === this.#starts;
    this.#setState('loading');
    const locale = loadLocale(this.constructor.locales, elementLang(this));
    if (locale) {
      await locale;
      if (!current()) return;
    }
    this.#applyLocale();
    const started = await startUp(this, this.#matrixProperty, current, (matrix) => this.#prepare(matrix, restart, true));
    if (!started) return; // a newer start (another src or matrix) took over
    if (started.fail) return this.#fail(started.fail, started.error);
    this.#engine = started.engine;
    if (this.#needsMcda()) {
      // Before the first render, so that it has the second opinion and the
      // calibration panel; without them (the extension did not load) the
      // widget still works.
      try {
        await this.#loadMcda();
      } catch (error) {
        this.#mcdaFailed(error);
      }
      if (!current()) return;
    }
    if (!started.early) this.#prepare(started.matrix, restart, started.builtIn);
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
    const fromHash = restart ? null : this.#hash.read();
    this.#answers = fromHash ?? this.#initial;
    this.#buildMain();
  }

  /** True when `methods` or `calibrate` asks for the MCDA extension and its add-ons, and this widget has not loaded them yet. */
  #needsMcda() {
    return !(isMcdaLoaded() && this.#mcda) && (this.#showsTopsis() || this.hasAttribute('calibrate'));
  }

  /** Loads the MCDA extension and the add-ons that use it (mcda-addons.js). */
  async #loadMcda() {
    this.#mcda = await loadMcdaAddons(this.#root);
  }

  /** True when `methods` names TOPSIS (the second opinion). */
  #showsTopsis() {
    return parseMethods(this.getAttribute('methods')).has('topsis');
  }

  #mcdaFailed(error) {
    globalThis.console?.warn?.(`<stack-advisor>: TOPSIS and calibration are unavailable: ${error?.message || error}`);
    this.#reportError('engine', error);
  }

  #applyLocale() {
    const lang = elementLang(this);
    this.#t = pickLocale(lang, this.constructor.locales || { en });
    const dict = this.#t.matrixLabels && this.#matrix ? this.#t.matrixLabels[this.#matrix.id] : null;
    this.#view = localizeMatrix(this.#builtIn ? withPendingGuidance(this.#matrix) : this.#matrix, dict);
    this.#els.card.setAttribute('lang', this.#t.lang || 'en');
  }

  #setState(state) {
    this.#state = state;
    showState(this.#els, this.#internals, state);
  }

  #fail(kind, error) {
    this.#setState('error');
    showFailure(this.#els, kind, error, this.#t);
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

  /** Questions and the result frame, generated from the matrix. */
  #buildMain() {
    const t = this.#t;
    const view = this.#view;
    const titleId = this.#id('title');
    const title = h('h2', { class: 'title', part: 'title', id: titleId }, view.title || t.title);

    const { widgets, controls } = questionWidgets(view.questions, t, (prefix) => this.#id(prefix), this.#host);
    const questions = h('div', { class: 'questions', part: 'questions', role: 'group', 'aria-label': t.questionsLabel }, ...widgets);
    const frame = this.#resultView.frame(t);
    const jump = h('button', { type: 'button', class: 'btn jump', part: 'jump', hidden: true }, t.jumpToResult);
    jump.addEventListener('click', () => {
      const reduce = globalThis.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
      frame.verdict.scrollIntoView({ behavior: reduce ? 'auto' : 'smooth', block: 'start' });
      frame.verdict.focus({ preventScroll: true });
    });
    if (this.hasAttribute('calibrate') && canCalibrate(this.#matrix) && this.#mcda) questions.append(calibratorWidget(view, this.#engine, t, this.#host, this.#mcda.createCalibrator));
    questions.append(jump);

    const copyLink = h('button', { type: 'button', class: 'btn share', part: 'copy-link' }, t.copyLink);
    const copyMarkdown = h('button', { type: 'button', class: 'btn share', part: 'copy-markdown' }, t.copyMarkdown);
    const reset = h('button', { type: 'button', class: 'btn', part: 'reset' }, t.reset);
    const note = h('p', { class: 'action-note', 'aria-live': 'polite' });
    copyLink.addEventListener('click', () => copyText(this.#hash.url(), note, t.linkCopied, t.copyFailed));
    copyMarkdown.addEventListener('click', async () => {
      if (this.#view.pending) await this.#loadTexts().catch(() => {}); // without them, the rest is still worth copying
      copyText(this.toMarkdown(), note, t.markdownCopied, t.copyFailed);
    });
    reset.addEventListener('click', () => {
      this.#setAnswers(this.#initial, { writeHash: true });
      note.textContent = t.resetDone;
    });
    const actions = h('div', { class: 'actions', part: 'actions' }, copyLink, copyMarkdown, reset, note);

    const result = h('section', { class: 'result', part: 'result', 'aria-label': t.resultLabel }, ...frame.column, actions);
    const layout = h('div', { class: 'layout' }, questions, result);
    // Long sections (guidance, Compare all factors) take the card's full width below both columns.
    this.#els.main.replaceChildren(title, layout, frame.wide);
    Object.assign(this.#els, { controls, jump });
    syncControls(controls, this.#answers, t);
  }

  // ---------------------------------------------------------------- update

  #setAnswers(answers, { writeHash, interacted = false }) {
    this.#answers = sanitizeAnswers(answers, this.#matrix.questions);
    syncControls(this.#els.controls, this.#answers, this.#t);
    if (interacted && this.#els.jump) this.#els.jump.hidden = false;
    this.#update({ writeHash, announce: true });
  }

  #update({ writeHash, announce, dispatch = true }) {
    if (this.#state !== 'ready') return;
    let result;
    try {
      // Worked out already if a pointer pressed the control (ahead.js).
      result = this.#ahead.take(this.#request(this.#answers), this.#matrix);
    } catch (error) {
      this.#result = null;
      this.#resultView.showError(error);
      this.#els.status.textContent = error?.message || String(error);
      // A trap is the engine's fault (it was restarted), not the answers'.
      this.#reportError(error?.restarted ? 'engine' : 'answers', error);
      return;
    }
    this.#result = result;
    this.#resultView.render(localizeResult(result, this.#view, this.#t), this.#view, this.#t, this.compact, !this.noSources);
    const mcda = this.#showsTopsis() ? this.#mcda : null;
    this.#resultView.showOpinion(mcda ? mcda.secondOpinion(this.#engine, this.#matrix, result) : null, mcda?.opinionSection);
    if (writeHash) this.#hash.schedule();
    if (announce) this.#announce();
    if (dispatch) {
      this.dispatchEvent(new ChangeEvent(result));
    }
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
      url: this.noShare ? '' : this.#hash.url(),
    });
  }
}

// `compact`, `noShare` and `noSources`: the boolean attributes as properties.
defineBooleanProperties(StackAdvisorElement.prototype, BOOLEAN_ATTRIBUTES);
