// The matrix builder (builder.html, builder-offline.html; issue 17): a matrix
// built from scratch with keys, checked and recommended by the CLI, exported
// and imported again; the shipped matrices round-trip; every kind of invalid
// edit shows at its field while the preview keeps the last valid matrix;
// hostile text stays text; untrusted imports are refused; the snippets are
// safe where they land; axe in light and dark at 1280 and 375 px.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { inflateRawSync } from 'node:zlib';
import { test, expect } from '@playwright/test';
import { axeResults, summarise } from './axe.mjs';
import { verdictLocator } from './helpers.mjs';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const readJson = (path) => JSON.parse(readFileSync(join(repo, path), 'utf8'));
const NODE_MATRIX = readJson('data/node-vs-python.json');
const POSTGRES = readJson('data/examples/postgres-vs-mongodb.json');
const HOSTILE = '<img src=x onerror="window.__pwned=1">';
const tmp = mkdtempSync(join(tmpdir(), 'builder-e2e-'));
test.afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** The CLI (built by `make test-native`), as scripts/artefacts.mjs runs it. */
function cli(args, input = '') {
  const env = { ...process.env };
  for (const name of ['RUSTFLAGS', 'RUSTUP_TOOLCHAIN', 'CARGO_TARGET_DIR', 'CARGO_PROFILE_RELEASE_STRIP']) delete env[name];
  return execFileSync('cargo', ['run', '--quiet', '--bin', 'stack-advisor', '--', ...args], { cwd: repo, env, input, encoding: 'utf8' });
}

/** The control that edits `path`. */
const field = (page, path) => page.locator(`#form :is(input, select, textarea)[data-path="${path}"]`);
/** The message shown at the control (or box) for `path`. */
const messageAt = (page, path) => page.locator(`#form [data-path="${path}"]`).locator('xpath=ancestor-or-self::*[contains(@class, "field") or contains(@class, "cell-field") or self::td or self::fieldset][1]').locator('.field-error');

async function openBuilder(page, url = '/builder.html') {
  await page.goto(url);
  await expect(page.locator('html')).toHaveAttribute('data-engine', 'ready', { timeout: 15_000 });
}

/** Every control of the form as [path, value]: what "the form is identical" compares. */
const formState = (page) => page.locator('#form').evaluate((form) => [...form.querySelectorAll('input, select, textarea')].map((c) => [c.dataset.path || c.dataset.key, c.type === 'checkbox' ? c.checked : c.value]));

async function exportJson(page) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export JSON', exact: true }).press('Enter')]);
  const file = join(tmp, `${Date.now()}-${download.suggestedFilename()}`);
  await download.saveAs(file);
  return file;
}

/** Presses Enter on a button found by its accessible name (keyboard only). */
const press = (page, name) => page.getByRole('button', { name, exact: true }).press('Enter');

/** Opens a closed panel of the form by its summary, with the keyboard. */
async function openPanel(page, name) {
  const panel = page.locator(`#form details[data-panel="${name}"]`);
  if (!(await panel.evaluate((d) => d.open))) await panel.locator('> summary').press('Enter');
  await expect(panel).toHaveAttribute('open', '');
}

/**
 * Types into the form from the focused control on, moving with Tab (one
 * keyboard step each, as a person would): a string replaces the text of the
 * control, `SKIP` passes it by, `{ key }` presses a key there (a letter picks
 * an option of a select, Space ticks a checkbox).
 */
const SKIP = null;
/** How many "Move … up/down" buttons entry `i` of `n` has (the first has no "up", the last no "down"). */
const moves = (i, n) => Number(i > 0) + Number(i < n - 1);
async function typeAlong(page, steps) {
  for (const [i, step] of steps.entries()) {
    if (i) await page.keyboard.press('Tab');
    if (typeof step === 'string') {
      // Tab into a text field selects its text (Chromium); the first field was focused by the test.
      if (!i) await page.keyboard.press('Control+A');
      await page.keyboard.insertText(step);
    } else if (step) await page.keyboard.press(step.key);
  }
}

test('from scratch by keys: a 3 × 4 matrix with sources, citations and questions; the preview, the CLI and a re-import agree', async ({ page }) => {
  test.setTimeout(120_000);
  await openBuilder(page);
  await press(page, 'Start from scratch');
  await field(page, 'id').focus();
  await typeAlong(page, ['database-choice', 'Which database fits?']);

  await press(page, 'Add option');
  const options = [['alpha', 'Alpha DB'], ['beta', 'Beta DB'], ['gamma', 'Gamma DB']];
  // Each option: id, label, summary, "Add guidance section", "Move option N up/down" (as it has them), "Remove option N".
  await field(page, 'options[0].id').focus();
  await typeAlong(page, options.flatMap(([id, label], i) => [id, label, ...(i < 2 ? Array(3 + moves(i, 3)).fill(SKIP) : [])]));
  for (let i = 0; i < 3; i++) await press(page, 'Add criterion');
  // Each criterion: id, label, description, direction, weight, segment, "Add citation", "Move criterion N up/down", "Remove criterion N".
  const criteria = [['speed', 'Query speed', 'b', '1'], ['cost', 'Running cost', 'c', '1'], ['docs', 'Documentation', 'b', '1'], ['scale', 'Scaling out', 'b', '0.5']];
  await field(page, 'criteria[0].id').focus();
  await typeAlong(page, criteria.flatMap(([id, label, direction, weight], i) => [id, label, SKIP, { key: direction }, weight, ...(i < 3 ? Array(3 + moves(i, 4)).fill(SKIP) : [])]));
  await expect(field(page, 'criteria[1].direction')).toHaveValue('cost');

  await openPanel(page, 'sources');
  await press(page, 'Add source');
  await press(page, 'Add source');
  // Each source: id, title, publisher, date, url, sponsored, note, "Move source 1 down", "Remove source N".
  await field(page, 'sources[0].id').focus();
  await typeAlong(page, ['bench', 'Benchmark 2024', 'An independent lab', '2024-03', SKIP, SKIP, SKIP, SKIP, SKIP, 'vendor', 'Why Beta', 'Beta Inc.', '2025', 'https://example.com/why-beta', { key: 'Space' }]);
  await expect(field(page, 'sources[1].sponsored')).toBeChecked();

  // The grid by arrow keys: row by row, alternating direction (criteria × options).
  const values = [[8, 5, 3], [3, 6, 8], [7, 6, 4], [6, 8, 5]];
  await page.locator('[data-key="grid:0:0:value"]').focus();
  await page.keyboard.press('Control+A');
  for (let r = 0; r < 4; r++) {
    const cols = r % 2 ? [2, 1, 0] : [0, 1, 2];
    for (const [k, c] of cols.entries()) {
      await page.keyboard.insertText(String(values[r][c]));
      if (k < 2) {
        if (r % 2) await page.keyboard.press('Home');
        await page.keyboard.press(r % 2 ? 'ArrowLeft' : 'ArrowRight');
      }
    }
    if (r < 3) await page.keyboard.press('ArrowDown');
  }
  await expect(page.locator('[data-key="grid:3:0:value"]')).toBeFocused();
  // The first cell's range, and each score's source: Tab goes value, low, high, sources, next cell.
  await page.locator('[data-key="grid:0:0:low"]').focus();
  await typeAlong(page, ['7', '9']);
  // Each score's source, down the grid's source column with the arrow keys.
  await page.locator('[data-key="grid:0:0:sources"]').focus();
  for (let r = 0; r < 4; r++) {
    const cols = r % 2 ? [2, 1, 0] : [0, 1, 2];
    for (const [k, c] of cols.entries()) {
      await page.keyboard.insertText(c === 1 ? 'vendor' : 'bench');
      if (k < 2) {
        if (r % 2) await page.keyboard.press('Home');
        await page.keyboard.press(r % 2 ? 'ArrowLeft' : 'ArrowRight');
      }
    }
    if (r < 3) await page.keyboard.press('ArrowDown');
  }
  // A citation per score, under its criterion: "Add citation" puts the focus on the new one's source.
  for (let r = 0; r < 4; r++) {
    for (let c = 0; c < 3; c++) {
      await page.locator(`[data-key="add:criteria[${r}].evidence"]`).press('Enter');
      await typeAlong(page, [{ key: c === 1 ? 'v' : 'b' }, `Results, table ${c + 1}`, `${options[c][1]} scores ${values[r][c]} of 10 on ${criteria[r][1].toLowerCase()}.`]);
    }
  }

  await openPanel(page, 'questions');
  await press(page, 'Add question');
  // A question: id, kind, label, help, then its choices.
  await typeAlong(page, ['workload', SKIP, 'What does your app mostly do?']);
  await page.locator('[data-key="add:questions[0].choices"]').press('Enter');
  await page.locator('[data-key="add:questions[0].choices"]').press('Enter');
  // A choice: id, label, one weight per criterion (speed, cost, docs, scale), "Move choice 1 down", "Remove choice N".
  await field(page, 'questions[0].choices[0].id').focus();
  await typeAlong(page, ['reads', 'Mostly reads', '2', SKIP, SKIP, SKIP, SKIP, SKIP, 'writes', 'Heavy writes', SKIP, SKIP, SKIP, '4']);
  await press(page, 'Add question');
  await typeAlong(page, ['priorities', { key: 'p' }, 'How much does each matter?']);
  await page.locator('[data-key="add:questions[1].items"]').press('Enter');
  // A priority: id, label, one weight per criterion, default.
  await typeAlong(page, ['budget', 'A small budget', SKIP, '1']);

  await expect(page.locator('#issues')).toBeHidden();
  await expect(page.locator('#preview-status')).toHaveText('The preview shows the matrix as it is now.');
  const preview = page.locator('#preview');
  await expect(preview.getByRole('radiogroup', { name: 'What does your app mostly do?' })).toBeVisible();
  await preview.getByRole('radio', { name: 'Heavy writes', exact: true }).click();
  await expect(verdictLocator(preview)).toHaveText('Beta DB');
  const result = await preview.evaluate((el) => ({ verdict: el.result.verdict, answers: el.answers }));
  expect(result).toEqual({ verdict: 'beta', answers: { workload: 'writes' } });

  const file = await exportJson(page);
  await expect(page.locator('#saved-state')).toHaveText('No unsaved changes');
  const exported = JSON.parse(readFileSync(file, 'utf8'));
  expect(exported.options.map((o) => o.id)).toEqual(['alpha', 'beta', 'gamma']);
  expect(exported.criteria.map((c) => [c.id, c.direction, c.weight])).toEqual([['speed', 'benefit', 1], ['cost', 'cost', 1], ['docs', 'benefit', 1], ['scale', 'benefit', 0.5]]);
  expect(exported.scores).toHaveLength(12);
  expect(exported.scores.every((s) => s.sources.length === 1)).toBe(true);
  expect(exported.criteria.flatMap((c) => c.evidence)).toHaveLength(12);
  expect(exported.sources[1].sponsored).toBe(true);
  expect(exported.questions.map((q) => [q.id, q.kind])).toEqual([['workload', 'single'], ['priorities', 'priorities']]);
  expect(exported.questions[1].items[0].criteria).toEqual({ cost: 1 });
  expect(cli(['check', file])).toContain('valid');
  const cliResult = JSON.parse(cli(['recommend', '--matrix', file, '--answers', '-'], JSON.stringify(result.answers)));
  expect(cliResult.verdict).toBe(result.verdict);

  const before = await formState(page);
  await press(page, 'Start from scratch');
  expect(await formState(page)).not.toEqual(before);
  await page.locator('#import-file').setInputFiles(file);
  await expect(page.locator('#start-message')).toContainText('Imported');
  expect(await formState(page)).toEqual(before);
});

test('the shipped matrices export unchanged, in the site and in the offline file', async ({ page }) => {
  await openBuilder(page);
  await press(page, 'Start from Node.js or Python');
  expect(JSON.parse(readFileSync(await exportJson(page), 'utf8'))).toEqual(NODE_MATRIX);
  await press(page, 'Start from PostgreSQL or MongoDB');
  await expect(verdictLocator(page.locator('#preview'))).toHaveText('PostgreSQL');
  expect(JSON.parse(readFileSync(await exportJson(page), 'utf8'))).toEqual(POSTGRES);

  // builder-offline.html from disk: no server, no network.
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await openBuilder(page, pathToFileURL(join(repo, 'dist', 'builder-offline.html')).href);
  await press(page, 'Start from PostgreSQL or MongoDB');
  await expect(verdictLocator(page.locator('#preview'))).toHaveText('PostgreSQL');
  expect(JSON.parse(readFileSync(await exportJson(page), 'utf8'))).toEqual(POSTGRES);
  expect(requests.filter((url) => !url.startsWith('file:') && !url.startsWith('blob:') && !url.startsWith('data:'))).toEqual([]);
});

test('invalid edits show at their fields, the preview keeps the last valid matrix, undo and redo; hostile text stays text', async ({ page }) => {
  const sent = [];
  page.on('request', (r) => { if (r.method() !== 'GET' || !r.url().startsWith('http://127.0.0.1')) sent.push(`${r.method()} ${r.url()}`); });
  await openBuilder(page);
  await press(page, 'Start from PostgreSQL or MongoDB');
  const preview = page.locator('#preview');
  await expect(verdictLocator(preview)).toHaveText('PostgreSQL');
  const pristine = await formState(page);

  await field(page, 'options[1].id').fill('postgres');
  await field(page, 'options[0].label').fill('');
  const s0 = await page.locator('[data-key="grid:0:0:value"]').getAttribute('data-path');
  await page.locator('[data-key="grid:0:0:value"]').fill('11');
  await page.locator('[data-key="grid:1:0:low"]').fill('9');
  await page.locator('[data-key="grid:1:0:high"]').fill('2');
  await page.locator('[data-key="grid:2:0:sources"]').fill('nowhere');
  const s1 = (await page.locator('[data-key="grid:1:0:low"]').getAttribute('data-path')).replace(/\.low$/, '');
  const s2 = (await page.locator('[data-key="grid:2:0:sources"]').getAttribute('data-path'));

  await expect(messageAt(page, 'options[0].id')).toContainText('is used more than once');
  await expect(messageAt(page, 'options[1].id')).toContainText('is used more than once');
  await expect(field(page, 'options[1].id')).toHaveAttribute('aria-invalid', 'true');
  await expect(messageAt(page, 'options[0].label')).toContainText('this text is empty');
  await expect(messageAt(page, s0)).toContainText('from 0 to 10');
  await expect(page.locator(`#form td[data-path="${s1}"] > .field-error`)).toContainText('low ≤ value ≤ high');
  await expect(messageAt(page, s2)).toContainText('"nowhere" is not a source');
  await expect(page.locator('#issues')).toContainText('problems in the matrix');
  await expect(page.locator('#issues')).not.toContainText('null');
  await expect(page.locator('#preview-status')).toContainText('last valid matrix');
  await expect(verdictLocator(preview)).toHaveText('PostgreSQL');
  // A link in the summary takes the focus to its field.
  await page.locator('#issues a', { hasText: 'this text is empty' }).press('Enter');
  await expect(field(page, 'options[0].label')).toBeFocused();

  for (let i = 0; i < 6; i++) await press(page, 'Undo');
  await expect(page.locator('#issues')).toBeHidden();
  expect(await formState(page)).toEqual(pristine);
  await press(page, 'Redo');
  await expect(field(page, 'options[1].id')).toHaveValue('postgres');
  await press(page, 'Undo');
  await expect(page.getByRole('button', { name: 'Redo', exact: true })).toBeEnabled();

  // Hostile text in every text field: valid texts reach the preview as text; a hostile id is an error quoted as text.
  for (const name of ['sources', 'questions', 'rules', 'disputes']) await openPanel(page, name);
  const texts = page.locator('#form :is(input[type="text"], textarea)[data-path$="label"], #form :is(input[type="text"], textarea)[data-path$="title"], #form :is(input[type="text"], textarea)[data-path$="text"], #form :is(input[type="text"], textarea)[data-path$="summary"], #form :is(input[type="text"], textarea)[data-path$="help"], #form :is(input[type="text"], textarea)[data-path$="publisher"], #form :is(input[type="text"], textarea)[data-path$="section"], #form :is(input[type="text"], textarea)[data-path$="note"], #form :is(input[type="text"], textarea)[data-path$="description"]');
  const count = await texts.count();
  expect(count).toBeGreaterThan(20);
  // Typed into each at once (what is tested is how the text is shown, not the typing).
  await texts.evaluateAll((all, hostile) => all.forEach((c, i) => {
    c.value = `${hostile} ${i}`;
    c.dispatchEvent(new Event('input', { bubbles: true }));
  }), HOSTILE);
  await field(page, 'sources[0].id').fill(HOSTILE);
  await expect(messageAt(page, 'sources[0].id')).toContainText('<img');
  await field(page, 'sources[0].id').fill('pg-docs');
  await expect(page.locator('#issues')).toBeHidden();
  await expect(verdictLocator(preview)).toContainText('<img src=x onerror=');
  const images = await page.evaluate(() => {
    const all = [...document.querySelectorAll('img')];
    for (const host of document.querySelectorAll('stack-advisor')) all.push(...host.shadowRoot.querySelectorAll('img'));
    return all.length;
  });
  expect(images).toBe(0);
  expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
  expect(sent).toEqual([]);

  // Unsaved changes: leaving asks first.
  const dialog = page.waitForEvent('dialog');
  await page.close({ runBeforeUnload: true });
  expect((await dialog).type()).toBe('beforeunload');
});

test('entries move up and down with the focus following them; Ctrl+Z and Ctrl+Shift+Z undo and redo from inside a field', async ({ page }) => {
  await openBuilder(page);
  await press(page, 'Start from PostgreSQL or MongoDB');
  const ids = () => page.locator('#form [data-path$="].id"][data-path^="options["]').evaluateAll((inputs) => inputs.map((i) => i.value));
  const original = POSTGRES.options.map((o) => o.id);
  expect(original.length).toBeGreaterThanOrEqual(2);
  // The first option has no "up", the last no "down".
  await expect(page.getByRole('button', { name: 'Move option 1 up', exact: true })).toHaveCount(0);
  await expect(page.getByRole('button', { name: `Move option ${original.length} down`, exact: true })).toHaveCount(0);

  await press(page, 'Move option 1 down');
  expect(await ids()).toEqual([original[1], original[0], ...original.slice(2)]);
  // The focus went with the option: to its button that moves it on, or back up at the end.
  const focused = original.length === 2 ? 'Move option 2 up' : 'Move option 2 down';
  await expect(page.getByRole('button', { name: focused, exact: true })).toBeFocused();
  // The exported file has the new order (the grid and the preview follow the ids, not the places).
  const moved = JSON.parse(readFileSync(await exportJson(page), 'utf8'));
  expect(moved.options.map((o) => o.id)).toEqual(await ids());
  expect(moved.scores).toEqual(POSTGRES.scores);

  // Typing in a field, then Ctrl+Z there: the field's typing is one step; the focus stays in it.
  const label = field(page, 'options[0].label');
  const before = await label.inputValue();
  await label.focus();
  await page.keyboard.press('End');
  await page.keyboard.insertText(' (edited)');
  await expect(page.locator('#undo')).toBeEnabled();
  await page.keyboard.press('Control+Z');
  await expect(label).toHaveValue(before);
  await expect(label).toBeFocused();
  await page.keyboard.press('Control+Shift+Z');
  await expect(label).toHaveValue(`${before} (edited)`);
  await page.keyboard.press('Control+Z');
  await page.keyboard.press('Control+Z');
  expect(await ids()).toEqual(original);
  await page.keyboard.press('Control+Y');
  expect(await ids()).toEqual([original[1], original[0], ...original.slice(2)]);

  // In the export panel the keys are the browser's own: the builder's history stays as it is.
  const src = page.locator('#export-panel input[type="text"]').first();
  await src.fill('/x.json');
  await src.press('Control+Z');
  expect(await ids()).toEqual([original[1], original[0], ...original.slice(2)]);
});

test('untrusted imports are refused with a clear message and leave the work untouched', async ({ page }) => {
  await openBuilder(page);
  await press(page, 'Start from PostgreSQL or MongoDB');
  await field(page, 'title').fill('My edited title');
  const before = await formState(page);
  const cases = [
    ['proto.json', '{"version": 1, "__proto__": {"polluted": true}, "id": "x"}', '"__proto__"'],
    ['big.json', JSON.stringify({ version: 1, title: 'x'.repeat(300 * 1024) }), '256 KB'],
    ['types.json', JSON.stringify({ ...POSTGRES, options: 'two' }), 'options should be a list'],
    ['label.json', JSON.stringify({ ...POSTGRES, options: [{ id: 'a', label: { text: 'A' } }] }), 'options[0].label should be text'],
    ['deep.json', `${'['.repeat(40)}${']'.repeat(40)}`, 'nests 40 levels deep'],
    ['broken.json', '{"version": 1,', 'not valid JSON'],
    ['list.json', '[1, 2]', 'should be an object'],
  ];
  for (const [name, text, message] of cases) {
    await page.locator('#import-file').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
    await expect(page.locator('#start-message')).toContainText(message);
    await expect(page.locator('#start-message')).toContainText('not imported');
    expect(await formState(page)).toEqual(before);
  }
  expect(await page.evaluate(() => ({}).polluted)).toBeUndefined();
});

test('exported snippets are safe where they land and work', async ({ page }) => {
  await openBuilder(page);
  await press(page, 'Start from PostgreSQL or MongoDB');
  const nasty = "</script><!-- it's [odd] -->";
  await field(page, 'options[0].summary').fill(nasty);
  const preview = page.locator('#preview');
  // The preview takes the edited matrix a moment after the edit (and redraws): answer it after that.
  await expect(page.locator('#issues')).toBeHidden();
  await expect.poll(() => preview.evaluate((el) => el.matrix?.options?.[0]?.summary)).toBe(nasty);
  await preview.getByRole('radio', { name: POSTGRES.questions[0].choices[0].label, exact: true }).click();
  const answers = await preview.evaluate((el) => el.answers);
  expect(Object.keys(answers).length).toBeGreaterThan(0);
  await page.locator('#export-panel input[type="text"]').first().fill("/m/it's[1].json");

  // The snippets follow the answers and the file's URL.
  await expect(page.getByLabel('WordPress shortcode')).toHaveValue(/^\[stack_advisor src='\/m\/it&#39;s&#91;1&#93;\.json' answers=/);
  const embed = await page.getByLabel('Embed code (script tag and element)').inputValue();
  expect(embed).toContain(` answers="${JSON.stringify(answers).replaceAll('"', '&quot;')}"`);
  const snippetTag = readFileSync(join(repo, 'dist', 'snippet.html'), 'utf8').split('<stack-advisor>')[0].trim();
  expect(embed.startsWith(`${snippetTag}\n<stack-advisor`)).toBe(true);
  const body = embed.split('<script type="application/json">')[1].split('</script>')[0];
  expect(body).not.toMatch(/<\/script|<!--/i);
  expect(body).toContain('<\\/script>\\u003c!--');
  const matrix = JSON.parse(body);
  expect(matrix.options[0].summary).toBe(nasty);

  // The snippet in a page (the loader from this site instead of the CDN) shows the matrix.
  await page.context().route('**/snippet-page.html', (route) => route.fulfill({
    contentType: 'text/html',
    body: `<!doctype html><html lang="en"><title>t</title>${embed.replace(snippetTag, '<script type="module" src="/stack-advisor.js"></script>')}`,
  }));
  const other = await page.context().newPage();
  await other.goto('/snippet-page.html');
  await expect(verdictLocator(other.locator('stack-advisor'))).toHaveText('PostgreSQL');
  expect(await other.locator('stack-advisor').evaluate((el) => [el.matrix.options[0].summary, el.answers])).toEqual([nasty, answers]);
  await other.close();

  // With the file on the site instead: the element refers to it.
  await page.getByLabel('Put the matrix inside the embed code (otherwise it refers to the file)').press('Space');
  await expect(page.getByLabel('Embed code (script tag and element)')).toHaveValue(`${snippetTag}\n<stack-advisor src="/m/it's[1].json" answers="${JSON.stringify(answers).replaceAll('"', '&quot;')}"></stack-advisor>\n`);
  await page.getByLabel('Put the matrix inside the embed code (otherwise it refers to the file)').press('Space');
  await expect(page.getByLabel('Embed code (script tag and element)')).toHaveValue(embed);

  const code = await page.getByLabel('WordPress shortcode').inputValue();
  expect(code).toBe(`[stack_advisor src='/m/it&#39;s&#91;1&#93;.json' answers='${JSON.stringify(answers).replaceAll('[', '&#91;').replaceAll(']', '&#93;').replaceAll('"', '&quot;')}']\n`);
  expect(code.slice(1, -2)).not.toMatch(/[[\]]/);

  const frame = await page.getByLabel('Iframe code').inputValue();
  const src = frame.match(/<iframe data-stack-advisor src="([^"]+)"/)[1].replaceAll('&amp;', '&');
  const url = new URL(src);
  expect(url.pathname).toBe('/embed.html');
  const hash = new URLSearchParams(url.hash.slice(1));
  expect(hash.get('matrix').length).toBeLessThanOrEqual(32000);
  expect(JSON.parse(inflateRawSync(Buffer.from(hash.get('matrix'), 'base64url')).toString('utf8'))).toEqual(matrix);
  expect(hash.get('sa')).toBeTruthy();
  expect(frame).toContain(`<script src="${url.origin}/stack-advisor-frame.js" async></script>`);

  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await press(page, 'Copy embed code');
  await expect(page.locator('#export-panel [role="status"]')).toHaveText('Embed code copied.');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(embed);
});

test('axe: no violations with every panel and every kind of form open, problems shown, light at 1280 px and dark at 375 px', async ({ page }) => {
  test.setTimeout(60_000);
  await openBuilder(page);
  for (const name of ['sources', 'questions', 'rules', 'disputes']) await openPanel(page, name);
  // One of every kind of form, on a small matrix (axe's time grows with the page).
  for (const name of ['Add source', 'Add question', 'Add question', 'Add rule', 'Add rule', 'Add dispute']) await press(page, name);
  for (const key of ['options[0].guidance', 'criteria[0].evidence', 'questions[0].choices', 'questions[1].items', 'rules[1].groups', 'rules[1].split', 'rules[1].guidance', 'disputes[0].when', 'disputes[0].sides']) {
    if (key === 'questions[1].items') await field(page, 'questions[1].kind').selectOption('priorities');
    if (key === 'rules[1].groups') await field(page, 'rules[1].kind').selectOption('hybrid');
    await page.locator(`[data-key="add:${key}"]`).press('Enter');
  }
  await page.locator('[data-key="add:rules[1].guidance[0].items"]').press('Enter');
  await field(page, 'options[0].guidance[0].kind').selectOption('code');
  await press(page, 'Add criterion');
  await page.getByRole('button', { name: 'Calibrate by pairwise comparison' }).press('Enter');
  await expect(page.locator('#form .calibrate select')).toHaveCount(1);
  await expect(page.locator('#issues')).toBeVisible();
  for (const [scheme, width] of [['light', 1280], ['dark', 375]]) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.setViewportSize({ width, height: 900 });
    // The preview widget is axe-checked once here (dark, 375 px); tests/e2e/a11y.spec.mjs checks it in depth.
    const results = await axeResults(page, { exclude: scheme === 'light' ? '#preview' : undefined });
    expect(results.violations, summarise(results.violations)).toEqual([]);
    // Nothing wider than the screen but the score grid, which scrolls in its own box.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
  }
});
