// The React 19 and Vue 3 fixtures: one Vite app with three pages, built into
// target/consumers/site/frameworks/ by build.mjs (which also makes the server
// render). React's JSX goes through Vite's own esbuild transform
// (the automatic runtime, no React plugin); Vue's single-file components through
// @vitejs/plugin-vue, told that <stack-advisor> is a custom element (the README's
// Vue snippet).
import { fileURLToPath } from 'node:url';
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';

const at = (path) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  root: at('.'),
  base: './',
  cacheDir: at('../../../target/consumers/vite-cache-frameworks/'),
  logLevel: 'warn',
  plugins: [
    vue({ template: { compilerOptions: { isCustomElement: (tag) => tag === 'stack-advisor' } } }),
  ],
  esbuild: { jsx: 'automatic' },
  build: {
    outDir: at('../../../target/consumers/site/frameworks/'),
    emptyOutDir: true,
    rollupOptions: { input: ['react/index.html', 'react/hydrate.html', 'vue/index.html'].map(at) },
  },
});
