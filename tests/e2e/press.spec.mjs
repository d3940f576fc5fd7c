// A result worked out while a pointer presses a chip or a checkbox
// (www/ahead.js): what the click then shows is always the result of the
// answers the click gave, whether the press led to that click or not.
import { test, expect } from '@playwright/test';
import { choiceLabel, question, waitReady } from './helpers.mjs';

/** The element's answers and result, and the engine's own result for those answers, called in the page. */
function shownAndDirect(advisor) {
  return advisor.evaluate(async (el) => {
    const engine = await import('/stack-advisor.js');
    return { answers: el.answers, shown: el.result, direct: engine.recommend(el.answers) };
  });
}

/** Presses the pointer on `locator`, then releases it there (a click) or, with `off`, away from it (no click). */
async function press(page, locator, { off = false } = {}) {
  await locator.scrollIntoViewIfNeeded();
  const box = await locator.boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  if (off) await page.mouse.move(2, 2);
  await page.mouse.up();
}

test('a press then its click shows the click\'s result; a press released off the control leaves none behind for the next answer', async ({ page }) => {
  await page.goto('/');
  const advisor = page.locator('stack-advisor');
  await waitReady(advisor);
  const changes = [];
  await page.exposeFunction('recordChange', (verdict) => changes.push(verdict));
  await advisor.evaluate((el) => el.addEventListener('stack-advisor-change', (e) => window.recordChange(e.detail.verdict)));
  const project = advisor.getByRole('radiogroup', { name: question('project').label });
  const chip = (id) => project.getByRole('radio', { name: choiceLabel('project', id), exact: true });
  const need = (id) => advisor.getByRole('checkbox', { name: choiceLabel('needs', id), exact: true });

  // A press and its click: the answer, and exactly the engine's result for it.
  await press(page, chip('realtime'));
  await expect(chip('realtime')).toHaveAttribute('aria-checked', 'true');
  let now = await shownAndDirect(advisor);
  expect(now.answers.project).toBe('realtime');
  expect(now.shown).toEqual(now.direct);
  expect(changes).toHaveLength(1);

  // A press on "AI / ML" released off it: no answer, no change event, the result as it was.
  await press(page, chip('ai-ml'), { off: true });
  await expect(chip('ai-ml')).toHaveAttribute('aria-checked', 'false');
  const after = await shownAndDirect(advisor);
  expect(after.answers.project).toBe('realtime');
  expect(after.shown).toEqual(now.shown);
  expect(changes).toHaveLength(1);

  // The pressed chip kept focus; the arrow key answers the next one. What
  // the press worked out (AI / ML) must not be shown for that answer.
  const choices = question('project').choices.map((c) => c.id);
  const next = choices[choices.indexOf('ai-ml') + 1];
  await page.keyboard.press('ArrowRight');
  await expect(chip(next)).toHaveAttribute('aria-checked', 'true');
  now = await shownAndDirect(advisor);
  expect(now.answers.project).toBe(next);
  expect(now.shown).toEqual(now.direct);
  expect(now.shown.verdict).not.toBe(undefined);

  // The same for a checkbox: a press released off "Real-time features", then
  // another need ticked by keyboard, then a press and click on the first.
  await press(page, need('realtime'), { off: true });
  await expect(need('realtime')).not.toBeChecked();
  await need('ai').focus();
  await page.keyboard.press('Space');
  await expect(need('ai')).toBeChecked();
  now = await shownAndDirect(advisor);
  expect(now.answers.needs).toEqual(['ai']);
  expect(now.shown).toEqual(now.direct);

  await press(page, need('realtime'));
  await expect(need('realtime')).toBeChecked();
  now = await shownAndDirect(advisor);
  expect([...now.answers.needs].sort()).toEqual(['ai', 'realtime']);
  expect(now.shown).toEqual(now.direct);
  expect(changes).toHaveLength(4);
});
