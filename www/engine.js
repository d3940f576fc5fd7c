// The engine's public API on top of the wasm-bindgen glue.
//
// Everything here is synchronous, but needs the WebAssembly instance: await
// `loadEngine()` (from ./loader.js) once before the first call.
import {
  recommend as wasmRecommend,
  validateMatrix as wasmValidateMatrix,
} from './stack_advisor.js';
import defaultMatrixData from './default-matrix.js';
import { isEngineLoaded } from './loader.js';

function assertLoaded(name) {
  if (!isEngineLoaded()) {
    throw new Error(`stack-advisor: ${name}() was called before the engine was loaded; await loadEngine() first`);
  }
}

/**
 * The built-in "Node.js or Python?" decision matrix, as a fresh deep copy that
 * the caller may change freely (e.g. as the start of a custom matrix).
 */
export function defaultMatrix() {
  return structuredClone(defaultMatrixData);
}

/**
 * Scores the options of `matrix` for the reader's `answers`.
 * Throws an Error with `path` and `hint` (and `issues`) for bad input.
 *
 * @param {object} answers question id → answer (omitted answers are neutral)
 * @param {object} [matrix] a decision matrix; the built-in one by default
 */
export function recommend(answers, matrix) {
  assertLoaded('recommend');
  // The engine only reads the matrix, so the shared default is passed as is
  // instead of copying it on every call.
  return wasmRecommend(answers ?? {}, matrix ?? defaultMatrixData);
}

/**
 * Checks a matrix and returns every problem as `{path, message, hint}`;
 * `[]` when the matrix is valid. Never throws for a bad matrix.
 */
export function validateMatrix(matrix) {
  assertLoaded('validateMatrix');
  return wasmValidateMatrix(matrix);
}
