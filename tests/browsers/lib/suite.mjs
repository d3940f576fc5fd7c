// The checks every engine must pass (Firefox ESR and WebKitGTK), driven over
// W3C WebDriver: real clicks and keys inside the widget's shadow root, the
// share link, the iframe mode with its host script, the offline file from
// file://, the strict-CSP page, an author matrix page, and no errors on any page.
import assert from 'node:assert/strict';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, afterEach, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { By, Key } from 'selenium-webdriver';
import en from '../../../www/i18n/en.js';
import { READY_MS, chip, control, recordedErrors, shadowRoot, waitReady, waitState } from './page.mjs';
import { scratchDir, waitFor } from './processes.mjs';
import { RECORDER_SOURCE, startSiteServer, withRecorder } from './server.mjs';

const repo = new URL('../../../', import.meta.url);
const DEFAULT_MATRIX = JSON.parse(readFileSync(new URL('data/node-vs-python.json', repo), 'utf8'));
const DB_MATRIX = JSON.parse(readFileSync(new URL('data/examples/postgres-vs-mongodb.json', repo), 'utf8'));
const OFFLINE_FILE = new URL('dist/stack-advisor-offline.html', repo);
const SITE_DIR = new URL('dist/site/', repo);
/** The files the one-tag loader has fetched so far, by name. */
const ENGINE_FETCHED = "return performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname).filter((p) => /stack-advisor-(engine|mcda|de)/.test(p))";

/** Scores as a comparable string (the result changed when this did). */
const scoresOf = (state) => JSON.stringify(state.result?.scores);
// The widget's result against the page's own engine for the widget's answers. A click is a
// pointer press first, and the result worked out during the press is the one shown
// (www/ahead.js): it must be exactly what the engine gives for the answers the click made. A
// module script in the page asks the engine (a WebDriver script cannot import a module).
const ENGINE_AGREES = `const done = arguments[arguments.length - 1];
  const script = document.createElement('script');
  script.type = 'module';
  script.textContent = "import('/stack-advisor.js').then((api) => { const el = document.querySelector('stack-advisor'); " +
    "document.documentElement.dataset.agrees = JSON.stringify(api.recommend(el.answers)) === JSON.stringify(el.result) ? 'yes' : JSON.stringify(el.answers); });";
  delete document.documentElement.dataset.agrees;
  document.head.append(script);
  const started = Date.now();
  (function poll() {
    const agrees = document.documentElement.dataset.agrees;
    if (agrees !== undefined || Date.now() - started > 5000) done(agrees ?? 'no answer from the page');
    else setTimeout(poll, 20);
  })();`;
async function assertShowsEngineResult(driver, what) {
  assert.equal(await driver.executeAsyncScript(ENGINE_AGREES), 'yes', `${what}: the result shown is not the engine's for the answers`);
}

/**
 * Registers the suite for one engine. `start()` resolves to a session from
 * ./drivers.mjs; it is started once and stopped after the last check, also
 * when a check fails. `checksModulePreload`: the engine refuses a module
 * preload whose bytes differ from its `integrity` (Firefox does; WebKitGTK
 * 2.50 loads it unchecked, see docs/architecture.md).
 */
export function crossBrowserSuite(name, start, { checksModulePreload = true } = {}) {
  describe(name, { timeout: 240_000 }, () => {
    let browser;
    let server;
    let driver;
    let scratch;

    before(async () => {
      const started = Date.now();
      server = await startSiteServer();
      browser = await start();
      driver = browser.driver;
      await driver.manage().setTimeouts({ pageLoad: 30_000, script: 15_000, implicit: 0 });
      scratch = scratchDir();
      console.log(`# ${name}: ${await browser.version()} (session in ${Date.now() - started} ms; site ${server.origin})`);
    });

    after(async () => {
      await browser?.stop();
      await server?.close();
    });

    // What the browser itself reported (Firefox's BiDi log) and every file
    // the server could not serve: nothing, after every check.
    afterEach(() => {
      const bidi = browser?.bidiErrors?.splice(0) ?? [];
      const failures = server?.failures.splice(0) ?? [];
      assert.deepEqual(bidi, [], 'console errors or exceptions reported over BiDi');
      assert.deepEqual(failures, [], 'requests the server could not answer');
    });

    const load = (url) => driver.get(url);
    /** What the page's recorder holds: nothing (but the exact entries in `expected`, when there). */
    async function assertNoPageErrors(expected = []) {
      const errors = (await recordedErrors(driver)).filter((e) => !expected.includes(e));
      assert.deepEqual(errors, [], `errors on ${await driver.getCurrentUrl()}`);
    }

    test('the demo page shows its first result, the fallback gives way', async () => {
      await load(`${server.origin}/`);
      const state = await waitReady(driver);
      assert.ok(['node', 'python', 'hybrid'].includes(state.result.verdict), `verdict ${state.result.verdict}`);
      const root = await shadowRoot(driver);
      const verdict = await root.findElement(By.css('[part="verdict"]'));
      assert.ok(await verdict.isDisplayed(), 'the verdict is visible');
      assert.match(await verdict.getText(), /Node\.js|Python|Use both/);
      assert.equal(await (await root.findElement(By.css('[part="fallback"]'))).getAttribute('hidden'), 'true');
      await assertNoPageErrors();
    });

    test('opening a "What to do next" section loads the default matrix\'s texts (a checked part) once and fills it in', async () => {
      await load(`${server.origin}/`);
      await waitReady(driver);
      const fetched = "return performance.getEntriesByType('resource').filter((e) => e.name.endsWith('/stack-advisor-texts.js')).length";
      assert.equal(await driver.executeScript(fetched), 0, 'not loaded with the first result');
      const root = await shadowRoot(driver);
      const buttons = await root.findElements(By.css('[part="guidance"] .disclosure'));
      for (const button of buttons.slice(0, 2)) {
        await driver.executeScript("arguments[0].scrollIntoView({ block: 'center' })", button); // WebKitWebDriver does not scroll into a shadow root
        await button.click();
      }
      const items = await waitFor(async () => {
        const found = await root.findElements(By.css('[part="guidance"] .disclosure-body:not([hidden]) li'));
        return found.length > 0 && found;
      }, 10_000, 'the opened section\'s items');
      assert.ok(await items[0].isDisplayed());
      assert.equal(await driver.executeScript(fetched), 1, 'loaded once');
      await assertNoPageErrors();
    });

    test('answering by real clicks and keys inside the shadow root changes the result', async () => {
      await load(`${server.origin}/`);
      let state = await waitReady(driver);
      const root = await shadowRoot(driver);
      const step = async (what, expect) => {
        const before = scoresOf(state);
        try {
          state = await waitState(driver, 'stack-advisor', (s) => expect(s.answers ?? {}) && scoresOf(s) !== before);
        } catch (error) {
          throw new Error(`${what}: the answers or the result did not change as expected (${error.message})`);
        }
      };

      // The change event is a CustomEvent whose detail (a copy of the result, made when first read) stays the same object.
      await driver.executeScript(`window.__changes = [];
        document.querySelector('stack-advisor').addEventListener('stack-advisor-change', (e) => {
          const detail = e.detail;
          window.__changes.push({ custom: e instanceof CustomEvent, verdict: detail && detail.verdict, same: e.detail === detail });
        });`);

      // A click on a chip.
      await (await chip(root, DEFAULT_MATRIX, 'project', 'ai-ml')).click();
      await step('click ai-ml', (a) => a.project === 'ai-ml');
      assert.equal(state.result.verdict, 'python');
      await assertShowsEngineResult(driver, 'click ai-ml');
      assert.equal(state.focus, 'ai-ml', 'the clicked chip has focus');
      assert.deepEqual((await driver.executeScript('return window.__changes')).at(-1), { custom: true, verdict: 'python', same: true });
      // Each bar is a layer clipped to its length, which this engine draws (clip-path: inset()).
      const clips = await driver.executeScript(
        "return [...document.querySelector('stack-advisor').shadowRoot.querySelectorAll('.drawing > .bar')].map((bar) => getComputedStyle(bar).clipPath)");
      assert.equal(clips.length, 2);
      for (const clip of clips) assert.match(clip, /^inset\(/);

      // Keys on the focused radio group: Home ("Not sure"), then → (the first project type).
      await driver.actions().sendKeys(Key.HOME, Key.ARROW_RIGHT).perform();
      await step('Home →', (a) => a.project === 'realtime');
      assert.equal(state.focus, 'realtime', 'focus moved with the selection');
      assert.equal(state.result.verdict, 'node');

      // Space on another group's chip (WebDriver focuses it first).
      await (await chip(root, DEFAULT_MATRIX, 'team', 'python')).sendKeys(Key.SPACE);
      await step('Space on team: python', (a) => a.team === 'python');

      // A click on a native checkbox.
      const box = await control(root, DEFAULT_MATRIX, 'needs', 'input[type="checkbox"][value="ai"]');
      await box.click();
      await step('tick ai', (a) => Array.isArray(a.needs) && a.needs.includes('ai'));
      assert.equal(await box.isSelected(), true);
      await assertShowsEngineResult(driver, 'tick ai');

      // Arrow keys on a slider.
      const slider = await control(root, DEFAULT_MATRIX, 'priorities', 'input[type="range"][data-item="hiring"]');
      await driver.executeScript('arguments[0].focus()', slider);
      await driver.actions().sendKeys(Key.ARROW_RIGHT, Key.ARROW_RIGHT).perform();
      await step('hiring → →', (a) => a.priorities?.hiring === 3);
      assert.equal(await slider.getAttribute('value'), '3');
      await assertNoPageErrors();
    });

    test('share link round trip: answers → hash → the link in a new tab → same answers and result', async () => {
      await load(`${server.origin}/`);
      await waitReady(driver);
      const root = await shadowRoot(driver);
      await (await chip(root, DEFAULT_MATRIX, 'project', 'data-pipeline')).click();
      await (await chip(root, DEFAULT_MATRIX, 'team', 'both')).click();
      await (await control(root, DEFAULT_MATRIX, 'needs', 'input[value="type-safety"]')).click();
      const before = await waitState(driver, 'stack-advisor', (s) =>
        s.href.includes('#sa-advisor=') && s.href.includes('project:data-pipeline') && s.href.includes('team:both') && s.href.includes('type-safety'));
      await assertNoPageErrors();

      const first = await driver.getWindowHandle();
      await driver.switchTo().newWindow('tab');
      try {
        await load(before.href);
        const after = await waitReady(driver);
        assert.deepEqual(after.answers, before.answers);
        assert.deepEqual(after.result, before.result);
        const restored = await shadowRoot(driver);
        assert.equal(await (await chip(restored, DEFAULT_MATRIX, 'project', 'data-pipeline')).getAttribute('aria-checked'), 'true');
        assert.equal(await (await chip(restored, DEFAULT_MATRIX, 'team', 'both')).getAttribute('aria-checked'), 'true');
        assert.equal(await (await control(restored, DEFAULT_MATRIX, 'needs', 'input[value="type-safety"]')).isSelected(), true);
        await assertNoPageErrors();
      } finally {
        await driver.close();
        await driver.switchTo().window(first);
      }
    });

    test('a widget 5,000 px down: no engine file until the reader scrolls near it, then one load for both widgets', async () => {
      await load(`${server.origin}/fixtures/below.html`);
      await driver.sleep(500);
      assert.deepEqual(await driver.executeScript(ENGINE_FETCHED), [], 'nothing but the loader before scrolling');
      assert.equal(await driver.executeScript("return Boolean(customElements.get('stack-advisor'))"), false);
      const first = await waitReady(driver, '#first');
      const second = await waitReady(driver, '#second');
      assert.ok(first.result.verdict);
      assert.equal(second.result.verdict, 'python');
      assert.deepEqual((await driver.executeScript(ENGINE_FETCHED)).sort(), ['/stack-advisor-engine.js', '/stack-advisor-engine.wasm']);
      await assertNoPageErrors();
    });

    test('a reader below the widgets keeps their place when the widgets above upgrade', async () => {
      await driver.manage().window().setRect({ width: 1000, height: 800 });
      await load(`${server.origin}/fixtures/below.html`);
      const before = await driver.executeScript("const end = document.getElementById('end'); scrollTo(0, end.getBoundingClientRect().top + scrollY - 100); return end.getBoundingClientRect().top;");
      await waitState(driver, '#second', (s) => s.result);
      await driver.sleep(300);
      const after = await driver.executeScript("return document.getElementById('end').getBoundingClientRect().top;");
      assert.ok(Math.abs(after - before) < 1, `the text the reader was reading moved from ${before} to ${after} px`);
      await assertNoPageErrors();
    });

    test('a changed engine chunk is refused with a message; the fallback stays', { skip: !checksModulePreload && 'this engine does not check a module preload\'s integrity' }, async () => {
      // A copy of the site whose engine chunk differs by one byte, as a CDN might serve it.
      const site = join(scratch, 'tampered-site');
      cpSync(SITE_DIR, site, { recursive: true });
      const chunk = readFileSync(join(site, 'stack-advisor-engine.js'));
      chunk[chunk.length - 2] ^= 1;
      writeFileSync(join(site, 'stack-advisor-engine.js'), chunk);
      const tampered = await startSiteServer({ root: site });
      try {
        await load(`${tampered.origin}/fixtures/below.html`);
        await driver.executeScript("document.querySelector('#first').scrollIntoView()");
        const state = await waitState(driver, '#first', (s) => s.notice || s.result);
        assert.equal(state.result, null);
        assert.equal(state.defined, false, 'the changed chunk did not run');
        assert.match(state.notice, /^The interactive advisor was not loaded: one of its files is not the one this page expects/);
        // The browser's own report of the refused file is expected here, and only that.
        const reported = browser.bidiErrors?.splice(0) ?? [];
        assert.deepEqual(reported.filter((e) => !/integrity attribute match the content of the subresource at .*stack-advisor-engine\.js/.test(e)), []);
      } finally {
        await tampered.close();
      }
    });

    test('the iframe mode: the host script sizes the frame to its widget, also sandboxed as WordPress frames it, and passes the verdict on', async () => {
      for (const sandbox of ['', 'allow-scripts']) {
        const what = sandbox ? `sandbox="${sandbox}"` : 'no sandbox';
        await load(`${server.origin}/fixtures/embed-host.html?case=${sandbox || 'plain'}#${new URLSearchParams(sandbox ? { sandbox } : {})}`);
        const frame = await driver.findElement(By.id('advisor'));
        await driver.switchTo().frame(frame);
        try {
          await waitReady(driver);
          // The frame's document fits it: the host script set the frame's height from the frame's messages.
          await driver.wait(async () => driver.executeScript('return innerHeight > 400 && document.documentElement.scrollHeight <= innerHeight + 1'), READY_MS)
            .catch(async () => assert.fail(`${what}: the frame's content does not fit it (${JSON.stringify(await driver.executeScript('return [document.documentElement.scrollHeight, innerHeight]'))})`));
          await (await chip(await shadowRoot(driver), DEFAULT_MATRIX, 'project', 'ai-ml')).click();
          await waitState(driver, 'stack-advisor', (state) => state.answers?.project === 'ai-ml' && state.result?.verdict === 'python');
          await assertNoPageErrors();
        } finally {
          await driver.switchTo().defaultContent();
        }
        const frameHeight = (await frame.getRect()).height;
        assert.ok(frameHeight > 400, `${what}: the frame is ${frameHeight} px tall, the fixture's 300 unchanged`);
        await driver.wait(async () => driver.executeScript("return window.changes.at(-1)?.verdict === 'python'"), READY_MS)
          .catch(async () => assert.fail(`${what}: the host page's events: ${JSON.stringify(await driver.executeScript('return window.changes'))}`));
        await assertNoPageErrors();
      }
    });

    test('the offline single file works from file://, and loads nothing else', async () => {
      // A copy with the error recorder inline as its first script; the rest is the file as built.
      const copy = join(scratch, 'stack-advisor-offline.html');
      writeFileSync(copy, withRecorder(readFileSync(OFFLINE_FILE, 'utf8'), `<script>${RECORDER_SOURCE}</script>`));
      await load(pathToFileURL(copy).href);
      const first = await waitReady(driver);
      assert.ok(first.result.verdict);
      const root = await shadowRoot(driver);
      await (await chip(root, DEFAULT_MATRIX, 'project', 'ai-ml')).click();
      await (await chip(root, DEFAULT_MATRIX, 'team', 'python')).click();
      const state = await waitState(driver, 'stack-advisor', (s) => s.answers?.team === 'python' && s.result?.verdict === 'python');
      assert.equal(state.answers.project, 'ai-ml');
      const fetched = await driver.executeScript(
        "return performance.getEntriesByType('resource').map((e) => e.name).filter((u) => !/^(data|blob):/.test(u))");
      assert.deepEqual(fetched, [], 'the offline file fetched nothing');
      await assertNoPageErrors();
    });

    test('the strict-CSP page (Trusted Types enforced) works without a violation', async () => {
      await load(`${server.origin}/fixtures/strict.html`);
      const state = await waitReady(driver, '#strict');
      assert.ok(state.result.verdict);
      const root = await shadowRoot(driver, '#strict');
      await (await chip(root, DEFAULT_MATRIX, 'project', 'ai-ml')).click();
      await waitState(driver, '#strict', (s) => s.answers?.project === 'ai-ml' && s.result?.verdict === 'python');
      // Firefox fetches the page's icon (/favicon.ico) under the page's own
      // `img-src 'none'` and reports that violation: the page's, not the widget's
      // (it loads no image). Exactly that one is let through.
      const icon = `${server.origin}/favicon.ico`;
      await assertNoPageErrors([`csp: img-src blocked ${icon}`]);
      const reported = browser.bidiErrors?.splice(0) ?? [];
      assert.deepEqual(reported.filter((e) => !e.includes(`(img-src) at ${icon} `)), [], 'BiDi: nothing but the icon');
    });

    test("a CSP without 'wasm-unsafe-eval': the page's summary and the CSP message; the recorder sees violations", async () => {
      await load(`${server.origin}/fixtures/csp-no-wasm.html`);
      const state = await waitState(driver, '#blocked', (s) => s.state === 'error' || s.result);
      assert.equal(state.result, null);
      assert.equal(state.notice, en.cspBlocked);
      const fallback = await driver.findElement(By.css('#blocked > p'));
      assert.ok(await fallback.isDisplayed(), "the page's own summary is shown");
      // Handled: at most the policy's own report of the blocked WebAssembly
      // (Firefox fires it, WebKit does not), no uncaught error.
      const handled = await recordedErrors(driver);
      assert.deepEqual(handled.filter((e) => !e.startsWith('csp: ')), [], 'nothing but CSP reports');
      // The recorder is listening in this engine: an image the policy blocks is seen.
      await driver.executeScript("const img = document.createElement('img'); img.src = 'https://example.invalid/blocked.png'; document.body.append(img);");
      await driver.wait(async () => (await recordedErrors(driver)).some((e) => /^csp: \S+ blocked https:\/\/example\.invalid\/blocked\.png/.test(e)), 5_000,
        'the recorder reports a CSP violation');
      // So is every other channel: a console.error reaches the recorder, and BiDi where there is BiDi.
      const probe = 'stack-advisor browser tests: error channel check';
      await driver.executeScript(`setTimeout(() => console.error(${JSON.stringify(probe)}), 0)`);
      await driver.wait(async () => (await recordedErrors(driver)).includes(`console.error: ${probe}`), 5_000, 'the recorder reports console.error');
      if (browser.bidiErrors) {
        await driver.wait(() => browser.bidiErrors.some((e) => e.includes(probe)), 5_000, 'BiDi reports console.error');
        browser.bidiErrors.splice(0); // the CSP reports and the probe: expected here
      }
    });

    test("an author's matrix page: its own questions, TOPSIS as a second opinion, answers change it", async () => {
      await load(`${server.origin}/custom.html`);
      let state = await waitReady(driver, '#databases');
      assert.ok(['postgres', 'mongodb', 'hybrid'].includes(state.result.verdict), `verdict ${state.result.verdict}`);
      const root = await shadowRoot(driver, '#databases');
      const before = scoresOf(state);
      await (await chip(root, DB_MATRIX, 'data-shape', 'documents')).click();
      state = await waitState(driver, '#databases', (s) => s.answers?.['data-shape'] === 'documents' && scoresOf(s) !== before);
      // TOPSIS needs the MCDA extension, fetched and checked against its hash.
      await driver.wait(async () => {
        const sections = await root.findElements(By.css('[part="second-opinion"]'));
        return sections.length > 0 && sections[0].isDisplayed();
      }, 15_000, 'the second opinion (TOPSIS) appears');
      assert.ok(await (await root.findElement(By.css('[part="calibrate-toggle"]'))).isDisplayed(), 'calibration is offered');
      await assertNoPageErrors();
    });
  });
}
