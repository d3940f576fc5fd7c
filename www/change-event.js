// The event <stack-advisor> fires after every new result. Importing this
// module where there is no DOM (Node, server-side rendering) must not throw,
// so the base class is looked up rather than assumed.

/**
 * `stack-advisor-change`: its `detail` is a copy of the result, made when a
 * listener first reads it, so a page that never does pays nothing per answer.
 */
export class ChangeEvent extends (globalThis.CustomEvent || class {}) {
  #result;
  #copy;
  constructor(result) {
    super('stack-advisor-change', { bubbles: true, composed: true });
    this.#result = result;
  }
  get detail() {
    return (this.#copy ??= structuredClone(this.#result));
  }
}
