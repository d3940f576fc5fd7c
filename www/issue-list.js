// The problems of an invalid matrix, shown inside the widget: where (the
// JSON path), what, and how to fix it. Built with text nodes only, so an
// author's (or an attacker's) strings never become markup.

import { h } from './dom.js';

/** Most problems listed; the rest are counted. */
export const MAX_LISTED = 20;

/**
 * A list of `issues` (`{path, message, hint}`), or null when there are none.
 *
 * @param {{path?: string, message?: string, hint?: string}[]} issues
 * @param {object} s strings from `mcdaStrings`
 * @returns {HTMLElement | null}
 */
export function issueList(issues, s) {
  if (!Array.isArray(issues) || issues.length === 0) return null;
  const shown = issues.slice(0, MAX_LISTED);
  const items = shown.map((issue) =>
    h(
      'li',
      { class: 'issue' },
      h('code', { class: 'issue-path' }, String(issue?.path || '(root)')),
      ' ',
      h('span', { class: 'issue-message' }, String(issue?.message || '')),
      issue?.hint ? h('span', { class: 'issue-fix' }, ` ${s.issueFix} ${issue.hint}`) : null,
    ),
  );
  const more = issues.length > shown.length ? h('p', { class: 'issue-more' }, s.moreIssues(issues.length - shown.length)) : null;
  return h(
    'div',
    { class: 'issues', part: 'issues' },
    h('p', { class: 'issues-heading' }, s.issuesHeading(issues.length)),
    h('ul', { class: 'issue-items' }, ...items),
    more,
  );
}
