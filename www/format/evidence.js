// Which evidence passage to show: the UX asks for "one sentence with its
// figure", so a passage with a measured figure, or one that names the option,
// is preferred. No DOM and no globals.

// A measured figure with its unit: "47,000 requests", "8 ms", "80 MB", "3.2x", "$145,000", "23%".
const FIGURE = /\d[\d,.]*\s*(?:%|ms\b|s\b|seconds|MB|GB|req|requests|rps|x\b|×|k\b|connections|packages|USD|GBP)|[$£€₹]\s?\d/i;

/**
 * The evidence to show for a reason: the UX asks for "one sentence with its
 * figure", so a passage with a measured figure comes first, then one that
 * names the option the reason favours, then the first.
 */
export function pickEvidence(evidence, favouredLabel = '') {
  const list = (Array.isArray(evidence) ? evidence : []).filter((e) => e && typeof e.text === 'string');
  let best = null;
  let bestScore = -1;
  for (const e of list) {
    const score = (FIGURE.test(e.text) ? 2 : 0) + (favouredLabel && e.text.includes(favouredLabel) ? 1 : 0);
    if (score > bestScore) [best, bestScore] = [e, score];
  }
  return best;
}

/** The passage that names `label` (and, better still, has a figure); the first on a tie. */
export function passageFor(evidence, label) {
  let best = null;
  let bestScore = -1;
  for (const e of evidence) {
    if (!e || typeof e.text !== 'string') continue;
    const score = (label && e.text.includes(label) ? 2 : 0) + (FIGURE.test(e.text) ? 1 : 0);
    if (score > bestScore) [best, bestScore] = [e, score];
  }
  return best;
}
