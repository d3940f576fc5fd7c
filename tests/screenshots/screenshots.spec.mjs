// The screenshots of `make screenshots` (see playwright.config.mjs here): the
// demo article and the widget, the busiest result, issue 13's two cases, and
// the guidance and the comparison expanded, at 375 and 1280 px in both themes.
import { test, expect } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { expandAll, openWithVerdict, pick, tick, waitReady } from '../e2e/helpers.mjs';

const OUT = new URL('../e2e/artifacts/screenshots/', import.meta.url).pathname;
mkdirSync(OUT, { recursive: true });

for (const scheme of ['light', 'dark']) {
  for (const width of [375, 1280]) {
    test(`the article and the widget, ${width}px ${scheme}`, async ({ page }) => {
      await page.setViewportSize({ width, height: 900 });
      await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
      await page.goto('/');
      const advisor = page.locator('stack-advisor');
      await waitReady(advisor);
      await page.screenshot({ path: `${OUT}article-${width}-${scheme}.png`, fullPage: true });
      await advisor.screenshot({ path: `${OUT}widget-${width}-${scheme}.png` });
      // The busiest result: hybrid verdict, a rule, a dispute, an open citation.
      await pick(advisor, 'project', 'realtime');
      await pick(advisor, 'team', 'python');
      await tick(advisor, 'needs', ['ai']);
      await advisor.locator('[part="citation"]').first().click();
      await advisor.locator('[part="result"]').screenshot({ path: `${OUT}result-hybrid-${width}-${scheme}.png` });
      // Issue 13's two cases, whole widget (guidance and the table sit below both columns):
      // "Use both" with its guidance per runtime, and Python with a JavaScript team outweighed.
      for (const [name, answers] of [
        ['use-both', { project: 'ai-ml', team: 'javascript', needs: ['ai', 'realtime', 'react-frontend'] }],
        ['python-outweighed', { project: 'analytics', team: 'javascript' }],
      ]) {
        await advisor.evaluate((el, a) => el.setAttribute('answers', JSON.stringify(a)), answers);
        await expect(advisor.locator('[part="outweighed"], [part="guidance"] .group-title').first()).toBeVisible();
        // A viewport as tall as the widget, so that no section is skipped as out of view.
        const tall = await advisor.evaluate((el) => Math.ceil(el.getBoundingClientRect().height) + 100);
        await page.setViewportSize({ width, height: tall });
        await page.waitForTimeout(200);
        await advisor.screenshot({ path: `${OUT}widget-${name}-${width}-${scheme}.png` });
        await page.setViewportSize({ width, height: 900 });
      }
    });

    test(`guidance and comparison expanded, ${width}px ${scheme}`, async ({ page }) => {
      await page.setViewportSize({ width, height: 900 });
      await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
      for (const verdict of ['node', 'hybrid']) {
        const advisor = await openWithVerdict(page, verdict);
        await expandAll(advisor);
        await advisor.locator('[part="guidance"]').screenshot({ path: `${OUT}guidance-${verdict}-${width}-${scheme}.png` });
        await advisor.locator('[part="compare"]').screenshot({ path: `${OUT}compare-${verdict}-${width}-${scheme}.png` });
        if (verdict === 'hybrid') await page.screenshot({ path: `${OUT}guidance-page-${width}-${scheme}.png`, fullPage: true });
      }
    });
  }
}
