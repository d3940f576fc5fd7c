// The one-tag loader (www/tag.js): a page pays for the small loader only,
// until the reader comes near a widget; then the engine chunk and its .wasm
// load once for every widget on the page, each checked against its SHA-384.
import { test, expect } from '@playwright/test';
import { firstResult, recordEvents, verdictLocator } from './helpers.mjs';

const PAGE = '/fixtures/below.html';
const ENGINE_FILES = /\/stack-advisor-(engine\.js|engine\.wasm|mcda[\w.-]*|de\.js)(\?|$)/;

/** Every request for a file the loader brings in, by path. */
function engineRequests(page) {
  const seen = [];
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (ENGINE_FILES.test(url.pathname)) seen.push(url.pathname);
  });
  return seen;
}

const defined = (page) => page.evaluate(() => Boolean(customElements.get('stack-advisor')));

test('a widget 5,000 px down: nothing but the loader at load; scrolling near it loads the engine once for both widgets', async ({ page }) => {
  const requests = engineRequests(page);
  await page.addInitScript(recordEvents);
  await page.goto(PAGE);
  await page.waitForLoadState('load');
  await page.waitForTimeout(500);
  expect(requests).toEqual([]);
  expect(await defined(page)).toBe(false);
  // The fallback shows meanwhile, in the reserved height.
  await expect(page.locator('#first > p:not([part])')).toHaveText('First fallback: the short version.');
  expect((await page.locator('#first').boundingBox()).height).toBeGreaterThan(1000);

  await page.locator('#first').scrollIntoViewIfNeeded();
  const first = await firstResult(page.locator('#first'));
  const second = await firstResult(page.locator('#second'));
  expect(first.verdict).toBeTruthy();
  expect(second.verdict).toBe('python');
  expect(requests.sort()).toEqual(['/stack-advisor-engine.js', '/stack-advisor-engine.wasm']);
  const errors = (await page.evaluate(() => window.__events)).filter((e) => e.type === 'stack-advisor-error');
  expect(errors).toEqual([]);
});

test('the engine starts loading one viewport before the widget, not earlier', async ({ page }) => {
  await page.setViewportSize({ width: 1000, height: 800 });
  const requests = engineRequests(page);
  await page.goto(PAGE);
  const top = await page.locator('#first').evaluate((el) => el.getBoundingClientRect().top + scrollY);
  // Two viewports above the widget: still nothing.
  await page.evaluate((y) => scrollTo(0, y), top - 2.2 * 800);
  await page.waitForTimeout(400);
  expect(requests).toEqual([]);
  // Just under one viewport above it: the load starts before the widget is on screen.
  await page.evaluate((y) => scrollTo(0, y), top - 1.9 * 800);
  await expect.poll(() => requests.length).toBeGreaterThan(0);
  expect(await page.locator('#first').evaluate((el) => el.getBoundingClientRect().top > innerHeight)).toBe(true);
});

test('a reader below the widgets keeps their place when the widgets above them upgrade', async ({ page }) => {
  await page.setViewportSize({ width: 1000, height: 800 });
  await page.goto(PAGE);
  // The reader is past both widgets (within one viewport of the second): the engine loads, the widgets above upgrade.
  await page.locator('#end').evaluate((el) => scrollTo(0, el.getBoundingClientRect().top + scrollY - 100));
  const before = await page.locator('#end').evaluate((el) => el.getBoundingClientRect().top);
  await expect.poll(() => defined(page)).toBe(true);
  await firstResult(page.locator('#second'));
  await page.waitForTimeout(300);
  expect(Math.abs((await page.locator('#end').evaluate((el) => el.getBoundingClientRect().top)) - before)).toBeLessThan(1);
});

test('loading="eager" loads at once, wherever the widget is', async ({ page }) => {
  const requests = engineRequests(page);
  await page.route('**/fixtures/below.html', async (route) => {
    const response = await route.fetch();
    const body = (await response.text()).replace('<stack-advisor id="second"', '<stack-advisor id="second" loading="eager"');
    await route.fulfill({ response, body });
  });
  await page.goto(PAGE);
  await expect.poll(() => defined(page)).toBe(true);
  expect(requests.sort()).toEqual(['/stack-advisor-engine.js', '/stack-advisor-engine.wasm']);
  // Nothing was scrolled: the widgets were far below the screen.
  expect(await page.evaluate(() => scrollY)).toBe(0);
});

test('a share link with answers for a widget below the fold opens it with those answers', async ({ page }) => {
  await page.goto(`${PAGE}#sa-second=project:realtime;team:javascript`);
  await expect.poll(() => defined(page)).toBe(true);
  const advisor = page.locator('#second');
  await firstResult(advisor);
  expect(await advisor.evaluate((el) => el.answers)).toEqual({ project: 'realtime', team: 'javascript' });
  await expect(verdictLocator(advisor)).toHaveText('Node.js');
});

test('focusing the fallback (a link in it) loads the widget and keeps focus in it', async ({ page }) => {
  const requests = engineRequests(page);
  await page.goto(PAGE);
  await page.locator('#fallback-link').focus({ preventScroll: true });
  await expect.poll(() => defined(page)).toBe(true);
  await firstResult(page.locator('#first'));
  expect(requests.length).toBe(2);
  // The fallback is hidden now: focus moved into the widget, not to the page's body.
  await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('first');
});

test('Data Saver: the widget waits for the reader\'s click on a labelled button', async ({ page }) => {
  const requests = engineRequests(page);
  await page.addInitScript(() => Object.defineProperty(navigator, 'connection', { value: { saveData: true } }));
  await page.goto(PAGE);
  const first = page.locator('#first');
  await first.scrollIntoViewIfNeeded();
  const button = first.getByRole('button', { name: /^Load the interactive advisor \(\d+ KB\)$/ });
  await expect(button).toBeVisible();
  await page.waitForTimeout(400);
  expect(requests).toEqual([]);
  await button.click();
  await firstResult(first);
  expect(requests.sort()).toEqual(['/stack-advisor-engine.js', '/stack-advisor-engine.wasm']);
});

test('offline before the widget: a message and a retry button, never a blank box; the retry loads it', async ({ page }) => {
  await page.addInitScript(recordEvents);
  await page.route(/stack-advisor-engine\.js/, (route) => route.abort('internetdisconnected'));
  await page.goto(PAGE);
  const first = page.locator('#first');
  await first.scrollIntoViewIfNeeded();
  const notice = first.locator('[part="notice"]');
  await expect(notice).toHaveText(/could not be loaded \(are you offline\?\)/);
  await expect(page.locator('#first > p:not([part])')).toBeVisible();
  const events = (await page.evaluate(() => window.__events)).filter((e) => e.type === 'stack-advisor-error');
  expect(events.map((e) => [e.target, e.kind])).toEqual([['first', 'network'], ['second', 'network']]);
  await page.unroute(/stack-advisor-engine\.js/);
  await first.getByRole('button', { name: 'Try again' }).click();
  expect((await firstResult(first)).verdict).toBeTruthy();
});

for (const file of ['stack-advisor-engine.js', 'stack-advisor-engine.wasm']) {
  test(`a changed ${file} is refused with a message and an error event`, async ({ page }) => {
    await page.addInitScript(recordEvents);
    await page.addInitScript(() => document.addEventListener('stack-advisor-error', (e) => (window.__hints ??= []).push(e.detail.hint)));
    await page.route(`**/${file}`, async (route) => {
      const response = await route.fetch();
      const body = Buffer.from(await response.body());
      body[body.length - 2] ^= 1;
      await route.fulfill({ response, body });
    });
    await page.goto(PAGE);
    const first = page.locator('#first');
    await first.scrollIntoViewIfNeeded();
    await expect(first.locator('[part="notice"]')).toHaveText(/^The interactive advisor was not loaded: one of its files is not the one this page expects/);
    await expect(first.getByRole('button')).toHaveCount(0);
    expect(await defined(page)).toBe(false);
    const events = (await page.evaluate(() => window.__events)).filter((e) => e.type === 'stack-advisor-error');
    expect(events.map((e) => e.kind)).toEqual(['integrity', 'integrity']);
    expect(events[0].message).toContain(`${file} is not the file this build was made with (its SHA-384 differs), so it was refused`);
    // What the author is told to do about it.
    expect(await page.evaluate(() => window.__hints)).toEqual(['serve stack-advisor.js and the files next to it from one and the same build (dist/FILES lists them)', 'serve stack-advisor.js and the files next to it from one and the same build (dist/FILES lists them)']);
  });
}

test('German widgets load their strings as a checked part; English pages never fetch them', async ({ page }) => {
  const requests = engineRequests(page);
  await page.goto('/');
  await firstResult(page.locator('stack-advisor'));
  expect(requests).not.toContain('/stack-advisor-de.js');
  await page.locator('stack-advisor').evaluate((el) => el.setAttribute('lang', 'de'));
  await expect(page.locator('stack-advisor').getByRole('button', { name: 'Zurücksetzen' })).toBeVisible();
  expect(requests.filter((p) => p === '/stack-advisor-de.js')).toHaveLength(1);
});

test('the placeholder speaks the widget\'s language', async ({ page }) => {
  await page.route(/stack-advisor-engine\.js/, (route) => route.abort('internetdisconnected'));
  await page.route('**/fixtures/below.html', async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, body: (await response.text()).replace('<stack-advisor id="first"', '<stack-advisor id="first" lang="de"') });
  });
  await page.goto(PAGE);
  await page.locator('#first').scrollIntoViewIfNeeded();
  await expect(page.locator('#first [part="notice"]')).toHaveText(/^Der interaktive Berater konnte nicht geladen werden/);
  await expect(page.locator('#first').getByRole('button', { name: 'Erneut versuchen' })).toBeVisible();
  await expect(page.locator('#second [part="notice"]')).toHaveText(/^The interactive advisor could not be loaded/);
});

// The default matrix's texts the first result does not show (guidance bodies,
// evidence no reason picks) are a part, stack-advisor-texts.js, loaded when
// the reader first opens a section that needs them.
const TEXTS = '/stack-advisor-texts.js';

test('the default matrix\'s texts load once, when the reader first opens "What to do next" or "Compare all factors"', async ({ page }) => {
  const requests = [];
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  await page.goto('/');
  const advisor = page.locator('stack-advisor');
  await firstResult(advisor);
  await page.waitForTimeout(300);
  expect(requests).not.toContain(TEXTS);
  // The section titles are there from the first result; the bodies come on opening.
  const hiring = advisor.getByRole('button', { name: 'Hiring Node.js developers' });
  await hiring.click();
  await expect(advisor.getByRole('region', { name: 'Hiring Node.js developers' })).toContainText('$145,000–$185,000');
  // Keyboard focus stays on the button the reader pressed while the section filled in.
  await expect(hiring).toBeFocused();
  await advisor.getByRole('button', { name: 'Compare all factors' }).click();
  // Two passages per criterion, from the part (the chunk has one for some).
  await expect(advisor.locator('.evidence-row').first().locator('li')).toHaveCount(2);
  await advisor.getByRole('button', { name: 'Interviewing Node.js candidates' }).click();
  await expect(advisor.getByRole('region', { name: 'Interviewing Node.js candidates' }).locator('li').first()).toBeVisible();
  expect(requests.filter((p) => p === TEXTS)).toHaveLength(1);
});

test('a changed texts part is refused: the section says so, and the page gets an error event', async ({ page }) => {
  await page.addInitScript(recordEvents);
  await page.route(`**${TEXTS}`, async (route) => {
    const response = await route.fetch();
    const body = Buffer.from(await response.body());
    body[body.length - 2] ^= 1;
    await route.fulfill({ response, body });
  });
  await page.goto('/');
  const advisor = page.locator('stack-advisor');
  await firstResult(advisor);
  await advisor.getByRole('button', { name: 'Hiring Node.js developers' }).click();
  const region = advisor.getByRole('region', { name: 'Hiring Node.js developers' });
  await expect(region).toHaveText(/^This part was not loaded: its file is not the one this page expects\./);
  await expect(region.getByRole('button', { name: 'Try again' })).toBeVisible();
  await expect(region.locator('li')).toHaveCount(0);
  const events = (await page.evaluate(() => window.__events)).filter((e) => e.type === 'stack-advisor-error');
  expect(events.map((e) => e.kind)).toEqual(['integrity']);
  expect(events[0].message).toContain('stack-advisor-texts.js is not the file this build was made with (its SHA-384 differs), so it was refused');
});

test('offline when opening a section: a message and a retry button; the retry fills it in', async ({ page }) => {
  await page.addInitScript(recordEvents);
  await page.goto('/');
  const advisor = page.locator('stack-advisor');
  await firstResult(advisor);
  await page.route(`**${TEXTS}`, (route) => route.abort('internetdisconnected'));
  await advisor.getByRole('button', { name: 'Compare all factors' }).click();
  const region = advisor.getByRole('region', { name: 'Compare all factors' });
  await expect(region).toHaveText(/^This part could not be loaded \(are you offline\?\)\./);
  await expect(region.getByRole('table')).toHaveCount(0);
  const events = (await page.evaluate(() => window.__events)).filter((e) => e.type === 'stack-advisor-error');
  expect(events.map((e) => e.kind)).toEqual(['network']);
  await page.unroute(`**${TEXTS}`);
  await region.getByRole('button', { name: 'Try again' }).click();
  await expect(region.getByRole('table')).toBeVisible();
  await expect(region.locator('.evidence-row').first().locator('li')).toHaveCount(2);
});
