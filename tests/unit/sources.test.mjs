// The five articles behind the default matrix are named where a reader of a
// clone can find them: README.md and data/SOURCES.md, both in step with the
// matrix's own `sources` list (the widget's citations). Nothing points to
// files a clone does not have.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

const read = (path) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
const matrix = JSON.parse(read('data/node-vs-python.json'));
const readme = read('README.md');
const sourcesFile = read('data/SOURCES.md');

/** Markdown without line breaks and emphasis, so a title wrapped over two lines still matches. */
const flat = (text) => text.replace(/\s+/g, ' ').replaceAll('*', '');

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
/** "2026-04" -> "April 2026"; "2026" stays. */
const spelled = (date) => (/^\d{4}-\d{2}$/.test(date) ? `${MONTHS[Number(date.slice(5)) - 1]} ${date.slice(0, 4)}` : date);

test('the default matrix cites five sources', () => {
  assert.equal(matrix.sources.length, 5);
});

for (const source of matrix.sources) {
  // A title the matrix marks as a description (no headline in our copy) is not quoted.
  const quoted = !/headline not in our copy/.test(source.title);
  test(`${source.id} is named in data/SOURCES.md and README.md`, () => {
    const row = sourcesFile.split('\n').find((line) => line.startsWith(`| ${source.id} |`));
    assert.ok(row, `data/SOURCES.md has no row for ${source.id}`);
    if (quoted) {
      assert.ok(row.includes(`| ${source.title} |`), `data/SOURCES.md: ${source.id}'s title is not "${source.title}"`);
      assert.ok(flat(readme).includes(source.title), `README.md does not name "${source.title}"`);
    } else {
      assert.match(flat(readme), /UK hiring rates/);
    }
    assert.ok(row.includes(spelled(source.date)), `data/SOURCES.md: ${source.id} is not dated ${spelled(source.date)}`);
    const publisher = source.publisher.split(',')[0].replace(/^Unnamed/, 'an unnamed');
    assert.ok(row.includes(publisher), `data/SOURCES.md: ${source.id}'s publisher is not "${publisher}"`);
    assert.ok(flat(readme).includes(publisher), `README.md does not name the publisher "${publisher}"`);
    if (source.date.includes('-')) assert.ok(flat(readme).includes(spelled(source.date)), `README.md does not date ${source.id} ${spelled(source.date)}`);
  });
}

test('no pointer to files a clone does not have', () => {
  for (const [name, text] of [['README.md', readme], ['data/SOURCES.md', sourcesFile]]) {
    assert.doesNotMatch(text, /\.\.\/shared\b|shared\/seeds/, `${name} points to ../shared`);
  }
});
