// axe-core for the e2e specs: WCAG 2.0/2.1/2.2 A and AA rules, run in one pass.
//
// Two settings keep each check to about a quarter of AxeBuilder's default time
// (docs/testing.md): legacy mode runs axe once in the page instead of per frame
// with the results gathered in a second, blank page (the pages under test have no
// cross-origin frames, the one case legacy mode cannot check), and
// `resultTypes: ['violations']` keeps every violating node but only one node of
// each passing rule, so thousands of passing nodes are not copied out of the page.
import AxeBuilder from '@axe-core/playwright';

/** The rule tags every axe check in the e2e suite runs. */
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * Runs axe on `page` (only inside `include`, and without `exclude`, when given)
 * and returns its results.
 */
export async function axeResults(page, { include, exclude } = {}) {
  // `options` first: it replaces the options object, which `withTags` then extends.
  const builder = new AxeBuilder({ page }).options({ resultTypes: ['violations'] }).withTags(TAGS).setLegacyMode(true);
  if (include) builder.include(include);
  if (exclude) builder.exclude(exclude);
  return builder.analyze();
}

/** One line per violation with up to five of its nodes, for an assertion's message. */
export function summarise(violations) {
  return violations
    .map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')} — ${(n.failureSummary || '').replace(/\s+/g, ' ')}`).join('\n  ')}`)
    .join('\n');
}
