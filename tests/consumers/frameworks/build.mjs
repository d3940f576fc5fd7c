// Consumers 8 and 9, setup (scripts/consumers.sh): builds the React 19 and Vue 3
// pages with Vite, renders the React page on the server (react-dom/server's
// renderToString, in Node) and writes that HTML into the hydration page.
//
// The server code is compiled by esbuild alone (0.2 s of CPU against 4.5 s for
// a Vite SSR build), with every package left external: Node loads React and
// stack-advisor from tests/consumers/node_modules, hence the output under
// node_modules/.frameworks-ssr/ (ignored by git).
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { build } from 'vite';

const at = (path) => fileURLToPath(new URL(path, import.meta.url));

await build({ configFile: at('vite.config.mjs') });

const server = at('../node_modules/.frameworks-ssr/server.mjs');
await esbuild.build({
  entryPoints: [at('react/server.tsx')],
  outfile: server,
  bundle: true,
  packages: 'external',
  platform: 'node',
  format: 'esm',
  jsx: 'automatic',
  logLevel: 'warning',
});
const { render } = await import(pathToFileURL(server).href);
const html = render();
assert.match(html, /<stack-advisor /, 'the server render has the element');
const page = at('../../../target/consumers/site/frameworks/react/hydrate.html');
const template = readFileSync(page, 'utf8');
assert.equal(template.split('<!--app-->').length, 2, 'hydrate.html has one <!--app--> marker');
writeFileSync(page, template.replace('<!--app-->', () => html));
console.log(`frameworks: React and Vue pages in target/consumers/site/frameworks/, server HTML ${html.length} characters`);
