// Keyed children for <stack-advisor>'s result: an answer change rewrites
// only the parts of the result whose content changed, and keeps the nodes of
// the rest (their layout, their focus, an open citation). Each part is an
// item with a key that stands for everything its node was built from; an
// item whose key matches a child made for an earlier item reuses that child.
// No innerHTML: items build their nodes with createElement/textContent.

/** The key each node made here was built for. */
const KEYS = new WeakMap();

/**
 * One keyed child.
 *
 * @typedef {object} KeyedItem
 * @property {string} key everything `build` depends on: a child built for
 *   the same key is reused instead of building a new one
 * @property {() => Node} build makes the node
 * @property {(node: Node) => void} [update] brings the node, new or reused,
 *   up to date with what the key leaves out (a number in a sentence, the
 *   children of a list)
 */

/**
 * Makes `parent`'s children, after its first `skip` ones, the nodes of
 * `items` in order: a child built for an item's key is reused (and moved if
 * it must be), a new one is built for every other item, and the children
 * left over are removed. A child in place is not touched, so the browser
 * has nothing to lay out again for it.
 *
 * @param {Element} parent
 * @param {KeyedItem[]} items
 * @param {number} [skip] leading children that are not keyed (a heading)
 */
export function keyedChildren(parent, items, skip = 0) {
  let at = parent.firstChild;
  for (let i = 0; i < skip && at; i++) at = at.nextSibling;
  const old = [];
  const index = new Map();
  for (; at; at = at.nextSibling) {
    const key = KEYS.get(at);
    if (key !== undefined && !index.has(key)) index.set(key, old.length);
    old.push(at);
  }
  // Each item's node and its position among the old children (-1: new).
  const from = [];
  const nodes = items.map((item) => {
    const i = index.get(item.key) ?? -1;
    let node = old[i];
    if (node) {
      index.delete(item.key);
      old[i] = null;
    } else {
      node = item.build();
      KEYS.set(node, item.key);
    }
    from.push(i);
    item.update?.(node);
    return node;
  });
  for (const node of old) node?.remove();
  // The reused nodes already in the right order stay; the others move.
  const stay = inOrder(from);
  let next = null;
  for (let j = nodes.length - 1; j >= 0; j--) {
    if (!stay.has(j)) parent.insertBefore(nodes[j], next);
    next = nodes[j];
  }
}

/**
 * The indices of a longest strictly increasing run (not necessarily
 * contiguous) of the non-negative values of `from`: the children that can
 * keep their place while the others move around them.
 */
function inOrder(from) {
  const ends = [];
  const before = [];
  from.forEach((p, j) => {
    if (p < 0) return;
    let lo = 0;
    let hi = ends.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (from[ends[mid]] < p) lo = mid + 1;
      else hi = mid;
    }
    before[j] = lo ? ends[lo - 1] : -1;
    ends[lo] = j;
  });
  const stay = new Set();
  for (let j = ends.length ? ends[ends.length - 1] : -1; j >= 0; j = before[j]) stay.add(j);
  return stay;
}

/** An item made from a key of its content: rebuilt when the key changes. */
export function fixed(key, build) {
  return { key, build };
}

/**
 * Sets an element's text only when it differs (each write is laid out
 * again). An element holding one text node keeps it and changes its data:
 * the browser then lays out the changed text, where replacing the node
 * (`textContent`) would remove one layout object and make another.
 */
export function setText(node, text) {
  const only = node.firstChild;
  if (only && only === node.lastChild && only.nodeType === 3) {
    if (only.data !== text) only.data = text;
  } else if (node.textContent !== text) {
    node.textContent = text;
  }
}

/** One key for a list of values (strings, numbers, booleans, null, arrays of them). */
export function keyOf(...values) {
  return JSON.stringify(values);
}
