import { test, expect } from '@playwright/test';
test('clip', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 900 });
  await page.emulateMedia({ colorScheme: 'dark', reducedMotion: 'reduce' });
  await page.goto(process.env.PAGE || '/');
  const advisor = page.locator('stack-advisor');
  await advisor.evaluate((el) => el.setAttribute('answers', '{"project":"analytics","team":"javascript"}'));
  await advisor.getByRole('button', { name: 'Compare all factors' }).click();
  const table = advisor.locator('table.compare');
  await table.scrollIntoViewIfNeeded();
  const box = await table.boundingBox();
  await page.setViewportSize({ width: 375, height: Math.ceil(box.y + box.height + 100) });
  await page.evaluate(() => window.scrollTo(0, 0));
  const b = await table.boundingBox();
  await page.screenshot({ fullPage: true, path: '/tmp/fake/clip-table-375.png', clip: { x: 0, y: b.y - 10, width: 375, height: 900 } });
});
