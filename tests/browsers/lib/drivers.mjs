// Starts a browser behind its W3C WebDriver server and opens one session
// with selenium-webdriver's `usingServer` (so selenium downloads nothing):
//
//   startFirefox()  Debian's Firefox ESR, headless, through geckodriver
//                   (BiDi on: console errors and exceptions are collected)
//   startWebKit()   WebKitGTK's MiniBrowser through WebKitWebDriver, under
//                   its own Xvfb (MiniBrowser has no headless mode)
//   startWpe()      WPE WebKit's cog (Safari 16.0 level), headless, through
//                   WPEWebDriver
//
// Every server gets a free port, every start a time limit (without a display
// a WebKitGTK session request hangs instead of failing), and `stop()` ends the
// session and then each process group it started, newest first.
import { Builder } from 'selenium-webdriver';
import getLogInspector from 'selenium-webdriver/bidi/logInspector.js';
import { freePort, scratchDir, startGroup, waitFor, withTimeout } from './processes.mjs';

const ARCH = `${process.arch === 'arm64' ? 'aarch64' : 'x86_64'}-linux-gnu`;
export const PATHS = {
  firefox: process.env.FIREFOX_BIN || '/usr/bin/firefox-esr',
  geckodriver: process.env.GECKODRIVER || 'geckodriver',
  miniBrowser: process.env.MINIBROWSER || `/usr/lib/${ARCH}/webkit2gtk-4.1/MiniBrowser`,
  webkitDriver: process.env.WEBKIT_WEBDRIVER || 'WebKitWebDriver',
  xvfb: process.env.XVFB || 'Xvfb',
  cog: process.env.COG || '/usr/bin/cog',
  wpeDriver: process.env.WPE_WEBDRIVER || 'WPEWebDriver',
};

/** Time limits, in ms. */
export const LIMITS = { server: 15_000, session: 60_000, quit: 15_000, display: 10_000 };

/** The environment without a display (for the headless browsers). */
function envWithout(...names) {
  const env = { ...process.env };
  for (const name of names) delete env[name];
  return env;
}

async function startDriver(name, command, args, env) {
  const port = await freePort();
  const group = startGroup(name, command, args(port), { env });
  const url = `http://127.0.0.1:${port}`;
  try {
    await withTimeout(
      Promise.race([
        waitFor(async () => (await fetch(`${url}/status`)).ok, LIMITS.server, `${name} on ${url}`),
        group.exited.then((code) => { throw new Error(`${name} exited (${code}) before it listened; see ${group.log}`); }),
      ]),
      LIMITS.server + 1000,
      `${name} start`,
    );
  } catch (error) {
    await group.stop();
    throw error;
  }
  return { group, url };
}

async function openSession(label, url, capabilities, groups) {
  const driver = new Builder().disableEnvironmentOverrides().usingServer(url).withCapabilities(capabilities).build();
  const pending = driver.getSession();
  // After a time-out the request fails later (its driver is gone): handled here.
  pending.catch(() => {});
  driver.catch(() => {});
  try {
    await withTimeout(pending, LIMITS.session, `${label}: the new-session request`);
  } catch (error) {
    // Stopping the driver also ends the hanging request.
    for (const group of [...groups].reverse()) await group.stop();
    throw new Error(`${error.message}; logs: ${groups.map((g) => g.log).join(', ')}`);
  }
  return driver;
}

function session(label, driver, groups, extra = {}) {
  return {
    label,
    driver,
    ...extra,
    async version() {
      const caps = await driver.getCapabilities();
      return `${caps.getBrowserName()} ${caps.getBrowserVersion()}`;
    },
    async stop() {
      await withTimeout(driver.quit(), LIMITS.quit, `${label}: quit`).catch(() => {});
      for (const group of [...groups].reverse()) await group.stop();
    },
  };
}

/** Firefox ESR, headless, with BiDi: `session.bidiErrors` collects console errors and exceptions. */
export async function startFirefox() {
  const websocketPort = await freePort();
  const env = { ...envWithout('DISPLAY', 'WAYLAND_DISPLAY'), MOZ_HEADLESS: '1' };
  const { group, url } = await startDriver(
    'geckodriver',
    PATHS.geckodriver,
    // Profiles under this run's scratch directory, so an interrupted run leaves none behind.
    (port) => ['--host', '127.0.0.1', '--port', String(port), '--websocket-port', String(websocketPort), '--profile-root', scratchDir()],
    env,
  );
  const driver = await openSession('Firefox', url, {
    browserName: 'firefox',
    webSocketUrl: true,
    'moz:firefoxOptions': { binary: PATHS.firefox, args: ['-headless'] },
  }, [group]);
  const bidiErrors = [];
  try {
    const inspector = await withTimeout(getLogInspector(driver), LIMITS.server, 'Firefox: BiDi log subscription');
    await inspector.onConsoleEntry((entry) => {
      if (entry.level === 'error') bidiErrors.push(`console.${entry.method}: ${entry.text}`);
    });
    await inspector.onJavascriptException((entry) => bidiErrors.push(`exception: ${entry.text}`));
  } catch (error) {
    await session('Firefox', driver, [group]).stop();
    throw error;
  }
  return session('Firefox', driver, [group], { bidiErrors });
}

/** Starts Xvfb on a display it picks itself (-displayfd); resolves to the group and ":N". */
async function startXvfb() {
  const group = startGroup('xvfb', PATHS.xvfb, ['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], { extraFds: 1 });
  try {
    const display = await withTimeout(new Promise((resolve, reject) => {
      let text = '';
      group.child.stdio[3].on('data', (chunk) => {
        text += chunk;
        if (text.includes('\n')) resolve(`:${text.trim()}`);
      });
      group.exited.then((code) => reject(new Error(`Xvfb exited (${code}); see ${group.log}`)));
    }), LIMITS.display, 'Xvfb start');
    return { group, display };
  } catch (error) {
    await group.stop();
    throw error;
  }
}

/** WebKitGTK's MiniBrowser under a fresh Xvfb. */
export async function startWebKit() {
  const xvfb = await startXvfb();
  const env = { ...envWithout('WAYLAND_DISPLAY'), DISPLAY: xvfb.display };
  let driver;
  try {
    driver = await startDriver('webkitwebdriver', PATHS.webkitDriver, (port) => [`--port=${port}`], env);
  } catch (error) {
    await xvfb.group.stop();
    throw error;
  }
  const groups = [xvfb.group, driver.group];
  const webdriver = await openSession('WebKitGTK', driver.url, {
    browserName: 'MiniBrowser',
    'webkitgtk:browserOptions': { binary: PATHS.miniBrowser, args: ['--automation'] },
  }, groups);
  return session('WebKitGTK', webdriver, groups);
}

/** WPE WebKit's cog, headless: the Safari 16.0 level. */
export async function startWpe() {
  const env = envWithout('DISPLAY', 'WAYLAND_DISPLAY');
  const { group, url } = await startDriver('wpewebdriver', PATHS.wpeDriver, (port) => [`--port=${port}`], env);
  const driver = await openSession('WPE WebKit', url, {
    browserName: 'cog',
    'wpe:browserOptions': { binary: PATHS.cog, args: ['--automation', '--platform=headless'] },
  }, [group]);
  return session('WPE WebKit', driver, [group]);
}
