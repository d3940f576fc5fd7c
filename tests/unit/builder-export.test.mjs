// The builder's exports (www/builder/export.js) read back by what receives
// them: the iframe snippet's URL by the embed page's own parser
// (www/embed-config.js, www/embed-matrix.js), a too-long matrix as `src` with
// the SHA-384 of exactly the exported file, the script-safe JSON by JSON.parse.
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { test } from 'node:test';
import { iframeSnippet, matrixJson, scriptSafe } from '../../www/builder/export.js';
import { normalizeHash, readConfig } from '../../www/embed-config.js';
import { inflateMatrix } from '../../www/embed-matrix.js';

const small = { version: 1, id: 'db', title: 'Which database? <b>', options: [{ id: 'pg', label: 'PostgreSQL' }] };

/** The iframe snippet's src URL, entities undone. */
function frameUrl(html) {
  const src = html.match(/<iframe data-stack-advisor src="([^"]*)"/)?.[1];
  assert.ok(src, html);
  return new URL(src.replaceAll('&amp;', '&').replaceAll('&quot;', '"').replaceAll('&lt;', '<').replaceAll('&gt;', '>'));
}

test('a small matrix travels inline, and the embed page inflates the same matrix', async () => {
  const { html, inline } = await iframeSnippet(small, { base: 'https://cdn.example/sa/', src: 'https://blog.example/m.json', theme: 'dark' });
  assert.equal(inline, true);
  const url = frameUrl(html);
  const config = readConfig(url.search, normalizeHash(url.hash));
  assert.deepEqual(config.fatal, []);
  assert.equal(config.attributes.theme, 'dark');
  assert.deepEqual(await inflateMatrix(config.matrix.inline), small);
});

test('a matrix too long to go inline goes as src with the SHA-384 of the exported file, which the embed page accepts', async () => {
  // Random text does not compress: well over the 32,000 characters allowed inline.
  const big = { ...small, notes: randomBytes(30000).toString('base64') };
  const { html, inline } = await iframeSnippet(big, { base: 'https://cdn.example/sa/', src: 'https://blog.example/m.json' });
  assert.equal(inline, false);
  const url = frameUrl(html);
  assert.equal(url.searchParams.get('src'), 'https://blog.example/m.json');
  const config = readConfig(url.search, normalizeHash(url.hash));
  assert.deepEqual(config.fatal, [], 'the embed page refuses src without its hash');
  const expected = `sha384-${createHash('sha384').update(matrixJson(big)).digest('base64')}`;
  assert.equal(config.matrix.integrity, expected, 'the hash of exactly the file Export JSON saves');
});

test('JSON made script-safe has no </script or <!-- and parses to the same value', () => {
  const doc = { title: '</script><script>alert(1)</script> <!-- x --> </SCRIPT' };
  const safe = scriptSafe(JSON.stringify(doc));
  assert.doesNotMatch(safe, /<\/script|<!--/i);
  assert.deepEqual(JSON.parse(safe), doc);
});
