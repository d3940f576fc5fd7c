// Parts of the widget that load only when a page needs them: the MCDA
// extension's glue (TOPSIS, calibration, `rank`, `ahpWeights`), the element's
// interface for those two, the locales other than English, and (one-tag
// embed only) the default matrix's texts the first result does not show.
// Here, plain dynamic imports of the package's own modules (a bundler splits
// them off); the one-tag build replaces this
// module with one that fetches each part next to the engine chunk and checks
// it against its SHA-384 (scripts/bundle.mjs), the offline build inlines them.

/** The MCDA extension's wasm-bindgen glue. */
export const mcdaGlue = () => import('./stack_advisor_mcda.js');

/** The element's TOPSIS and calibration interface (mcda-ui.js). */
export const mcdaUi = () => import('./mcda-ui.js');

/** Locales other than English, by language code: each resolves to a module whose default export is the locale. */
export const locales = {
  de: () => import('./i18n/de.js'),
};

/**
 * The default matrix's texts the first result does not show (guidance bodies,
 * evidence no reason picks): `{titles, load}` in the one-tag engine chunk,
 * whose default matrix leaves them out (scripts/split-matrix.mjs); null here,
 * where the default matrix is whole.
 */
export const matrixTexts = null;
