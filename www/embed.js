// The iframe mode's page script (dist/stack-advisor-embed.js, loaded by
// embed.html): reads the settings from the frame's URL (embed-config.js),
// brings in the matrix the URL names (embed-matrix.js), places the
// <stack-advisor> (the loader, the page's other script, upgrades it) and
// reports the page's height to the parent (embed-messages.js).
//
// A setting that is wrong is said in the frame, in plain words, as text: a
// bad theme or language is ignored (the widget shows with the default), a bad
// matrix stops the widget, since showing the default one instead would answer
// a question the author did not ask.

import { normalizeHash, readConfig } from './embed-config.js';
import { fetchCheckedMatrix, inflateMatrix } from './embed-matrix.js';
import { forwardChanges, reportHeight } from './embed-messages.js';

const doc = globalThis.document;
const loc = globalThis.location;

/** A `<div role="alert">` listing `lines` (text only) under `heading`. */
function notice(heading, lines, kind) {
  const box = doc.createElement('div');
  box.className = `embed-notice ${kind}`;
  box.setAttribute('role', kind === 'fatal' ? 'alert' : 'status');
  const title = doc.createElement('p');
  title.textContent = heading;
  const list = doc.createElement('ul');
  for (const line of lines) {
    const item = doc.createElement('li');
    item.textContent = line;
    list.append(item);
  }
  box.append(title, list);
  return box;
}

/**
 * WordPress appends "#?secret=…" to the frame's URL, after any hash it
 * already had: the hash is rewritten (no history entry) so that every part
 * is "&"-separated, and the widget's answers (`sa=`) read and write beside
 * the secret, which stays.
 */
function tidyHash() {
  const hash = normalizeHash(loc.hash);
  if (hash !== loc.hash && !(hash === '' && loc.hash === '#')) {
    try {
      globalThis.history.replaceState(globalThis.history.state, '', `${loc.pathname}${loc.search}${hash}`);
    } catch {
      /* The hash is read from the normalised copy below either way. */
    }
  }
  return hash;
}

async function main() {
  const root = doc.querySelector('main') ?? doc.body;
  const hash = tidyHash();
  const config = readConfig(loc.search, hash);
  const sendHeight = reportHeight(doc.documentElement, { secret: config.secret });
  if (config.problems.length) {
    root.append(notice('This embed has settings the advisor could not use:', config.problems, 'problems'));
  }
  const fail = (lines) => {
    root.querySelector('.embed-loading')?.remove();
    root.append(notice('The advisor cannot start: its matrix is not usable.', lines, 'fatal'));
    sendHeight();
  };
  if (config.fatal.length) return fail(config.fatal);

  let json = null;
  if (config.matrix) {
    const loading = doc.createElement('p');
    loading.className = 'embed-loading';
    loading.textContent = 'Loading the matrix…';
    root.append(loading);
    try {
      const matrix = 'inline' in config.matrix
        ? await inflateMatrix(config.matrix.inline)
        : await fetchCheckedMatrix(config.matrix.src, config.matrix.integrity);
      json = JSON.stringify(matrix);
    } catch (error) {
      return fail([error?.message || String(error)]);
    }
    loading.remove();
  }

  const element = doc.createElement('stack-advisor');
  element.setAttribute('loading', 'eager');
  for (const [name, value] of Object.entries(config.attributes)) element.setAttribute(name, value);
  if (json) {
    const script = doc.createElement('script');
    script.type = 'application/json';
    // A JSON script is never run; "</" is escaped anyway, as a habit.
    script.textContent = json.replaceAll('</', '<\\/');
    element.append(script);
  }
  const fallback = doc.createElement('p');
  fallback.className = 'embed-fallback';
  fallback.textContent = 'Loading the advisor…';
  element.append(fallback);
  if (config.events) forwardChanges(element);
  root.append(element);
}

if (doc && loc) main();
