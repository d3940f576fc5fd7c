// The one stylesheet of <stack-advisor>, shared by every instance through
// `adoptedStyleSheets`. Created on first use, never at import, so importing
// this module in Node has no effect.
//
// Colours are custom properties (--stack-advisor-*) so a blog can match its
// palette; the defaults meet WCAG 2.2 AA (text ≥ 4.5:1, UI ≥ 3:1) in both themes.

/**
 * Reserved heights by viewport width: [max-width in px, height in em], widest
 * first. The element is usually as wide as the viewport less the page's
 * margins; these cover the default matrix with nothing answered. A page
 * applies the same table to `stack-advisor` before the script runs, or sets
 * `--stack-advisor-min-height` for its own layout.
 */
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

export const RESERVE = [
  [1039, 132],
  [959, 152],
  [839, 155],
  [799, 189],
  [759, 168],
  [679, 172],
  [599, 182],
  [519, 197],
  [459, 214],
  [399, 222],
  [359, 239],
];

export const css = String.raw`
:host {
  /* Host rules lose to the page's normal rules; !important keeps the element
     a block even on a page that resets every element (* { all: unset }). */
  display: block !important;
  box-sizing: border-box !important;
  max-width: 100% !important;
  /* Reserve the height the element will have once ready (measured for the
     default matrix at 16px), so the article does not move when it upgrades.
     Pages set the same on the element before it upgrades; see RESERVE below. */
  min-height: var(--stack-advisor-min-height, var(--_reserve));
  --_reserve: 130em;

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
${RESERVE.map(([max, em]) => `@media (max-width: ${max}px) { :host { --_reserve: ${em}em; } }`).join('\n')}

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
.questions { display: grid; gap: 24px; min-width: 0; align-content: start; }
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
  justify-self: start;
}

/* --------------------------------------------------------------- result */
.result { display: grid; gap: 20px; min-width: 0; align-content: start; }
.result-body, .result-dynamic { display: grid; gap: 20px; }
/* A section out of view is not laid out until it comes near the viewport
   (it stays in the accessibility tree and in find-in-page), so an answer
   change lays out what the reader can see. In the two-column layout the
   result column's sections are laid out at once: they are in view on the
   first frame, and one skipped there would push the next down a frame
   later (a layout shift). The containment clips painting at the border
   box; the 8px of padding, taken back by the margin, keep focus rings whole. */
.result-section { content-visibility: auto; contain-intrinsic-size: auto 12em; padding: 8px; margin: -8px; }
.wide > .compare-section { contain-intrinsic-size: auto 3.5em; }
@container (min-width: 720px) {
  :host(:not([compact])) .result-dynamic > .result-section { content-visibility: visible; }
}
:host([compact]) .result-body, :host([compact]) .result-dynamic { gap: 16px; }
:host([compact]) .result { gap: 16px; }
.overline { color: var(--_muted); font-size: max(14px, 0.875em); margin-bottom: 0; }
.verdict {
  display: flex; flex-wrap: wrap; align-items: baseline; gap: 4px 12px;
  outline-offset: 4px;
}
.verdict-label { font-size: 2em; line-height: 1.15; font-weight: 700; }
:host([compact]) .verdict-label { font-size: 1.6em; }
.confidence {
  display: inline-block;
  padding: 0 8px;
  border: 1px solid var(--_control);
  border-radius: 999px;
  font-size: max(14px, 0.875em);
  color: var(--_text);
}
.swatch {
  display: inline-block; width: 0.7em; height: 0.7em; border-radius: 2px;
  margin-right: 0.35em; vertical-align: 0.05em; background: var(--_c, var(--_accent));
}
.opt-1 { --_c: var(--_option-1); }
.opt-2 { --_c: var(--_option-2); }
.opt-3 { --_c: var(--_option-3); }
.opt-4 { --_c: var(--_option-4); }
.opt-hybrid { --_c: var(--_hybrid); }

.scores { display: grid; grid-template-columns: minmax(4.5em, max-content) minmax(0, 1fr) max-content; gap: 6px 12px; }
.scores-caption { color: var(--_muted); font-size: max(14px, 0.875em); }
.score-row { display: grid; grid-column: 1 / -1; grid-template-columns: subgrid; align-items: center; }
.score-row .opt { font-weight: 600; }
.score-row.leader .opt { font-weight: 700; }
.score-row svg { display: block; width: 100%; height: 14px; overflow: visible; color: var(--_c, var(--_accent)); }
.score-row .track { fill: var(--_track); }
.score-row .bar { fill: var(--_c, var(--_accent)); }
/* What segment criteria (the team's skill) and rules add: hatched in the
   option's colour, separated from the rest by the card's background, and
   named in words under the bar. */
.score-row .part { stroke: var(--_bg); stroke-width: 1.5px; }
.hatch-bg { fill: var(--_bg); }
.hatch-line { fill: var(--_c, var(--_accent)); }
.parts { grid-column: 2 / -1; color: var(--_text); font-size: max(14px, 0.875em); line-height: 1.4; }
.hatch-key {
  display: inline-block; width: 1.6em; height: 0.8em; margin-right: 0.4em; vertical-align: -0.05em;
  border: 1px solid var(--_c, var(--_accent)); border-radius: 2px;
  background: repeating-linear-gradient(-45deg, var(--_c, var(--_accent)) 0 2px, transparent 2px 4.2px);
}
.hatch-key-rule { background: repeating-linear-gradient(45deg, var(--_c, var(--_accent)) 0 1px, transparent 1px 4.2px); }
.num { font-variant-numeric: tabular-nums; text-align: end; font-weight: 600; min-width: 2.5ch; }
.probability { color: var(--_text); }

.section-title { font-size: 1em; font-weight: 700; margin-bottom: 8px; }
.reasons, .flips, .split, .outweighed { display: grid; gap: 12px; }
.reasons + .outweighed { margin-top: 16px; padding-top: 12px; border-top: 1px dashed var(--_border); }
.reasons > li, .flips > li, .split > li, .outweighed > li { padding-left: 16px; position: relative; }
/* Outweighed: a hollow marker, where a reason has a solid one. */
.outweighed > li::before {
  content: ""; position: absolute; left: 0; top: 0.55em; width: 7px; height: 7px; border-radius: 50%;
  border: 1.5px solid var(--_muted); background: transparent;
}
.reasons > li::before, .flips > li::before, .split > li::before {
  content: ""; position: absolute; left: 0; top: 0.6em; width: 6px; height: 6px; border-radius: 50%;
  background: var(--_muted);
}
.reason-text { font-weight: 600; }
.rule-tag {
  display: inline-block; margin-right: 6px; padding: 0 6px; border-radius: 4px;
  border: 1px solid var(--_control); font-size: max(14px, 0.8em); font-weight: 600;
}
.evidence { margin-top: 4px; color: var(--_text); }
:host([compact]) .evidence-text { display: none; }

.cite {
  display: inline-flex; align-items: center; gap: 6px; flex-wrap: wrap;
  min-height: 24px; max-width: 100%;
  margin: 2px 4px 2px 0; padding: 0 8px;
  border: 1px solid var(--_control);
  border-radius: 4px;
  background: var(--_surface);
  color: var(--_text);
  font-size: max(14px, 0.8em);
  line-height: 1.4;
  text-align: start;
  cursor: pointer;
  vertical-align: baseline;
}
.cite[aria-expanded="true"] { border-color: var(--_accent); }
.vendor {
  display: inline-block; padding: 0 6px; border-radius: 3px;
  background: var(--_vendor-bg); color: var(--_vendor-text);
  font-weight: 700; font-size: 1em; text-transform: uppercase; letter-spacing: 0.03em;
}
:host([no-sources]) .cite, :host([no-sources]) .cite-panel { display: none !important; }
.cite-panel {
  margin: 6px 0 0; padding: 8px 12px;
  border-left: 3px solid var(--_accent);
  background: var(--_surface);
  font-size: max(14px, 0.875em);
}
.cite-panel .cite-title { font-weight: 700; }
.cite-panel dl { display: grid; grid-template-columns: auto minmax(0, 1fr); gap: 2px 12px; margin-top: 4px; }
.cite-panel dt { color: var(--_muted); }
.cite-panel a { color: var(--_accent); text-underline-offset: 2px; }
.cite-panel .vendor-note { margin-top: 4px; color: var(--_vendor-text); background: var(--_vendor-bg); padding: 2px 6px; border-radius: 3px; }

.split + div { margin-top: 8px; }
.dispute + .dispute { margin-top: 12px; }
.dispute-topic { font-weight: 600; }
.sides { display: grid; gap: 8px; margin-top: 4px; }
.side-option { font-weight: 700; }

/* Below both columns, the card's full width: guidance and Compare all factors. */
.wide { display: grid; grid-template-columns: minmax(0, 1fr); gap: 24px; margin-top: 32px; padding-top: 24px; border-top: 1px solid var(--_border); }
.wide:empty { display: none; }
:host([compact]) .wide { margin-top: 24px; padding-top: 16px; gap: 16px; }
.guide-groups { display: grid; gap: 16px 24px; grid-template-columns: minmax(0, 1fr); align-items: start; }
@container (min-width: 720px) { .guide-groups { grid-template-columns: repeat(2, minmax(0, 1fr)); } }
.guide-group.opt-hybrid, .guide-group:only-child { grid-column: 1 / -1; }
.guide-group .disclosures { grid-template-columns: repeat(auto-fill, minmax(min(100%, 26em), 1fr)); gap: 8px 24px; align-items: start; }
.group-title { font-size: 1em; font-weight: 700; margin: 0 0 8px; }
.group-title .swatch { vertical-align: 0.05em; }

/* What to do next, and Compare all factors: disclosures built on first open. */
/* minmax(0, 1fr): a long code line scrolls inside its block instead of widening the column. */
.result-dynamic, .disclosures { grid-template-columns: minmax(0, 1fr); }
.disclosures { display: grid; gap: 8px; }
.disclosure-heading { font-size: 1em; font-weight: 600; margin: 0; }
.disclosure {
  display: flex; align-items: center; gap: 8px; width: 100%;
  min-height: 40px; padding: 6px 12px;
  border: 1px solid var(--_control);
  border-radius: 6px;
  background: var(--_surface);
  color: var(--_text);
  font-weight: 600;
  text-align: start;
  cursor: pointer;
}
.disclosure .swatch { flex: none; margin-right: 0; }
.disclosure::after {
  content: ""; flex: none; margin-left: auto; width: 7px; height: 7px;
  border-right: 2px solid currentColor; border-bottom: 2px solid currentColor;
  transform: translateY(-2px) rotate(45deg);
}
.disclosure[aria-expanded="true"] { border-color: var(--_accent); border-radius: 6px 6px 0 0; }
.disclosure[aria-expanded="true"]::after { transform: translateY(2px) rotate(-135deg); }
.disclosure:hover { border-color: var(--_accent); }
.disclosure-body {
  padding: 12px;
  border: 1px solid var(--_accent); border-top: 0;
  border-radius: 0 0 6px 6px;
}
.guide-list { display: grid; gap: 10px; }
.guide-note { margin-top: 12px; color: var(--_text); }
.code-bar { display: flex; flex-wrap: wrap; align-items: center; gap: 8px; }
.code-bar + .code { margin-top: 8px; }
.copy-note { color: var(--_muted); font-size: max(14px, 0.875em); }
.code {
  margin: 0; padding: 12px;
  overflow-x: auto;
  border: 1px solid var(--_border);
  border-radius: 6px;
  background: var(--_surface);
  color: var(--_text);
  font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace;
  font-size: max(14px, 0.85em);
  line-height: 1.45;
  white-space: pre;
  overflow-wrap: normal;
  tab-size: 2;
}
.compare { width: 100%; border-collapse: collapse; font-size: max(14px, 0.875em); }
.compare caption { caption-side: top; text-align: start; color: var(--_muted); padding-bottom: 8px; }
.compare th, .compare td { padding: 6px 4px; text-align: start; vertical-align: top; border-top: 1px solid var(--_border); }
.compare thead th { border-top: 0; border-bottom: 2px solid var(--_border); font-weight: 700; }
/* A safety net for very narrow columns: the table scrolls inside its region. */
.compare-section .disclosure-body { overflow-x: auto; }
.compare tbody th { font-weight: 600; overflow-wrap: break-word; }
.compare .n { text-align: end; font-variant-numeric: tabular-nums; }
.compare thead .n { white-space: nowrap; }
.compare .value { display: block; white-space: nowrap; }
.compare .range { display: block; color: var(--_muted); font-weight: 400; }
.compare .weight-base, .compare .weight-yours { color: var(--_muted); }
.compare .weight { display: none; font-weight: 400; color: var(--_muted); }
@container (max-width: 559px) {
  .compare .w { display: none; }
  .compare .weight { display: block; }
}
.compare .best { font-weight: 700; }
.compare .best .value::before { content: "✓ " / ""; }
.compare .cost { font-weight: 400; color: var(--_muted); }
.compare .evidence-row td { border-top: 0; padding-top: 0; padding-bottom: 10px; }
.compare .evidence-row ul { display: grid; gap: 4px; }

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
:host([no-share]) .share { display: none !important; }
.error-text { border-left: 4px solid var(--_vendor-text); padding-left: 12px; }

:focus-visible { outline: 3px solid var(--_focus); outline-offset: 2px; }
.chip:focus-visible, .btn:focus-visible, .cite:focus-visible, .disclosure:focus-visible { outline-offset: 2px; }
.check input:focus-visible, .slider input:focus-visible { outline-offset: 3px; }

@media (prefers-reduced-motion: no-preference) {
  .fresh { animation: stack-advisor-fade 240ms ease-out; }
  @keyframes stack-advisor-fade { from { opacity: 0.25; } to { opacity: 1; } }
}
@media (forced-colors: active) {
  .chip[aria-checked="true"] { outline: 2px solid CanvasText; }
  .score-row .bar { fill: CanvasText; }
  .score-row .part { fill: Canvas; stroke: CanvasText; }
}
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
