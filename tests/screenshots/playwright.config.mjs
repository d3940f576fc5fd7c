// `make screenshots`: pictures of the demo page and the widget for a person to
// look at, at 375 and 1280 px in the light and the dark theme, written to
// tests/e2e/artifacts/screenshots/. They compare nothing (no baselines:
// pixels differ between machines), so they are not part of `make test`.
//
// Same browser, flags and server as the end-to-end tests (../../playwright.config.mjs).
import { defineConfig } from '@playwright/test';
import base from '../../playwright.config.mjs';

const repo = new URL('../../', import.meta.url).pathname;

export default defineConfig({
  ...base,
  testDir: '.',
  testMatch: '*.spec.mjs',
  testIgnore: [],
  outputDir: `${repo}tests/e2e/artifacts/screenshots/results`,
  // Under load a page with everything expanded can take longer than a test's 30 s.
  timeout: 60_000,
  reporter: [['list']],
  webServer: { ...base.webServer, cwd: repo },
});
