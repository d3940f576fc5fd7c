// Draws the forms that spec.js describes: one labelled control per field,
// lists with "Add …", "Move … up/down" and "Remove" buttons. Every control carries the JSON
// path of what it edits (`data-path`), which is how the engine's messages
// find their field (issues.js), and a `data-key` by which focus comes back
// to it after the form is redrawn.

import { el, freshId, getAt, pathText } from './dom.js';

const NUMBER = /^\s*-?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?\s*$/;

/** What a number field's text means: a number when it is one, else the text as typed (the engine says why it is wrong). */
export function parseNumber(text) {
  return NUMBER.test(text) ? Number(text) : text;
}

/** A field's value from its control's text, or undefined (the key is left out). */
function valueOf(field, text, checked) {
  switch (field.kind) {
    case 'bool':
      return checked ? true : undefined;
    case 'number':
      return text.trim() === '' ? (field.required ? '' : undefined) : parseNumber(text);
    case 'ids': {
      const ids = text.split(',').map((s) => s.trim()).filter(Boolean);
      return ids.length || field.required ? ids : undefined;
    }
    default:
      return text === '' && !field.required ? undefined : text;
  }
}

/** The text a control shows for a value. */
function textOf(field, value) {
  if (value === undefined || value === null) return '';
  if (field.kind === 'ids' && Array.isArray(value)) return value.join(', ');
  return String(value);
}

/**
 * The editing context the drawing functions share:
 *   doc()                         the current matrix
 *   edit(path, value, structural) sets a value (undefined deletes it); structural redraws
 *   mutate(fn)                    a structural change (add, remove, kind switch), then a redraw
 */

/** One labelled control for `field` of the object at `path`. */
function control(field, obj, path, ctx, spec) {
  const at = [...path, field.key];
  const id = freshId();
  const key = pathText(at);
  const label = el('label', { for: id }, field.label, field.required ? '' : ' (optional)');
  const common = { id, 'data-path': key, 'data-key': key };
  let input;
  if (field.kind === 'long') {
    input = el('textarea', { ...common, rows: 2 });
    input.value = textOf(field, obj[field.key]);
  } else if (field.kind === 'bool') {
    input = el('input', { ...common, type: 'checkbox' });
    input.checked = obj[field.key] === true;
    input.addEventListener('change', () => ctx.edit(at, valueOf(field, '', input.checked), false));
    return el('div', { class: 'field check' }, input, label);
  } else if (field.kind === 'choice' || field.kind === 'ref') {
    const current = obj[field.key];
    const values = field.kind === 'choice' ? field.values : (ctx.doc()[field.list] || []).map((entry) => entry?.id).filter((v) => typeof v === 'string');
    const choices = [...new Set([...(field.required ? [] : ['']), ...values, ...(current === undefined ? [''] : [String(current)])])];
    input = el('select', common, ...choices.map((v) => el('option', { value: v }, v === '' ? '(none)' : v)));
    input.value = current === undefined ? '' : String(current);
    input.addEventListener('change', () => {
      if (field.key !== 'kind') return ctx.edit(at, valueOf(field, input.value), false);
      // Another kind of question, rule or section: its other fields change too.
      ctx.mutate((doc) => {
        const target = getAt(doc, path);
        target.kind = input.value;
        spec.onKind?.(target);
      }, key);
    });
    return el('div', { class: 'field' }, label, input);
  } else {
    input = el('input', { ...common, type: 'text', inputmode: field.kind === 'number' ? 'decimal' : null, autocomplete: 'off', spellcheck: field.kind === 'id' ? 'false' : null });
    input.value = textOf(field, obj[field.key]);
  }
  input.addEventListener('input', () => ctx.edit(at, valueOf(field, input.value), false));
  return el('div', { class: `field${field.kind === 'long' ? ' wide' : ''}` }, label, input);
}

/** One number per criterion of the matrix: the object criterion id → number at `path`. */
function weightsControl(field, obj, path, ctx) {
  const at = [...path, field.key];
  const map = obj[field.key] && typeof obj[field.key] === 'object' ? obj[field.key] : {};
  const ids = [...new Set([...(ctx.doc().criteria || []).map((c) => c?.id).filter((v) => typeof v === 'string'), ...Object.keys(map)])];
  const box = el('fieldset', { class: 'weights', 'data-path': pathText(at) }, el('legend', {}, field.label));
  if (!ids.length) box.append(el('p', { class: 'note' }, 'Add criteria first.'));
  for (const criterion of ids) {
    const id = freshId();
    const key = pathText([...at, criterion]);
    const input = el('input', { id, type: 'text', inputmode: 'decimal', autocomplete: 'off', 'data-path': key, 'data-key': key });
    input.value = map[criterion] === undefined ? '' : String(map[criterion]);
    input.addEventListener('input', () => {
      const text = input.value;
      ctx.edit([...at, criterion], text.trim() === '' ? undefined : parseNumber(text), false);
    });
    const criteria = ctx.doc().criteria || [];
    const index = criteria.findIndex((c) => c?.id === criterion);
    const name = criteria[index]?.label || criterion;
    box.append(el('div', { class: 'field small' }, el('label', { for: id, 'data-label-of': index >= 0 ? `criteria[${index}]` : null }, String(name)), input));
  }
  return box;
}

/** The fields of one object of `spec` at `path`. */
export function fields(spec, obj, path, ctx) {
  const out = [];
  for (const field of spec.fields) {
    if (field.show && !field.show(obj)) continue;
    if (field.kind === 'list') out.push(list({ key: field.key, title: field.label, of: field.of, add: field.add }, obj, path, ctx));
    else if (field.kind === 'object') out.push(objectControl(field, obj, path, ctx));
    else if (field.kind === 'weights') out.push(weightsControl(field, obj, path, ctx));
    else out.push(control(field, obj, path, ctx, spec));
  }
  return out;
}

/** A nested object (e.g. a rule's `when`): its fields in a fieldset; all empty leaves it out. */
function objectControl(field, obj, path, ctx) {
  const at = [...path, field.key];
  const value = obj[field.key] && typeof obj[field.key] === 'object' ? obj[field.key] : {};
  const box = el('fieldset', { class: 'group', 'data-path': pathText(at) }, el('legend', {}, field.label));
  // An optional object whose fields are all emptied is left out as a whole.
  const sub = field.required ? ctx : {
    ...ctx,
    edit(path, v, structural) {
      const rest = { ...(getAt(ctx.doc(), at) || {}) };
      if (v === undefined || v === '') delete rest[path[path.length - 1]];
      else rest[path[path.length - 1]] = v;
      if (path.length === at.length + 1 && !Object.keys(rest).length) ctx.edit(at, undefined, structural);
      else ctx.edit(path, v, structural);
    },
  };
  box.append(...fields(field.of, value, at, sub));
  return box;
}

/** A button with a plain accessible name. */
export function button(text, key, onClick, extra = {}) {
  const b = el('button', { type: 'button', 'data-key': key, ...extra }, text);
  b.addEventListener('click', onClick);
  return b;
}

/**
 * A button that moves entry `from` of the list at `at` to `to` (order matters:
 * the widget shows options, criteria and questions in it, and ties keep it).
 * Focus follows the entry: to its button that moves the same way, or the
 * other one at the end of the list.
 */
function moveButton(text, at, from, to, ctx) {
  const way = to < from ? 'up' : 'down';
  const focusKey = (index, dir) => `${dir}:${pathText([...at, index])}`;
  return button(text, focusKey(from, way), () => {
    const length = getAt(ctx.doc(), at)?.length ?? 0;
    const atEnd = way === 'up' ? to === 0 : to === length - 1;
    ctx.mutate((doc) => {
      const arr = getAt(doc, at);
      const [entry] = arr.splice(from, 1);
      arr.splice(to, 0, entry);
    }, focusKey(to, atEnd ? (way === 'up' ? 'down' : 'up') : way));
  }, { class: 'move' });
}

/**
 * A list of objects of `listSpec.of` at `path`.`listSpec.key`: each entry in a
 * fieldset with its fields and a "Remove" button, then the "Add …" button.
 */
export function list(listSpec, parent, path, ctx) {
  const at = [...path, listSpec.key];
  const entries = Array.isArray(parent[listSpec.key]) ? parent[listSpec.key] : [];
  const key = pathText(at);
  const noun = listSpec.of.noun;
  const box = el('div', { class: 'list', 'data-path': key, tabindex: '-1' });
  if (path.length) box.append(el('p', { class: 'list-title' }, listSpec.title));
  entries.forEach((entry, i) => {
    const itemPath = [...at, i];
    const name = `${noun[0].toUpperCase()}${noun.slice(1)} ${i + 1}`;
    const legend = el('legend', {}, name);
    const item = el('fieldset', { class: 'item', 'data-path': pathText(itemPath) }, legend);
    item.append(...fields(listSpec.of, entry && typeof entry === 'object' ? entry : {}, itemPath, ctx));
    const moves = [];
    if (i > 0) moves.push(moveButton(`Move ${noun} ${i + 1} up`, at, i, i - 1, ctx));
    if (i < entries.length - 1) moves.push(moveButton(`Move ${noun} ${i + 1} down`, at, i, i + 1, ctx));
    if (moves.length) item.append(el('div', { class: 'moves' }, ...moves));
    item.append(button(`Remove ${noun} ${i + 1}`, `remove:${pathText(itemPath)}`, () => ctx.mutate((doc) => {
      const arr = getAt(doc, at);
      arr.splice(i, 1);
      if (!arr.length && !listSpec.keepEmpty && path.length) delete getAt(doc, path)[listSpec.key];
      listSpec.onRemove?.(doc, entry);
    }, `add:${key}`), { class: 'remove' }));
    box.append(item);
  });
  box.append(button(listSpec.add, `add:${key}`, () => ctx.mutate((doc) => {
    let arr = getAt(doc, at);
    if (!Array.isArray(arr)) {
      arr = [];
      if (path.length) getAt(doc, path)[listSpec.key] = arr;
      else doc[listSpec.key] = arr;
    }
    const made = listSpec.of.make(arr, doc);
    arr.push(made);
    listSpec.onAdd?.(doc, made);
  }, pathText([...at, entries.length, listSpec.of.fields[0].key])), { class: 'add' }));
  return box;
}
