// Renaming an id renames what refers to it: an option's scores and rules, a
// criterion's scores and the weights answers give it, a source's citations,
// a question's conditions. Not when the new id is already taken (the engine
// then reports the duplicate, and nothing is merged by accident).

const arr = (v) => (Array.isArray(v) ? v.filter((x) => x && typeof x === 'object') : []);
const swapIn = (list, from, to) => (Array.isArray(list) ? list.map((id) => (id === from ? to : id)) : list);

function renameKey(map, from, to) {
  if (!map || typeof map !== 'object' || !Object.hasOwn(map, from) || Object.hasOwn(map, to)) return;
  const entries = Object.entries(map).map(([k, v]) => [k === from ? to : k, v]);
  for (const key of Object.keys(map)) delete map[key];
  Object.assign(map, Object.fromEntries(entries));
}

/** Every guidance section of the matrix (options' and rules'). */
const sections = (doc) => [...arr(doc.options), ...arr(doc.rules)].flatMap((o) => arr(o.guidance));

const RENAME = {
  options(doc, from, to) {
    for (const s of arr(doc.scores)) if (s.option === from) s.option = to;
    for (const r of arr(doc.rules)) {
      if (r.option === from) r.option = to;
      for (const g of [...arr(r.groups), ...arr(r.split)]) if (g.option === from) g.option = to;
    }
    for (const d of arr(doc.disputes)) for (const side of arr(d.sides)) if (side.option === from) side.option = to;
  },
  criteria(doc, from, to) {
    for (const s of arr(doc.scores)) if (s.criterion === from) s.criterion = to;
    for (const q of arr(doc.questions)) {
      for (const c of arr(q.choices)) renameKey(c.weights, from, to);
      for (const i of arr(q.items)) renameKey(i.criteria, from, to);
    }
    for (const r of arr(doc.rules)) for (const g of arr(r.groups)) g.criteria = swapIn(g.criteria, from, to);
  },
  sources(doc, from, to) {
    for (const s of arr(doc.scores)) s.sources = swapIn(s.sources, from, to);
    for (const c of arr(doc.criteria)) for (const e of arr(c.evidence)) if (e.source === from) e.source = to;
    for (const r of arr(doc.rules)) r.sources = swapIn(r.sources, from, to);
    for (const d of arr(doc.disputes)) for (const side of arr(d.sides)) if (side.source === from) side.source = to;
    for (const g of sections(doc)) {
      g.sources = swapIn(g.sources, from, to);
      for (const item of arr(g.items)) item.sources = swapIn(item.sources, from, to);
    }
  },
  questions(doc, from, to) {
    for (const r of arr(doc.rules)) if (r.when && r.when.question === from) r.when.question = to;
    for (const d of arr(doc.disputes)) for (const w of arr(d.when)) if (w.question === from) w.question = to;
  },
};

/**
 * After `doc[list][i].id` changed from `from` to `to`: renames the references.
 * Returns false when it did not (another entry already has `to`).
 */
export function renameRefs(doc, list, from, to) {
  const rename = RENAME[list];
  if (!rename || typeof from !== 'string' || from === '' || from === to) return false;
  if (arr(doc[list]).filter((entry) => entry.id === to).length > 1) return false;
  rename(doc, from, to);
  return true;
}
