// What the builder's forms edit: every part of the decision matrix format
// (docs/matrix-format.md), described once as data. form.js draws a form from
// these descriptions and safe-json.js checks an imported file's shape against
// them, so whatever imports cleanly, the form can show.
//
// A field is {key, label, kind, required?, show?}. Kinds:
//   id, text        one-line text         long    a textarea
//   number          a number (kept as typed when it is not one: the engine says why)
//   bool            a checkbox (false is left out)
//   choice          a <select> of `values`
//   ref             a <select> of the ids in one of the matrix's lists (`list`)
//   ids             ids separated by commas (a list of strings)
//   weights         one number per criterion (an object criterion id → number)
//   object          a nested object (`of`)
//   list            a list of objects (`of`), with "Add …" (`add`) and "Remove" buttons

const sourcesField = { key: 'sources', label: 'Sources (ids, separated by commas)', kind: 'ids' };

/** A question and choice that a rule or dispute is conditional on. */
export const CONDITION = {
  noun: 'condition',
  fields: [
    { key: 'question', label: 'Question', kind: 'ref', list: 'questions', required: true },
    { key: 'choice', label: 'Choice id', kind: 'id', required: true },
  ],
  make: () => ({ question: '', choice: '' }),
};

const GUIDANCE_ITEM = {
  noun: 'item',
  fields: [
    { key: 'label', label: 'Label', kind: 'text' },
    { key: 'text', label: 'Text', kind: 'long', required: true },
    { ...sourcesField, required: true },
  ],
  make: () => ({ text: '', sources: [] }),
};

/** A guidance section: next steps when an option (or a "use both" rule) wins. */
export const GUIDANCE = {
  noun: 'guidance section',
  fields: [
    { key: 'id', label: 'Id', kind: 'id', required: true },
    { key: 'kind', label: 'Kind', kind: 'choice', values: ['list', 'code'], required: true },
    { key: 'title', label: 'Title', kind: 'text', required: true },
    { key: 'items', label: 'Items', kind: 'list', of: GUIDANCE_ITEM, add: 'Add item', show: (o) => o.kind !== 'code' },
    { key: 'language', label: 'Language (an id, e.g. javascript)', kind: 'id', show: (o) => o.kind === 'code' },
    { key: 'code', label: 'Code', kind: 'long', show: (o) => o.kind === 'code' },
    { key: 'note', label: 'Note', kind: 'long' },
    sourcesField,
  ],
  make: (list) => ({ id: nextId('section', list), kind: 'list', title: '', items: [] }),
  /** Switching the kind drops the other kind's fields. */
  onKind: (o) => {
    if (o.kind === 'code') {
      delete o.items;
      o.language ??= 'text';
      o.code ??= '';
    } else {
      delete o.language;
      delete o.code;
      o.items ??= [];
    }
  },
};

export const OPTION = {
  noun: 'option',
  fields: [
    { key: 'id', label: 'Id', kind: 'id', required: true },
    { key: 'label', label: 'Label', kind: 'text', required: true },
    { key: 'summary', label: 'Summary', kind: 'long' },
    { key: 'guidance', label: 'Guidance when it wins', kind: 'list', of: GUIDANCE, add: 'Add guidance section' },
  ],
  make: (list) => ({ id: nextId('option', list), label: `Option ${list.length + 1}` }),
};

const CITATION = {
  noun: 'citation',
  fields: [
    { key: 'source', label: 'Source', kind: 'ref', list: 'sources', required: true },
    { key: 'section', label: 'Section of the source', kind: 'text' },
    { key: 'text', label: 'Our own paraphrase', kind: 'long', required: true },
  ],
  make: () => ({ source: '', text: '' }),
};

export const CRITERION = {
  noun: 'criterion',
  fields: [
    { key: 'id', label: 'Id', kind: 'id', required: true },
    { key: 'label', label: 'Label', kind: 'text', required: true },
    { key: 'description', label: 'Description', kind: 'long' },
    { key: 'direction', label: 'Direction', kind: 'choice', values: ['benefit', 'cost'] },
    { key: 'weight', label: 'Built-in weight', kind: 'number' },
    { key: 'segment', label: 'Shown apart in the bars', kind: 'bool' },
    { key: 'evidence', label: 'Citations', kind: 'list', of: CITATION, add: 'Add citation' },
  ],
  make: (list) => ({ id: nextId('criterion', list), label: `Criterion ${list.length + 1}`, weight: 1 }),
};

export const SOURCE = {
  noun: 'source',
  fields: [
    { key: 'id', label: 'Id', kind: 'id', required: true },
    { key: 'title', label: 'Title', kind: 'text', required: true },
    { key: 'publisher', label: 'Publisher', kind: 'text', required: true },
    { key: 'date', label: 'Date (YYYY, YYYY-MM or YYYY-MM-DD)', kind: 'text', required: true },
    { key: 'url', label: 'URL', kind: 'text' },
    { key: 'sponsored', label: 'Sponsored (the publisher sells one side)', kind: 'bool' },
    { key: 'note', label: 'Note', kind: 'long' },
  ],
  make: (list) => ({ id: nextId('source', list), title: '', publisher: '', date: String(new Date().getFullYear()) }),
};

const CHOICE = {
  noun: 'choice',
  fields: [
    { key: 'id', label: 'Id', kind: 'id', required: true },
    { key: 'label', label: 'Label', kind: 'text', required: true },
    { key: 'weights', label: 'Adds to the weight of', kind: 'weights' },
  ],
  make: (list) => ({ id: nextId('choice', list), label: `Choice ${list.length + 1}` }),
};

const ITEM = {
  noun: 'priority',
  fields: [
    { key: 'id', label: 'Id', kind: 'id', required: true },
    { key: 'label', label: 'Label', kind: 'text', required: true },
    { key: 'criteria', label: 'Weight added per slider step', kind: 'weights', required: true },
    { key: 'default', label: 'Slider default (0–5)', kind: 'number' },
  ],
  make: (list) => ({ id: nextId('priority', list), label: `Priority ${list.length + 1}`, criteria: {} }),
};

export const QUESTION = {
  noun: 'question',
  fields: [
    { key: 'id', label: 'Id', kind: 'id', required: true },
    { key: 'kind', label: 'Kind', kind: 'choice', values: ['single', 'multi', 'priorities'], required: true },
    { key: 'label', label: 'Label', kind: 'text', required: true },
    { key: 'help', label: 'Help', kind: 'text' },
    { key: 'choices', label: 'Choices', kind: 'list', of: CHOICE, add: 'Add choice', show: (o) => o.kind !== 'priorities' },
    { key: 'items', label: 'Priorities (0–5 sliders)', kind: 'list', of: ITEM, add: 'Add priority', show: (o) => o.kind === 'priorities' },
  ],
  make: (list) => ({ id: nextId('question', list), kind: 'single', label: '', choices: [] }),
  onKind: (o) => {
    if (o.kind === 'priorities') {
      delete o.choices;
      o.items ??= [];
    } else {
      delete o.items;
      o.choices ??= [];
    }
  },
};

const GROUP = {
  noun: 'group',
  fields: [
    { key: 'option', label: 'Option', kind: 'ref', list: 'options', required: true },
    { key: 'criteria', label: 'Criteria (ids, separated by commas)', kind: 'ids', required: true },
    { key: 'min_weight', label: 'Least weight', kind: 'number', required: true },
    { key: 'lead_weight', label: 'Least weight when it leads', kind: 'number' },
  ],
  make: () => ({ option: '', criteria: [], min_weight: 1 }),
};

const SPLIT = {
  noun: 'role',
  fields: [
    { key: 'option', label: 'Option', kind: 'ref', list: 'options', required: true },
    { key: 'role', label: 'What it does', kind: 'text', required: true },
  ],
  make: () => ({ option: '', role: '' }),
};

export const RULE = {
  noun: 'rule',
  fields: [
    { key: 'id', label: 'Id', kind: 'id', required: true },
    { key: 'kind', label: 'Kind (override: a team rule; hybrid: "use both")', kind: 'choice', values: ['override', 'hybrid'], required: true },
    { key: 'label', label: 'Verdict label (e.g. Use both)', kind: 'text', show: (o) => o.kind === 'hybrid' },
    { key: 'text', label: 'The rule in plain words', kind: 'long', required: true },
    sourcesField,
    { key: 'when', label: 'When this answer is given', kind: 'object', of: CONDITION, show: (o) => o.kind !== 'hybrid' },
    { key: 'option', label: 'Option it favours', kind: 'ref', list: 'options', show: (o) => o.kind !== 'hybrid' },
    { key: 'within', label: 'Points added (0–100)', kind: 'number', show: (o) => o.kind !== 'hybrid' },
    { key: 'groups', label: 'Groups', kind: 'list', of: GROUP, add: 'Add group', show: (o) => o.kind === 'hybrid' },
    { key: 'split', label: 'Split', kind: 'list', of: SPLIT, add: 'Add role', show: (o) => o.kind === 'hybrid' },
    { key: 'guidance', label: 'Guidance', kind: 'list', of: GUIDANCE, add: 'Add guidance section', show: (o) => o.kind === 'hybrid' },
  ],
  make: (list) => ({ id: nextId('rule', list), kind: 'override', text: '', when: { question: '', choice: '' }, option: '', within: 10 }),
  onKind: (o) => {
    if (o.kind === 'hybrid') {
      for (const key of ['when', 'option', 'within']) delete o[key];
      o.label ??= 'Use both';
      o.groups ??= [];
    } else {
      for (const key of ['label', 'groups', 'split', 'guidance']) delete o[key];
      o.when ??= { question: '', choice: '' };
      o.option ??= '';
    }
  },
};

const SIDE = {
  noun: 'side',
  fields: [
    { key: 'option', label: 'Option it favours', kind: 'ref', list: 'options', required: true },
    { key: 'source', label: 'Source', kind: 'ref', list: 'sources', required: true },
    { key: 'section', label: 'Section of the source', kind: 'text' },
    { key: 'text', label: 'Our own paraphrase', kind: 'long', required: true },
  ],
  make: () => ({ option: '', source: '', text: '' }),
};

export const DISPUTE = {
  noun: 'dispute',
  fields: [
    { key: 'id', label: 'Id', kind: 'id', required: true },
    { key: 'topic', label: 'Topic', kind: 'text', required: true },
    { key: 'when', label: 'Shown when any of these answers is given (always when none)', kind: 'list', of: CONDITION, add: 'Add condition' },
    { key: 'sides', label: 'Sides', kind: 'list', of: SIDE, add: 'Add side' },
  ],
  make: (list) => ({ id: nextId('dispute', list), topic: '', sides: [] }),
};

const CONFIDENCE = {
  noun: 'confidence',
  fields: [
    { key: 'clear', label: '"Clear" from this win probability', kind: 'number', required: true },
    { key: 'lean', label: '"Leaning" from this win probability', kind: 'number', required: true },
  ],
};

/** The matrix's own fields (the lists have panels of their own). */
export const MATRIX = {
  noun: 'matrix',
  fields: [
    { key: 'id', label: 'Matrix id', kind: 'id', required: true },
    { key: 'title', label: 'Title (the question it answers)', kind: 'text', required: true },
    { key: 'confidence', label: 'Confidence words (optional)', kind: 'object', of: CONFIDENCE },
  ],
};

/** The lists of the matrix, in the order of their panels. `scores` has a grid of its own. */
export const LISTS = [
  { key: 'options', title: 'Options', of: OPTION, add: 'Add option' },
  { key: 'criteria', title: 'Criteria', of: CRITERION, add: 'Add criterion' },
  { key: 'sources', title: 'Sources', of: SOURCE, add: 'Add source' },
  { key: 'questions', title: 'Questions', of: QUESTION, add: 'Add question' },
  { key: 'rules', title: 'Rules', of: RULE, add: 'Add rule' },
  { key: 'disputes', title: 'Disputes', of: DISPUTE, add: 'Add dispute' },
];

/** `prefix-N` with the smallest N ≥ list.length + 1 not yet used as an id in `list`. */
export function nextId(prefix, list) {
  const used = new Set((list || []).map((entry) => entry?.id));
  let n = (list || []).length + 1;
  while (used.has(`${prefix}-${n}`)) n += 1;
  return `${prefix}-${n}`;
}
