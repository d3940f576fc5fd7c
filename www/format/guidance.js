// What a result's wider sections show for <stack-advisor>: the next-step
// guidance of the verdict, and the rows of the "Compare all factors" table.
// No DOM and no globals.

import { labelOf } from './sentences.js';
import { passageFor } from './evidence.js';

/**
 * The next-step guidance for a result: the winning option's sections, or for
 * a hybrid verdict the applied hybrid rule's sections followed by those of
 * each option in its split. Returns [{key, owner, section}], `owner` being
 * the option id or "hybrid"; `key` is stable across renders.
 */
export function guidanceFor(result, matrix) {
  const out = [];
  if (!result || !matrix) return out;
  const add = (owner, prefix, sections) => {
    for (const section of Array.isArray(sections) ? sections : []) {
      if (section && section.id) out.push({ key: `${prefix}/${section.id}`, owner, section });
    }
  };
  const option = (id) => (matrix.options || []).find((o) => o.id === id);
  if (result.verdict === 'hybrid') {
    const applied = new Set((result.rules || []).filter((r) => r.kind === 'hybrid').map((r) => r.id));
    for (const rule of matrix.rules || []) if (applied.has(rule.id)) add('hybrid', `rule:${rule.id}`, rule.guidance);
    const sides = ((result.hybrid && result.hybrid.split) || []).map((part) => part.option);
    for (const id of new Set(sides.length ? sides : result.ranking || [])) add(id, `option:${id}`, option(id)?.guidance);
  } else {
    add(result.verdict, `option:${result.verdict}`, option(result.verdict)?.guidance);
  }
  return out;
}

/**
 * Every criterion for the "Compare all factors" table, the reader's heaviest
 * first (ties keep the matrix order): its built-in weight (`base`, the
 * matrix's), the reader's weight and its share of the total, each option's
 * score with its `low`..`high` range, and up to two evidence passages — the
 * best for the option the criterion favours, then the best for the other
 * side, from another source where there is one.
 */
export function compareRows(matrix, result, labels = {}) {
  const options = (matrix && matrix.options) || [];
  const weights = (result && result.weights) || {};
  const total = Object.values(weights).reduce((sum, w) => sum + (Number(w) || 0), 0);
  const score = new Map(((matrix && matrix.scores) || []).map((s) => [`${s.option}\u0000${s.criterion}`, s]));
  const rows = ((matrix && matrix.criteria) || []).map((c, index) => {
    const weight = Number(weights[c.id]) || 0;
    const cost = c.direction === 'cost';
    const cells = options.map((o) => {
      const s = score.get(`${o.id}\u0000${c.id}`);
      const value = s && typeof s.value === 'number' ? s.value : null;
      const low = s && typeof s.low === 'number' ? s.low : null;
      const high = s && typeof s.high === 'number' ? s.high : null;
      return { option: o.id, value, low, high, utility: value == null ? null : cost ? 10 - value : value, sources: (s && s.sources) || [] };
    });
    const ranked = cells.filter((cell) => cell.utility != null).sort((a, b) => b.utility - a.utility);
    const best = ranked.length > 1 && ranked[0].utility > ranked[1].utility ? ranked[0].option : null;
    const evidence = [];
    const sides = ranked.map((cell) => cell.option);
    for (const id of sides.slice(0, 2)) {
      const rest = (c.evidence || []).filter((e) => !evidence.includes(e));
      const fresh = rest.filter((e) => !evidence.some((x) => x.source === e.source));
      const pick = passageFor(fresh.length ? fresh : rest, labelOf(labels, id));
      if (pick) evidence.push(pick);
    }
    const base = typeof c.weight === 'number' && Number.isFinite(c.weight) ? c.weight : 0;
    return { id: c.id, label: c.label, cost, base, weight, share: total > 0 ? weight / total : 0, best, cells, evidence, index };
  });
  return rows.sort((a, b) => b.weight - a.weight || a.index - b.index);
}
