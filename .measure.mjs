import { chromium } from 'playwright';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--headless'] });
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
await page.goto(process.argv[2] || 'http://127.0.0.1:4180/');
await page.waitForFunction(() => document.querySelector('stack-advisor')?.result);
for (const w of [320, 340, 360, 375, 400, 420, 460, 480, 520, 560, 600, 640, 680, 719, 720, 760, 800, 860, 900, 960, 1000, 1040, 1100, 1280, 1600]) {
  await page.setViewportSize({ width: w, height: 900 });
  await page.waitForTimeout(50);
  const info = await page.evaluate(() => { const el = document.querySelector('stack-advisor'); const inner = el.shadowRoot.querySelector('.inner'); return { w: el.getBoundingClientRect().width, content: inner.getBoundingClientRect().height + 2 }; });
  console.log(w, info.w, (info.content/16).toFixed(1)+'em');
}
await browser.close();
