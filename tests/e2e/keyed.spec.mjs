// www/keyed.js in Chromium: an answer's new list of keyed items reuses the
// nodes built for the same keys, builds the rest, removes what is left over,
// and moves as few nodes as the new order allows (each moved node is laid
// out again from scratch). Checked against a plain oracle over random
// reorders, with a MutationObserver counting the moves.
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';

const SOURCE = readFileSync(new URL('../../www/keyed.js', import.meta.url), 'utf8');

test('keyedChildren: same nodes for the same keys, the new order, the fewest moves (500 random lists)', async ({ page }) => {
  await page.goto('/fixtures/two.html');
  const report = await page.evaluate(async (source) => {
    const { keyedChildren } = await import(URL.createObjectURL(new Blob([source], { type: 'text/javascript' })));
    let seed = 20261206;
    const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    const shuffled = (xs) => {
      for (let i = xs.length - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        [xs[i], xs[j]] = [xs[j], xs[i]];
      }
      return xs;
    };
    // The oracle: the longest increasing run of old positions (quadratic, plain).
    const longest = (xs) => {
      const best = xs.map(() => 1);
      for (let i = 0; i < xs.length; i++) for (let j = 0; j < i; j++) if (xs[j] < xs[i]) best[i] = Math.max(best[i], best[j] + 1);
      return Math.max(0, ...best);
    };
    const parent = document.createElement('ul');
    const heading = document.createElement('h3'); // a leading child that is not keyed (skip = 1)
    parent.append(heading);
    document.body.append(parent);
    let builds = 0;
    const items = (keys) => keys.map((key) => ({
      key,
      build: () => {
        builds += 1;
        const li = document.createElement('li');
        li.textContent = key;
        return li;
      },
    }));
    const failures = [];
    let moves = 0;
    for (let round = 0; round < 500 && failures.length < 5; round++) {
      const next = shuffled([...Array(10).keys()].filter(() => random() < 0.7).map(String));
      const before = new Map([...parent.children].slice(1).map((li) => [li.textContent, li]));
      const records = [];
      const observer = new MutationObserver((found) => records.push(...found));
      observer.observe(parent, { childList: true });
      builds = 0;
      keyedChildren(parent, items(next), 1);
      records.push(...observer.takeRecords());
      observer.disconnect();

      const after = [...parent.children];
      const shown = after.slice(1).map((li) => li.textContent);
      if (after[0] !== heading) failures.push(`round ${round}: the heading moved`);
      if (shown.join() !== next.join()) failures.push(`round ${round}: ${shown} instead of ${next}`);
      const kept = next.filter((key) => before.has(key));
      for (const li of after.slice(1)) {
        if (before.has(li.textContent) && before.get(li.textContent) !== li) failures.push(`round ${round}: ${li.textContent} was built again`);
      }
      if (builds !== next.length - kept.length) failures.push(`round ${round}: ${builds} built for ${next.length - kept.length} new keys`);
      const oldOrder = [...before.keys()];
      const fewest = kept.length - longest(kept.map((key) => oldOrder.indexOf(key)));
      const moved = new Set(records.flatMap((r) => [...r.addedNodes]).filter((node) => before.get(node.textContent) === node));
      if (moved.size !== fewest) failures.push(`round ${round}: ${moved.size} moved where ${fewest} must (${oldOrder} → ${next})`);
      moves += moved.size;
    }
    return { failures, moves };
  }, SOURCE);
  expect(report.failures).toEqual([]);
  // The lists did change order: moves happened and were counted.
  expect(report.moves).toBeGreaterThan(500);
});
