// One coherent verdict (issue 13): for a set of answers, what the shadow DOM
// shows — the bars' numbers and lengths, their named parts, the verdict, the
// confidence word and the percentage — agrees with `recommend` (called in the
// page, on the bundle's own engine) and with itself: the top bar is the
// verdict's option, the word matches the thresholds for the percentage shown,
// "What would change this" re-runs to the verdict it states, and a reason for
// the other side is shown as outweighed, never as a reason.
import { test, expect } from '@playwright/test';
import { MATRIX } from './helpers.mjs';
import { test as onSharedPage } from './shared-page.mjs';

/** The matrix's confidence thresholds (win probabilities; the spec's defaults when absent). */
const THRESHOLDS = {
  clear: MATRIX.confidence?.clear ?? 0.9,
  lean: MATRIX.confidence?.lean ?? 0.7,
};
const WORDS = { clear: 'clear', lean: 'leaning', 'close-call': 'close call' };
const LABEL = Object.fromEntries(MATRIX.options.map((o) => [o.id, o.label]));
const SEGMENTS = MATRIX.criteria.filter((c) => c.segment);

/**
 * Answer sets, each with what it must show besides agreeing. `kind`:
 * 'hybrid' (a "Use both" verdict), 'close' (a close call), 'outweighed'
 * (a JavaScript team whose skill counts for Node.js under another verdict).
 */
const SETS = [
  { name: 'nothing answered', answers: {} },
  { name: 'a real-time chat by a JavaScript team', answers: { project: 'realtime', team: 'javascript' } },
  { name: 'an AI product by a Python team', answers: { project: 'ai-ml', team: 'python' } },
  { name: 'an analytics platform by a JavaScript team', kind: 'outweighed', answers: { project: 'analytics', team: 'javascript' } },
  { name: 'a data pipeline by a JavaScript team', kind: 'close', answers: { project: 'data-pipeline', team: 'javascript' } },
  { name: 'an AI assistant with a streaming chat UI and a React frontend, JavaScript team', kind: 'hybrid', answers: { project: 'ai-ml', team: 'javascript', needs: ['ai', 'realtime', 'react-frontend'] } },
  { name: 'a real-time app that needs AI', kind: 'hybrid', answers: { project: 'realtime', needs: ['ai'] } },
  { name: 'analytics with data processing and a React frontend, JavaScript team (issue 13)', answers: { project: 'analytics', team: 'javascript', needs: ['data-processing', 'react-frontend'] } },
  { name: 'automation by a JavaScript team', answers: { project: 'automation', team: 'javascript' } },
  { name: 'a REST API with heavy data work and fast hiring', answers: { project: 'rest-api', needs: ['data-processing', 'fast-hiring'], priorities: { hiring: 4 } } },
  { name: 'serverless functions by a Python team, cold starts critical', answers: { project: 'serverless', team: 'python', priorities: { 'cold-start': 5 } } },
];

/** "87%" → 87, "over 99%" → 99.5, "under 1%" → 0.5: the figure a reader takes from the text. */
function shownPercent(sentence) {
  const m = /(over |under )?(\d+)%/.exec(sentence);
  if (!m) return null;
  const n = Number(m[2]);
  return m[1] === 'over ' ? n + 0.5 : m[1] === 'under ' ? n - 0.5 : n;
}

/** The confidence level the thresholds give for a percentage. */
function levelFor(percent) {
  if (percent >= THRESHOLDS.clear * 100) return 'clear';
  if (percent >= THRESHOLDS.lean * 100) return 'lean';
  return 'close-call';
}

/** Everything the result shows, read from the shadow DOM, and the engine's own answer. */
async function readWidget(advisor, answers) {
  return advisor.evaluate(async (el, answers) => {
    const engine = await import('/stack-advisor.js');
    const root = el.shadowRoot;
    const text = (selector) => root.querySelector(selector)?.textContent.trim() ?? null;
    // A bar's layer shows the stretch its clip-path leaves: inset(top right bottom left …), in % of the drawing.
    const stretch = (layer) => {
      const [top, right = top, , left = right] = layer.style.clipPath.replace(/^inset\(|( round .*)?\)$/g, '').split(' ');
      return { x: parseFloat(left), width: 100 - parseFloat(right) - parseFloat(left) };
    };
    return {
      direct: engine.recommend(answers),
      result: el.result,
      verdict: text('[part="verdict"] .verdict-label'),
      verdictId: root.querySelector('[part="verdict"]').dataset.verdict,
      confidence: text('[part="confidence"]'),
      probability: text('[part="probability"]'),
      rows: [...root.querySelectorAll('.score-row')].map((row) => ({
        option: row.querySelector('.opt').textContent,
        num: row.querySelector('.num').textContent,
        track: stretch(row.querySelector('.drawing > .track')).width,
        bar: stretch(row.querySelector('.drawing > .bar')).width,
        parts: [...row.querySelectorAll('.drawing > .part')].map(stretch),
        named: row.querySelector('[part="segment"]').hidden ? '' : row.querySelector('[part="segment"]').textContent,
      })),
      reasons: [...root.querySelectorAll('[part="reasons"] ol.reasons > li')].map((li) => li.textContent),
      outweighed: [...root.querySelectorAll('[part="outweighed"] > li')].map((li) => li.textContent),
      changes: [...root.querySelectorAll('[part="flips"] li')].map((li) => li.textContent),
    };
  }, answers);
}

async function answer(advisor, answers) {
  await advisor.evaluate((el, answers) => new Promise((resolve) => {
    el.addEventListener('stack-advisor-change', () => resolve(), { once: true });
    el.setAttribute('answers', JSON.stringify(answers));
  }), answers);
}

// One page per worker, reset to no answers before each set (tests/e2e/shared-page.mjs).
for (const set of SETS) {
  onSharedPage(`agreement: ${set.name}`, async ({ advisor }) => {
    if (Object.keys(set.answers).length) await answer(advisor, set.answers);
    const shown = await readWidget(advisor, set.answers);
    const r = shown.result;

    // The element shows the engine's result for these answers, unchanged.
    expect(r).toEqual(shown.direct);

    // Bars: one per option, each number the option's score, each length the score on the shared scale.
    const scale = Math.max(100, ...Object.values(r.scores));
    expect(shown.rows.map((row) => row.option)).toEqual(MATRIX.options.map((o) => o.label));
    for (const [i, option] of MATRIX.options.entries()) {
      const row = shown.rows[i];
      const score = r.scores[option.id];
      expect(Math.abs(Number(row.num) - score), `${option.id}: ${row.num} vs ${score}`).toBeLessThanOrEqual(0.5);
      expect(row.track).toBeCloseTo((100 * 100) / scale, 1);
      const drawn = row.bar + row.parts.reduce((sum, p) => sum + p.width, 0);
      expect(drawn, `${option.id}: drawn length`).toBeCloseTo((100 * score) / scale, 1);
      // The parts follow each other without gaps or overlaps.
      let x = row.bar;
      for (const part of row.parts) {
        expect(part.x).toBeCloseTo(x, 1);
        x += part.width;
      }
      // What segment criteria and rules add is named, with its points.
      for (const c of SEGMENTS) {
        const points = r.contributions[option.id]?.[c.id] ?? 0;
        if (points >= 0.95) expect(row.named, `${option.id} names ${c.id}`).toContain(`${c.label} +${Math.round(points)}`);
        if (points < 0.05) expect(row.named).not.toContain(c.label);
      }
      const rule = r.rule_points?.[option.id] ?? 0;
      if (rule >= 0.95) expect(row.named).toContain(`Rules +${Math.round(rule)}`);
    }

    // The verdict line names the result's verdict.
    expect(shown.verdictId).toBe(r.verdict);
    expect(shown.verdict).toBe(r.verdict === 'hybrid' ? (r.hybrid?.label || 'Use both') : LABEL[r.verdict]);

    // The percentage is confidence_probability, rounded down (over 99% / under 1% near the ends) …
    const percent = shownPercent(shown.probability);
    expect(percent, shown.probability).not.toBeNull();
    const p = r.confidence_probability * 100;
    if (/over \d+%/.test(shown.probability)) expect(p).toBeGreaterThan(99);
    else if (/under \d+%/.test(shown.probability)) expect(p).toBeLessThan(1);
    else {
      expect(percent).toBeLessThanOrEqual(p + 1e-6);
      expect(percent).toBeGreaterThan(p - 1);
    }
    // … the confidence word is the one the thresholds give for it, in the engine and on screen …
    expect(r.confidence).toBe(levelFor(p));
    expect(shown.confidence).toBe(WORDS[levelFor(percent)]);
    // … and the sentence is about the verdict.
    if (r.verdict === 'hybrid') {
      expect(shown.probability).toMatch(/^Use both holds in (over |under )?\d+% of plausible readings/);
      expect(r.confidence_probability).toBe(r.hybrid_probability);
    } else {
      expect(shown.probability.startsWith(`${LABEL[r.verdict]} wins in `), shown.probability).toBe(true);
      // A single-option verdict has the top score, the top bar and at least even odds.
      const top = Math.max(...Object.values(r.scores));
      expect(r.scores[r.verdict]).toBe(top);
      const bars = shown.rows.map((row) => Number(row.num));
      expect(bars[MATRIX.options.findIndex((o) => o.id === r.verdict)]).toBe(Math.max(...bars));
      expect(r.confidence_probability).toBeGreaterThanOrEqual(0.5);
      expect(r.confidence_probability).toBeCloseTo(r.win_probability[r.verdict], 9);
    }

    // Why: reasons favour the verdict (or, for "Use both", their group's option); what favours another is outweighed.
    for (const reason of r.reasons) if (r.verdict !== 'hybrid') expect(reason.favours).toBe(r.verdict);
    for (const item of r.outweighed || []) {
      expect(item.favours).not.toBe(r.verdict);
      expect(shown.reasons.some((li) => li.includes(item.label))).toBe(false);
    }
    expect(shown.outweighed.length).toBe(r.verdict === 'hybrid' ? 0 : Math.min(3, (r.outweighed || []).length));
    for (const li of shown.outweighed) expect(li).toMatch(/ counts for .+, but /);

    // What would change this: reader's terms only, and each line re-runs to the verdict it states.
    for (const line of shown.changes) expect(line).not.toMatch(/weigh|\(now /);
    const reruns = await advisor.evaluate(async (el, answers) => {
      const engine = await import('/stack-advisor.js');
      const r = el.result;
      const out = [];
      for (const f of r.answer_flips) {
        const changed = structuredClone(answers);
        if (f.change === 'pick') changed[f.question] = f.choice;
        else if (f.change === 'add') changed[f.question] = [...(changed[f.question] || []), f.choice];
        else changed[f.question] = (changed[f.question] || []).filter((c) => c !== f.choice);
        out.push({ what: `${f.change} ${f.question}=${f.choice}`, stated: f.new_verdict, got: engine.recommend(changed).verdict });
      }
      for (const f of r.priority_flips || []) {
        const changed = structuredClone(answers);
        changed.priorities = { ...(changed.priorities || {}), [f.id]: f.flip_value };
        out.push({ what: `priority ${f.id}=${f.flip_value}`, stated: f.new_verdict, got: engine.recommend(changed).verdict });
      }
      return out;
    }, set.answers);
    for (const rerun of reruns) expect(rerun.got, rerun.what).toBe(rerun.stated);

    // What this set is here for.
    if (set.kind === 'hybrid') expect(r.verdict).toBe('hybrid');
    if (set.kind === 'close') expect(r.confidence).toBe('close-call');
    if (set.kind === 'outweighed') {
      expect(r.verdict).not.toBe('node');
      const team = SEGMENTS.find((c) => c.id === 'team-javascript');
      expect(shown.outweighed.some((li) => li.startsWith(`${team.label} counts for Node.js`)), shown.outweighed.join('\n')).toBe(true);
      // The team's points are on Node's bar, named.
      expect(shown.rows[MATRIX.options.findIndex((o) => o.id === 'node')].named).toContain(team.label);
    }
  });
}

test('agreement: the answer sets cover a hybrid verdict, a close call and an outweighed JavaScript team', () => {
  const kinds = new Set(SETS.map((s) => s.kind).filter(Boolean));
  expect([...kinds].sort()).toEqual(['close', 'hybrid', 'outweighed']);
  expect(SETS.length).toBeGreaterThanOrEqual(8);
});
