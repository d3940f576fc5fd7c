// A JSON value as the source of an ES module, for the default matrix in the
// bundle and in the npm package: `export default JSON.parse('…')` rather than
// an object literal, because JavaScript engines scan a string far faster than
// they parse a literal of the same size (the engine chunk's import: 32.8 →
// 24.7 ms median in Chromium, docs/benchmarks.md).

/** `text` as a single-quoted JavaScript string literal. */
function singleQuoted(text) {
  return `'${text.replace(/[\\']/g, '\\$&').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029')}'`;
}

/** The source of a module whose default export is `value` (JSON-compatible). */
export function jsonModule(value) {
  return `export default JSON.parse(${singleQuoted(JSON.stringify(value))});\n`;
}
