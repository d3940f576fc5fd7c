// A real WordPress for the integration tests, from Debian's packages
// (`wordpress`, `mariadb-server`, PHP 8.2; scripts/bootstrap-integrations.sh),
// on 127.0.0.1, started and stopped by the test:
//
//   const wp = await startWordPress({ plugins: [dir], muPlugins: { name: '<?php …' } });
//   try { … wp.url … await wp.php('echo get_bloginfo("version");') … } finally { await wp.stop(); }
//
// - MariaDB in a temporary datadir, no TCP (--skip-networking), one socket;
// - Debian's wp-config.php reads /etc/wordpress/config-<name>.php: <name> is
//   unique to this run (chosen through $_SERVER['WORDPRESS_CONFIG'], set by a
//   prepended PHP file), so runs of other checkouts at the same time do not
//   share a configuration; the file is removed on stop (and on exit);
// - the document root is a folder of symlinks to /usr/share/wordpress/* with
//   wp-content → a temporary folder (plugins, mu-plugins, uploads; the
//   packaged themes linked in);
// - `php -S` with 4 workers (one worker makes wp_install wait out its
//   self-requests), in its own process group, stopped with the group;
// - the installed database is kept between runs (see installedTemplate);
// - `php(code)` runs PHP inside WordPress (a small runner that requires
//   wp-load.php, as wp-cli would), as the admin user.
//
// WP_DEBUG is on and logs to a file (`debugLog()`), never into the page.
import { spawn, spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { freePort } from '../../../scripts/free-port.mjs';

const WORDPRESS = '/usr/share/wordpress';
const CONFIG_DIR = '/etc/wordpress';

// A throw-away database: small, and nothing waits for the disk.
const MARIADB_OPTIONS = ['--skip-log-bin', '--skip-name-resolve', '--innodb-buffer-pool-size=16M', '--innodb-log-file-size=4M',
  '--innodb-flush-log-at-trx-commit=0', '--skip-innodb-doublewrite', '--innodb-flush-method=nosync'];

/**
 * An empty MariaDB data directory, made once per machine and MariaDB version
 * (mariadb-install-db takes 3-4 s, a copy of its result 0.1 s). Made in a
 * temporary folder and renamed into place, so a half-made one is never used.
 */
function databaseTemplate() {
  const version = run('mariadbd', ['--version']).trim().replace(/[^\w.-]+/g, '_').slice(0, 80);
  const template = join(tmpdir(), `stack-advisor-mariadb-template-${version}`);
  if (existsSync(join(template, 'mysql'))) return template;
  const making = mkdtempSync(`${template}.making-`);
  run('mariadb-install-db', ['--no-defaults', '--user=root', `--datadir=${join(making, 'db')}`, '--skip-test-db',
    '--auth-root-authentication-method=socket', ...MARIADB_OPTIONS]);
  try {
    renameSync(join(making, 'db'), template);
  } catch (error) {
    if (!existsSync(join(template, 'mysql'))) throw error; // another run made it first
  }
  rmSync(making, { recursive: true, force: true });
  return template;
}

/** The PHP that installs WordPress (admin / admin), run with WP_INSTALLING. */
function installPhp(title) {
  const q = (t) => `'${String(t).replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;
  return `require_once ABSPATH . 'wp-admin/includes/upgrade.php';
$r = wp_install(${q(title)}, 'admin', 'admin@example.com', false, '', 'admin');
if (empty($r['user_id'])) { fwrite(STDERR, 'wp_install failed'); exit(1); }
update_option('permalink_structure', '');`;
}

/**
 * Where the datadir of an installed WordPress is kept between runs: its name
 * is a hash of everything that shapes it (MariaDB and WordPress versions, the
 * options, the install code, `extra`). home/siteurl in it are the first run's;
 * every run's WP_HOME/WP_SITEURL override them.
 */
function installedTemplate(extra) {
  const hash = createHash('sha256').update(JSON.stringify([
    run('mariadbd', ['--version']), readFileSync(join(WORDPRESS, 'wp-includes', 'version.php'), 'utf8'), MARIADB_OPTIONS, extra,
  ])).digest('hex').slice(0, 16);
  return join(tmpdir(), `stack-advisor-wordpress-installed-${hash}`);
}

/** Copies `from` to `to` through a temporary name, so a half-made copy is never used. */
function saveTemplate(from, to) {
  const making = mkdtempSync(`${to}.making-`);
  cpSync(from, join(making, 'db'), { recursive: true });
  try {
    renameSync(join(making, 'db'), to);
  } catch (error) {
    if (!existsSync(to)) throw error; // another run saved it first
  }
  rmSync(making, { recursive: true, force: true });
}

/** Waits until `check()` is true, polling; throws `what` after `ms`. */
async function until(check, what, ms = 15000) {
  const end = Date.now() + ms;
  for (;;) {
    if (await check()) return;
    if (Date.now() > end) throw new Error(`WordPress harness: timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const listening = (port) => new Promise((done) => {
  const socket = connect(port, '127.0.0.1');
  socket.once('connect', () => { socket.destroy(); done(true); });
  socket.once('error', () => done(false));
});

/** Runs a command to completion; throws with its output if it fails. */
function run(command, args, options = {}) {
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...options });
  if (result.status !== 0) {
    throw new Error(`WordPress harness: ${command} ${args.join(' ')} exited ${result.status ?? result.signal}\n${result.stdout}\n${result.stderr}`);
  }
  return result.stdout;
}

/** Starts a long-running process in its own process group (setsid), output to `log`. */
function startGroup(command, args, { env, log }) {
  const child = spawn(command, args, { detached: true, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const chunks = [];
  child.stdout.on('data', (d) => chunks.push(d));
  child.stderr.on('data', (d) => chunks.push(d));
  child.output = () => Buffer.concat(chunks).toString('utf8');
  child.exited = new Promise((done) => child.once('exit', done));
  child.on('exit', () => { try { writeFileSync(log, child.output()); } catch { /* the folder is already gone */ } });
  return child;
}

/** Stops a process group: `first` (TERM), then KILL after 3 s. */
async function stopGroup(child, first = 'SIGTERM') {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const signal = (name) => { try { process.kill(-child.pid, name); } catch { /* already gone */ } };
  signal(first);
  const timer = setTimeout(() => signal('SIGKILL'), 3000);
  await child.exited;
  clearTimeout(timer);
  // Workers of `php -S` outlive their master by a moment: make sure the group is empty.
  signal('SIGKILL');
}

/**
 * PHP source of a must-use plugin that lets WordPress fetch from loopback
 * servers: the `ports` (besides 80, 443, 8080) become safe, and
 * 127.0.0.1/localhost count as external hosts. For oEmbed of a URL served by
 * a test server (set it before the first render: failed fetches are cached).
 * @param {number[]} ports
 */
export function allowLoopbackHttp(ports) {
  const list = ports.map((p) => Number(p)).filter(Number.isInteger).join(', ');
  return `<?php
// Test only: WordPress may fetch from these ports on 127.0.0.1 / localhost.
add_filter('http_allowed_safe_ports', function ($ports) { return array_merge($ports, [${list}]); });
add_filter('http_request_host_is_external', function ($external, $host) {
  return $external || in_array($host, ['127.0.0.1', 'localhost'], true);
}, 10, 2);
`;
}

/**
 * Starts MariaDB, `php -S` and a freshly installed WordPress (admin / admin),
 * with `plugins` (folders, copied into wp-content/plugins and activated) and
 * `muPlugins` (name → PHP source, written to wp-content/mu-plugins/name.php).
 * @param {{plugins?: string[], muPlugins?: Record<string, string>, title?: string}} [options]
 * @returns {Promise<{url: string, port: number, dir: string, php: (code: string) => Promise<string>,
 *   debugLog: () => string, serverLog: () => string, stop: () => Promise<void>}>}
 */
export async function startWordPress({ plugins = [], muPlugins = {}, title = 'stack-advisor test' } = {}) {
  for (const needed of [join(WORDPRESS, 'wp-load.php'), '/usr/sbin/mariadbd']) {
    if (!existsSync(needed)) throw new Error(`WordPress harness: ${needed} is missing: run scripts/bootstrap-integrations.sh`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'sa-wp-'));
  const id = `stack-advisor-test-${randomBytes(6).toString('hex')}`;
  const configFile = join(CONFIG_DIR, `config-${id}.php`);
  let db = null;
  let server = null;
  let stopped = false;
  const removeConfig = () => rmSync(configFile, { force: true });
  // If the test process ends without stop() (a crash, Ctrl-C, a runner's
  // timeout), the servers and the config file must not outlive it.
  const runners = new Set(); // php() processes still running
  const emergency = () => {
    for (const child of runners) child.kill('SIGKILL');
    for (const child of [server, db]) {
      if (child && child.exitCode === null) try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ }
    }
    removeConfig();
    if (!process.env.KEEP_WORDPRESS) try { rmSync(dir, { recursive: true, force: true }); } catch { /* a dying mariadbd may still write */ }
  };
  const onSignal = (signal) => { emergency(); process.kill(process.pid, signal); };
  process.once('exit', emergency);
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  const stop = async () => {
    if (stopped) return;
    stopped = true;
    for (const child of runners) child.kill('SIGKILL');
    await stopGroup(server, 'SIGKILL'); // php -S keeps nothing worth a clean exit
    await stopGroup(db, 'SIGKILL'); // its data is thrown away: no clean shutdown needed
    removeConfig();
    process.removeListener('exit', emergency);
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
    if (!process.env.KEEP_WORDPRESS) rmSync(dir, { recursive: true, force: true });
  };

  const timings = [];
  let mark = Date.now();
  const step = (name) => { const now = Date.now(); timings.push(`${name} ${((now - mark) / 1000).toFixed(1)} s`); mark = now; };
  try {
    // 1. The database: a copy of an installed WordPress's when an earlier run
    //    made one with the same versions, title and must-use plugins (wp_install
    //    takes 1-5 s), else an empty one.
    const datadir = join(dir, 'db');
    const socket = join(dir, 'mysqld.sock');
    const installSource = installPhp(title);
    const installed = installedTemplate([installSource, muPlugins]);
    const reuse = existsSync(join(installed, 'wp'));
    step('start');
    cpSync(reuse ? installed : databaseTemplate(), datadir, { recursive: true });
    const startDatabase = async () => {
      db = startGroup('mariadbd', ['--no-defaults', '--user=root', `--datadir=${datadir}`, `--socket=${socket}`, '--skip-networking',
        `--pid-file=${join(dir, 'mysqld.pid')}`, ...MARIADB_OPTIONS], { log: join(dir, 'mariadbd.log') });
      await until(() => db.exitCode === null && spawnSync('mariadb-admin', ['--no-defaults', '-S', socket, 'ping'], { stdio: 'ignore' }).status === 0, 'MariaDB');
    };
    await startDatabase();
    step(reuse ? 'database (installed copy)' : 'database');
    if (!reuse) {
      run('mariadb', ['--no-defaults', '-S', socket, '-e',
        "CREATE DATABASE wp; CREATE USER 'wp'@'localhost' IDENTIFIED BY 'wp'; GRANT ALL ON wp.* TO 'wp'@'localhost';"]);
    }

    // 2. wp-content and the document root.
    const content = join(dir, 'wp-content');
    for (const sub of ['plugins', 'mu-plugins', 'uploads']) mkdirSync(join(content, sub), { recursive: true });
    symlinkSync(join(WORDPRESS, 'wp-content', 'themes'), join(content, 'themes'));
    for (const [name, source] of Object.entries(muPlugins)) {
      if (!/^[\w-]+$/.test(name)) throw new Error(`WordPress harness: mu-plugin name "${name}" must be letters, digits, - or _`);
      writeFileSync(join(content, 'mu-plugins', `${name}.php`), source);
    }
    for (const plugin of plugins) cpSync(resolve(plugin), join(content, 'plugins', basename(resolve(plugin))), { recursive: true });
    const root = join(dir, 'root');
    mkdirSync(root);
    for (const entry of readdirSync(WORDPRESS)) {
      if (entry !== 'wp-content') symlinkSync(join(WORDPRESS, entry), join(root, entry));
    }
    symlinkSync(content, join(root, 'wp-content'));

    // 3. The configuration, and the file that selects it.
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const q = (s) => `'${String(s).replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;
    const keys = ['AUTH_KEY', 'SECURE_AUTH_KEY', 'LOGGED_IN_KEY', 'NONCE_KEY', 'AUTH_SALT', 'SECURE_AUTH_SALT', 'LOGGED_IN_SALT', 'NONCE_SALT'];
    writeFileSync(configFile, `<?php
// Written by tests/integrations/lib/wordpress.mjs for one test run (removed when it stops).
define('DB_NAME', 'wp');
define('DB_USER', 'wp');
define('DB_PASSWORD', 'wp');
define('DB_HOST', ${q(`localhost:${socket}`)});
define('WP_HOME', ${q(url)});
define('WP_SITEURL', ${q(url)});
define('WP_CONTENT_DIR', ${q(content)});
define('WP_CONTENT_URL', ${q(`${url}/wp-content`)});
define('WP_ENVIRONMENT_TYPE', 'local');
define('DISABLE_WP_CRON', true);
define('AUTOMATIC_UPDATER_DISABLED', true);
define('WP_DEBUG', true);
define('WP_DEBUG_DISPLAY', false);
define('WP_DEBUG_LOG', ${q(join(dir, 'debug.log'))});
${keys.map((k) => `define('${k}', ${q(randomBytes(24).toString('hex'))});`).join('\n')}
`);
    const prepend = join(dir, 'select-config.php');
    writeFileSync(prepend, `<?php $_SERVER['WORDPRESS_CONFIG'] = ${q(id)};\n`);

    // 4. The web server. The router does what WordPress's .htaccess does for
    //    Apache: a file or folder that exists is served, anything else
    //    (/favicon.ico, pretty permalinks) goes to index.php.
    const router = join(dir, 'router.php');
    writeFileSync(router, `<?php
$_SERVER['WORDPRESS_CONFIG'] = ${q(id)}; // (auto_prepend_file covers the scripts php -S runs itself, not the router)
$path = parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH);
if (is_string($path) && $path !== '/' && file_exists($_SERVER['DOCUMENT_ROOT'] . $path)) return false;
$_SERVER['SCRIPT_NAME'] = $_SERVER['PHP_SELF'] = '/index.php';
$_SERVER['SCRIPT_FILENAME'] = $_SERVER['DOCUMENT_ROOT'] . '/index.php';
require $_SERVER['SCRIPT_FILENAME'];
`);

    server = startGroup('php', ['-d', 'opcache.enable=0', '-d', 'sendmail_path=/bin/true', '-d', `auto_prepend_file=${prepend}`,
      '-S', `127.0.0.1:${port}`, '-t', root, router], { env: { PHP_CLI_SERVER_WORKERS: '4' }, log: join(dir, 'php-server.log') });
    await until(async () => server.exitCode === null && (await listening(port)), `php -S on port ${port}`);
    step('files and php -S');

    // 5. PHP inside WordPress: code on stdin, as the admin once installed.
    const runner = join(dir, 'run.php');
    writeFileSync(runner, `<?php
$_SERVER['HTTP_HOST'] = ${q(`127.0.0.1:${port}`)};
$_SERVER['SERVER_NAME'] = '127.0.0.1';
$_SERVER['REQUEST_URI'] = '/';
$_SERVER['WORDPRESS_CONFIG'] = ${q(id)};
if (getenv('WP_TEST_INSTALLING')) define('WP_INSTALLING', true);
require ${q(join(WORDPRESS, 'wp-load.php'))};
if (!getenv('WP_TEST_INSTALLING')) wp_set_current_user(1);
eval(stream_get_contents(STDIN));
`);
    const php = (code, { installing = false } = {}) => new Promise((done, fail) => {
      // At most 2 minutes (wp_install on two busy cores takes a few seconds).
      const child = spawn('php', ['-d', 'sendmail_path=/bin/true', '-d', 'display_errors=stderr', '-d', 'max_execution_time=120', runner], {
        env: { ...process.env, ...(installing ? { WP_TEST_INSTALLING: '1' } : {}) }, stdio: ['pipe', 'pipe', 'pipe'], timeout: 120_000, killSignal: 'SIGKILL',
      });
      runners.add(child);
      const out = [];
      const err = [];
      child.stdout.on('data', (d) => out.push(d));
      child.stderr.on('data', (d) => err.push(d));
      child.on('error', fail);
      child.on('close', (status) => {
        runners.delete(child);
        const stdout = Buffer.concat(out).toString('utf8');
        const stderr = Buffer.concat(err).toString('utf8');
        if (status !== 0) {
          // WordPress shows a fatal error as an HTML page; the cause is in WP_DEBUG's log.
          const logged = existsSync(join(dir, 'debug.log')) ? readFileSync(join(dir, 'debug.log'), 'utf8').split('\n').filter((l) => !/PHP Deprecated/.test(l)).slice(-25).join('\n') : '';
          fail(new Error(`WordPress harness: php exited ${status}\n${stderr.slice(-4000)}\n${stdout.replace(/<style[\s\S]*<\/style>/, '').slice(-2000)}\ndebug.log (last lines, deprecations left out):\n${logged}`));
        }
        else done(stdout);
      });
      child.stdin.end(code.replace(/^<\?php\s*/, ''));
    });

    // 6. Install, then activate the plugins.
    if (!reuse) {
      await php(installSource, { installing: true });
      step('wp_install');
      // Kept for the next runs: MariaDB shut down cleanly, its datadir copied, started again.
      run('mariadb-admin', ['--no-defaults', '-S', socket, 'shutdown']);
      await db.exited;
      saveTemplate(datadir, installed);
      await startDatabase();
      step('saved for the next runs');
    }
    if (plugins.length > 0) {
      const dirs = plugins.map((p) => basename(resolve(p)));
      await php(`require_once ABSPATH . 'wp-admin/includes/plugin.php';
$want = json_decode(${q(JSON.stringify(dirs))}, true);
$found = [];
foreach (get_plugins() as $file => $data) {
  if (!in_array(dirname($file), $want, true)) continue;
  $r = activate_plugin($file, '', false, false);
  if (is_wp_error($r)) { fwrite(STDERR, "$file: " . $r->get_error_message()); exit(1); }
  $found[] = dirname($file);
}
$missing = array_diff($want, $found);
if ($missing) { fwrite(STDERR, 'no plugin found in: ' . implode(', ', $missing)); exit(1); }`);
      step('plugins');
    }

    /**
     * Installs a plugin zip the way Plugins → Add New → Upload Plugin does
     * (Plugin_Upgrader), activates it, and returns its file ("dir/main.php").
     */
    const installZip = async (zip) => (await php(`require_once ABSPATH . 'wp-admin/includes/class-wp-upgrader.php';
foreach (['plugin', 'file', 'misc'] as $inc) require_once ABSPATH . "wp-admin/includes/$inc.php";
$skin = new WP_Ajax_Upgrader_Skin();
$upgrader = new Plugin_Upgrader($skin);
$done = $upgrader->install(${q(resolve(zip))});
if (true !== $done || !$upgrader->plugin_info()) { fwrite(STDERR, 'install failed: ' . implode('; ', $skin->get_error_messages())); exit(1); }
$active = activate_plugin($upgrader->plugin_info(), '', false, false);
if (is_wp_error($active)) { fwrite(STDERR, $active->get_error_message()); exit(1); }
echo $upgrader->plugin_info();`)).trim();

    const read = (file) => (existsSync(file) ? readFileSync(file, 'utf8') : '');
    return {
      url,
      port,
      /** How long each start-up step took ("database 1.2 s", …). */
      timings,
      dir,
      php,
      installZip,
      /** WP_DEBUG's log (PHP warnings, notices, deprecations), '' when none. */
      debugLog: () => read(join(dir, 'debug.log')),
      /** What `php -S` printed so far (one line a request, and PHP errors it saw). */
      serverLog: () => server?.output() ?? '',
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
