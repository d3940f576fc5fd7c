// A Safari 16.0-level browser (WPE WebKit 2.38's cog, headless, via
// WPEWebDriver): no module preload, no DecompressionStream, no constructable
// stylesheets. The one-tag loader cannot have the engine checked before it
// runs there, so it does not load it; the reader must get the page's readable
// summary and a message that says why, not a blank box or a crash.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { By } from 'selenium-webdriver';
import en from '../../www/i18n/en.js';
import { startWpe } from './lib/drivers.mjs';
import { recordedErrors, waitState } from './lib/page.mjs';
import { startSiteServer } from './lib/server.mjs';

describe('WPE WebKit (Safari 16.0 level)', { timeout: 120_000 }, () => {
  let browser;
  let server;

  before(async () => {
    const started = Date.now();
    server = await startSiteServer();
    browser = await startWpe();
    await browser.driver.manage().setTimeouts({ pageLoad: 30_000, script: 15_000, implicit: 0 });
    console.log(`# WPE WebKit: ${await browser.version()} (session in ${Date.now() - started} ms; site ${server.origin})`);
  });

  after(async () => {
    await browser?.stop();
    await server?.close();
  });

  test('the browser really is at the old level (else this test proves nothing)', async () => {
    await browser.driver.get('data:text/html,<p>features</p>');
    const features = await browser.driver.executeScript(`return {
      decompression: typeof DecompressionStream,
      constructable: typeof CSSStyleSheet === 'function' && 'replaceSync' in CSSStyleSheet.prototype,
      wasm: typeof WebAssembly,
      modulepreload: document.createElement('link').relList.supports('modulepreload'),
    }`);
    assert.deepEqual(features, { decompression: 'undefined', constructable: false, wasm: 'object', modulepreload: false });
  });

  // The loader's placeholder adds no <style> (a strict CSP would refuse it):
  // without constructable stylesheets the message shows unstyled.
  const pages = [
    ['/', '#advisor', []],
    ['/fixtures/strict.html', '#strict', []],
  ];
  for (const [page, selector, expectedReports] of pages) {
    test(`${page}: the readable fallback and a clear "browser too old" message, no crash`, async () => {
      const { driver } = browser;
      await driver.get(`${server.origin}${page}`);
      const state = await waitState(driver, selector, (s) => s.notice || s.result);
      assert.equal(state.defined, false, 'the engine was not loaded');
      assert.equal(state.result, null);
      assert.equal(state.notice, en.unsupported);
      // The page's own summary (the element's light DOM) is what the reader sees.
      const fallback = await driver.findElement(By.css(`${selector} > *:not(script)`));
      assert.ok(await fallback.isDisplayed(), 'the fallback is visible');
      assert.ok((await fallback.getText()).trim().length > 0, 'the fallback has text');
      const root = await driver.findElement(By.css(selector)).getShadowRoot();
      const notice = await root.findElement(By.css('[part="notice"]'));
      assert.ok(await notice.isDisplayed(), 'the message is visible');
      for (const questions of await root.findElements(By.css('[part="questions"]'))) {
        assert.equal(await questions.isDisplayed(), false, 'no questions without an engine');
      }
      // Handled: no uncaught error, no failed request.
      assert.deepEqual(await recordedErrors(driver), expectedReports);
      assert.deepEqual(server.failures.splice(0), []);
    });
  }
});
