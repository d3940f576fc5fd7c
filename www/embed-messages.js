// What the iframe mode (embed.html) tells the page around it, and nothing
// else: its height, and — only when the author opts in with `events=1` — the
// verdict event.
//
//   {type: 'stack-advisor:height', height: N}      for dist/stack-advisor-frame.js
//   {type: 'stack-advisor:change', detail: {...}}  the same, with events=1
//   {message: 'height', value: N, secret}          WordPress's embed protocol, when the
//                                                  URL's hash carries its #?secret=
//
// WordPress's wp-embed.js answers {message: 'ready', secret} once it listens:
// the height is sent again then. A height is no secret, so it goes to any
// origin ('*', as WordPress's own embeds do); the verdict goes to the parent's
// origin where the browser tells it (location.ancestorOrigins).

/** The message types the frame sends (and dist/stack-advisor-frame.js accepts). */
export const HEIGHT = 'stack-advisor:height';
export const CHANGE = 'stack-advisor:change';

/**
 * Sends `root`'s height to the parent whenever it changes (a ResizeObserver),
 * and on WordPress's `ready`. Returns a function that sends it now.
 *
 * @param {Element} root the element whose height is the page's (the document element)
 * @param {{secret: string | null, parent?: Window, view?: Window}} options
 */
export function reportHeight(root, { secret, parent = globalThis.parent, view = globalThis }) {
  let last = -1;
  const height = () => Math.ceil(root.getBoundingClientRect().height);
  const send = (force) => {
    const value = height();
    if (value === last && !force) return;
    last = value;
    parent.postMessage({ type: HEIGHT, height: value }, '*');
    if (secret) parent.postMessage({ message: 'height', value, secret }, '*');
  };
  if (parent === view) return () => {};
  if (typeof ResizeObserver === 'function') new ResizeObserver(() => send(false)).observe(root);
  else view.addEventListener('resize', () => send(false));
  view.addEventListener('message', (event) => {
    const data = event.data;
    if (secret && event.source === parent && data && data.message === 'ready' && data.secret === secret) send(true);
  });
  send(true);
  return () => send(true);
}

/**
 * Forwards `element`'s `stack-advisor-change` events (the result, as plain
 * data) to the parent.
 */
export function forwardChanges(element, { parent = globalThis.parent, view = globalThis } = {}) {
  if (parent === view) return;
  const origins = view.location?.ancestorOrigins;
  const target = origins && origins.length && origins[0] !== 'null' ? origins[0] : '*';
  element.addEventListener('stack-advisor-change', (event) => {
    let detail = null;
    try {
      detail = JSON.parse(JSON.stringify(event.detail ?? null));
    } catch {
      detail = null;
    }
    parent.postMessage({ type: CHANGE, detail }, target);
  });
}
