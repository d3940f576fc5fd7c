// The Export panel: download the JSON, and the three snippets (element,
// iframe, WordPress shortcode) with the settings they need, each with a copy
// button. Nothing is sent anywhere: downloading makes a file on the author's
// machine, copying puts text on their clipboard.

import { el, freshId } from './dom.js';
import { embedSnippet, iframeSnippet, matrixJson, shortcode } from './export.js';
import { LOADER_TAG } from './manifest.js';

function labelled(text, control) {
  const id = control.id || (control.id = freshId());
  return el('div', { class: 'field' }, el('label', { for: id }, text), control);
}

/** Copies `text`, with the older way as a fallback (file:// pages have no clipboard API in some browsers). */
async function copy(text, area) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    area.focus();
    area.select();
    return document.execCommand?.('copy') === true;
  }
}

/**
 * The panel. `current()` gives {doc, answers, problems}; `saved()` is called
 * after the JSON was downloaded.
 *
 * @returns {{node: HTMLElement, refresh: () => Promise<void>}}
 */
export function exportPanel(current, saved) {
  const status = el('p', { class: 'status', role: 'status' });
  const here = /^https?:$/.test(location.protocol) ? new URL('./', location.href).href : 'https://example.com/stack-advisor/';
  const src = el('input', { type: 'text', autocomplete: 'off' });
  const base = el('input', { type: 'text', autocomplete: 'off' });
  base.value = here;
  const theme = el('select', {}, ...['auto', 'light', 'dark'].map((v) => el('option', { value: v }, v)));
  const inline = el('input', { type: 'checkbox', id: freshId() });
  inline.checked = true;
  const outputs = {};
  const area = (name, text) => {
    const id = freshId();
    outputs[name] = el('textarea', { id, readonly: true, rows: 5, class: 'code', spellcheck: 'false' });
    return el('div', { class: 'field wide' }, el('label', { for: id }, text), outputs[name]);
  };
  const copyButton = (text, name, what) => {
    const b = el('button', { type: 'button' }, text);
    b.addEventListener('click', async () => {
      await refresh();
      status.textContent = (await copy(outputs[name].value, outputs[name])) ? `${what} copied.` : `Select the ${what.toLowerCase()} and copy it by hand.`;
    });
    return b;
  };
  const download = el('button', { type: 'button', class: 'primary' }, 'Export JSON');
  download.addEventListener('click', () => {
    const { doc, problems } = current();
    const name = `${typeof doc.id === 'string' && /^[a-z0-9-]{1,48}$/.test(doc.id) ? doc.id : 'matrix'}.json`;
    const url = URL.createObjectURL(new Blob([matrixJson(doc)], { type: 'application/json' }));
    const a = el('a', { href: url, download: name });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
    saved();
    status.textContent = problems ? `Saved as ${name}, with ${problems} problem${problems === 1 ? '' : 's'} still to fix (the widget would list them).` : `Saved as ${name}.`;
  });

  let run = 0;
  async function refresh() {
    const mine = ++run;
    const { doc, answers } = current();
    const fileUrl = src.value.trim() || `/matrices/${typeof doc.id === 'string' ? doc.id : 'matrix'}.json`;
    src.placeholder = fileUrl;
    const settings = { loaderTag: LOADER_TAG, answers, theme: theme.value };
    outputs.embed.value = embedSnippet(doc, { ...settings, src: inline.checked ? '' : fileUrl });
    outputs.shortcode.value = shortcode({ src: fileUrl, answers, theme: theme.value });
    let folder = base.value.trim() || here;
    if (!folder.endsWith('/')) folder += '/';
    const frame = await iframeSnippet(doc, { base: folder, src: fileUrl, answers, theme: theme.value });
    if (mine === run) outputs.iframe.value = frame.html;
  }
  for (const input of [src, base, theme, inline]) input.addEventListener(input.type === 'text' ? 'input' : 'change', () => refresh());

  const node = el('div', { class: 'export' },
    el('p', {}, 'The file stays on your machine until you put it on your site. The snippets use the answers you gave in the preview as the widget\'s starting answers.'),
    el('div', { class: 'actions' }, download),
    labelled('URL of the JSON file on your site (for src and the shortcode)', src),
    labelled('Folder on your site with embed.html and stack-advisor-frame.js (for the iframe)', base),
    labelled('Theme', theme),
    el('div', { class: 'field check' }, inline, el('label', { for: inline.id }, 'Put the matrix inside the embed code (otherwise it refers to the file)')),
    area('embed', 'Embed code (script tag and element)'),
    el('div', { class: 'actions' }, copyButton('Copy embed code', 'embed', 'Embed code')),
    area('iframe', 'Iframe code'),
    el('div', { class: 'actions' }, copyButton('Copy iframe code', 'iframe', 'Iframe code')),
    area('shortcode', 'WordPress shortcode'),
    el('div', { class: 'actions' }, copyButton('Copy shortcode', 'shortcode', 'Shortcode')),
    status,
  );
  return { node, refresh };
}
