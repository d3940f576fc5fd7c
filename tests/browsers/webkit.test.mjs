// The widget in WebKitGTK (Safari's engine: MiniBrowser under Xvfb, via
// WebKitWebDriver). Run by `make browsers`; needs dist/ from `make build`.
import { startWebKit } from './lib/drivers.mjs';
import { crossBrowserSuite } from './lib/suite.mjs';

// WebKitGTK 2.50 does not check a module preload's integrity (measured): the
// changed-chunk check is skipped here, and the docs say so.
crossBrowserSuite('WebKitGTK', startWebKit, { checksModulePreload: false });
