// Reading README.md's fenced code blocks, and the small text helpers the
// README runner (run.mjs) uses on them. No side effects; tested by
// tests/unit/readme-blocks.test.mjs.

/**
 * Every fenced block of a Markdown document, in order.
 * @param {string} markdown
 * @returns {{lang: string, code: string, line: number, heading: string}[]}
 *   `line` is the 1-based line of the opening fence; `heading` the nearest
 *   heading above it (without the #s).
 */
export function fencedBlocks(markdown) {
  const lines = markdown.split('\n');
  const blocks = [];
  let heading = '';
  let open = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (open) {
      if (line.startsWith(open.fence) && line.slice(open.fence.length).trim() === '') {
        blocks.push({ lang: open.lang, code: open.body.join('\n'), line: open.line, heading: open.heading });
        open = null;
      } else {
        open.body.push(line);
      }
      continue;
    }
    const fence = /^(`{3,}|~{3,})\s*([\w+-]*)\s*$/.exec(line);
    if (fence) {
      open = { fence: fence[1], lang: fence[2].toLowerCase(), body: [], line: i + 1, heading };
      continue;
    }
    const title = /^#{1,6}\s+(.*)$/.exec(line);
    if (title) heading = title[1].trim();
  }
  if (open) throw new Error(`README.md line ${open.line}: a code fence that is never closed`);
  return blocks;
}

/**
 * The commands of a shell block: continuation lines joined, comment-only and
 * blank lines dropped, a trailing `# comment` split off. A comment of the form
 * `# exit N` states the exit code the command must end with (default 0).
 * @param {string} code
 * @param {number} firstLine the README line of the block's first line
 * @returns {{command: string, comment: string, exit: number, line: number}[]}
 */
export function shellCommands(code, firstLine) {
  const commands = [];
  const lines = code.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = firstLine + i;
    let text = lines[i];
    while (text.endsWith('\\') && i + 1 < lines.length) text = `${text.slice(0, -1)} ${lines[++i].trim()}`;
    if (/^\s*(#|$)/.test(text)) continue;
    const { command, comment } = splitComment(text);
    const exit = /^exit (\d+)\b/.exec(comment);
    commands.push({ command, comment, exit: exit ? Number(exit[1]) : 0, line });
  }
  return commands;
}

/** Splits `cmd  # comment` at the first `#` that follows a space outside quotes. */
function splitComment(text) {
  let quote = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = '';
      else if (c === '\\' && quote === '"') i++;
    } else if (c === "'" || c === '"') {
      quote = c;
    } else if (c === '#' && i > 0 && /\s/.test(text[i - 1])) {
      return { command: text.slice(0, i).trim(), comment: text.slice(i + 1).trim() };
    }
  }
  return { command: text.trim(), comment: '' };
}

/**
 * The JSON values a `// "node" "clear"`-style comment lists (strings,
 * numbers, true, false, null), or null when the comment is not such a list.
 * @param {string} comment
 * @returns {unknown[] | null}
 */
export function expectedValues(comment) {
  const token = /\s*("(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?(?:e[+-]?\d+)?|true|false|null)/gy;
  const values = [];
  let end = 0;
  for (let match = token.exec(comment); match; match = token.exec(comment)) {
    values.push(JSON.parse(match[1]));
    end = token.lastIndex;
  }
  return values.length > 0 && comment.slice(end).trim() === '' ? values : null;
}

/**
 * Turns a JS block's claims into checks: `console.log(a, b); // "x" "y"` must
 * log exactly those values, and `expr; // Float64Array, ...` must be an
 * instance of that global constructor. Returns the block with each such line
 * replaced by a call to `__readmeExpect(...)`/`__readmeInstance(...)`, and how many claims
 * it found.
 * @param {string} code
 * @returns {{code: string, claims: number}}
 */
export function jsClaims(code) {
  let claims = 0;
  const out = code.split('\n').map((line, index) => {
    const log = /^(\s*)console\.log\((.*)\);\s*\/\/\s*(.*)$/.exec(line);
    if (log) {
      const values = expectedValues(log[3]);
      if (values) {
        claims++;
        return `${log[1]}__readmeExpect([${log[2]}], ${JSON.stringify(values)}, ${index});`;
      }
    }
    const typed = /^(\s*)([\w.$[\]]+);\s*\/\/\s*([A-Z]\w*)\b/.exec(line);
    if (typed && typeof globalThis[typed[3]] === 'function') {
      claims++;
      return `${typed[1]}__readmeInstance(${typed[2]}, ${typed[3]}, ${JSON.stringify(typed[2])}, ${index});`;
    }
    return line;
  });
  return { code: out.join('\n'), claims };
}
