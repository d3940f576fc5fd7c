import { chromium } from 'playwright';
const url = process.argv[2] || 'http://127.0.0.1:4180/';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--headless'] });
for (const w of [320, 375, 480, 600, 700, 760, 1024, 1280]) {
  const page = await browser.newPage({ viewport: { width: w, height: 900 } });
  page.on('pageerror', (e) => console.log('pageerror', e.message));
  await page.goto(url);
  await page.waitForFunction(() => document.querySelector('stack-advisor')?.result);
  const info = await page.evaluate(() => { const el = document.querySelector('stack-advisor'); const inner = el.shadowRoot.querySelector('.inner'); return { host: el.getBoundingClientRect().height, content: inner.getBoundingClientRect().height, width: el.getBoundingClientRect().width, fs: getComputedStyle(el).fontSize, sw: document.documentElement.scrollWidth }; });
  console.log(w, JSON.stringify(info), (info.content/16).toFixed(1)+'em');
  if (w === 375 || w === 1280) for (const scheme of ['light','dark']) { await page.emulateMedia({ colorScheme: scheme }); await page.locator('stack-advisor').screenshot({ path: `/tmp/shots/el-${w}-${scheme}.png` }); }
  await page.close();
}
await browser.close();
