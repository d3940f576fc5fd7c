// A widget's MCDA add-ons: the engine's MCDA extension and the interface that
// runs on it (mcda-ui.js: TOPSIS as a second opinion, calibration), both
// loaded once per page, at the same time, by the widgets that use them.

import { loadMcda } from './loader.js';
import { mcdaUi } from './parts.js';

let ui = null;

/**
 * Loads the MCDA extension and the add-ons, and adopts the add-ons' styles
 * into `root`; resolves to the add-ons module (mcda-ui.js). A failed load is
 * tried again on the next call.
 */
export async function loadMcdaAddons(root) {
  const pending = (ui ??= mcdaUi());
  pending.catch(() => {
    if (ui === pending) ui = null;
  });
  await loadMcda();
  const addons = await pending;
  addons.adoptMcdaStyles(root);
  return addons;
}
