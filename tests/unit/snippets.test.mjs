// The starter endpoints in data/node-vs-python.json are real code: every
// `code` guidance section is written to a temp file and parsed by its own
// toolchain (`node --check` for JavaScript, `python3 -m py_compile` for
// Python). Parsing only: the snippets import packages (fastify, pg, fastapi,
// asyncpg) that are not installed here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const matrix = JSON.parse(readFileSync(new URL('../../data/node-vs-python.json', import.meta.url), 'utf8'));

/** Every code section of the matrix: options' guidance and hybrid rules' guidance. */
function codeSections(m) {
  const owners = [...(m.options || []), ...(m.rules || [])];
  return owners.flatMap((owner) => (owner.guidance || []).filter((s) => s.kind === 'code').map((section) => ({ owner: owner.id, section })));
}

// How each language is checked. The JavaScript starters are ES modules (top-level await).
const CHECKERS = {
  javascript: { file: 'snippet.mjs', command: process.execPath, args: (file) => ['--check', file] },
  python: { file: 'snippet.py', command: 'python3', args: (file) => ['-m', 'py_compile', file] },
};

const sections = codeSections(matrix);

test('the default matrix has a starter endpoint per option, in a language we can check', () => {
  assert.deepEqual(sections.map((s) => `${s.owner}:${s.section.language}`), ['node:javascript', 'python:python']);
});

for (const { owner, section } of sections) {
  test(`${owner} "${section.title}" (${section.language}) parses`, () => {
    const checker = CHECKERS[section.language];
    assert.ok(checker, `no checker for language ${section.language}`);
    const dir = mkdtempSync(join(tmpdir(), 'stack-advisor-snippet-'));
    try {
      const file = join(dir, checker.file);
      writeFileSync(file, section.code);
      const run = spawnSync(checker.command, checker.args(file), { encoding: 'utf8', cwd: dir });
      assert.equal(run.error, undefined, `could not run ${checker.command}: ${run.error?.message}`);
      assert.equal(run.status, 0, `${owner}/${section.id} does not parse:\n${run.stderr}${run.stdout}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}

test('the checker would catch a broken snippet', () => {
  const dir = mkdtempSync(join(tmpdir(), 'stack-advisor-snippet-'));
  try {
    for (const [language, code] of [['javascript', 'const x = ;\n'], ['python', 'def f(:\n    pass\n']]) {
      const checker = CHECKERS[language];
      const file = join(dir, checker.file);
      writeFileSync(file, code);
      const run = spawnSync(checker.command, checker.args(file), { encoding: 'utf8', cwd: dir });
      assert.notEqual(run.status, 0, `${language}: a syntax error went unnoticed`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('each starter creates its database pool once, at start-up, not per request', () => {
  for (const { owner, section } of sections) {
    const code = section.code;
    if (section.language === 'javascript') {
      assert.match(code, /^const pool = new pg\.Pool\(/m, owner);
      assert.doesNotMatch(code, /new pg\.Client\(|\.connect\(\)/, owner);
    } else {
      assert.match(code, /asyncpg\.create_pool\(/, owner);
      assert.doesNotMatch(code, /asyncpg\.connect\(/, owner);
    }
    assert.match(section.note, /connection pool once at start-up/, owner);
  }
});
