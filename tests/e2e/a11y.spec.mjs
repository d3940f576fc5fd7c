// Accessibility: axe-core (WCAG 2.0/2.1/2.2 A and AA) in light and dark, the
// live region, labels, target sizes and reduced motion.
import { test, expect } from '@playwright/test';
import { axeResults, summarise } from './axe.mjs';
import { MATRIX, gateEngine, pick, tick, verdictLocator, waitReady } from './helpers.mjs';
import { test as onSharedPage } from './shared-page.mjs';

async function axe(page) {
  const results = await axeResults(page);
  expect(results.violations, summarise(results.violations)).toEqual([]);
  // The widget itself was actually checked (axe descends into open shadow roots).
  expect(results.passes.some((p) => p.nodes.some((n) => n.target.some(Array.isArray)))).toBe(true);
}

/** A result with everything on screen: hybrid split, a dispute, a rule and an open citation. */
async function busyState(advisor) {
  await pick(advisor, 'project', 'realtime');
  await pick(advisor, 'team', 'python');
  await tick(advisor, 'needs', ['ai']);
  await expect(advisor.locator('[part="disputes"]')).toBeVisible();
  await advisor.locator('[part="citation"]').first().click();
  await expect(advisor.locator('.cite-panel').first()).toBeVisible();
}

for (const scheme of ['light', 'dark']) {
  test(`axe: no WCAG 2.2 AA violations on the article page, ${scheme}`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto('/');
    const advisor = page.locator('stack-advisor');
    await waitReady(advisor);
    await axe(page);
    await busyState(advisor);
    await axe(page);
  });

  test(`axe: no violations with theme="${scheme}" forced against the other system scheme`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme === 'light' ? 'dark' : 'light' });
    await page.goto('/');
    const advisor = page.locator('stack-advisor');
    await advisor.evaluate((el, theme) => el.setAttribute('theme', theme), scheme);
    await waitReady(advisor);
    await busyState(advisor);
    const bg = await advisor.evaluate((el) => getComputedStyle(el.shadowRoot.querySelector('.card')).backgroundColor);
    expect(bg).toBe(scheme === 'light' ? 'rgb(255, 255, 255)' : 'rgb(22, 27, 34)');
    const results = await axeResults(page, { include: 'stack-advisor' });
    expect(results.violations, summarise(results.violations)).toEqual([]);
  });
}

test('axe: the playground (two themes, German, compact, custom matrix) has no violations', async ({ page }) => {
  await page.goto('/playground.html');
  for (const id of ['left', 'right', 'compact-one', 'themed', 'custom']) await waitReady(page.locator(`#${id}`));
  await axe(page);
});

test('the verdict is announced through a role="status" region that exists before it changes', async ({ page }) => {
  await page.addInitScript(gateEngine, 'hold');
  await page.goto('/');
  const advisor = page.locator('stack-advisor');
  const status = advisor.locator('[role="status"]');
  await expect(status).toHaveCount(1);
  await expect(status).toHaveText('');
  // The light-DOM fallback is what the reader sees meanwhile.
  await expect(page.getByText('The short version')).toBeVisible();
  await page.evaluate(() => window.__releaseEngine());
  await waitReady(advisor);
  // The verdict, its confidence word, and the probability behind the word.
  await expect(status).toHaveText(/^Recommendation: Node\.js, leaning\. Node\.js wins in \d+% of plausible readings of the evidence and your priorities\.$/);
  await expect(page.getByText('The short version')).toBeHidden();
  await pick(advisor, 'project', 'ai-ml');
  await expect(status).toHaveText(/^Recommendation: Python, clear\. Python wins in (over )?\d+% of plausible readings/);
  // A probability that moves without changing the verdict or its word is not announced again.
  const said = await status.textContent();
  await advisor.getByRole('slider', { name: 'Type safety' }).fill('2');
  await page.waitForTimeout(800);
  expect(await advisor.evaluate((el) => el.result.verdict)).toBe('python');
  if ((await advisor.evaluate((el) => el.result.confidence)) === 'clear') await expect(status).toHaveText(said);
});

onSharedPage('every control has a label; sliders speak their value in words', async ({ article: page, advisor }) => {
  await expect(advisor.getByRole('radiogroup')).toHaveCount(MATRIX.questions.filter((q) => q.kind === 'single').length);
  await expect(advisor.getByRole('radiogroup', { name: 'What are you building?' })).toBeVisible();
  await expect(advisor.getByRole('group', { name: 'What must it do well?' })).toBeVisible();
  const slider = advisor.getByRole('slider', { name: 'Hiring cost and speed' });
  await slider.fill('0');
  await expect(slider).toHaveAttribute('aria-valuetext', "doesn't matter, 0 of 5");
  await slider.fill('5');
  await expect(slider).toHaveAttribute('aria-valuetext', 'critical, 5 of 5');
  // Exactly one radio per group is in the tab order (roving tabindex).
  for (const group of await advisor.getByRole('radiogroup').all()) {
    await expect(group.locator('[role="radio"][tabindex="0"]')).toHaveCount(1);
    await expect(group.locator('[role="radio"][tabindex="0"]')).toHaveAttribute('aria-checked', 'true');
  }
});

onSharedPage('citations expand to title, publisher, date and section, and mark vendor sources', async ({ article: page, advisor }) => {
  await pick(advisor, 'project', 'realtime');
  const vendorChip = advisor.locator('[part="citation"]', { has: page.locator('[part="vendor"]') }).first();
  await expect(vendorChip).toContainText('vendor');
  await expect(vendorChip).toHaveAttribute('aria-expanded', 'false');
  await vendorChip.click();
  await expect(vendorChip).toHaveAttribute('aria-expanded', 'true');
  const panel = advisor.locator(`#${await vendorChip.getAttribute('aria-controls')}`);
  await expect(panel).toBeVisible();
  await expect(panel).toContainText('Publisher');
  await expect(panel).toContainText('Published');
  await expect(panel).toContainText('Section');
  await expect(panel).toContainText('Vendor source');
  await vendorChip.press('Enter');
  await expect(panel).toBeHidden();
});

onSharedPage('targets are at least 24 × 24 px and focus is always visible', async ({ article: page, advisor }) => {
  const small = await advisor.evaluate((el) => {
    const out = [];
    for (const node of el.shadowRoot.querySelectorAll('[role="radio"], button, .check, input[type="range"]')) {
      const r = node.getBoundingClientRect();
      if (r.width && (r.width < 24 || r.height < 24)) out.push(`${node.className || node.tagName} ${r.width}×${r.height}`);
    }
    return out;
  });
  expect(small).toEqual([]);
});

test('prefers-reduced-motion: no animation on changed numbers', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto('/');
  const advisor = page.locator('stack-advisor');
  await waitReady(advisor);
  await pick(advisor, 'project', 'ai-ml');
  await expect(verdictLocator(advisor)).toHaveText('Python');
  const names = await advisor.evaluate((el) => [...el.shadowRoot.querySelectorAll('.num')].map((n) => getComputedStyle(n).animationName));
  expect(names.every((n) => n === 'none')).toBe(true);
});

test('control: axe does see inside the widget (a low-contrast custom colour is caught)', async ({ page }) => {
  await page.goto('/');
  const advisor = page.locator('stack-advisor');
  await waitReady(advisor);
  await advisor.evaluate((el) => el.style.setProperty('--stack-advisor-muted', '#c8c8c8'));
  const results = await axeResults(page, { include: 'stack-advisor' });
  expect(results.violations.map((v) => v.id)).toContain('color-contrast');
});
