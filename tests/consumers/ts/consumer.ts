// Consumer 6: an app written in TypeScript against the package's types,
// compiled with `tsc --strict --noEmit` (twice: bundler and Node16 resolution).
import { init, recommend, validateMatrix, defaultMatrix, rank, ahpWeights, loadEngine } from 'stack-advisor';
import type { Answers, BulkRanking, Engine, EngineError, Matrix, MatrixIssue, Ranking, Recommendation } from 'stack-advisor';
import { StackAdvisorElement } from 'stack-advisor/element';
import type { StackAdvisorErrorDetail } from 'stack-advisor/element';
import DefinedElement from 'stack-advisor/define';
import * as bundle from 'stack-advisor/bundle';
import type * as RawWasm from 'stack-advisor/wasm';

// init() takes nothing, a URL, a Response or a promise of one, or bytes.
const engine: Engine = await init();
await init(new URL('https://example.com/stack_advisor_bg.wasm'));
await init('/assets/stack_advisor_bg.wasm');
await init(fetch('/assets/stack_advisor_bg.wasm'));
await init(new Uint8Array(8));
await loadEngine();

const answers: Answers = { project: 'realtime', team: 'javascript', needs: ['ai'], priorities: { hiring: 3 } };
const result: Recommendation = recommend(answers);
const verdict: string = result.verdict;
const confidence: 'clear' | 'lean' | 'close-call' = result.confidence;
const probability: number | undefined = result.win_probability['node'];
recommend(null, defaultMatrix());
engine.recommend(undefined);
// @ts-expect-error: answers are an object, not a number
recommend(42);

const matrix: Matrix = defaultMatrix();
const issues: MatrixIssue[] = validateMatrix({ nonsense: true });
const ranking: Ranking = rank(matrix, { method: 'topsis', weights: { 'io-throughput': 2 } });
// @ts-expect-error: there is no such method
rank(matrix, { method: 'electre' });
// The bulk form: a row count and a Float64Array in, typed arrays out.
const bulk: BulkRanking = rank({ options: 2, criteria: [{ id: 'speed' }], values: new Float64Array([3, 4]) }, { method: 'wsm' });
const best: number | undefined = bulk.ranking[0];
const bulkScores: Float64Array = bulk.scores;
// @ts-expect-error: in the bulk form the values are a Float64Array
rank({ options: 2, criteria: [{ id: 'speed' }], values: [[3], [4]] }, { method: 'wsm' });
// Criteria by position: a weight and a direction (1 = cost) per column.
const byPosition: BulkRanking = rank(
  { options: 2, criteria: { weights: new Float64Array([2, 1]), cost: new Uint8Array([0, 1]) }, values: new Float64Array([3, 4, 5, 6]) },
  { method: 'topsis' },
);
// @ts-expect-error: weights by position are a Float64Array
rank({ options: 2, criteria: { weights: [2, 1] }, values: new Float64Array([3, 4, 5, 6]) }, { method: 'wsm' });
const weights: number[] = ahpWeights([[1, 3], [1 / 3, 1]]).weights;

try {
  recommend({ team: 'rust' });
} catch (caught) {
  const error = caught as EngineError;
  const where: string | undefined = error.path;
  const all: MatrixIssue[] | undefined = error.issues;
  console.log(where, all?.length);
}

// The element: typed through HTMLElementTagNameMap and its own event map.
const advisor = document.createElement('stack-advisor');
const same: StackAdvisorElement = advisor;
advisor.answers = { project: 'realtime' };
advisor.answers = '{"project":"realtime"}';
advisor.theme = 'dark';
advisor.compact = true;
advisor.methods = ['wsm', 'topsis'];
advisor.matrix = matrix;
advisor.matrix = null;
const current: Recommendation | null = advisor.result;
const markdown: string = advisor.toMarkdown();
advisor.addEventListener('stack-advisor-change', (event) => {
  const changed: string = event.detail.verdict;
  console.log(changed);
});
advisor.addEventListener('stack-advisor-error', (event) => {
  const detail: StackAdvisorErrorDetail = event.detail;
  const kind: 'engine' | 'matrix' | 'answers' = detail.kind;
  console.log(kind, detail.issues?.map((issue) => issue.path));
});
// @ts-expect-error: result is read-only
advisor.result = null;
// @ts-expect-error: not a theme
advisor.theme = 'sepia';
const Registered: typeof StackAdvisorElement = StackAdvisorElement.define('my-advisor');
const byQuery: StackAdvisorElement | null = document.querySelector('stack-advisor');
class Branded extends StackAdvisorElement {}
const BrandedRegistered: typeof Branded = Branded.define('branded-advisor');
const defined: typeof StackAdvisorElement = DefinedElement;

// The one-tag bundle: same engine API.
const bundled: Recommendation = bundle.recommend({});
await bundle.init();
// The raw wasm module's exports (for those who instantiate it themselves).
type RawRecommend = typeof RawWasm.recommend;

console.log(verdict, confidence, probability, issues, ranking, bulk, best, bulkScores, byPosition, weights, same, current, markdown, Registered, byQuery, BrandedRegistered, defined, bundled);
export type { RawRecommend };
