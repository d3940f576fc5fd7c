// The default matrix in two: what the engine chunk carries (everything the
// first result can show) and the texts it brings in on first use (the part
// stack-advisor-texts.js: docs/size.md, "The default matrix's long texts").
//
// The chunk keeps every question, score, rule, dispute and source, and of
// each criterion's evidence the passages a reason or an outweighed criterion
// can show: the one www/format/evidence.js's pickEvidence picks for each
// option's label, in the order the engine lists them (independent sources
// before vendors', src/explain.rs). Guidance sections keep only their titles
// (`titles`, drawn as closed disclosures); their bodies and every criterion's
// full evidence (the "Compare all factors" table shows two per criterion;
// a passage the chunk has already is the number of its place there) are in
// `texts`, with the criteria's descriptions, which no widget shows. Both
// halves are valid for the engine: guidance and descriptions are optional,
// and every criterion keeps at least one passage.
import { pickEvidence } from '../www/format/evidence.js';

/**
 * @param {object} matrix the default matrix (data/node-vs-python.json)
 * @returns {{lite: object, titles: object, texts: {guidance: object, evidence: object, descriptions: object}}}
 *   `titles` and `texts.guidance` keyed "option:<id>" / "rule:<id>" (as
 *   www/format/guidance.js keys them), `texts.evidence` by criterion id (its
 *   whole list, a passage `lite` has already given as its index in `lite`'s),
 *   `texts.descriptions` each criterion's description by its id
 */
export function splitMatrix(matrix) {
  const lite = structuredClone(matrix);
  const titles = {};
  const texts = { guidance: {}, evidence: {}, descriptions: {} };
  const sponsored = new Set((matrix.sources || []).filter((s) => s.sponsored).map((s) => s.id));
  const labels = [...(matrix.options || []).map((o) => o.label), ''];
  const takeGuidance = (owner, key) => {
    if (!Array.isArray(owner.guidance)) return;
    texts.guidance[key] = owner.guidance;
    titles[key] = owner.guidance.map(({ id, kind, title }) => ({ id, kind, title }));
    delete owner.guidance;
  };
  for (const option of lite.options || []) takeGuidance(option, `option:${option.id}`);
  for (const rule of lite.rules || []) takeGuidance(rule, `rule:${rule.id}`);
  for (const criterion of lite.criteria || []) {
    // No widget shows a criterion's description (the CLI and the builder do).
    if (criterion.description !== undefined) {
      texts.descriptions[criterion.id] = criterion.description;
      delete criterion.description;
    }
    const all = criterion.evidence || [];
    const inEngineOrder = [...all.filter((e) => !sponsored.has(e.source)), ...all.filter((e) => sponsored.has(e.source))];
    const shown = new Set(labels.map((label) => pickEvidence(inEngineOrder, label)));
    const kept = all.filter((e) => shown.has(e));
    if (kept.length === all.length) continue;
    // The kept passages are not repeated: each is the index of its place in the chunk's list.
    texts.evidence[criterion.id] = all.map((e) => (shown.has(e) ? kept.indexOf(e) : e));
    criterion.evidence = kept;
  }
  return { lite, titles, texts };
}
