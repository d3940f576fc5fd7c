// The element's MCDA add-ons: the TOPSIS second opinion, the "Calibrate my
// priorities" panel and their styles. Only widgets with `methods="… topsis"`
// or `calibrate` load this module (parts.js), together with the engine's
// MCDA extension that they run on.

export { secondOpinion, opinionSection } from './methods.js';
export { createCalibrator } from './calibrate.js';
export { adoptMcdaStyles } from './mcda-styles.js';
