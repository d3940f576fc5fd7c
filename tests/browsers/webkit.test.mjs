// The widget in WebKitGTK (Safari's engine: MiniBrowser under Xvfb, via
// WebKitWebDriver). Run by `make browsers`; needs dist/ from `make build`.
import { startWebKit } from './lib/drivers.mjs';
import { crossBrowserSuite } from './lib/suite.mjs';

crossBrowserSuite('WebKitGTK', startWebKit);
