// Helper processes of the engines (Xvfb, WebKitWebDriver, a one-off MiniBrowser) and the
// loopback ports they listen on. Each process gets a process group of its own, so stopping
// it also stops what it started (WebKitWebDriver starts MiniBrowser, which starts WebKit's
// web and network processes). Whatever a test leaves running, because it failed before its
// `after` hook or the runner interrupted it, is stopped when node exits.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';

const running = new Set();

function signalGroup(child, signal) {
  try {
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

process.on('exit', () => {
  for (const child of running) signalGroup(child, 'SIGKILL');
});
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    for (const child of running) signalGroup(child, 'SIGKILL');
    process.exit(128 + (signal === 'SIGINT' ? 2 : 15));
  });
}

/** The last `max` characters a process wrote, for error messages. */
function tail(max = 4000) {
  let text = '';
  return {
    add(chunk) {
      text = (text + chunk).slice(-max);
    },
    get text() {
      return text;
    },
  };
}

/**
 * Starts `command` in a process group of its own. `extraFds` adds pipes after stderr
 * (Xvfb writes its display number to one). Returns the child, what it wrote so far, a
 * promise of its exit code, and `stop()`, which ends the group (SIGTERM, then SIGKILL
 * after `graceMs`) and resolves once the process is gone.
 */
export function start(command, args, { env = process.env, extraFds = 0, graceMs = 2000 } = {}) {
  const child = spawn(command, args, {
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe', ...Array(extraFds).fill('pipe')],
  });
  running.add(child);
  const output = tail();
  child.stdout.on('data', (d) => output.add(d));
  child.stderr.on('data', (d) => output.add(d));
  const exited = new Promise((resolve) => {
    child.once('exit', (code, signal) => {
      running.delete(child);
      resolve(code ?? signal);
    });
    child.once('error', (err) => {
      running.delete(child);
      output.add(`\n${err.message}`);
      resolve(err.code ?? 'error');
    });
  });
  const stop = async () => {
    if (!running.has(child)) return exited;
    signalGroup(child, 'SIGTERM');
    const timer = setTimeout(() => signalGroup(child, 'SIGKILL'), graceMs);
    const code = await exited;
    clearTimeout(timer);
    // The group may outlive its leader (a web process still exiting).
    signalGroup(child, 'SIGKILL');
    return code;
  };
  return { child, output: () => output.text, exited, stop };
}

/** A loopback port that was free a moment ago (for servers that need a port given). */
export async function freePort() {
  const server = createServer();
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * Starts Xvfb on a display it picks itself (`-displayfd`: no guessing of free numbers) with
 * a screen big enough for a 1920 px viewport and its window chrome.
 */
export async function startXvfb({ width = 2560, height = 1600, timeoutMs = 10000 } = {}) {
  const xvfb = start('Xvfb', ['-displayfd', '3', '-screen', '0', `${width}x${height}x24`, '-nolisten', 'tcp'], { extraFds: 1 });
  const display = await new Promise((resolve, reject) => {
    let text = '';
    const timer = setTimeout(() => reject(new Error(`Xvfb gave no display in ${timeoutMs} ms:\n${xvfb.output()}`)), timeoutMs);
    xvfb.child.stdio[3].on('data', (chunk) => {
      text += chunk;
      if (text.includes('\n')) {
        clearTimeout(timer);
        resolve(`:${text.trim()}`);
      }
    });
    xvfb.exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`Xvfb exited (${code}):\n${xvfb.output()}`));
    });
  });
  return { display, stop: xvfb.stop };
}

/**
 * Retries `attempt` (which returns a value, or undefined for "not yet"; a throw also counts
 * as "not yet") until it gives a value or `timeoutMs` has passed. For the readiness of a
 * process that sends no event when it is ready, such as WebKitWebDriver's HTTP port.
 */
export async function until(attempt, { timeoutMs, intervalMs = 50, what }) {
  const deadline = Date.now() + timeoutMs;
  let lastError;
  for (;;) {
    try {
      const value = await attempt();
      if (value !== undefined) return value;
    } catch (err) {
      lastError = err;
    }
    if (Date.now() > deadline) {
      throw new Error(`${what}: not ready after ${timeoutMs} ms${lastError ? ` (${lastError.message})` : ''}`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
