// The page-level reserve: the stylesheet an integration prints once per page,
// before the first <stack-advisor>, so the element holds the widget's height
// from the first paint (before the loader runs) and the page does not move.
// Made from www/reserve.js's RESERVE, the table the element's own :host rules
// use, so the two agree: the page rule holds while the element is undefined,
// the :host rule (same height) once it is defined. Inside
// `@media (scripting: enabled)`, so a reader without JavaScript (the element
// never defined) gets no blank reserved box, only the fallback.
// scripts/artefacts.mjs writes it to dist/reserve.css.
import { RESERVE } from '../www/reserve.js';

/** The rule that reserves `em` (the page's `--stack-advisor-min-height` still wins). */
const rule = (em) => `stack-advisor:not(:defined){min-height:var(--stack-advisor-min-height,${em}em)}`;

/**
 * The page's reserve CSS as one line (no `<`, no newline: safe inside a
 * `<style>` element and in post content that WordPress runs wpautop on).
 * @returns {string}
 */
export function pageReserveCss() {
  const widths = RESERVE.map(([max, em]) => `@media (max-width:${max}px){${rule(em)}}`).join('');
  return `@media (scripting:enabled){stack-advisor:not(:defined){display:block;box-sizing:border-box;max-width:100%}${rule(130)}${widths}}`;
}
