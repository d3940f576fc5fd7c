// `stack-advisor render` run through cargo, for the JS unit tests that check
// its HTML (render-html.test.mjs) and the build's copy of it (release.test.mjs).
// The CLI is built by `make test-native` before these run.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('../../', import.meta.url));

/** The fallback HTML for `answers` (none: the default answers). */
export function render(answers) {
  const args = ['run', '--quiet', '--bin', 'stack-advisor', '--', 'render'];
  if (answers) args.push('--answers', '-');
  return execFileSync('cargo', args, { cwd: repo, input: answers ? JSON.stringify(answers) : '', encoding: 'utf8' });
}
