// The consumer fixtures that need a browser (run by scripts/consumers.sh, after
// it has installed the packed tarball and built the Vite and webpack apps):
//
//   /html/     the README's one-tag snippet in a blog page   (target/consumers/site/html)
//   /vite/     `vite build` of tests/consumers/vite         (target/consumers/site/vite)
//   /webpack/  webpack build of tests/consumers/webpack     (target/consumers/site/webpack)
//   /frameworks/  React 19 and Vue 3 pages, built by frameworks/build.mjs
//                 (target/consumers/site/frameworks)
//   /demo/     the demo site with its service worker        (dist/site)
//   file://    dist/stack-advisor-offline.html, no server
//   :VITE_DEV_PORT  the Vite fixture under Vite's dev server
//
// Same Chromium and flags as the end-to-end tests (../../playwright.config.mjs).
import { defineConfig } from '@playwright/test';
import base from '../../playwright.config.mjs';
import { portFromEnv } from '../../scripts/free-port.mjs';

// CONSUMERS_PORT and CONSUMERS_VITE_PORT, or free ports (never fixed ones).
const PORT = await portFromEnv('CONSUMERS_PORT');
export const VITE_DEV_PORT = await portFromEnv('CONSUMERS_VITE_PORT');
const repo = new URL('../../', import.meta.url).pathname;

export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.mjs',
  outputDir: `${repo}target/consumers/results`,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: process.env.E2E_WORKERS ? Number(process.env.E2E_WORKERS) : 2,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    browserName: 'chromium',
    launchOptions: base.use.launchOptions,
    trace: 'retain-on-failure',
    // The demo site's offline test needs its service worker.
    serviceWorkers: 'allow',
  },
  webServer: [
    {
      command: `node scripts/serve.mjs --port ${PORT} --root target/consumers/site --mount /demo=dist/site`,
      cwd: repo,
      url: `http://127.0.0.1:${PORT}/html/index.html`,
      reuseExistingServer: false,
      timeout: 30_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    {
      command: `node_modules/.bin/vite --config vite/vite.config.mjs --host 127.0.0.1 --port ${VITE_DEV_PORT} --strictPort`,
      cwd: `${repo}tests/consumers`,
      url: `http://127.0.0.1:${VITE_DEV_PORT}/`,
      reuseExistingServer: false,
      timeout: 30_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
  ],
});
