// Reading a matrix file the author imports: untrusted text. Everything that
// could hurt the page or make the form unable to show it is refused with a
// message in plain words, before the current work is touched: files over
// 256 KB, nesting deeper than the format's limit, `__proto__` keys, and
// values of the wrong type where the form expects a list, an object, text or
// a number. What is only wrong for the engine (a score of 11, a missing
// field) is imported and shown as an error next to its field.

import { LISTS, MATRIX } from './spec.js';

/** Largest file, in bytes: the engine's own limit. */
export const MAX_BYTES = 256 * 1024;
/** Deepest nesting of arrays and objects: the engine's own limit. */
export const MAX_DEPTH = 32;

/** A refused import: `message` says what and where. */
export class ImportError extends Error {
  name = 'ImportError';
}

/** The deepest nesting of `[` and `{` in JSON text (strings skipped), without parsing it. */
export function nestingDepth(text) {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '[' || c === '{') deepest = Math.max(deepest, ++depth);
    else if (c === ']' || c === '}') depth--;
  }
  return deepest;
}

const typeName = (v) => (v === null ? 'null' : Array.isArray(v) ? 'a list' : typeof v === 'object' ? 'an object' : typeof v === 'string' ? 'text' : `a ${typeof v}`);
const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Throws an ImportError when `value` has a `__proto__` key anywhere. */
function noProtoKeys(value, path) {
  if (Array.isArray(value)) value.forEach((v, i) => noProtoKeys(v, `${path}[${i}]`));
  else if (isObject(value)) {
    for (const key of Object.keys(value)) {
      if (key === '__proto__') throw new ImportError(`${path || 'the file'} has a "__proto__" key, which a matrix never has; the file was not imported`);
      noProtoKeys(value[key], path ? `${path}.${key}` : key);
    }
  }
}

/** Checks `value` against one field of spec.js; throws an ImportError naming the path. */
function checkField(field, value, path) {
  if (value === undefined) return;
  const wrong = (expected) => {
    throw new ImportError(`${path} should be ${expected}, not ${typeName(value)}; the file was not imported`);
  };
  switch (field.kind) {
    case 'list':
      if (!Array.isArray(value)) wrong('a list');
      value.forEach((entry, i) => checkObject(field.of, entry, `${path}[${i}]`));
      break;
    case 'object':
      checkObject(field.of, value, path);
      break;
    case 'weights':
      if (!isObject(value)) wrong('an object of criterion ids and numbers');
      for (const [key, v] of Object.entries(value)) if (typeof v !== 'number' && typeof v !== 'string') checkField({ kind: 'number' }, v, `${path}.${key}`);
      break;
    case 'ids':
      if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) wrong('a list of ids');
      break;
    case 'bool':
      if (typeof value !== 'boolean') wrong('true or false');
      break;
    case 'number':
      if (typeof value !== 'number' && typeof value !== 'string' && value !== null) wrong('a number');
      break;
    default:
      if (typeof value !== 'string') wrong('text');
  }
}

function checkObject(spec, value, path) {
  if (!isObject(value)) throw new ImportError(`${path || 'the file'} should be an object (a ${spec.noun}), not ${typeName(value)}; the file was not imported`);
  for (const field of spec.fields) checkField(field, value[field.key], path ? `${path}.${field.key}` : field.key);
}

/** The whole document's shape: the matrix's fields, its lists, and the scores. */
function checkMatrix(doc) {
  checkObject(MATRIX, doc, '');
  for (const list of LISTS) checkField({ kind: 'list', of: list.of }, doc[list.key], list.key);
  if (doc.scores !== undefined) {
    if (!Array.isArray(doc.scores)) throw new ImportError(`scores should be a list, not ${typeName(doc.scores)}; the file was not imported`);
    doc.scores.forEach((score, i) => {
      const path = `scores[${i}]`;
      if (!isObject(score)) throw new ImportError(`${path} should be an object (a score), not ${typeName(score)}; the file was not imported`);
      for (const key of ['option', 'criterion']) checkField({ kind: 'id' }, score[key], `${path}.${key}`);
      for (const key of ['value', 'low', 'high']) checkField({ kind: 'number' }, score[key], `${path}.${key}`);
      checkField({ kind: 'ids' }, score.sources, `${path}.sources`);
    });
  }
}

/**
 * Parses an imported file's text into a matrix document the form can show.
 * Throws an ImportError with a plain message otherwise.
 *
 * @param {string} text
 * @param {number} [bytes] the file's size, when known (checked before anything else)
 */
export function parseImport(text, bytes = new TextEncoder().encode(text).length) {
  if (bytes > MAX_BYTES) throw new ImportError(`the file is ${Math.ceil(bytes / 1024)} KB; a matrix is at most 256 KB, so it was not imported`);
  const depth = nestingDepth(text);
  if (depth > MAX_DEPTH) throw new ImportError(`the file nests ${depth} levels deep; a matrix nests at most ${MAX_DEPTH}, so it was not imported`);
  let doc;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    throw new ImportError(`the file is not valid JSON (${error.message}); it was not imported`);
  }
  noProtoKeys(doc, '');
  checkMatrix(doc);
  return doc;
}
