// Consumers 8 and 9, setup (scripts/consumers.sh): builds the React 19 and Vue 3
// pages with Vite, renders the React page on the server (react-dom/server's
// renderToString, in Node) and writes that HTML into the hydration page.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'vite';

const at = (path) => fileURLToPath(new URL(path, import.meta.url));
const configFile = at('vite.config.mjs');

await build({ configFile });
await build({ configFile, mode: 'server' });

const { render } = await import(pathToFileURL(at('../../../target/consumers/frameworks-ssr/server.js')).href);
const html = render();
assert.match(html, /<stack-advisor /, 'the server render has the element');
const page = at('../../../target/consumers/site/frameworks/react/hydrate.html');
const template = readFileSync(page, 'utf8');
assert.equal(template.split('<!--app-->').length, 2, 'hydrate.html has one <!--app--> marker');
writeFileSync(page, template.replace('<!--app-->', () => html));
console.log(`frameworks: React and Vue pages in target/consumers/site/frameworks/, server HTML ${html.length} characters`);
