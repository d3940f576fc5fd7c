// The esbuild settings every browser bundle of the build shares
// (scripts/bundle.mjs, scripts/builder.mjs, scripts/embed.mjs): one place for
// the target and the minifying, and one list of the style modules whose CSS
// templates are minified.
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cssTemplatesPlugin } from './minify-css.mjs';

const WWW = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'www');

/** A minified ES2022 browser module bundle; a build adds its entry, output and plugins. */
export const BROWSER_BUNDLE = Object.freeze({
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  minify: true,
  charset: 'utf8',
  legalComments: 'none',
  logLevel: 'warning',
});

/** The modules of www/ that hold CSS in template literals. */
const STYLE_MODULES = ['styles.js', 'result-styles.js', 'mcda-styles.js', 'tag-placeholder.js'];

/** The esbuild plugin that minifies the CSS in those modules. */
export function styleTemplates() {
  return cssTemplatesPlugin(STYLE_MODULES.map((file) => join(WWW, file)));
}
