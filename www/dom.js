// A tiny DOM builder for the widget's add-on modules (matrix errors, second
// opinion, calibration). Text always goes in as text nodes, never as HTML.

/** Creates an element with attributes and children (strings become text). */
export function h(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v == null || v === false) continue;
    node.setAttribute(k, v === true ? '' : String(v));
  }
  for (const child of children.flat()) {
    if (child == null || child === false) continue;
    node.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return node;
}

let uid = 0;

/** A page-unique id for aria references (`prefix-N`). */
export function uniqueId(prefix) {
  uid += 1;
  return `sa-${prefix}-${uid}`;
}
