// Shows the engine's messages (`validateMatrix`: {path, message, hint}) next
// to the field their path names, and summarised at the top with a link to
// each. A path names a control by its `data-path` (form.js, grid.js); when no
// control has that exact path, the nearest enclosing one takes the message
// ("scores[2]" is the score's cell, "options" the list of options). A
// duplicate id ("options": the id "x" is used more than once) goes to every
// id field holding it.

import { el, freshId } from './dom.js';

/** Most messages shown at their fields (the summary says how many more). */
const MAX_SHOWN = 200;

const DUPLICATE = /^the id "(.*)" is used more than once$/;

/** The path one step up: "a[1].b" → "a[1]" → "a" → null. */
function parentPath(path) {
  const cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
  return cut > 0 ? path.slice(0, cut) : null;
}

const byPath = (root, path) => root.querySelector(`[data-path="${CSS.escape(path)}"]`);

/** The elements that should carry `issue`. */
function targetsOf(root, issue) {
  const duplicate = DUPLICATE.exec(issue.message);
  if (duplicate) {
    const ids = [...root.querySelectorAll('[data-path]')].filter((node) => {
      const p = node.dataset.path;
      return p.startsWith(`${issue.path}[`) && /^\[\d+\]\.id$/.test(p.slice(issue.path.length)) && node.value === duplicate[1];
    });
    if (ids.length) return ids;
  }
  for (let path = issue.path; path; path = parentPath(path)) {
    const node = byPath(root, path);
    if (node) return [node];
  }
  return [root.querySelector('[data-path="id"]')].filter(Boolean);
}

/** Where a message about `target` is put: after its field, or at the top of its box. */
function place(target, note) {
  const field = target.closest('.field, .cell-field');
  if (field && target.matches('input, select, textarea')) field.append(note);
  else target.prepend(note);
}

/** Opens the <details> panels around `node`, then focuses it. */
export function reveal(node) {
  for (let p = node.parentElement; p; p = p.parentElement) if (p.localName === 'details') p.open = true;
  const focusable = node.matches('input, select, textarea, button, [tabindex]') ? node : node.querySelector('input, select, textarea, button');
  (focusable || node).focus();
}

/**
 * Draws `issues` into the form (`root`) and the summary box (`summary`);
 * clears the previous ones first.
 */
export function showIssues(root, summary, issues) {
  for (const note of root.querySelectorAll('.field-error')) note.remove();
  for (const node of root.querySelectorAll('[aria-invalid]')) {
    node.removeAttribute('aria-invalid');
    node.removeAttribute('aria-describedby');
  }
  summary.replaceChildren();
  summary.hidden = issues.length === 0;
  if (!issues.length) return;
  const links = [];
  issues.slice(0, MAX_SHOWN).forEach((issue) => {
    const targets = targetsOf(root, issue);
    const text = `${issue.message}${issue.hint ? ` (${issue.hint})` : ''}`;
    for (const target of targets) {
      const id = freshId('issue');
      place(target, el('p', { class: 'field-error', id }, text));
      if (target.matches('input, select, textarea')) {
        target.setAttribute('aria-invalid', 'true');
        const before = target.getAttribute('aria-describedby');
        target.setAttribute('aria-describedby', before ? `${before} ${id}` : id);
      }
    }
    const first = targets[0];
    if (first && !first.id) first.id = freshId('at');
    const link = el('a', { href: first ? `#${first.id}` : '#' }, issue.path, ': ', text);
    link.addEventListener('click', (event) => {
      event.preventDefault();
      if (first?.isConnected) reveal(first);
    });
    links.push(el('li', {}, link));
  });
  const more = issues.length > MAX_SHOWN ? el('p', {}, `… and ${issues.length - MAX_SHOWN} more.`) : null;
  summary.append(
    el('h2', { id: 'issues-title' }, issues.length === 1 ? '1 problem in the matrix' : `${issues.length} problems in the matrix`),
    el('p', {}, 'The preview shows the last valid matrix until they are fixed.'),
    el('ul', {}, ...links),
    ...(more ? [more] : []),
  );
}
