// "Calibrate by pairwise comparison": the widget's own AHP panel
// (../calibrate.js, the engine's `ahpWeights` with its consistency ratio),
// here setting the criteria's built-in weights instead of a reader's.

import { canCalibrate, createCalibrator, MAX_CALIBRATE_CRITERIA } from '../calibrate.js';
import { MCDA_STRINGS } from '../mcda-strings.js';
import { el } from './dom.js';

const STRINGS = {
  ...MCDA_STRINGS.en,
  calibrateButton: 'Calibrate by pairwise comparison',
  calibrateIntro: 'Compare the criteria two at a time; the engine turns your comparisons into built-in weights (AHP) and checks that they fit together.',
  useWeights: 'Use these weights',
  stopUsing: 'Keep the weights as they were',
  using: 'The criteria now carry these weights (Undo puts the old ones back).',
  notUsing: 'The criteria keep the weights typed above.',
};

/**
 * The calibration panel for `doc`'s criteria, or a note when there are too
 * few or too many. `engine` has `ahpWeights` (loaded with the MCDA
 * extension); `setWeights(map)` sets the built-in weights, undoably.
 */
export function calibrationPanel(doc, engine, setWeights) {
  const criteria = (doc.criteria || []).filter((c) => c && typeof c.id === 'string');
  if (!canCalibrate({ criteria })) {
    return el('p', { class: 'note' }, `Calibration by pairwise comparison works for 2 to ${MAX_CALIBRATE_CRITERIA} criteria (this matrix has ${criteria.length}).`);
  }
  let applied = false;
  const panel = createCalibrator({
    criteria: criteria.map((c) => ({ id: c.id, label: String(c.label || c.id) })),
    engine,
    s: STRINGS,
    lang: 'en',
    active: () => applied,
    onApply: (weights) => {
      applied = true;
      setWeights(weights);
    },
    onClear: () => {
      applied = false;
    },
  });
  // The toggle's name is the builder's; the widget's "stop" button has no meaning here.
  for (const button of panel.querySelectorAll('button')) button.classList.add('secondary');
  panel.querySelector('[part="calibrate-clear"]')?.remove();
  return panel;
}
