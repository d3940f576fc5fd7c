// Styles of the TOPSIS second opinion and the calibration panel, on top of
// styles.js (same custom properties), adopted by a widget when it loads its
// MCDA add-ons (mcda-ui.js). A constructable stylesheet, so strict CSP pages
// (style-src 'self') work.

export const mcdaCss = String.raw`
.opinion-caption { color: var(--_muted); font-size: max(14px, 0.875em); margin-bottom: 6px; }
.opinion-scores { display: grid; grid-template-columns: minmax(4.5em, max-content) max-content; gap: 2px 16px; }
.opinion-row { display: grid; grid-column: 1 / -1; grid-template-columns: subgrid; }
.opinion-row.leader .opt { font-weight: 700; }
.opinion-note { margin-top: 8px; }
.opinion-note.disagree { padding: 8px 12px; border-left: 4px solid var(--_accent); background: var(--_surface); display: grid; gap: 4px; }

.calibrate { display: grid; grid-template-columns: minmax(0, 1fr); gap: 12px; justify-items: start; min-width: 0; }
.calibrate-panel { display: grid; grid-template-columns: minmax(0, 1fr); gap: 12px; width: 100%; min-width: 0; padding: 12px 16px; border: 1px solid var(--_border); border-radius: 6px; background: var(--_surface); }
.pairs { display: grid; grid-template-columns: minmax(0, 1fr); gap: 10px; }
.pair { display: grid; grid-template-columns: minmax(0, 1fr); gap: 4px; min-width: 0; }
.pair label { font-weight: 600; }
.pair select {
  font: inherit; color: var(--_text); background: var(--_bg);
  min-height: 32px; width: 100%; min-width: 0;
  border: 1px solid var(--_control); border-radius: 6px; padding: 2px 8px;
}
.calibrate-heading { font-weight: 700; }
.calibrate-weights { display: grid; gap: 2px; font-variant-numeric: tabular-nums; }
.calibrate-cr[data-consistent="false"] { border-left: 4px solid var(--_vendor-text); padding-left: 8px; }
.calibrate-actions { display: flex; flex-wrap: wrap; gap: 8px; }
.calibrate-state { color: var(--_muted); font-size: max(14px, 0.875em); }
.pair select:focus-visible { outline: 3px solid var(--_focus); outline-offset: 2px; }
`;

let sheet = null;

/** Adds these styles to a shadow root (once per root). */
export function adoptMcdaStyles(root) {
  if (!root) return;
  if (typeof CSSStyleSheet !== 'undefined' && 'replaceSync' in CSSStyleSheet.prototype && 'adoptedStyleSheets' in root) {
    if (!sheet) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(mcdaCss);
    }
    if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  } else if (globalThis.document) {
    const style = globalThis.document.createElement('style');
    style.textContent = mcdaCss;
    root.append(style);
  }
}
