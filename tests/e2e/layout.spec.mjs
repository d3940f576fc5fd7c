// Layout and footprint: no layout shift on upgrade, no sideways scroll at
// 320 px, and no request, cookie or storage write beyond the widget's own
// files. Screenshots at 375 and 1280 px: tests/screenshots/ (`make screenshots`).
import { test, expect } from '@playwright/test';
import { pick, tick, verdictLocator, waitReady } from './helpers.mjs';

/** Sums layout shifts not caused by input, from before the first paint. */
function observeShifts() {
  window.__cls = 0;
  window.__shifts = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.hadRecentInput) continue;
      window.__cls += entry.value;
      window.__shifts.push({ value: entry.value, sources: (entry.sources || []).map((s) => s.node && (s.node.id || s.node.nodeName)) });
    }
  }).observe({ type: 'layout-shift', buffered: true });
}

for (const [width, height] of [[1280, 900], [375, 740], [320, 640]]) {
  for (const path of ['/fixtures/top.html', '/']) {
    test(`CLS is 0 when the element upgrades: ${path} at ${width}px`, async ({ page }) => {
      await page.setViewportSize({ width, height });
      await page.addInitScript(observeShifts);
      await page.goto(path);
      const advisor = page.locator('stack-advisor').first();
      await waitReady(advisor);
      // Give late shifts (fonts, sticky, animations) a chance to show up.
      await page.waitForTimeout(600);
      const { cls, shifts } = await page.evaluate(() => ({ cls: window.__cls, shifts: window.__shifts }));
      expect(cls, JSON.stringify(shifts)).toBe(0);
      // The reservation covers the rendered widget: it did not grow past it.
      const fits = await advisor.evaluate((el) => el.shadowRoot.querySelector('.inner').getBoundingClientRect().height <= el.getBoundingClientRect().height);
      expect(fits).toBe(true);
    });
  }
}

test('no horizontal scroll at 320 px, even with a hybrid result and an open citation', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await page.goto('/');
  const advisor = page.locator('stack-advisor');
  await waitReady(advisor);
  await pick(advisor, 'project', 'realtime');
  await pick(advisor, 'team', 'python');
  await tick(advisor, 'needs', ['ai', 'high-concurrency']);
  await expect(verdictLocator(advisor)).toHaveText(/.+/);
  for (const chip of (await advisor.locator('[part="citation"]').all()).slice(0, 3)) await chip.click();
  const widths = await page.evaluate(() => ({ doc: document.documentElement.scrollWidth, body: document.body.scrollWidth, view: window.innerWidth }));
  expect(widths.doc).toBeLessThanOrEqual(widths.view);
  expect(widths.body).toBeLessThanOrEqual(widths.view);
  // The narrow layout offers a jump to the result after the first answer.
  const jump = advisor.getByRole('button', { name: 'Jump to the result' });
  await expect(jump).toBeVisible();
  await jump.click();
  await expect(advisor.locator('[part="verdict"]')).toBeFocused();
});

test('request log: nothing after load beyond the widget\'s own files; no cookies or storage', async ({ page, context }) => {
  const requests = [];
  page.on('request', (r) => { if (!r.url().startsWith('data:')) requests.push({ url: r.url(), at: Date.now() }); });
  await page.goto('/');
  const advisor = page.locator('stack-advisor');
  await waitReady(advisor);
  const loaded = Date.now();
  await pick(advisor, 'project', 'ai-ml');
  await tick(advisor, 'needs', ['realtime']);
  await advisor.getByRole('slider', { name: 'Hiring cost and speed' }).fill('4');
  await advisor.locator('[part="citation"]').first().click();
  await advisor.getByRole('button', { name: 'Reset' }).click();
  await page.waitForTimeout(500);

  const origin = new URL(page.url()).origin;
  const paths = requests.map((r) => r.url.replace(origin, ''));
  // The loader asks for the chunk and the .wasm at the same time: either may come first.
  expect(paths.sort()).toEqual(['/', '/stack-advisor-engine.js', '/stack-advisor-engine.wasm', '/stack-advisor.js']);
  expect(requests.filter((r) => r.at > loaded)).toEqual([]);
  const storage = await page.evaluate(() => ({ cookie: document.cookie, local: localStorage.length, session: sessionStorage.length }));
  expect(storage).toEqual({ cookie: '', local: 0, session: 0 });
  expect(await context.cookies()).toEqual([]);
});
