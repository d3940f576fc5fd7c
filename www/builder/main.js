// The matrix builder (builder.html): start from a matrix or a file, edit it
// in forms, see it in the real widget, export it. Everything happens in this
// page: nothing is stored or sent unless the author downloads a file.

import { calibrationPanel } from './calibrate.js';
import { el, getAt, pathText, setAt } from './dom.js';
import { ahpWeights, defaultMatrix, init, validateMatrix } from './engine.js';
import { exportPanel } from './export-panel.js';
import { fields, list } from './form.js';
import { dropScores, fillScores, scoreGrid, scoreIndex } from './grid.js';
import { History } from './history.js';
import { reveal, showIssues } from './issues.js';
import { Preview } from './preview.js';
import { renameRefs } from './refs.js';
import { ImportError, parseImport } from './safe-json.js';
import { LISTS, MATRIX } from './spec.js';
import { blankMatrix, postgresMatrix } from './starts.js';

const $ = (id) => document.getElementById(id);
const form = $('form');
const summary = $('issues');
const history = new History(blankMatrix());
const preview = new Preview($('preview'), $('preview-status'));
let engineReady = false;
let problems = 0;

/** The list panels' hooks: adding or removing an option or criterion adds or removes its scores. */
const HOOKS = {
  options: { onAdd: fillScores, onRemove: (doc, entry) => dropScores(doc, 'option', entry?.id) },
  criteria: { onAdd: fillScores, onRemove: (doc, entry) => dropScores(doc, 'criterion', entry?.id) },
};

/** Re-checks the matrix: messages at their fields, the preview, the buttons. */
function check() {
  const doc = history.doc;
  const issues = engineReady ? validateMatrix(doc) : [];
  problems = issues.length;
  showIssues(form, summary, issues);
  if (engineReady) preview.update(doc, problems);
  syncButtons();
  clearTimeout(exportTimer);
  exportTimer = setTimeout(() => exporter.refresh(), 500);
}
let exportTimer = 0;

let checkTimer = 0;
function checkSoon() {
  clearTimeout(checkTimer);
  checkTimer = setTimeout(check, 150);
}

function syncButtons() {
  $('undo').disabled = !history.canUndo;
  $('redo').disabled = !history.canRedo;
  $('saved-state').textContent = history.dirty ? 'Unsaved changes' : 'No unsaved changes';
}

/** Ids that other fields offer as choices: a change redraws once the field is left. */
const REDRAW_ON_LEAVE = /^(options|criteria|sources|questions)\[\d+\]\.id$/;
/** Labels shown elsewhere (the grid's headings, the weight fields): those follow as the author types. */
const LABEL = /^(options|criteria)\[\d+\]\.label$/;
let redrawAfterLeave = false;

const ctx = {
  doc: () => history.doc,
  edit(path, value) {
    const key = pathText(path);
    history.change(key, (doc) => {
      const before = getAt(doc, path);
      setAt(doc, path, value);
      if (path.length === 3 && path[2] === 'id') renameRefs(doc, path[0], before, value);
    });
    if (REDRAW_ON_LEAVE.test(key)) redrawAfterLeave = true;
    if (LABEL.test(key)) {
      const owner = key.replace(/\.label$/, '');
      const shown = String(value || getAt(history.doc, [...path.slice(0, -1), 'id']) || '');
      for (const node of form.querySelectorAll(`[data-label-of="${CSS.escape(owner)}"]`)) node.textContent = shown;
    }
    checkSoon();
  },
  editScore(option, criterion, part, value) {
    history.change(`score:${option}:${criterion}:${part}`, (doc) => {
      let i = scoreIndex(doc, option, criterion);
      if (i < 0) {
        doc.scores ??= [];
        i = doc.scores.push({ option, criterion, value: 5 }) - 1;
      }
      setAt(doc, ['scores', i, part], value);
    });
    checkSoon();
  },
  mutate(change, focusKey) {
    history.change(null, change);
    render(focusKey);
  },
};

form.addEventListener('change', () => {
  if (!redrawAfterLeave) return;
  redrawAfterLeave = false;
  history.seal();
  // After the focus has moved on, so that it comes back to where it went.
  setTimeout(() => render(), 0);
});
form.addEventListener('focusout', () => history.seal());

/** One collapsible panel of the form; its open state survives redraws. */
const openPanels = new Set(['matrix', 'options', 'criteria', 'scores']);
function panel(name, title, ...content) {
  const details = el('details', { class: 'panel', 'data-panel': name, open: openPanels.has(name) }, el('summary', {}, el('h2', {}, title)), ...content);
  details.addEventListener('toggle', () => (details.open ? openPanels.add(name) : openPanels.delete(name)));
  return details;
}

/** Draws the whole form from the document; focus returns to `focusKey` or where it was. */
function render(focusKey) {
  const active = document.activeElement;
  const key = focusKey || (form.contains(active) ? active.dataset.key : null);
  const caret = active && 'selectionStart' in active ? [active.selectionStart, active.selectionEnd] : null;
  const doc = history.doc;
  const panels = [panel('matrix', 'Matrix', ...fields(MATRIX, doc, [], ctx))];
  for (const spec of LISTS) {
    const content = [list({ ...spec, ...HOOKS[spec.key] }, doc, [], ctx)];
    if (spec.key === 'criteria') content.push(el('div', { class: 'calibrate-box' }, engineReady ? calibrationPanel(doc, { ahpWeights }, setWeights) : el('p', { class: 'note' }, 'Calibration appears once the engine has loaded.')));
    panels.push(panel(spec.key, spec.title, ...content));
    if (spec.key === 'criteria') panels.push(panel('scores', 'Scores', scoreGrid(doc, ctx)));
  }
  form.replaceChildren(...panels);
  const target = key ? form.querySelector(`[data-key="${CSS.escape(key)}"]`) : null;
  if (target) {
    reveal(target);
    if (caret && target === form.querySelector(`[data-key="${CSS.escape(key)}"]`) && !focusKey && 'setSelectionRange' in target && target.type === 'text') {
      try {
        target.setSelectionRange(...caret);
      } catch {
        // not a text control
      }
    }
  }
  check();
}

function setWeights(weights) {
  history.change(null, (doc) => {
    for (const c of doc.criteria || []) if (Object.hasOwn(weights, c.id)) c.weight = weights[c.id];
  });
  // The inputs show the new weights; the panel stays as it is.
  for (const [i, c] of (history.doc.criteria || []).entries()) {
    const input = form.querySelector(`[data-path="${CSS.escape(`criteria[${i}].weight`)}"]`);
    if (input) input.value = String(c.weight ?? '');
  }
  check();
}

function say(text, bad = false) {
  const box = $('start-message');
  box.textContent = text;
  box.classList.toggle('bad', bad);
}

/** Replaces the work with `doc`, as one step Undo takes back. */
function open(doc, what) {
  const had = history.dirty;
  history.replace(doc, { saved: true });
  say(`${what}.${had ? ' Undo brings back the matrix you were editing.' : ''}`);
  render();
  $('form').querySelector('input, select, textarea')?.focus();
}

async function importFile(file) {
  if (!file) return;
  try {
    if (file.size > 256 * 1024) parseImport('', file.size);
    const doc = parseImport(await file.text(), file.size);
    open(doc, `Imported ${file.name}`);
  } catch (error) {
    say(error instanceof ImportError ? `Not imported: ${error.message}.` : `Not imported: the file could not be read (${error?.message || error}).`, true);
  }
}

$('start-blank').addEventListener('click', () => open(blankMatrix(), 'Started a new matrix'));
$('start-node').addEventListener('click', () => engineReady && open(defaultMatrix(), 'Opened the Node.js-or-Python matrix'));
$('start-postgres').addEventListener('click', () => open(postgresMatrix(), 'Opened the PostgreSQL-or-MongoDB example'));
$('import').addEventListener('click', () => $('import-file').click());
$('import-file').addEventListener('change', (event) => {
  importFile(event.target.files?.[0]);
  event.target.value = '';
});
document.addEventListener('dragover', (event) => {
  if ([...(event.dataTransfer?.types || [])].includes('Files')) event.preventDefault();
});
document.addEventListener('drop', (event) => {
  const file = event.dataTransfer?.files?.[0];
  if (!file) return;
  event.preventDefault();
  importFile(file);
});

for (const [id, step] of [['undo', () => history.undo()], ['redo', () => history.redo()]]) {
  $(id).addEventListener('click', () => {
    if (step()) render($(id).disabled ? null : id);
    if ($(id).disabled) (id === 'undo' ? $('redo') : $('undo')).focus();
  });
}

/**
 * Ctrl+Z (⌘Z) undoes and Ctrl+Shift+Z or Ctrl+Y redoes the builder's steps
 * anywhere in the form, text fields included, so that one history holds
 * every change; the focus stays in the field it was in. The preview (the
 * widget's own controls) and the export panel keep the browser's keys.
 */
document.addEventListener('keydown', (event) => {
  if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
  const key = event.key.toLowerCase();
  const redo = (key === 'z' && event.shiftKey) || (key === 'y' && !event.shiftKey);
  if (!redo && !(key === 'z' && !event.shiftKey)) return;
  if ($('preview').contains(event.target) || $('export-panel').contains(event.target)) return;
  event.preventDefault();
  history.seal();
  if (redo ? history.redo() : history.undo()) render();
});

addEventListener('beforeunload', (event) => {
  if (!history.dirty) return;
  event.preventDefault();
  event.returnValue = '';
});

const exporter = exportPanel(() => ({ doc: history.doc, answers: preview.answers, problems }), () => {
  history.markSaved();
  syncButtons();
});
$('export-panel').append(exporter.node);
$('export-panel').hidden = false;
$('preview').addEventListener('stack-advisor-change', () => exporter.refresh());

render();
init().then(
  () => {
    engineReady = true;
    $('start-node').disabled = false;
    document.documentElement.dataset.engine = 'ready';
    $('engine-state').textContent = '';
    render();
  },
  (error) => {
    $('engine-state').textContent = `The engine could not be loaded, so the matrix cannot be checked or previewed (${error?.message || error}).`;
  },
);
