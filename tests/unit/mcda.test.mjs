// The element's add-on modules in Node: loading a matrix from `src` (with a
// fake fetch), the calibration's arithmetic, the methods attribute, and the
// demo page's inlined matrix.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { MAX_MATRIX_BYTES, MatrixSourceError, fetchMatrix, sameOriginUrl } from '../../www/matrix-source.js';
import { answerWeights, canCalibrate, comparisonPairs, pairwiseMatrix, worstPair } from '../../www/calibrate.js';
import { parseMethods } from '../../www/methods.js';
import { MCDA_STRINGS, mcdaStrings } from '../../www/mcda-strings.js';
import { pickLocale } from '../../www/format/locale.js';
import en from '../../www/i18n/en.js';
import de from '../../www/i18n/de.js';

const repo = new URL('../../', import.meta.url);
const read = (path) => readFileSync(new URL(path, repo), 'utf8');
const PAGE = { base: 'https://blog.example/posts/db.html', origin: 'https://blog.example' };

function fakeFetch(status, body, headers = {}) {
  const calls = [];
  const fetch = async (url, init) => {
    calls.push({ url, init });
    return new Response(status === 204 ? null : body, { status, headers });
  };
  return { fetch, calls };
}

async function rejects(promise) {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof MatrixSourceError, `${error}`);
    assert.equal(error.issues.length, 1);
    const [issue] = error.issues;
    assert.ok(issue.path.startsWith('src'), issue.path);
    assert.ok(issue.message && issue.hint, JSON.stringify(issue));
    return issue;
  }
  assert.fail('expected a MatrixSourceError');
}

test('src resolves against the page and must be on its origin', () => {
  assert.equal(sameOriginUrl('m.json', PAGE.base, PAGE.origin).href, 'https://blog.example/posts/m.json');
  assert.equal(sameOriginUrl('/data/m.json', PAGE.base, PAGE.origin).href, 'https://blog.example/data/m.json');
  for (const bad of ['https://evil.example/m.json', '//evil.example/m.json', 'http://blog.example/m.json', 'data:application/json,{}', 'javascript:alert(1)']) {
    assert.throws(() => sameOriginUrl(bad, PAGE.base, PAGE.origin), (e) => e instanceof MatrixSourceError && /origin/.test(e.message), bad);
  }
});

test('a same-origin JSON file loads with one GET that cannot leave the origin', async () => {
  const { fetch, calls } = fakeFetch(200, '{"version":1}', { 'content-type': 'application/json' });
  assert.deepEqual(await fetchMatrix('m.json', { fetch, ...PAGE }), { version: 1 });
  assert.equal(calls.length, 1);
  assert.equal(calls[0].url, 'https://blog.example/posts/m.json');
  assert.equal(calls[0].init.mode, 'same-origin');
  assert.equal(calls[0].init.credentials, 'same-origin');
});

test('another origin is refused before any request', async () => {
  const { fetch, calls } = fakeFetch(200, '{}');
  const issue = await rejects(fetchMatrix('https://evil.example/m.json', { fetch, ...PAGE }));
  assert.match(issue.message, /not this page's origin/);
  assert.equal(calls.length, 0);
});

test('404, HTML, broken JSON, oversized files and network errors become readable issues', async () => {
  const cases = [
    [fakeFetch(404, 'Not found', { 'content-type': 'text/plain' }), /answered 404/, /no file is served/],
    [fakeFetch(200, '<!doctype html><p>Oops</p>', { 'content-type': 'text/html; charset=utf-8' }), /HTML page \(text\/html\)/, /\.json file itself/],
    [fakeFetch(200, '<!doctype html>', {}), /starts with "<"/, /\.json file itself/],
    [fakeFetch(200, '{"version": 1,}', { 'content-type': 'application/json' }), /not valid JSON/, /trailing comma/],
    [fakeFetch(200, JSON.stringify({ title: 'x'.repeat(MAX_MATRIX_BYTES) }), { 'content-type': 'application/json' }), /more than the limit of 262144/, /split the matrix/],
    [fakeFetch(200, '{}', { 'content-type': 'application/json', 'content-length': String(MAX_MATRIX_BYTES + 1) }), /262145 bytes/, /split/],
  ];
  for (const [{ fetch }, message, hint] of cases) {
    const issue = await rejects(fetchMatrix('/m.json', { fetch, ...PAGE }));
    assert.match(issue.message, message);
    assert.match(issue.hint, hint);
    assert.equal(issue.path, 'src (/m.json)');
  }
  const offline = async () => { throw new TypeError('Failed to fetch'); };
  assert.match((await rejects(fetchMatrix('/m.json', { fetch: offline, ...PAGE }))).message, /request failed \(Failed to fetch\)/);
});

test('calibration: pairs, reciprocal matrix, worst pair, answer weights', () => {
  assert.deepEqual(comparisonPairs(3), [[0, 1], [0, 2], [1, 2]]);
  assert.equal(comparisonPairs(6).length, 15);
  const a = pairwiseMatrix(3, [3, -5, 1]);
  assert.deepEqual(a, [[1, 3, 1 / 5], [1 / 3, 1, 1], [5, 1, 1]]);
  for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) assert.ok(Math.abs(a[i][j] * a[j][i] - 1) < 1e-12);
  // Weights 1 : 1 : 1 fit a "same" judgment exactly and a 9× one worst.
  assert.deepEqual(worstPair(pairwiseMatrix(3, [1, 9, 1]), [1 / 3, 1 / 3, 1 / 3]), [0, 2]);
  assert.equal(worstPair(pairwiseMatrix(2, [1]), [0.5, 0.5]), null);
  assert.deepEqual(answerWeights(['a', 'b'], [0.75, 0.25]), { a: 7.5, b: 2.5 });
  assert.ok(canCalibrate({ criteria: [{}, {}] }));
  assert.ok(canCalibrate({ criteria: Array(6).fill({}) }));
  assert.ok(!canCalibrate({ criteria: Array(7).fill({}) }));
  assert.ok(!canCalibrate({ criteria: [{}] }));
});

test('methods attribute: wsm always, topsis when named', () => {
  assert.deepEqual([...parseMethods(null)], ['wsm']);
  assert.ok(parseMethods('wsm topsis').has('topsis'));
  assert.ok(parseMethods(' TOPSIS,wsm ').has('topsis'));
  assert.ok(!parseMethods('borda').has('topsis'));
});

test('German strings cover every English one; custom locales may override', () => {
  assert.deepEqual(Object.keys(de.mcda).sort(), Object.keys(MCDA_STRINGS.en).sort());
  assert.equal(mcdaStrings(pickLocale('de-AT', { en, de })).issueFix, 'Abhilfe:');
  assert.equal(mcdaStrings({ lang: 'fr', mcda: { issueFix: 'Correctif :' } }).issueFix, 'Correctif :');
  assert.equal(mcdaStrings({ lang: 'fr' }).same, MCDA_STRINGS.en.same);
});

test('custom.html inlines data/examples/postgres-vs-mongodb.json unchanged', () => {
  const html = read('www/site/custom.html');
  const match = html.match(/<stack-advisor\b[^>]*>\s*<script type="application\/json">([\s\S]*?)<\/script>/);
  assert.ok(match, 'a child JSON script');
  const inlined = JSON.parse(match[1].replace(/<\\\//g, '</'));
  assert.deepEqual(inlined, JSON.parse(read('data/examples/postgres-vs-mongodb.json')));
  assert.doesNotMatch(html, /\son[a-z]+=/i, 'no inline event handlers');
});
