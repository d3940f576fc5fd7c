// The result's rules of <stack-advisor>'s stylesheet (styles.js puts them in
// place, between the questions' rules and the actions'): the verdict, score
// bars, sections, citations, guidance and the "Compare all factors" table.
// Plain text, so importing this module has no effect.

/** CSS for the result column and the full-width sections below it. */
export const RESULT_CSS = String.raw`
/* --------------------------------------------------------------- result */
/* The result's stacks are flex columns: the same gaps as a one-column grid
   (nothing hidden leaves one), and Chromium lays a changed line out again
   with less work than through nested grids (docs/benchmarks.md). */
.result { display: flex; flex-direction: column; gap: 20px; min-width: 0; }
.result-body, .result-dynamic { display: flex; flex-direction: column; gap: 20px; }
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
/* A bar: full-size layers, each clipped to its stretch (score-bars.js). */
.score-row .drawing { display: block; position: relative; height: 14px; }
.drawing > * { position: absolute; inset: 0; background: var(--_c, var(--_accent)); }
.score-row .track { background: var(--_track); }
/* What segment criteria (the team's skill) and rules add: hatched in the
   option's colour (as the key next to their names), and named in words
   under the bar. */
.parts { grid-column: 2 / -1; color: var(--_text); font-size: max(14px, 0.875em); line-height: 1.4; }
.hatch-key {
  display: inline-block; width: 1.6em; height: 0.8em; margin-right: 0.4em; vertical-align: -0.05em;
  border: 1px solid var(--_c, var(--_accent)); border-radius: 2px;
}
.hatch-key, .drawing > .part { background: repeating-linear-gradient(-45deg, var(--_c, var(--_accent)) 0 2px, transparent 2px 4.2px); }
.hatch-key-rule, .drawing > .part-rule { background: repeating-linear-gradient(45deg, var(--_c, var(--_accent)) 0 1px, transparent 1px 4.2px); }
.num { font-variant-numeric: tabular-nums; text-align: end; font-weight: 600; min-width: 2.5ch; }
.probability { color: var(--_text); }

.section-title { font-size: 1em; font-weight: 700; margin-bottom: 8px; }
.reasons, .flips, .split, .outweighed { display: flex; flex-direction: column; gap: 12px; }
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
.sides { display: flex; flex-direction: column; gap: 8px; margin-top: 4px; }
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
`;
