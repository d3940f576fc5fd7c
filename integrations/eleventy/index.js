// The Eleventy plugin of the `stack-advisor` package (`stack-advisor/eleventy`;
// scripts/package.mjs ships this file as the package's eleventy.js, next to its
// dist/ folder). Eleventy 3:
//
//   import stackAdvisor from 'stack-advisor/eleventy';
//   export default function (eleventyConfig) { eleventyConfig.addPlugin(stackAdvisor); }
//
//   {% stackAdvisor %}                                               (Nunjucks, Liquid)
//   {% stackAdvisor answers='{"project":"realtime"}', theme="dark" %} (Nunjucks keyword arguments)
//   {% stackAdvisor advisor %}                    (Liquid: an object, e.g. from front matter)
//
// It copies the eight files the loader may bring in (dist/FILES) from the
// installed package into the site's output (`stack-advisor/`, no CDN), and adds
// the shortcode: on the first widget of a page the <style> that reserves the
// widget's height before the script runs (dist/reserve.css, where scripting is
// enabled) and the loader's <script> tag with its integrity hash, the element,
// and inside it the fallback (the default verdict for a widget with neither
// answers nor src, else a line saying the verdict needs JavaScript). Parameters are the element's attributes; every value is
// escaped here, and a value the element cannot use safely (a non-http(s) src,
// an unknown theme, loading, parameter or type) throws, which stops the build
// with the message.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package's dist/ folder: this file is the package's eleventy.js. */
const PACKAGE_DIST = fileURLToPath(new URL('./dist/', import.meta.url));

const STRINGS = ['answers', 'src', 'theme', 'lang', 'methods', 'loading'];
const BOOLEANS = ['compact', 'calibrate', 'no-share', 'no-sources'];
/** Nunjucks keyword arguments cannot have a hyphen in their name. */
const ALIASES = { noShare: 'no-share', noSources: 'no-sources' };
const CHOICES = { theme: ['auto', 'light', 'dark'], loading: ['lazy', 'eager'] };

/** The fallback of a widget whose verdict the build cannot know (answers or src given). */
export const NEEDS_JAVASCRIPT = '<p class="stack-advisor-fallback">This advisor needs JavaScript to show its verdict for these answers.</p>';

/** A parameter the shortcode refuses; its message names the parameter and the value. */
export class StackAdvisorParameterError extends Error {
  name = 'StackAdvisorParameterError';
}

const ENTITIES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** `value` as the text of a double-quoted HTML attribute. */
export function escapeAttribute(value) {
  return String(value).replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

/** A value for a message: quoted, cut at 200 characters. */
const shown = (value) => JSON.stringify(String(value).slice(0, 200));

/**
 * Why `src` cannot be used, or null: it must be an http(s) or a relative URL,
 * without spaces or control characters (browsers drop tabs and newlines inside
 * a URL, so "java\tscript:" would be "javascript:").
 */
export function srcProblem(src) {
  if (/^[a-z][a-z0-9+.-]*:/i.test(src) && !/^https?:\/\//i.test(src)) return `src ${shown(src)} is not an http(s) or relative URL`;
  if (/[\u0000-\u0020\u007f]/.test(src)) return `src ${shown(src)} contains a space or a control character (write a space as %20)`;
  return null;
}

/**
 * The shortcode's parameters checked and written as the element's attributes.
 * @param {unknown} params one object (Nunjucks keyword arguments, or any object), or nothing
 * @returns {{attributes: string, isDefault: boolean}} ` name="value"…` (escaped), and whether
 *   the widget shows the default verdict (neither answers nor src)
 * @throws {StackAdvisorParameterError}
 */
export function stackAdvisorAttributes(params) {
  // `{% stackAdvisor %}`: Nunjucks passes an empty string, Liquid nothing.
  if (params === undefined || params === null || params === '') params = {};
  if (typeof params !== 'object' || Array.isArray(params)) {
    throw new StackAdvisorParameterError(`stackAdvisor takes named parameters (answers="…", theme="dark") or one object of them, not ${shown(params)}`);
  }
  const values = {};
  for (const [key, value] of Object.entries(params)) {
    if (key === '__keywords') continue; // Nunjucks marks its keyword arguments so
    const name = ALIASES[key] ?? key;
    if (name === 'answers' && value !== null && typeof value === 'object' && !Array.isArray(value)) {
      values.answers = JSON.stringify(value);
    } else if (STRINGS.includes(name)) {
      if (typeof value !== 'string') throw new StackAdvisorParameterError(`stackAdvisor: ${name} must be a string${name === 'answers' ? ' of JSON or an object' : ''}, not ${shown(value)}`);
      values[name] = value;
    } else if (BOOLEANS.includes(name)) {
      if (value === true || value === 'true') values[name] = true;
      else if (value !== false && value !== 'false') throw new StackAdvisorParameterError(`stackAdvisor: ${name} must be true or false, not ${shown(value)}`);
    } else {
      throw new StackAdvisorParameterError(`stackAdvisor: unknown parameter ${shown(key)} (known: ${[...STRINGS, ...BOOLEANS].join(', ')})`);
    }
  }
  for (const [name, allowed] of Object.entries(CHOICES)) {
    if (values[name] !== undefined && !allowed.includes(values[name])) {
      throw new StackAdvisorParameterError(`stackAdvisor: ${name} must be ${allowed.join(', ')}, not ${shown(values[name])}`);
    }
  }
  if (values.src) {
    const problem = srcProblem(values.src);
    if (problem) throw new StackAdvisorParameterError(`stackAdvisor: ${problem}`);
  }
  let attributes = '';
  for (const name of STRINGS) if (values[name]) attributes += ` ${name}="${escapeAttribute(values[name])}"`;
  for (const name of BOOLEANS) if (values[name]) attributes += ` ${name}`;
  const answers = (values.answers ?? '').trim();
  return { attributes, isDefault: (answers === '' || answers === '{}') && !values.src };
}

/** The built files of the package at `dist`: the list, the loader's integrity, the fallback, the reserve CSS. */
function readBuild(dist) {
  const need = (file) => {
    const path = join(dist, file);
    if (!existsSync(path)) throw new Error(`stack-advisor/eleventy: ${path} is missing: reinstall the stack-advisor package`);
    return readFileSync(path);
  };
  const files = need('FILES').toString('utf8').split('\n').filter(Boolean);
  for (const file of files) {
    if (!/^stack-advisor[\w.-]*$/.test(file)) throw new Error(`stack-advisor/eleventy: ${join(dist, 'FILES')} names an unexpected file: ${file}`);
    need(file);
  }
  const integrity = `sha384-${createHash('sha384').update(need('stack-advisor.js')).digest('base64')}`;
  const reserve = need('reserve.css').toString('utf8').trim();
  if (!reserve || /[<\n]/.test(reserve)) throw new Error(`stack-advisor/eleventy: ${join(dist, 'reserve.css')} is not one line of CSS without "<": reinstall the stack-advisor package`);
  return { files, integrity, fallback: need('fallback.html').toString('utf8').trim(), reserve };
}

/**
 * The plugin.
 * @param {object} eleventyConfig
 * @param {{dir?: string, dist?: string}} [options] `dir`: the output folder for the files
 *   (default "stack-advisor"); `dist`: where the built files are (default: this package's dist/)
 */
export default function stackAdvisorPlugin(eleventyConfig, options = {}) {
  const dir = String(options.dir ?? 'stack-advisor').replace(/^\/+|\/+$/g, '');
  if (!/^[\w.-]+(\/[\w.-]+)*$/.test(dir) || dir.split('/').includes('..')) throw new Error(`stack-advisor/eleventy: dir ${shown(dir)} is not a folder name`);
  const dist = options.dist ?? PACKAGE_DIST;
  const build = readBuild(dist);

  // Relative to the project (Eleventy resolves passthrough sources from there).
  const from = relative(process.cwd(), dist).split(sep).join('/');
  const copies = {};
  for (const file of build.files) copies[from ? `${from}/${file}` : file] = `${dir}/${file}`;
  eleventyConfig.addPassthroughCopy(copies);

  // One loader tag per page and build (a rebuild under --serve starts again).
  const pagesWithLoader = new Set();
  eleventyConfig.on('eleventy.before', () => pagesWithLoader.clear());

  eleventyConfig.addShortcode('stackAdvisor', function stackAdvisor(params) {
    const { attributes, isDefault } = stackAdvisorAttributes(params);
    const page = this?.page?.outputPath || this?.page?.url;
    let loader = '';
    if (!page || !pagesWithLoader.has(page)) {
      if (page) pagesWithLoader.add(page);
      const toUrl = eleventyConfig.getFilter?.('url');
      const src = toUrl ? toUrl(`/${dir}/stack-advisor.js`) : `/${dir}/stack-advisor.js`;
      loader = `<style id="stack-advisor-reserve">${build.reserve}</style>\n<script type="module" src="${escapeAttribute(src)}" integrity="${build.integrity}" crossorigin="anonymous"></script>\n`;
    }
    // No blank line and no indentation: in Markdown the whole output stays one HTML block.
    return `${loader}<stack-advisor${attributes}>\n${isDefault ? build.fallback : NEEDS_JAVASCRIPT}\n</stack-advisor>`;
  });
}
