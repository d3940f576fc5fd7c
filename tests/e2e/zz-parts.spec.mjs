import { test, expect } from '@playwright/test';
const PAGE = process.env.PAGE || '/';
const OUT = process.env.OUT || '/tmp/shots';
const answers = JSON.parse(process.env.ANSWERS || '{}');
for (const scheme of ['light', 'dark']) for (const width of [375, 1280]) {
  test(`parts ${width} ${scheme}`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
    await page.goto(PAGE);
    const advisor = page.locator('stack-advisor');
    await advisor.evaluate((el, a) => el.setAttribute('answers', JSON.stringify(a)), answers);
    await expect(advisor.locator('[part="verdict"]')).toHaveText(/.+/);
    if (process.env.OPEN) await advisor.getByRole('button', { name: 'Compare all factors' }).click();
    const h = await advisor.evaluate((el) => el.getBoundingClientRect().height);
    await page.setViewportSize({ width, height: Math.min(16000, Math.ceil(h) + 200) });
    await page.waitForTimeout(300);
    const tag = process.env.TAG || 'x';
    await advisor.locator('.result').screenshot({ path: `${OUT}/${tag}-result-${width}-${scheme}.png` });
    await advisor.locator('.wide').screenshot({ path: `${OUT}/${tag}-wide-${width}-${scheme}.png` });
  });
}
