// A result worked out while the reader presses a control: a pointer presses a
// chip or a checkbox some tens of milliseconds before the click that answers,
// so the engine can work in that time instead of after the click.

/**
 * Keeps the outcome of one engine call made ahead of the answer it is for.
 *
 * `ahead(request, matrix)` computes the result of the answers a pressed
 * control is about to give; `take(request, matrix)` returns that outcome when
 * the answer that came is the same request on the same matrix, and computes
 * anew otherwise (a press released off the control, another control, another
 * matrix). The outcome is what computing at the answer would give: the
 * engine is deterministic (seeded sampling), and an error thrown during the
 * press (invalid answers, or a trap after which the engine was restarted) is
 * thrown by `take` instead, so the widget shows and reports it as it would
 * have. Either way the kept outcome is dropped: it serves one answer.
 *
 * @param {(request: object) => object} compute the engine's recommend for the current matrix
 */
export function resultAhead(compute) {
  let kept = null;
  return {
    ahead(request, matrix) {
      kept = { key: JSON.stringify(request), matrix };
      try {
        kept.result = compute(request);
      } catch (error) {
        kept.error = error;
      }
    },
    take(request, matrix) {
      const k = kept;
      kept = null;
      if (!k || k.matrix !== matrix || k.key !== JSON.stringify(request)) return compute(request);
      if (k.error) throw k.error;
      return k.result;
    },
  };
}
