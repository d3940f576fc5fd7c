// The matrices an author can start from: an empty one, the built-in
// "Node.js or Python?" and the "PostgreSQL or MongoDB?" example.

import postgres from '../../data/examples/postgres-vs-mongodb.json';
import { fillScores } from './grid.js';

/** A new matrix: two options, one criterion, their scores. */
export function blankMatrix() {
  const doc = {
    version: 1,
    id: 'my-comparison',
    title: 'Option 1 or Option 2?',
    options: [
      { id: 'option-1', label: 'Option 1' },
      { id: 'option-2', label: 'Option 2' },
    ],
    criteria: [{ id: 'criterion-1', label: 'Criterion 1', weight: 1 }],
    scores: [],
    sources: [],
    questions: [],
  };
  fillScores(doc);
  return doc;
}

/** The PostgreSQL-vs-MongoDB example, as a fresh copy. */
export function postgresMatrix() {
  return structuredClone(postgres);
}
