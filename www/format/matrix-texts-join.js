// Puts the default matrix's texts (stack-advisor-texts.js, made by
// scripts/split-matrix.mjs) back into the engine chunk's half of it.

/**
 * Adds `texts` to `matrix` in place: guidance bodies by "option:<id>" /
 * "rule:<id>", each criterion's whole evidence list (a passage the chunk has
 * already comes as its index in the chunk's list) and description.
 *
 * @param {object} matrix the chunk's half of the default matrix
 * @param {{guidance: object, evidence: object, descriptions?: object}} texts
 * @returns {object} `matrix`
 */
export function joinMatrixTexts(matrix, texts) {
  for (const o of matrix.options || []) if (texts.guidance[`option:${o.id}`]) o.guidance = texts.guidance[`option:${o.id}`];
  for (const r of matrix.rules || []) if (texts.guidance[`rule:${r.id}`]) r.guidance = texts.guidance[`rule:${r.id}`];
  for (const c of matrix.criteria || []) {
    if (texts.evidence[c.id]) c.evidence = texts.evidence[c.id].map((e) => (typeof e === 'number' ? c.evidence[e] : e));
    if (texts.descriptions?.[c.id] !== undefined) c.description = texts.descriptions[c.id];
  }
  return matrix;
}
