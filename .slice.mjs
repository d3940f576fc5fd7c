import { chromium } from 'playwright';
const [,, url, w, scheme, out, hashSel] = process.argv;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--headless'] });
const page = await browser.newPage({ viewport: { width: Number(w), height: 900 }, colorScheme: scheme });
page.on('pageerror', (e) => console.log('pageerror', e.message));
await page.goto(url);
await page.waitForFunction(() => document.querySelector('stack-advisor')?.result);
const box = await page.evaluate(() => { const r = document.querySelector('stack-advisor').getBoundingClientRect(); return { x: r.x, y: r.y + scrollY, width: r.width, height: r.height }; });
const n = Math.ceil(box.height / 800);
for (let i = 0; i < n; i++) {
  await page.screenshot({ path: `${out}-${i}.png`, fullPage: true, clip: { x: 0, y: box.y + i * 800, width: Number(w), height: Math.min(800, box.height - i * 800) } });
}
console.log(n, 'slices');
await browser.close();
