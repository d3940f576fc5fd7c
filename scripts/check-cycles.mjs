#!/usr/bin/env node
// No import cycles: between the Rust modules under src/ and between the JS
// modules under www/.
//
//   node scripts/check-cycles.mjs        (run by `make lint`)
//
// Rust, one node per module file (src/x.rs, src/x/mod.rs, src/x/y.rs; the
// crate root src/lib.rs; src/bin/ is another crate and is left out). An edge
// A -> B for each `use crate::…` / `use super::…` tree and each `crate::…` or
// `super::…` path in A's code (test modules included) that names B or an item
// in B: the longest module prefix of the path that is a file. A module's own
// inline `mod tests { use super::*; }` points back at its own file and is no
// edge; nor is a path into a module's own submodules (`self::x`, `x::…` in a
// mod.rs: a folder's facade using its parts), so a part that uses
// `super::Item` from its mod.rs is no cycle.
// JS, one node per file under www/: static `import … from './x.js'`,
// `export … from './x.js'`, `import './x.js'` and dynamic `import('./x.js')`
// with a relative specifier that resolves to a file under www/ (what resolves
// elsewhere, e.g. wasm-bindgen's glue copied in at build time, is no node).
//
// A cycle is a strongly connected component of more than one file. It fails
// the check unless scripts/cycles-allowed.txt lists all its files on one line.
// Prints the counts, each cycle with the line that makes each of its edges,
// and exits 1 on a cycle that is not allowed. `--root DIR` checks another
// checkout; VERBOSE=1 also lists every edge.

import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, dirname, relative, normalize } from 'node:path';

// The repository: this script's parent folder, or `--root DIR`.
const rootArg = process.argv.indexOf('--root');
const root = rootArg > 0 ? process.argv[rootArg + 1] : join(dirname(new URL(import.meta.url).pathname), '..');
const ALLOWED_FILE = 'scripts/cycles-allowed.txt';

/** Every file under `dir` (relative to the root) whose name passes `keep`. */
function walk(dir, keep, out = []) {
  if (!existsSync(join(root, dir))) return out;
  for (const e of readdirSync(join(root, dir), { withFileTypes: true })) {
    const p = `${dir}/${e.name}`;
    if (e.isDirectory()) walk(p, keep, out);
    else if (keep(p)) out.push(p);
  }
  return out.sort();
}

/** A graph: nodes, and edges with the first place that makes each. */
class Graph {
  constructor(nodes) {
    this.nodes = nodes;
    this.edges = new Map(nodes.map((n) => [n, new Map()]));
  }
  add(from, to, where) {
    if (from === to || !this.edges.has(to)) return;
    const out = this.edges.get(from);
    if (!out.has(to)) out.set(to, where);
  }
  get edgeCount() {
    let n = 0;
    for (const out of this.edges.values()) n += out.size;
    return n;
  }
  /** Strongly connected components of two or more nodes (Tarjan). */
  cycles() {
    let index = 0;
    const idx = new Map();
    const low = new Map();
    const stack = [];
    const on = new Set();
    const found = [];
    const visit = (v) => {
      idx.set(v, index);
      low.set(v, index++);
      stack.push(v);
      on.add(v);
      for (const w of this.edges.get(v).keys()) {
        if (!idx.has(w)) {
          visit(w);
          low.set(v, Math.min(low.get(v), low.get(w)));
        } else if (on.has(w)) {
          low.set(v, Math.min(low.get(v), idx.get(w)));
        }
      }
      if (low.get(v) === idx.get(v)) {
        const scc = [];
        let w;
        do {
          w = stack.pop();
          on.delete(w);
          scc.push(w);
        } while (w !== v);
        if (scc.length > 1) found.push(scc.sort());
      }
    };
    for (const v of this.nodes) if (!idx.has(v)) visit(v);
    return found;
  }
  /** One shortest cycle through `start` inside `members`, as a list of nodes. */
  loopThrough(start, members) {
    const inside = new Set(members);
    const prev = new Map([[start, null]]);
    const queue = [start];
    while (queue.length) {
      const v = queue.shift();
      for (const w of this.edges.get(v).keys()) {
        if (!inside.has(w)) continue;
        if (w === start) {
          const path = [v];
          for (let p = prev.get(v); p !== null; p = prev.get(p)) path.unshift(p);
          return [...path, start];
        }
        if (!prev.has(w)) {
          prev.set(w, v);
          queue.push(w);
        }
      }
    }
    return [start];
  }
}

// ---- Rust ----

const rustFiles = walk('src', (p) => p.endsWith('.rs') && !p.startsWith('src/bin/'));
/** Module path (segments after `crate`) -> file. */
const modFile = new Map();
for (const f of rustFiles) {
  const rel = f.slice('src/'.length).replace(/\.rs$/, '');
  const segs = rel === 'lib' ? [] : rel.split('/');
  if (segs[segs.length - 1] === 'mod') segs.pop();
  modFile.set(segs.join('::'), f);
}
/** The file of the longest prefix of `segs` that is a module file. */
function fileOf(segs) {
  for (let n = segs.length; n >= 0; n--) {
    const f = modFile.get(segs.slice(0, n).join('::'));
    if (f) return f;
  }
  return modFile.get('');
}

/** Rust source with comments, strings and char literals blanked (newlines kept). */
function stripRust(src) {
  let out = '';
  let i = 0;
  const blank = (s) => s.replace(/[^\n]/g, ' ');
  while (i < src.length) {
    const rest = src.slice(i, i + 3);
    if (rest.startsWith('//')) {
      const end = src.indexOf('\n', i);
      const stop = end < 0 ? src.length : end;
      out += blank(src.slice(i, stop));
      i = stop;
    } else if (rest.startsWith('/*')) {
      let depth = 0;
      let j = i;
      do {
        if (src.startsWith('/*', j)) { depth++; j += 2; }
        else if (src.startsWith('*/', j)) { depth--; j += 2; }
        else j++;
      } while (depth > 0 && j < src.length);
      out += blank(src.slice(i, j));
      i = j;
    } else if (/^(b?r#*")/.test(src.slice(i, i + 8)) && !/\w/.test(src[i - 1] ?? '')) {
      const m = /^b?r(#*)"/.exec(src.slice(i, i + 8));
      const close = `"${m[1]}`;
      const end = src.indexOf(close, i + m[0].length);
      const stop = end < 0 ? src.length : end + close.length;
      out += blank(src.slice(i, stop));
      i = stop;
    } else if (src[i] === '"') {
      let j = i + 1;
      while (j < src.length && src[j] !== '"') j += src[j] === '\\' ? 2 : 1;
      out += blank(src.slice(i, j + 1));
      i = j + 1;
    } else if (src[i] === "'" && /^'(\\.[^']*|[^\\'\n])'/.test(src.slice(i, i + 12))) {
      const m = /^'(\\.[^']*|[^\\'\n])'/.exec(src.slice(i, i + 12));
      out += blank(m[0]);
      i += m[0].length;
    } else {
      out += src[i++];
    }
  }
  return out;
}

/** Expands a `use` tree (`a::{b, c::d}`) into its paths, each a list of segments. */
function expandUse(tree) {
  const t = tree.replace(/\s+/g, '');
  const brace = t.indexOf('{');
  if (brace < 0) return [t.split('::').filter((s) => s && s !== '*')];
  const prefix = t.slice(0, brace).split('::').filter(Boolean);
  const inner = t.slice(brace + 1, t.lastIndexOf('}'));
  const parts = [];
  let depth = 0;
  let start = 0;
  for (let k = 0; k < inner.length; k++) {
    if (inner[k] === '{') depth++;
    else if (inner[k] === '}') depth--;
    else if (inner[k] === ',' && depth === 0) {
      parts.push(inner.slice(start, k));
      start = k + 1;
    }
  }
  parts.push(inner.slice(start));
  return parts.filter(Boolean).flatMap((p) => expandUse(p).map((s) => [...prefix, ...s]));
}

const rust = new Graph(rustFiles);
for (const file of rustFiles) {
  const code = stripRust(readFileSync(join(root, file), 'utf8'));
  const fileMod = [...modFile].find(([, f]) => f === file)[0];
  const base = fileMod ? fileMod.split('::') : [];
  // Inline modules: each `mod name {` opens a module until its brace closes.
  const inline = [];
  let depth = 0;
  const lineAt = (k) => code.slice(0, k).split('\n').length;
  /** Resolves a path (its `crate`/`super`/`self` head included) from the current module. */
  const resolve = (segs, k) => {
    let mod = [...base, ...inline.map((m) => m.name)];
    let s = segs;
    if (s[0] === 'crate') {
      mod = [];
      s = s.slice(1);
    } else if (s[0] === 'super' || s[0] === 'self') {
      while (s[0] === 'super' || s[0] === 'self') {
        if (s[0] === 'super') mod = mod.slice(0, -1);
        s = s.slice(1);
      }
    } else {
      return;
    }
    s = s.map((x) => x.replace(/^r#/, '')).filter((x) => x !== 'self');
    rust.add(file, fileOf([...mod, ...s]), `${file}:${lineAt(k)}`);
  };
  const token = /\bmod\s+(\w+)\s*\{|\{|\}|\buse\s+([^;]+);|(?<![\w$:])((?:crate|super)(?:::(?:r#)?\w+)+)/g;
  for (const m of code.matchAll(token)) {
    if (m[1]) {
      depth++;
      inline.push({ name: m[1], depth });
    } else if (m[0] === '{') {
      depth++;
    } else if (m[0] === '}') {
      if (inline.length && inline[inline.length - 1].depth === depth) inline.pop();
      depth--;
    } else if (m[2]) {
      // A use tree's braces are part of the statement, not of the code's nesting.
      for (const segs of expandUse(m[2])) if (/^(crate|super)$/.test(segs[0])) resolve(segs, m.index);
    } else if (m[3]) {
      resolve(m[3].split('::'), m.index);
    }
  }
}

// ---- JS ----

const jsFiles = walk('www', (p) => /\.m?js$/.test(p));
const js = new Graph(jsFiles);
for (const file of jsFiles) {
  const code = readFileSync(join(root, file), 'utf8');
  const spec =
    /(?:\bimport\s*(?:[\w*{}\s,$]+\s*from\s*)?|\bexport\s*[\w*{}\s,$]+\s*from\s*|\bimport\s*\(\s*)(['"])(\.{1,2}\/[^'"]+)\1/g;
  for (const m of code.matchAll(spec)) {
    const target = normalize(join(dirname(file), m[2]));
    const line = code.slice(0, m.index).split('\n').length;
    js.add(file, target, `${file}:${line}`);
  }
}

// ---- Report ----

const allowed = existsSync(join(root, ALLOWED_FILE))
  ? readFileSync(join(root, ALLOWED_FILE), 'utf8')
      .split('\n')
      .map((text, i) => ({ line: i + 1, files: text.replace(/#.*/, '').trim().split(/\s+/).filter(Boolean) }))
      .filter((a) => a.files.length)
  : [];
const used = new Set();
let failed = 0;
console.log(
  `check-cycles: Rust: ${rust.nodes.length} modules, ${rust.edgeCount} edges; ` +
    `JS: ${js.nodes.length} modules, ${js.edgeCount} edges`,
);
for (const [name, graph] of [['Rust', rust], ['JS', js]]) {
  for (const scc of graph.cycles()) {
    const entry = allowed.find((a) => scc.every((f) => a.files.includes(f)));
    if (entry) used.add(entry);
    else failed++;
    const loop = graph.loopThrough(scc[0], scc);
    // Each file with the line that makes its edge to the next one.
    const steps = loop.slice(0, -1).map((from, k) => graph.edges.get(from).get(loop[k + 1]));
    console.log(
      `  ${entry ? `allowed by ${ALLOWED_FILE}:${entry.line}` : 'CYCLE'} (${name}, ${scc.length} files: ${scc.join(' ')}):\n` +
        `    ${[...steps, loop[loop.length - 1]].join(' -> ')}`,
    );
  }
}
if (process.env.VERBOSE) {
  for (const g of [rust, js]) {
    for (const [from, out] of g.edges) console.log(`  ${from} -> ${[...out.keys()].join(' ') || '(none)'}`);
  }
}
for (const a of allowed) {
  if (!used.has(a)) console.log(`  ${ALLOWED_FILE}:${a.line}: no such cycle any more, remove the line`);
}
if (failed) {
  console.log(`check-cycles: ${failed} cycle${failed === 1 ? '' : 's'} (break it, see docs/architecture.md for the layers)`);
  process.exit(1);
}
console.log(`check-cycles: no cycles${used.size ? ` apart from ${used.size} allowed for now (${ALLOWED_FILE})` : ''}`);
