// What the JS unit tests need from `make build` (pkg/ and dist/). Every test
// that needs a built file gets it through here, so a missing build fails each
// of them with the same message instead of an ENOENT, a skip, or a module
// that cannot be resolved.
import { existsSync, readFileSync } from 'node:fs';

const repo = new URL('../../', import.meta.url);

/** The built file `path` (relative to the repository) as a URL; throws when it is missing. */
export function built(path) {
  const url = new URL(path, repo);
  if (!existsSync(url)) throw new Error(`${path} is missing: run make build first (the JS unit tests need pkg/ and dist/)`);
  return url;
}

/** The built file's text. */
export const readBuilt = (path) => readFileSync(built(path), 'utf8');

/** The built file's bytes. */
export const bytesOfBuilt = (path) => readFileSync(built(path));

/** Imports the built module `path` (e.g. 'pkg/node.js'). */
export const importBuilt = (path) => import(built(path).href);
