// Parts of the widget that load only when a page needs them: the MCDA
// extension's glue (TOPSIS, calibration, `rank`, `ahpWeights`), the element's
// interface for those two, and the
// locales other than English. Here, plain dynamic imports of the package's
// own modules (a bundler splits them off); the one-tag build replaces this
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
