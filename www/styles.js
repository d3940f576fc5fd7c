// The one stylesheet of <stack-advisor>, shared by every instance through
// `adoptedStyleSheets`. Created on first use, never at import, so importing
// this module in Node has no effect.
//
// Colours are custom properties (--stack-advisor-*) so a blog can match its
// palette; the defaults meet WCAG 2.2 AA (text ≥ 4.5:1, UI ≥ 3:1) in both themes.
// The result's rules are in result-styles.js; the MCDA add-ons' in mcda-styles.js.

import { RESULT_CSS } from './result-styles.js';
import { RESERVE_CSS } from './reserve.js';

/** The dark palette, used by theme="dark" and by prefers-color-scheme: dark. */
const DARK = `
  --_bg: var(--stack-advisor-background, #161b22);
  --_surface: var(--stack-advisor-surface, #21262d);
  --_text: var(--stack-advisor-text, #e6edf3);
  --_muted: var(--stack-advisor-muted, #9ba3ad);
  --_border: var(--stack-advisor-border, #3d444d);
  --_control: var(--stack-advisor-control-border, #8b949e);
  --_accent: var(--stack-advisor-accent, #58a6ff);
  --_on-accent: var(--stack-advisor-on-accent, #0d1117);
  --_focus: var(--stack-advisor-focus, #79c0ff);
  --_track: var(--stack-advisor-track, #30363d);
  --_vendor-bg: var(--stack-advisor-vendor-background, #3b2300);
  --_vendor-text: var(--stack-advisor-vendor-text, #ffb77c);
  --_option-1: var(--stack-advisor-option-1, #5cb85f);
  --_option-2: var(--stack-advisor-option-2, #6ea8f0);
  --_option-3: var(--stack-advisor-option-3, #b392f0);
  --_option-4: var(--stack-advisor-option-4, #f0a35e);
  --_hybrid: var(--stack-advisor-hybrid, #b392f0);
  color-scheme: dark;`;

export const css = String.raw`
${RESERVE_CSS}
:host {
  --_bg: var(--stack-advisor-background, #ffffff);
  --_surface: var(--stack-advisor-surface, #f6f8fa);
  --_text: var(--stack-advisor-text, #1f2328);
  --_muted: var(--stack-advisor-muted, #59636e);
  --_border: var(--stack-advisor-border, #d1d9e0);
  --_control: var(--stack-advisor-control-border, #6e7781);
  --_accent: var(--stack-advisor-accent, #0550ae);
  --_on-accent: var(--stack-advisor-on-accent, #ffffff);
  --_focus: var(--stack-advisor-focus, #0969da);
  --_track: var(--stack-advisor-track, #e6eaef);
  --_vendor-bg: var(--stack-advisor-vendor-background, #fff1e5);
  --_vendor-text: var(--stack-advisor-vendor-text, #8a3300);
  --_option-1: var(--stack-advisor-option-1, #2e7d32);
  --_option-2: var(--stack-advisor-option-2, #2f62a8);
  --_option-3: var(--stack-advisor-option-3, #8250df);
  --_option-4: var(--stack-advisor-option-4, #b35900);
  --_hybrid: var(--stack-advisor-hybrid, #8250df);
  --_radius: var(--stack-advisor-radius, 8px);
  --_font: var(--stack-advisor-font, inherit);
  color-scheme: light;
}

:host([theme="dark"]) {
${DARK}
}
@media (prefers-color-scheme: dark) {
  :host(:not([theme="light"])) {
${DARK}
  }
}

[hidden] { display: none !important; }
*, *::before, *::after { box-sizing: border-box; }

/* Inherited properties are reset so a hostile page cannot restyle the inside. */
.card {
  container-type: inline-size;
  display: block;
  min-height: inherit;
  margin: 0;
  border: 1px solid var(--_border);
  border-radius: var(--_radius);
  background: var(--_bg);
  color: var(--_text);
  font: var(--_font);
  font-size: clamp(14px, 1em, 24px);
  font-style: normal;
  font-weight: 400;
  line-height: 1.5;
  letter-spacing: normal;
  word-spacing: normal;
  text-align: start;
  text-indent: 0;
  text-transform: none;
  text-shadow: none;
  white-space: normal;
  writing-mode: horizontal-tb;
  visibility: visible;
  cursor: auto;
  overflow-wrap: anywhere;
  hyphens: manual;
}
.inner { padding: 16px; }
@container (min-width: 560px) { .inner { padding: 24px; } }
:host([compact]) .inner { padding: 16px; }

h2, h3, p, ul, ol, dl, dd, fieldset, legend, figure { margin: 0; padding: 0; }
ul, ol { list-style: none; }
button, input { font: inherit; color: inherit; letter-spacing: inherit; }

.visually-hidden {
  position: absolute !important;
  width: 1px; height: 1px; margin: -1px; padding: 0;
  overflow: hidden; clip-path: inset(50%); white-space: nowrap; border: 0;
}

.notice {
  margin: 0 0 16px;
  padding: 8px 16px;
  border-left: 4px solid var(--_accent);
  background: var(--_surface);
}

.title {
  font-size: 1.375em;
  line-height: 1.25;
  font-weight: 700;
  margin-bottom: 24px;
}
:host([compact]) .title { font-size: 1.2em; margin-bottom: 16px; }

.layout { display: grid; grid-template-columns: minmax(0, 1fr); gap: 32px; }
@container (min-width: 720px) {
  :host(:not([compact])) .layout { grid-template-columns: minmax(0, 1.1fr) minmax(0, 1fr); gap: 40px; }
  :host(:not([compact])) .result { position: sticky; top: var(--stack-advisor-sticky-top, 16px); align-self: start; }
  :host(:not([compact])) .jump { display: none; }
}
:host([compact]) .layout { gap: 24px; }

/* ------------------------------------------------------------ questions */
.questions { display: flex; flex-direction: column; gap: 24px; min-width: 0; }
:host([compact]) .questions { gap: 16px; }
.q { border: 0; min-width: 0; }
.q-label { display: block; font-weight: 700; margin-bottom: 4px; padding: 0; }
.q-help { color: var(--_muted); font-size: max(14px, 0.875em); margin-bottom: 8px; }

.chips { display: flex; flex-wrap: wrap; gap: 8px; }
.chip {
  display: inline-flex; align-items: center; gap: 4px;
  min-height: 32px; min-width: 24px; max-width: 100%;
  padding: 4px 12px;
  border: 1px solid var(--_control);
  border-radius: 999px;
  background: var(--_surface);
  color: var(--_text);
  cursor: pointer;
  user-select: none;
  line-height: 1.3;
}
.chip:hover { border-color: var(--_accent); }
.chip[aria-checked="true"] {
  background: var(--_accent);
  border-color: var(--_accent);
  color: var(--_on-accent);
  font-weight: 600;
}
.chip[aria-checked="true"]::before { content: "✓" / ""; font-weight: 700; }

.checks { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(100%, 13em), 1fr)); gap: 4px 16px; }
.check {
  display: flex; align-items: center; gap: 8px;
  min-height: 32px;
  cursor: pointer;
  line-height: 1.3;
}
.check input { width: 20px; height: 20px; margin: 0; flex: none; accent-color: var(--_accent); cursor: pointer; }

.sliders { display: grid; gap: 12px; }
.slider { display: grid; grid-template-columns: minmax(0, 1fr) auto; align-items: center; gap: 0 12px; }
.slider label { grid-column: 1; }
.slider output { grid-column: 2; color: var(--_muted); font-size: max(14px, 0.875em); text-align: end; }
.slider input {
  grid-column: 1 / -1;
  width: 100%;
  min-height: 24px;
  margin: 0;
  accent-color: var(--_accent);
  cursor: pointer;
}

.jump {
  align-self: start;
}

${RESULT_CSS}

.actions { display: flex; flex-wrap: wrap; gap: 8px; padding-top: 16px; border-top: 1px solid var(--_border); }
.btn {
  display: inline-flex; align-items: center; justify-content: center;
  min-height: 32px; min-width: 24px;
  padding: 4px 12px;
  border: 1px solid var(--_control);
  border-radius: 6px;
  background: var(--_bg);
  color: var(--_text);
  font-size: max(14px, 0.875em);
  cursor: pointer;
}
.btn:hover { border-color: var(--_accent); color: var(--_accent); }
.action-note { flex-basis: 100%; min-height: 1.5em; color: var(--_muted); font-size: max(14px, 0.875em); }
.copy-field { flex-basis: 100%; box-sizing: border-box; width: 100%; padding: 8px; font: inherit; font-size: max(14px, 0.875em); color: inherit; background: transparent; border: 1px solid var(--_border); border-radius: 4px; resize: vertical; }
:host([no-share]) .share { display: none !important; }
.error-text { border-left: 4px solid var(--_vendor-text); padding-left: 12px; }

:focus-visible { outline: 3px solid var(--_focus); outline-offset: 2px; }
.chip:focus-visible, .btn:focus-visible, .cite:focus-visible, .disclosure:focus-visible { outline-offset: 2px; }
.check input:focus-visible, .slider input:focus-visible { outline-offset: 3px; }

@media (prefers-reduced-motion: no-preference) {
  .fresh { animation: stack-advisor-fade 240ms ease-out; }
  .fresh.again { animation-name: stack-advisor-fade-again; }
  @keyframes stack-advisor-fade { from { opacity: 0.25; } to { opacity: 1; } }
  @keyframes stack-advisor-fade-again { from { opacity: 0.25; } to { opacity: 1; } }
}
@media (forced-colors: active) {
  .chip[aria-checked="true"] { outline: 2px solid CanvasText; }
  .drawing, .hatch-key { forced-color-adjust: none; --_c: CanvasText; --_track: Canvas; }
  .drawing { outline: 1px solid CanvasText; }
}

/* The matrix's problems (issue-list.js). */
.issues { margin: 0 0 16px; padding: 8px 16px; border-left: 4px solid var(--_vendor-text); background: var(--_surface); }
.issues-heading { font-weight: 700; margin-bottom: 4px; }
.issue-items { display: grid; gap: 6px; }
.issue-path { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.9em; padding: 0 4px; border-radius: 3px; background: var(--_track); }
.issue-fix { display: block; color: var(--_muted); }
.issue-more { margin-top: 4px; color: var(--_muted); }
`;

let sheet = null;

/**
 * The shared constructable stylesheet, or null where the browser has none
 * (the element then falls back to one <style> per shadow root).
 */
export function styleSheet() {
  if (sheet) return sheet;
  if (typeof CSSStyleSheet === 'undefined' || !('replaceSync' in CSSStyleSheet.prototype)) return null;
  sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  return sheet;
}
