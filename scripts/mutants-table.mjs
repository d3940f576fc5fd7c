#!/usr/bin/env node
// Prints the per-module table of a cargo-mutants run (scripts/mutants.sh,
// scripts/mutants-diff.sh) from its outcomes.json, then every surviving
// mutant. Kill rate = (caught + timeout) / (caught + missed + timeout): a
// mutant that makes the tests hang is noticed too; unviable mutants (they do
// not compile) are counted apart.
//
//   node scripts/mutants-table.mjs mutants.out/outcomes.json
//   node scripts/mutants-table.mjs --markdown mutants.out/outcomes.json   # for docs/testing.md
import { readFileSync } from 'node:fs';

const args = process.argv.slice(2);
const markdown = args.includes('--markdown');
const file = args.find((a) => !a.startsWith('--')) ?? 'mutants.out/outcomes.json';

let outcomes;
try {
  outcomes = JSON.parse(readFileSync(file, 'utf8')).outcomes ?? [];
} catch (e) {
  console.error(`[mutants] cannot read ${file}: ${e.message}`);
  process.exit(1);
}

const kinds = { CaughtMutant: 'caught', MissedMutant: 'missed', Unviable: 'unviable', Timeout: 'timeout' };
const rows = new Map();
const missed = [];
for (const o of outcomes) {
  const mutant = o.scenario?.Mutant;
  const kind = kinds[o.summary];
  if (!mutant || !kind) continue;
  const row = rows.get(mutant.file) ?? { caught: 0, missed: 0, unviable: 0, timeout: 0 };
  row[kind] += 1;
  rows.set(mutant.file, row);
  if (kind === 'missed') missed.push(mutant.name);
}

const rate = (r) => {
  const viable = r.caught + r.missed + r.timeout;
  return viable === 0 ? '-' : `${((100 * (r.caught + r.timeout)) / viable).toFixed(1)}%`;
};
const total = { caught: 0, missed: 0, unviable: 0, timeout: 0 };
const lines = [...rows.keys()].sort().map((f) => {
  const r = rows.get(f);
  for (const k of Object.keys(total)) total[k] += r[k];
  return [f, r.caught, r.missed, r.unviable, r.timeout, rate(r)];
});
lines.push(['total', total.caught, total.missed, total.unviable, total.timeout, rate(total)]);
const head = ['module', 'caught', 'missed', 'unviable', 'timeout', 'kill rate'];

if (markdown) {
  console.log(`| ${head.join(' | ')} |`);
  console.log(`|${head.map((_, i) => (i === 0 ? '---' : '--:')).join('|')}|`);
  for (const l of lines) console.log(`| ${l.map((c, i) => (i === 0 && c !== 'total' ? `\`${c}\`` : c)).join(' | ')} |`);
} else {
  const width = Math.max(...lines.map((l) => String(l[0]).length), 6);
  const fmt = (l) => `${String(l[0]).padEnd(width)} ${l.slice(1).map((c, i) => String(c).padStart(head[i + 1].length)).join(' ')}`;
  console.log(`[mutants] ${fmt(head)}`);
  for (const l of lines) console.log(`[mutants] ${fmt(l)}`);
  if (missed.length > 0) {
    console.log(`[mutants] ${missed.length} surviving mutant(s) (diffs in ${file.replace(/outcomes\.json$/, 'diff/')}):`);
    for (const m of missed) console.log(`[mutants]   ${m}`);
  }
}
