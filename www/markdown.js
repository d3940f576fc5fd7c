// The recommendation as Markdown, for a blog post or a ticket (the widget's
// "Copy as Markdown"). Pure: no DOM, runs in Node.

import { formatDate, formatScores } from './format/numbers.js';
import { confidenceWord, labelOf, optionLabels, priorityWord, reasonSentence } from './format/sentences.js';
import { pickEvidence } from './format/evidence.js';
import { MAX_PRIORITY } from './format/answers.js';
import { guidanceFor } from './format/guidance.js';
import {
  barParts,
  changeSentences,
  formatProbability,
  guidanceGroups,
  outweighedSentence,
  partText,
  probabilitySentence,
  rulePoints,
  splitRules,
} from './explain.js';

/** Escapes text for Markdown so author strings cannot inject links, HTML or tables. */
export function escapeMarkdown(text) {
  return String(text ?? '')
    .replace(/\r?\n/g, ' ')
    .replace(/[\\`*_[\]#|<>~]/g, (c) => '\\' + c)
    .replace(/^(\s*)([-+=]|\d+\.)/, (m, sp, rest) => sp + '\\' + rest);
}

/** The label a reader sees for an answer, e.g. "Project: Real-time app". */
export function describeAnswers(answers, questions, t) {
  const lines = [];
  for (const q of questions || []) {
    const v = answers && answers[q.id];
    if (q.kind === 'single') {
      const c = (q.choices || []).find((ch) => ch.id === v);
      lines.push([q.label, c ? c.label : t.notSure]);
    } else if (q.kind === 'multi') {
      const picked = (q.choices || []).filter((ch) => Array.isArray(v) && v.includes(ch.id)).map((ch) => ch.label);
      lines.push([q.label, picked.length ? picked.join(', ') : t.none]);
    } else if (q.kind === 'priorities') {
      for (const item of q.items || []) {
        const level = v && typeof v[item.id] === 'number' ? v[item.id] : item.default ?? 0;
        lines.push([item.label, `${level}/${MAX_PRIORITY} (${priorityWord(level, t)})`]);
      }
    }
  }
  return lines;
}

/**
 * The recommendation as Markdown: verdict with the probability behind its
 * confidence word, the answers, scores (with their named parts), reasons,
 * what was outweighed, what would change it, disputes, the verdict's
 * guidance (per runtime for "Use both"; see guidanceGroups) and sources.
 * `options`: {matrix, answers, t, lang, url}.
 */
export function toMarkdown(result, { matrix, answers = {}, t, lang = 'en', url = '' }) {
  const md = escapeMarkdown;
  const labels = optionLabels(matrix, result, t);
  const verdict = result.verdict === 'hybrid' ? labelOf(labels, 'hybrid') : labelOf(labels, result.verdict);
  // Guidance cites sources the result may not: fall back to the matrix's.
  const sources = new Map([...((matrix && matrix.sources) || []), ...(result.sources || [])].map((s) => [s.id, s]));
  const order = [];
  const cite = (id) => {
    if (!sources.has(id)) return '';
    if (!order.includes(id)) order.push(id);
    return `[${order.indexOf(id) + 1}]`;
  };
  const cites = (ids) => (ids || []).map(cite).join('');
  const out = [];
  out.push(`## ${md(matrix && matrix.title ? matrix.title : t.title)}`, '');
  out.push(`**${md(t.verdictHeading)}: ${md(verdict)}** (${md(confidenceWord(result.confidence, t))})`, '');
  const probability = probabilitySentence(result, labels, t, lang);
  if (probability) out.push(md(probability), '');

  const answered = describeAnswers(answers, matrix && matrix.questions, t);
  if (answered.length) {
    out.push(`${md(t.answersHeading)}:`, '');
    for (const [label, value] of answered) out.push(`- ${md(label)}: ${md(value)}`);
    out.push('');
  }

  const scores = formatScores(result.scores, lang);
  const parts = barParts(result, matrix);
  out.push(`| ${md(t.optionColumn)} | ${md(t.scoreColumn)} | ${md(t.winsColumn)} |`, '|---|---:|---:|');
  for (const id of result.ranking || Object.keys(result.scores || {})) {
    const p = result.win_probability ? result.win_probability[id] : undefined;
    const named = (parts[id]?.parts || []).map((part) => partText(part, t, lang));
    const score = `${scores[id] ?? '—'}/100${named.length ? ` (${t.partsLabel} ${named.join(', ')})` : ''}`;
    out.push(`| ${md(labelOf(labels, id))} | ${md(score)} | ${p == null ? '—' : md(formatProbability(p, t, lang))} |`);
  }
  out.push('');

  if (result.hybrid) {
    out.push(`### ${md(t.hybridHeading)}`, '');
    if (result.hybrid.text) out.push(md(result.hybrid.text) + ' ' + cites(result.hybrid.sources), '');
    for (const part of result.hybrid.split || []) out.push(`- **${md(labelOf(labels, part.option))}**: ${md(part.role)}`);
    out.push('');
  }

  const rules = splitRules(result);
  const outweighed = result.verdict === 'hybrid' ? [] : result.outweighed || [];
  if ((result.reasons || []).length || rules.backing.length || rules.against.length || outweighed.length) {
    out.push(`### ${md(t.whyHeading)}`, '');
    for (const rule of rules.backing) {
      const points = rulePoints(rule, lang);
      out.push(`- ${md(rule.text)}${points ? ` ${md(`(${points})`)}` : ''} ${cites(rule.sources)}`.trimEnd());
    }
    for (const reason of result.reasons || []) {
      const first = pickEvidence(reason.evidence, labelOf(labels, reason.favours));
      const evidence = first ? `${md(first.text)} ${cite(first.source)}`.trimEnd() : '';
      out.push(`- ${md(reasonSentence(reason, labels, t, lang))}${evidence ? ' ' + evidence : ''}`);
    }
    for (const item of outweighed) out.push(`- ${md(outweighedSentence(item, result, labels, t, lang))}`);
    for (const rule of rules.against) {
      const points = rulePoints(rule, lang);
      out.push(`- ${md(rule.text)} ${md(`(${t.outweighedRule(points, labelOf(labels, rule.option), verdict)})`)} ${cites(rule.sources)}`.trimEnd());
    }
    out.push('');
  }

  const changes = changeSentences(result, matrix, labels, t);
  if (changes.length) {
    out.push(`### ${md(t.flipsHeading)}`, '');
    for (const s of changes) out.push(`- ${md(s)}`);
    out.push('');
  }

  if ((result.disputes || []).length) {
    out.push(`### ${md(t.disputesHeading)}`, '');
    for (const d of result.disputes) {
      out.push(`- **${md(d.topic)}**`);
      for (const side of d.sides || []) out.push(`  - ${md(labelOf(labels, side.option))}: ${md(side.text)} ${cite(side.source)}`.trimEnd());
    }
    out.push('');
  }

  const groups = guidanceGroups(guidanceFor(result, matrix), result, labels, t);
  const code = [];
  if (groups.length) {
    out.push(`### ${md(t.guidanceHeading)}`, '');
    for (const group of groups) {
      // Per runtime for "Use both": the group's heading, its sections a level down.
      const level = group.heading ? '#####' : '####';
      if (group.heading) out.push(`#### ${md(group.heading)}`, '');
      for (const { section } of group.entries) {
        out.push(`${level} ${md(section.title)}`, '');
        for (const item of section.items || []) {
          const label = item.label ? `**${md(item.label)}**: ` : '';
          out.push(`- ${label}${md(item.text)} ${cites(item.sources)}`.trimEnd());
        }
        if ((section.items || []).length) out.push('');
        // Code keeps its own blank lines: it is set aside from the clean-up below.
        if (section.code) out.push(`\u0000${code.push(codeFence(section.code, section.language)) - 1}\u0000`, '');
        if (section.note) out.push(`${md(section.note)} ${cites(section.sources)}`.trimEnd(), '');
      }
    }
  }

  if (order.length) {
    out.push(`### ${md(t.sourcesHeading)}`, '');
    order.forEach((id, i) => {
      const s = sources.get(id);
      const title = s.url && /^https?:\/\//i.test(s.url) ? `[${md(s.title)}](<${s.url.replace(/[<>\s]/g, encodeURIComponent)}>)` : md(s.title);
      const vendor = s.sponsored ? ` — ${md(t.vendor)}${s.note ? ': ' + md(s.note) : ''}` : s.note ? ` — ${md(s.note)}` : '';
      out.push(`${i + 1}. ${title}, ${md(s.publisher)}, ${md(formatDate(s.date, lang))}${vendor}`);
    });
    out.push('');
  }
  if (url) out.push(`${md(t.markdownLink)}: <${String(url).replace(/[<>\s]/g, encodeURIComponent)}>`, '');
  return (
    out
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .replace(/\u0000(\d+)\u0000/g, (_, i) => code[Number(i)])
      .trimEnd() + '\n'
  );
}

/** A fenced code block that no backtick run inside `code` can close early. */
function codeFence(code, language = '') {
  const text = String(code ?? '').replace(/\r\n?/g, '\n').replace(/\n+$/, '');
  const longest = Math.max(0, ...(text.match(/`+/g) || []).map((run) => run.length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  const lang = /^[a-z0-9-]+$/.test(language) ? language : '';
  return [fence + lang, text, fence].join('\n');
}
