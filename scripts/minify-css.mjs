// Build helper: minifies the CSS that www/styles.js, www/result-styles.js and www/mcda-styles.js
// carry in template literals. esbuild minifies the JavaScript around them but
// leaves a template's text alone, so the CSS's comments and indentation would
// otherwise ship in the bundle (docs/size.md).
//
// Only the literal text of the templates changes; every `${…}` expression
// (which may hold templates of its own) is copied as written. The rules are
// ones that cannot change what the CSS means: comments go, runs of whitespace
// become one space, and the space next to `{ } ; , >` and after a
// declaration's colon goes. A space *before* a colon stays (`a :hover` is not
// `a:hover`).

/** Where the CSS templates start: `String.raw` followed by a backtick, and `DARK = ` + backtick. */
const OPENERS = ['String.raw`', 'DARK = `'];

/** Minifies one piece of CSS text (no `${…}` inside). */
export function minifyCss(text) {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/ ?([{};,>]) ?/g, '$1')
    .replace(/: /g, ':')
    .replace(/;}/g, '}');
}

/**
 * Returns `source` with the literal text of its CSS templates minified.
 * Throws when a template does not end (the source is then not what this
 * helper expects, and the build must stop rather than ship a broken file).
 */
export function minifyCssTemplates(source) {
  let out = '';
  let from = 0;
  for (;;) {
    const starts = OPENERS.map((opener) => source.indexOf(opener, from)).filter((at) => at >= 0);
    if (!starts.length) break;
    const start = Math.min(...starts);
    const opener = OPENERS.find((candidate) => source.startsWith(candidate, start));
    const bodyStart = start + opener.length;
    const { end, pieces } = readTemplate(source, bodyStart);
    out += source.slice(from, bodyStart);
    for (const piece of pieces) out += piece.css ? minifyCss(piece.text) : piece.text;
    out += '`';
    from = end + 1;
  }
  return out + source.slice(from);
}

/**
 * Reads a template literal whose text starts at `at` (just after the opening
 * backtick): `{end}` is the index of its closing backtick, `pieces` its text
 * runs (`css: true`) and `${…}` expressions (`css: false`, copied verbatim).
 */
function readTemplate(source, at) {
  const pieces = [];
  let text = at;
  let i = at;
  while (i < source.length) {
    const char = source[i];
    if (char === '\\') {
      i += 2;
    } else if (char === '`') {
      pieces.push({ css: true, text: source.slice(text, i) });
      return { end: i, pieces };
    } else if (char === '$' && source[i + 1] === '{') {
      pieces.push({ css: true, text: source.slice(text, i) });
      const close = skipExpression(source, i + 2);
      pieces.push({ css: false, text: source.slice(i, close + 1) });
      i = close + 1;
      text = i;
    } else {
      i += 1;
    }
  }
  throw new Error('minify-css: a CSS template literal does not end');
}

/** Index of the `}` that closes a `${` expression starting at `at`. */
function skipExpression(source, at) {
  let depth = 0;
  let i = at;
  while (i < source.length) {
    const char = source[i];
    if (char === '`') {
      i = readTemplate(source, i + 1).end + 1;
      continue;
    }
    if (char === "'" || char === '"') {
      i = source.indexOf(char, i + 1) + 1;
      if (i === 0) break;
      continue;
    }
    if (char === '{') depth += 1;
    if (char === '}') {
      if (depth === 0) return i;
      depth -= 1;
    }
    i += 1;
  }
  throw new Error('minify-css: a ${…} expression in a CSS template does not end');
}

/** esbuild plugin: applies `minifyCssTemplates` to the style modules of www/. */
export function cssTemplatesPlugin(files) {
  return {
    name: 'css-templates',
    setup(build) {
      build.onLoad({ filter: /\.js$/ }, async (args) => {
        if (!files.includes(args.path)) return undefined;
        const { readFile } = await import('node:fs/promises');
        return { contents: minifyCssTemplates(await readFile(args.path, 'utf8')), loader: 'js' };
      });
    },
  };
}
