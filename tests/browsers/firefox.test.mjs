// The widget in Firefox ESR (Debian's firefox-esr, headless, via geckodriver).
// Run by `make browsers`; needs dist/ from `make build`.
import { startFirefox } from './lib/drivers.mjs';
import { crossBrowserSuite } from './lib/suite.mjs';

crossBrowserSuite('Firefox ESR', startFirefox);
