// The height <stack-advisor> reserves before it is ready, so the article does
// not move when the widget appears. Shared by the element's stylesheet and the
// one-tag loader's placeholder (which must stay tiny, so this module is kept
// apart from the stylesheet).

/**
 * Reserved heights by viewport width: [max-width in px, height in em], widest
 * first; 130em above the widest. The element is usually as wide as the
 * viewport less the page's margins; these cover the default matrix with
 * nothing answered. A page applies the same table to `stack-advisor` before
 * the script runs, or sets `--stack-advisor-min-height` for its own layout.
 */
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

/** The `:host` rules that reserve the height (and keep the element a block). */
export const RESERVE_CSS = `:host {
  /* !important: host rules lose to the page's own, and the element must stay
     a block even on a page that resets every element (* { all: unset }). */
  display: block !important;
  box-sizing: border-box !important;
  max-width: 100% !important;
  min-height: var(--stack-advisor-min-height, var(--_reserve));
  --_reserve: 130em;
}
${RESERVE.map(([max, em]) => `@media (max-width: ${max}px) { :host { --_reserve: ${em}em; } }`).join('\n')}`;
