// Child processes for the cross-browser suite: each one is started in its own
// process group (so a driver's browser goes with it), within a time limit,
// and stopped by that group's id: at the end, on failure, and when the test
// process exits for any reason.
import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Where the drivers' and browsers' own output goes (one log file each). */
export const LOG_DIR = join(process.cwd(), 'target', 'browsers');

const live = new Set();
let scratch = null;

/**
 * This process's own temporary directory (browser profiles, page copies),
 * created on first use and removed when the process exits.
 */
export function scratchDir() {
  scratch ??= mkdtempSync(join(tmpdir(), 'stack-advisor-browsers-'));
  return scratch;
}

// Last resort: whatever is still running when this process exits is killed,
// then the scratch directory goes (also after a failure or Ctrl+C).
process.on('exit', () => {
  for (const group of live) killGroup(group.pid, 'SIGKILL');
  if (scratch) rmSync(scratch, { recursive: true, force: true, maxRetries: 3 });
});
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => process.exit(130));
}

function killGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
    return true;
  } catch {
    return false; // already gone
  }
}

function groupAlive(pid) {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Resolves after `ms` milliseconds. */
export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Settles like `promise`, or rejects after `ms` with "<what> took longer than <ms> ms".
 * The timer never keeps the process alive.
 */
export function withTimeout(promise, ms, what) {
  let timer;
  const limit = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms} ms`)), ms);
    timer.unref?.();
  });
  return Promise.race([promise, limit]).finally(() => clearTimeout(timer));
}

/** Polls `probe` until it returns a truthy value (returned), or fails after `ms`. */
export async function waitFor(probe, ms, what) {
  const deadline = Date.now() + ms;
  let last;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`${what}: not ready within ${ms} ms${last ? ` (${last.message})` : ''}`);
    await sleep(100);
  }
}

/** A TCP port on 127.0.0.1 that was free a moment ago (the OS picks it). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Starts `command` in a new process group, its stdout and stderr appended to
 * target/browsers/<name>.log. Returns `{ pid, name, log, exited, stop() }`;
 * `exited` resolves with the exit code (or signal name).
 */
export function startGroup(name, command, args, { env = process.env, extraFds = 0 } = {}) {
  mkdirSync(LOG_DIR, { recursive: true });
  const log = join(LOG_DIR, `${name}.log`);
  const out = createWriteStream(log);
  const stdio = ['ignore', 'pipe', 'pipe', ...Array.from({ length: extraFds }, () => 'pipe')];
  const child = spawn(command, args, { env, stdio, detached: true });
  child.stdout.pipe(out);
  child.stderr.pipe(out);
  const exited = new Promise((resolve) => {
    child.on('exit', (code, signal) => resolve(code ?? signal));
    child.on('error', (error) => resolve(`failed to start: ${error.message}`));
  });
  const group = {
    pid: child.pid,
    name,
    log,
    child,
    exited,
    /** SIGTERM to the whole group, SIGKILL after 3 s if any of it is still there. */
    async stop() {
      live.delete(group);
      if (!child.pid || !killGroup(child.pid, 'SIGTERM')) return;
      const deadline = Date.now() + 3000;
      while (groupAlive(child.pid) && Date.now() < deadline) await sleep(50);
      if (groupAlive(child.pid)) killGroup(child.pid, 'SIGKILL');
      await withTimeout(exited, 3000, `${name} exit`).catch(() => {});
    },
  };
  if (child.pid) live.add(group);
  return group;
}

/** True while any process of the group started as `pid` is still there. */
export { groupAlive };
