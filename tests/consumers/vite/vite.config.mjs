// The Vite fixture: `vite build` into target/consumers/site/vite/ (served by
// tests/consumers/playwright.config.mjs), and `vite` (the dev server) started
// by the same config. The build needs nothing for the package; the dev server
// needs the one line the package README gives (its dependency pre-bundling
// would move the module away from the .wasm its `new URL(…)` points at).
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  cacheDir: fileURLToPath(new URL('../../../target/consumers/vite-cache/', import.meta.url)),
  logLevel: 'warn',
  optimizeDeps: { exclude: ['stack-advisor'] },
  build: {
    outDir: fileURLToPath(new URL('../../../target/consumers/site/vite/', import.meta.url)),
    emptyOutDir: true,
  },
});
