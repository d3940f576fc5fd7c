// Keyboard-only use, the URL-hash state, Copy link / Copy as Markdown / Reset.
import { test, expect } from '@playwright/test';
import { choiceLabel, deepActive, pick, question, tick, verdictLocator, waitReady } from './helpers.mjs';
import { test as onSharedPage } from './shared-page.mjs';

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

/** Presses Tab until `match(active)` holds; fails after `limit` presses. */
async function tabUntil(page, match, limit = 80, key = 'Tab') {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press(key);
    const active = await deepActive(page);
    if (active && match(active)) return active;
  }
  throw new Error(`focus never reached the target after ${limit} × ${key}`);
}

test('a pressed chip is its group\'s tab stop at once; one left without a click leaves the tab order', async ({ page }) => {
  await page.goto('/');
  const advisor = page.locator('stack-advisor');
  await waitReady(advisor);
  const group = advisor.getByRole('radiogroup', { name: question('project').label });
  const stops = group.locator('[role="radio"][tabindex="0"]');
  const realtime = group.getByRole('radio', { name: choiceLabel('project', 'realtime') });
  const api = group.getByRole('radio', { name: choiceLabel('project', 'rest-api') });

  // A press focuses the chip and makes it a tab stop before the click answers.
  await realtime.scrollIntoViewIfNeeded();
  const box = await realtime.boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await expect(realtime).toBeFocused();
  await expect(realtime).toHaveAttribute('tabindex', '0');
  await page.mouse.up();
  await expect(realtime).toHaveAttribute('aria-checked', 'true');
  await expect(stops).toHaveCount(1);

  // Pressed, then released off the chip: no answer, and once focus moves on
  // the checked chip is the group's only tab stop again.
  const other = await api.boundingBox();
  await page.mouse.move(other.x + other.width / 2, other.y + other.height / 2);
  await page.mouse.down();
  await expect(api).toHaveAttribute('tabindex', '0');
  await page.mouse.move(5, 5);
  await page.mouse.up();
  await expect(api).toHaveAttribute('aria-checked', 'false');
  await page.keyboard.press('Tab');
  await expect(api).toHaveAttribute('tabindex', '-1');
  await expect(stops).toHaveCount(1);
  await expect(stops).toHaveAttribute('aria-checked', 'true');
  expect(await advisor.evaluate((el) => el.answers.project)).toBe('realtime');
});

test('keyboard only: answer a profile with arrows, Space and sliders, then reach Copy link', async ({ page }) => {
  await page.goto('/');
  const advisor = page.locator('stack-advisor');
  await waitReady(advisor);
  const projectChoices = question('project').choices;
  const teamChoices = question('team').choices;

  // Tab lands on the checked chip of the first radio group ("Not sure").
  let active = await tabUntil(page, (a) => a.inWidget && a.role === 'radio');
  expect(active.text).toBe('Not sure');
  expect(active.checked).toBe('true');
  expect(active.outline).not.toMatch(/^none/);

  // Arrow keys move and select (roving tabindex): → to "Real-time app", then wrap ← ← back past "Not sure".
  await page.keyboard.press('ArrowRight');
  active = await deepActive(page);
  expect(active.text).toBe(projectChoices[0].label);
  expect(active.checked).toBe('true');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  active = await deepActive(page);
  expect(active.text).toBe(projectChoices[projectChoices.length - 1].label);
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowDown');
  active = await deepActive(page);
  expect(active.text).toBe(choiceLabel('project', 'realtime'));

  // Only one stop per group: the next Tab is the team group, on its checked chip.
  await page.keyboard.press('Tab');
  active = await deepActive(page);
  expect(active.role).toBe('radio');
  expect(active.text).toBe('Not sure');
  const js = teamChoices.findIndex((c) => c.id === 'javascript');
  for (let i = 0; i <= js; i++) await page.keyboard.press('ArrowRight');
  expect((await deepActive(page)).text).toBe(choiceLabel('team', 'javascript'));

  // Needs: checkboxes, ticked with Space.
  active = await tabUntil(page, (a) => a.type === 'checkbox');
  expect(active.label).toBe(question('needs').choices[0].label);
  await page.keyboard.press('Space');
  await expect(advisor.getByRole('checkbox', { name: question('needs').choices[0].label })).toBeChecked();

  // Priorities: a slider moved with arrow keys, its value spoken in words.
  active = await tabUntil(page, (a) => a.type === 'range');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  const firstItem = question('priorities').items[0];
  const slider = advisor.getByRole('slider', { name: firstItem.label });
  await expect(slider).toHaveValue(String(firstItem.default + 2));
  await expect(slider).toHaveAttribute('aria-valuetext', /^(important|very important|critical), \d of 5$/);

  await expect(verdictLocator(advisor)).toHaveText('Node.js');

  // On to the share button, past the sliders and the citation chips.
  active = await tabUntil(page, (a) => a.part === 'copy-link');
  expect(active.outline).not.toMatch(/^none/);
  await page.keyboard.press('Enter');
  await expect(advisor.locator('.action-note')).toHaveText('Link copied.');
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toContain('#sa-advisor=');
  expect(link).toContain('project:realtime');
  expect(link).toContain('team:javascript');
});

test('share round trip: copy link → new page → same answers and verdict', async ({ page, context }) => {
  await page.goto('/');
  const advisor = page.locator('stack-advisor');
  await waitReady(advisor);
  const historyBefore = await page.evaluate(() => history.length);
  await pick(advisor, 'project', 'data-pipeline');
  await pick(advisor, 'team', 'both');
  await tick(advisor, 'needs', ['realtime', 'type-safety']);
  const hiring = question('priorities').items.find((i) => i.id === 'hiring');
  await advisor.getByRole('slider', { name: hiring.label }).fill('4');
  // The address bar already holds the state (replaceState, no new history entry).
  await expect(page).toHaveURL(/#sa-advisor=.*project:data-pipeline/);
  expect(await page.evaluate(() => history.length)).toBe(historyBefore);

  await advisor.getByRole('button', { name: 'Copy link' }).click();
  await expect(advisor.locator('.action-note')).toHaveText('Link copied.');
  const link = await page.evaluate(() => navigator.clipboard.readText());
  const before = await advisor.evaluate((el) => ({ answers: el.answers, verdict: el.result.verdict, scores: el.result.scores }));

  const other = await context.newPage();
  await other.goto(link);
  const restored = other.locator('stack-advisor');
  await waitReady(restored);
  const after = await restored.evaluate((el) => ({ answers: el.answers, verdict: el.result.verdict, scores: el.result.scores }));
  expect(after).toEqual(before);
  // And the controls show it.
  await expect(restored.getByRole('radio', { name: choiceLabel('project', 'data-pipeline') })).toHaveAttribute('aria-checked', 'true');
  await expect(restored.getByRole('radio', { name: choiceLabel('team', 'both'), exact: true })).toHaveAttribute('aria-checked', 'true');
  await expect(restored.getByRole('checkbox', { name: choiceLabel('needs', 'type-safety') })).toBeChecked();
  await expect(restored.getByRole('slider', { name: hiring.label })).toHaveValue('4');
  await expect(verdictLocator(restored)).toHaveText(await verdictLocator(advisor).textContent());
});

onSharedPage('Copy as Markdown gives verdict, scores, reasons and numbered sources with vendor tags', async ({ article: page, advisor }) => {
  await pick(advisor, 'project', 'realtime');
  await advisor.getByRole('button', { name: 'Copy as Markdown' }).click();
  await expect(advisor.locator('.action-note')).toHaveText('Markdown copied.');
  const md = await page.evaluate(() => navigator.clipboard.readText());
  expect(md).toMatch(/^## Node\.js or Python for your backend\?/);
  expect(md).toContain('**Verdict: Node.js**');
  expect(md).toMatch(/\| Node\.js \| \d+\/100[^|]* \| (over |under )?\d+% \|/);
  expect(md).toMatch(/\((clear|leaning|close call)\)\n\nNode\.js wins in (over |under )?\d+% of plausible readings/);
  expect(md).toContain('### Why');
  expect(md).toContain('### What would change this');
  expect(md).toContain('### Sources');
  expect(md).toMatch(/\d\. .+ — vendor/);
  expect(md).toContain('Explore these answers: <http://');
});

onSharedPage('Reset returns to the initial answers and clears the hash', async ({ article: page, advisor }) => {
  const initial = await advisor.evaluate((el) => el.result.verdict);
  await pick(advisor, 'project', 'ai-ml');
  await expect(verdictLocator(advisor)).toHaveText('Python');
  await expect(page).toHaveURL(/#sa-advisor=/);
  await advisor.getByRole('button', { name: 'Reset' }).click();
  await expect(advisor.getByRole('radio', { name: 'Not sure' }).first()).toHaveAttribute('aria-checked', 'true');
  expect(await advisor.evaluate((el) => el.result.verdict)).toBe(initial);
  expect(await advisor.evaluate((el) => el.answers)).toEqual({});
  await expect(page).not.toHaveURL(/#/);
});

test('a stale or hand-edited hash degrades to "not answered" instead of breaking', async ({ page }) => {
  await page.goto('/#intro&sa-advisor=project:quantum;team:python;needs:ai,warp,;priorities:hiring=9,cost=2;nonsense');
  const advisor = page.locator('stack-advisor');
  await waitReady(advisor);
  expect(await advisor.evaluate((el) => el.answers)).toEqual({ team: 'python', needs: ['ai'], priorities: { cost: 2 } });
  await pick(advisor, 'project', 'realtime');
  // Other parts of the hash are kept.
  await expect(page).toHaveURL(/#intro&sa-advisor=/);
});

test('editing the hash in the address bar updates the answers (hashchange)', async ({ page }) => {
  await page.goto('/');
  const advisor = page.locator('stack-advisor');
  await waitReady(advisor);
  await page.evaluate(() => { location.hash = 'sa-advisor=project:analytics'; });
  await expect(verdictLocator(advisor)).toHaveText('Python');
  await expect(advisor.getByRole('radio', { name: choiceLabel('project', 'analytics') })).toHaveAttribute('aria-checked', 'true');
});
