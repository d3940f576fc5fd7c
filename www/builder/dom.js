// The builder's DOM helpers: elements from createElement and textContent
// only (never markup from strings), JSON paths as the engine writes them, and
// ids for labels.

/**
 * An element: `el('p', {class: 'x'}, 'text', child)`. Attributes are set with
 * setAttribute (`null`/`false` skips one, `true` sets it empty); strings
 * become text nodes.
 */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    node.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child);
  }
  return node;
}

/** A path as the engine's messages write it: ['options', 0, 'label'] → "options[0].label". */
export function pathText(path) {
  let text = '';
  for (const part of path) {
    if (typeof part === 'number') text += `[${part}]`;
    else text += text ? `.${part}` : part;
  }
  return text || '(root)';
}

let counter = 0;
/** A fresh element id with `prefix`. */
export function freshId(prefix = 'f') {
  counter += 1;
  return `${prefix}-${counter}`;
}

/** The value at `path` in `doc`, or undefined. */
export function getAt(doc, path) {
  let value = doc;
  for (const part of path) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, part)) return undefined;
    value = value[part];
  }
  return value;
}

/** Sets (or, for `undefined`, deletes) the value at `path`, making objects on the way. */
export function setAt(doc, path, value) {
  let parent = doc;
  for (const part of path.slice(0, -1)) {
    if (parent[part] === null || typeof parent[part] !== 'object') parent[part] = {};
    parent = parent[part];
  }
  const last = path[path.length - 1];
  if (value === undefined) delete parent[last];
  else parent[last] = value;
}
