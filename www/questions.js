// The questions of <stack-advisor>, generated from the matrix: single choice
// (a radio group of chips), multiple choice (checkboxes) and priorities (0–5
// sliders), the optional "Calibrate my priorities" panel, and the one
// function that makes every control show the current answers.
//
// The widgets keep no answers of their own: they read them from, and hand
// changes to, the element (`host`), which sanitises, renders and shares them.

import { h } from './dom.js';
import { setText } from './keyed.js';
import { mcdaStrings } from './mcda-strings.js';
import { priorityWord } from './format/sentences.js';

/**
 * @typedef {object} QuestionHost what the widgets need from the element
 * @property {() => object} answers the current answers
 * @property {(next: object) => void} change new answers from the reader
 * @property {() => void} sync makes every control show the current answers again
 * @property {(next: object) => void} press answers a pressed control is about to give (ahead.js)
 */

/**
 * One widget per question of `questions` (a localized matrix's), in order,
 * and the controls `syncControls` updates. Unknown kinds are skipped.
 *
 * @param {object[]} questions
 * @param {object} t the locale's strings
 * @param {(prefix: string) => string} id makes ids unique within the element
 * @param {QuestionHost} host
 * @returns {{widgets: HTMLElement[], controls: object[]}}
 */
export function questionWidgets(questions, t, id, host) {
  const controls = [];
  const widgets = [];
  for (const q of questions || []) {
    const build = q.kind === 'single' ? single : q.kind === 'multi' ? multi : q.kind === 'priorities' ? priorities : null;
    if (build) widgets.push(build(q, t, id, host, controls));
  }
  return { widgets, controls };
}

function questionHead(q, tag, id) {
  const labelId = id('q');
  const helpId = q.help ? id('help') : null;
  const label = h(tag, { class: 'q-label', id: labelId }, q.label);
  const help = q.help ? h('p', { class: 'q-help', id: helpId }, q.help) : null;
  return { label, help, labelId, helpId };
}

/**
 * Makes a radio chip its group's tab stop (tabindex 0) or not (-1), writing
 * only a change; anything else than a chip is left alone.
 */
function setTabStop(radio, on) {
  const tab = on ? '0' : '-1';
  if (radio?.getAttribute?.('role') === 'radio' && radio.getAttribute('tabindex') !== tab) radio.setAttribute('tabindex', tab);
}

/** A single-choice question: an APG radio group of chips with a roving tabindex. */
function single(q, t, id, host, controls) {
  const { label, help, labelId, helpId } = questionHead(q, 'p', id);
  const group = h('div', {
    class: 'chips',
    role: 'radiogroup',
    'aria-labelledby': labelId,
    'aria-describedby': helpId,
  });
  const choices = [{ id: '', label: t.notSure }, ...(q.choices || [])];
  const radios = choices.map((c) => {
    const radio = h('div', { class: 'chip', role: 'radio', 'aria-checked': 'false', tabindex: '-1', 'data-value': c.id }, c.label);
    group.append(radio);
    return radio;
  });
  const select = (radio, focus) => {
    // A pointer has focused the chip already (mousedown): focusing again is
    // not free, so only when it is not.
    if (focus && radio.getRootNode().activeElement !== radio) {
      // The chip becomes the group's tab stop before it has focus: a
      // focused element's tabindex changing makes the browser check at once
      // (style and layout brought up to date) that it can still be focused.
      setTabStop(radio, true);
      radio.focus();
    }
    const next = answersWith(radio);
    if (next) host.change(next);
    else host.sync();
  };
  // The answers `radio` would give, or null if it is the answer already.
  const answersWith = (radio) => {
    const value = radio.dataset.value || null;
    const answers = host.answers();
    if ((answers[q.id] ?? null) === value) return null;
    const next = { ...answers };
    if (value) next[q.id] = value;
    else delete next[q.id];
    return next;
  };
  const radioOf = (event) => event.target.closest?.('[role="radio"]');
  group.addEventListener('click', (event) => {
    const radio = radioOf(event);
    if (radio) select(radio, true);
  });
  group.addEventListener('pointerdown', (event) => {
    const radio = radioOf(event);
    const next = !event.button && radio && answersWith(radio);
    if (next) host.press(next);
  });
  group.addEventListener('keydown', (event) => {
    const current = radios.indexOf(radioOf(event));
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
  // A pointer focuses a chip when pressed, before the click that answers.
  // The chip becomes the group's tab stop then: its tabindex changing while
  // it has focus, in the answer, would make the browser bring style and
  // layout up to date in the middle of the answer. A chip left without a
  // click (the pointer moved off) is a plain chip again when focus leaves.
  group.addEventListener('focusin', (event) => setTabStop(event.target, true));
  group.addEventListener('focusout', (event) => setTabStop(event.target, event.target.getAttribute?.('aria-checked') === 'true'));
  controls.push({ q, radios });
  return h('div', { class: 'q', part: 'question' }, label, help, group);
}

/** A multi-choice question: native checkboxes in a fieldset. */
function multi(q, t, id, host, controls) {
  const { label, help, helpId } = questionHead(q, 'legend', id);
  const list = h('div', { class: 'checks' });
  const boxes = (q.choices || []).map((c) => {
    const input = h('input', { type: 'checkbox', value: c.id, 'aria-describedby': helpId });
    const row = h('label', { class: 'check' }, input, h('span', {}, c.label));
    list.append(row);
    input.addEventListener('change', () => host.change(answersWith(input, input.checked)));
    row.addEventListener('pointerdown', (event) => event.button || host.press(answersWith(input, !input.checked)));
    return input;
  });
  // The answers with `box` ticked (`on`) or not, the other boxes as they are.
  const answersWith = (box, on) => {
    const picked = boxes.filter((b) => (b === box ? on : b.checked)).map((b) => b.value);
    const next = { ...host.answers() };
    if (picked.length) next[q.id] = picked;
    else delete next[q.id];
    return next;
  };
  controls.push({ q, boxes });
  return h('fieldset', { class: 'q', part: 'question' }, label, help, list);
}

/** A priorities question: one 0–5 slider per item, its value also in words. */
function priorities(q, t, id, host, controls) {
  const { label, help, helpId } = questionHead(q, 'legend', id);
  const list = h('div', { class: 'sliders' });
  const sliders = (q.items || []).map((item) => {
    const sliderId = id('slider');
    const input = h('input', { type: 'range', id: sliderId, min: '0', max: '5', step: '1', 'aria-describedby': helpId, 'data-item': item.id });
    const output = h('output', { for: sliderId, 'aria-hidden': 'true' });
    list.append(h('div', { class: 'slider' }, h('label', { for: sliderId }, item.label), output, input));
    input.addEventListener('input', () => {
      const answers = host.answers();
      const levels = { ...(answers[q.id] || {}), [item.id]: Number(input.value) };
      host.change({ ...answers, [q.id]: levels });
    });
    return { input, output, item };
  });
  controls.push({ q, sliders });
  return h('fieldset', { class: 'q', part: 'question' }, label, help, list);
}

/**
 * "Calibrate my priorities" (the `calibrate` attribute; 2–6 criteria): AHP
 * weights from pairwise comparisons, applied as the answers' `weights`.
 *
 * @param {object} view the localized matrix
 * @param {object} engine the loaded engine API (with the MCDA extension)
 * @param {object} t the locale's strings
 * @param {QuestionHost} host
 * @param {Function} createCalibrator calibrate.js's, from the MCDA add-ons (mcda-ui.js)
 */
export function calibratorWidget(view, engine, t, host, createCalibrator) {
  return createCalibrator({
    criteria: (view.criteria || []).map((c) => ({ id: c.id, label: c.label })),
    engine,
    s: mcdaStrings(t),
    lang: t.lang || 'en',
    active: () => Boolean(host.answers().weights),
    onApply: (weights) => host.change({ ...host.answers(), weights }),
    onClear: () => {
      const rest = { ...host.answers() };
      delete rest.weights;
      host.change(rest);
    },
  });
}

/**
 * Makes every control show `answers`, writing only what changed: every
 * attribute write invalidates style, and this runs for every control on
 * every answer.
 */
export function syncControls(controls, answers, t) {
  for (const control of controls || []) {
    const value = answers[control.q.id];
    if (control.radios) {
      // A radio group only changes when its answer does (the chips are ours:
      // the browser never checks one by itself).
      if (control.shown === (value ?? null)) continue;
      control.shown = value ?? null;
      const checked = control.radios.find((r) => (r.dataset.value || null) === (value ?? null)) || control.radios[0];
      for (const r of control.radios) {
        const on = r === checked;
        if ((r.getAttribute('aria-checked') === 'true') !== on) r.setAttribute('aria-checked', String(on));
        // The attribute, not the `tabIndex` property: reading that makes
        // the browser bring style up to date first, after each write above.
        setTabStop(r, on);
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
        setText(output, shown);
      }
    }
  }
}
