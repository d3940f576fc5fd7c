// Unit tests for the iframe mode's settings (www/embed-config.js), its
// inline matrix (www/embed-matrix.js) and the oEmbed answer (scripts/oembed.mjs).
// The frame itself is tested in Chromium: tests/e2e/embed.spec.mjs.
// Run: node --test tests/unit/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { deflateRawSync } from 'node:zlib';
import { MAX_INLINE_MATRIX_CHARS, integrityOf, normalizeHash, readConfig } from '../../www/embed-config.js';
import { inflateMatrix } from '../../www/embed-matrix.js';
import { readHash, writeHash } from '../../www/format/hash.js';
import { baseUrl, oembedJson } from '../../scripts/oembed.mjs';

// A digest whose base64 has both "+" and "/" (the characters a query or base64url changes).
const digest = createHash('sha384').update('a matrix 1').digest();
const SRI = `sha384-${digest.toString('base64').replace(/=+$/, '')}`;

test("normalizeHash: WordPress's #?secret= becomes one &-part; the answers still read beside it", () => {
  assert.equal(normalizeHash('#?secret=abc'), '#?secret=abc');
  assert.equal(normalizeHash('#sa=project:ai-ml#?secret=abc'), '#sa=project:ai-ml&?secret=abc');
  assert.equal(normalizeHash('#matrix=xyz&sa=a:b#?secret=abc'), '#matrix=xyz&sa=a:b&?secret=abc');
  assert.equal(normalizeHash(''), '');
  assert.equal(normalizeHash('#'), '');
  const hash = normalizeHash('#sa=project:ai-ml#?secret=abc');
  assert.equal(readHash(hash, 'sa'), 'project:ai-ml');
  // Writing the answers keeps the secret.
  assert.equal(writeHash(hash, 'sa', 'project:realtime'), '#?secret=abc&sa=project:realtime');
});

test('readConfig: the settings a frame URL gives, checked', () => {
  const config = readConfig('?theme=dark&lang=de-CH&compact=1&methods=wsm,topsis&events=yes', '#?secret=abcDEF1234');
  assert.deepEqual(config.attributes, { theme: 'dark', lang: 'de-CH', compact: '', methods: 'wsm topsis' });
  assert.equal(config.events, true);
  assert.equal(config.secret, 'abcDEF1234');
  assert.equal(config.matrix, null);
  assert.deepEqual([config.problems, config.fatal], [[], []]);
  assert.deepEqual(readConfig('', '').attributes, {});
  assert.equal(readConfig('?compact=0&events=false', '').attributes.compact, undefined);
});

test('readConfig: hostile or wrong values are problems in words, the setting ignored', () => {
  const config = readConfig(`?theme=${encodeURIComponent('"><script>alert(1)</script>')}&lang=javascript:alert(1)&compact=maybe&methods=wsm%20evil&events=2`, '#?secret=<img>');
  assert.deepEqual(config.attributes, {});
  assert.equal(config.events, false);
  assert.equal(config.secret, null);
  assert.equal(config.problems.length, 6);
  assert.match(config.problems[0], /^theme: "\\"><script>alert\(1\)<\/script>" is not one of auto, light, dark/);
  const long = readConfig(`?theme=${'x'.repeat(5000)}`, '');
  assert.match(long.problems[0], /theme: the value is 5000 characters long/);
  // Quoted values are cut, so a huge one does not fill the frame.
  assert.ok(readConfig(`?lang=${'y'.repeat(2000)}`, '').problems[0].length < 200);
});

test('readConfig: a matrix from src only with its SHA-384; inline only as base64url within the cap', () => {
  const ok = readConfig(`?src=${encodeURIComponent('https://example.com/m.json')}&sha384=${encodeURIComponent(SRI)}`, '');
  assert.deepEqual(ok.matrix, { src: 'https://example.com/m.json', integrity: SRI });
  const fatal = (search, hash = '') => readConfig(search, hash).fatal.join(' | ');
  assert.match(fatal('?src=https://example.com/m.json'), /comes without sha384=/);
  assert.match(fatal(`?src=javascript:alert(1)&sha384=${encodeURIComponent(SRI)}`), /is not an http\(s\) URL/);
  assert.match(fatal(`?src=/m.json&sha384=${encodeURIComponent(SRI)}`), /is not an absolute URL/);
  assert.match(fatal('?src=https://example.com/m.json&sha384=abc'), /sha384: "abc" is not a SHA-384/);
  assert.match(fatal(`?sha384=${encodeURIComponent(SRI)}`), /no src=/);
  assert.match(fatal(`?src=https://example.com/m.json&sha384=${encodeURIComponent(SRI)}`, '#matrix=abc'), /both #matrix= and src=/);
  assert.deepEqual(readConfig('', '#matrix=ab-_9Z').matrix, { inline: 'ab-_9Z' });
  assert.match(fatal('', '#matrix=a%3Cb'), /not base64url/);
  assert.match(fatal('', `#matrix=${'A'.repeat(MAX_INLINE_MATRIX_CHARS + 1)}`), /more than the 32000 allowed/);
});

test('integrityOf: base64, base64 with "+" read as spaces, base64url and hex all name the same SHA-384', () => {
  const base64 = digest.toString('base64');
  assert.match(base64, /\+.*\/|\/.*\+/);
  const forms = [base64, `sha384-${base64}`, base64.replaceAll('+', ' '), digest.toString('base64url'), digest.toString('hex')];
  for (const form of forms) assert.equal(integrityOf(form), SRI, form);
  for (const bad of ['', 'abc', base64.slice(1), `${base64}AA`, '[object Object]', 'z'.repeat(96)]) assert.equal(integrityOf(bad), null, bad);
});

test('inflateMatrix: deflate-raw + base64url in, the JSON out; broken text and bombs refused', async () => {
  const matrix = { version: 1, title: 'Ünïcode </script> ok' };
  assert.deepEqual(await inflateMatrix(deflateRawSync(JSON.stringify(matrix)).toString('base64url')), matrix);
  await assert.rejects(inflateMatrix('AAAA'), /not deflate-raw compressed|not valid JSON/);
  await assert.rejects(inflateMatrix(deflateRawSync('{"a":').toString('base64url')), /not valid JSON/);
  await assert.rejects(inflateMatrix(deflateRawSync(Buffer.alloc(300 * 1024, 32)).toString('base64url')), /more than 262144 bytes/);
});

test('oEmbed: absolute URLs, a <blockquote> then the frame, the size WordPress asks for, attributes escaped', () => {
  assert.equal(baseUrl('https://example.com/advisor'), 'https://example.com/advisor/');
  assert.equal(baseUrl('https://example.com/a/?x=1#y'), 'https://example.com/a/');
  assert.throws(() => baseUrl('/advisor/'), /not an absolute URL/);
  assert.throws(() => baseUrl('javascript:alert(1)'), /not http\(s\)/);
  const answer = oembedJson('https://example.com/a/', 'Node.js "or" <Python>?');
  assert.deepEqual({ ...answer, html: undefined }, {
    version: '1.0', type: 'rich', title: 'Node.js "or" <Python>?', provider_name: 'stack-advisor', provider_url: 'https://example.com/a/', width: 500, height: 750, html: undefined,
  });
  assert.equal(answer.html, '<blockquote><a href="https://example.com/a/embed.html">Node.js &#34;or&#34; &#60;Python&#62;?</a></blockquote>'
    + '<iframe data-stack-advisor src="https://example.com/a/embed.html" title="Node.js &#34;or&#34; &#60;Python&#62;?" width="500" height="750" loading="lazy" frameborder="0" style="border:0;max-width:100%"></iframe>');
});
