// `stack-advisor render` prints HTML that a validator accepts: the fallback
// readers without JavaScript, feed readers and search engines get. The CLI
// is run through cargo (built by `make test-native` before this step).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { HtmlValidate } from 'html-validate';
import { render } from './render-cli.mjs';

/** The fragment inside the smallest valid page, as a host page would hold it. */
const page = (fragment) => `<!DOCTYPE html>\n<html lang="en">\n<head>\n<title>Post</title>\n</head>\n<body>\n${fragment}</body>\n</html>\n`;

const validator = new HtmlValidate({ extends: ['html-validate:recommended'] });

for (const [name, answers] of [
  ['no answers', null],
  ['an AI/ML project with a Python team', { project: 'ai-ml', team: 'python' }],
  ['"Use both": AI with live updates and a JavaScript team', { project: 'ai-ml', needs: ['realtime'], team: 'javascript' }],
]) {
  test(`the fallback for ${name} is valid HTML`, async () => {
    const html = render(answers);
    assert.match(html, /^<div class="stack-advisor-fallback" data-verdict="[a-z-]+">/);
    const report = await validator.validateString(page(html));
    const problems = report.results.flatMap((r) => r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}: ${m.message}`));
    assert.deepEqual(problems, []);
  });
}

test('the validator catches a broken fragment (the check can fail)', async () => {
  const report = await validator.validateString(page('<div><p>unclosed <strong>verdict</div>\n'));
  assert.equal(report.valid, false);
});
