// Consumer 5: server-side import safety. In Node (no window, no DOM, no
// customElements), importing the element, its registration and the one-tag
// bundle from the packed package does not throw and registers nothing.
import assert from 'node:assert/strict';

for (const name of ['window', 'document', 'HTMLElement', 'customElements']) {
  assert.equal(typeof globalThis[name], 'undefined', `Node should have no ${name}`);
}

const element = await import('stack-advisor/element');
assert.equal(typeof element.StackAdvisorElement, 'function');
assert.equal(typeof element.StackAdvisorElement.define, 'function');

const define = await import('stack-advisor/define');
assert.equal(define.StackAdvisorElement, element.StackAdvisorElement, 'define re-exports the same class');
assert.equal(define.default, element.StackAdvisorElement);

const bundle = await import('stack-advisor/bundle');
assert.equal(typeof bundle.recommend, 'function');

// Nothing was registered or created on the way.
for (const name of ['window', 'document', 'HTMLElement', 'customElements']) {
  assert.equal(typeof globalThis[name], 'undefined', `importing created globalThis.${name}`);
}
console.log('ssr: stack-advisor/element, stack-advisor/define and stack-advisor/bundle import in Node without a DOM');
