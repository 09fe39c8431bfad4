// WebKit: WebKitGTK's MiniBrowser through WebKitWebDriver (W3C WebDriver over HTTP, see
// webdriver.mjs), under an Xvfb of our own when DISPLAY is unset (MiniBrowser has no
// headless mode). A driver holds one session at a time and each session is a MiniBrowser
// of its own with ephemeral storage, so every page is its own session: a fresh context,
// as in the other engines. Drivers are reused from page to page, and a second one starts
// only when two pages are open at once.
import { existsSync, readdirSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, start, startXvfb, until } from './processes.mjs';
import { keyText, newSession, send } from './webdriver.mjs';
import { timeoutError } from './timeout.mjs';

/** Debian puts MiniBrowser in the multiarch library folder of the WebKitGTK package. */
function findMiniBrowser() {
  if (process.env.MINIBROWSER) return process.env.MINIBROWSER;
  for (const arch of readdirSync('/usr/lib')) {
    const path = `/usr/lib/${arch}/webkit2gtk-4.1/MiniBrowser`;
    if (existsSync(path)) return path;
  }
  throw new Error('MiniBrowser not found (Debian: libwebkit2gtk-4.1-0; scripts/setup.sh installs it) and MINIBROWSER unset');
}

// GTK (not web) styles for MiniBrowser's own widgets: its toolbar otherwise holds the
// window at 447 px or wider, and a 320 px viewport needs it narrower. Web content does not
// use GTK styles; a text's width in the page is the same with and without this.
const GTK_CSS = '* { font-size: 1px; min-width: 0; min-height: 0; padding: 0; margin: 0; border-width: 0; }\n';

const DRIVER_START_MS = 15000;
const SEPARATE_LOAD_MS = 30000;
// A waitFor polls inside one script, which ends by itself at the timeout; the driver's
// limit is a little later, for a page too busy to run the timer.
const SCRIPT_SLACK_MS = 10000;

// A page function goes to the page as source inside the WebDriver script, as Playwright
// and puppeteer send it, and its (awaited) result comes back as JSON. Not `eval` in the
// page: the page's CSP forbids it, and the violation would be reported as the page's.
const FAIL = `const fail = (err) => done({ thrown: err instanceof Error ? err.name + ': ' + err.message : String(err) });`;

const callScript = (source) => `const [arg] = arguments;
const done = arguments[arguments.length - 1];
${FAIL}
try {
  Promise.resolve((${source})(arg)).then((value) => done({ value: value ?? null }), fail);
} catch (err) {
  fail(err);
}`;

// Polls the function once a frame in the page, as Playwright's and puppeteer's
// `polling: 'raf'` do; a timer stands in for a frame that does not come (a page that does
// not paint), and another ends the poll at the timeout even if the function's own promise
// never settles.
const pollScript = (source) => `const [arg, timeout] = arguments;
const done = arguments[arguments.length - 1];
let over = false;
const finish = (reply) => {
  if (!over) {
    over = true;
    done(reply);
  }
};
const fail = (err) => finish({ thrown: err instanceof Error ? err.name + ': ' + err.message : String(err) });
setTimeout(() => finish({ timedOut: true }), timeout);
const fn = (${source});
const next = () => {
  let called = false;
  const once = () => {
    if (!called) {
      called = true;
      tick();
    }
  };
  requestAnimationFrame(once);
  setTimeout(once, 100);
};
const tick = () => {
  if (over) return;
  let result;
  try {
    result = fn(arg);
  } catch (err) {
    return fail(err);
  }
  Promise.resolve(result).then((value) => (value ? finish({ value }) : next()), fail);
};
tick();`;

function unwrap(reply) {
  if ('thrown' in reply) throw new Error(`in the page: ${reply.thrown}`);
  return reply.value;
}

export async function openWebKit({ sentinel }) {
  const minibrowser = findMiniBrowser();
  // Config, cache and data of MiniBrowser and GTK stay in a folder of this run.
  const home = await mkdtemp(join(tmpdir(), 'engines-webkit-'));
  await mkdir(join(home, 'config', 'gtk-3.0'), { recursive: true });
  await writeFile(join(home, 'config', 'gtk-3.0', 'gtk.css'), GTK_CSS);
  const xvfb = process.env.DISPLAY ? null : await startXvfb();
  const env = {
    ...process.env,
    DISPLAY: process.env.DISPLAY ?? xvfb.display,
    XDG_CONFIG_HOME: join(home, 'config'),
    XDG_CACHE_HOME: join(home, 'cache'),
    XDG_DATA_HOME: join(home, 'data'),
  };
  // Everything beyond loopback goes to the sentinel.
  const proxyArgs = [`--proxy=${sentinel.url}`, '--ignore-host=127.0.0.1', '--ignore-host=localhost'];
  const drivers = [];
  const idle = [];

  async function startDriver() {
    const port = await freePort();
    const driver = start('WebKitWebDriver', [`--port=${port}`, '--host=local'], { env });
    const base = `http://127.0.0.1:${port}`;
    drivers.push(driver);
    const died = driver.exited.then((code) => {
      throw new Error(`WebKitWebDriver exited (${code}):\n${driver.output()}`);
    });
    died.catch(() => {}); // It exits on close too; only the race below cares.
    const ready = until(async () => ((await send(base, 'GET', '/status')).ready ? true : undefined), {
      timeoutMs: DRIVER_START_MS,
      what: 'WebKitWebDriver',
    });
    await Promise.race([ready, died]);
    return { base };
  }

  /**
   * The console of a MiniBrowser that loads `url` on its own, without WebDriver, until the
   * load event. Automation sessions are private, and WebKit prints no console message of a
   * private page, so this separate load is the only way to see what the engine itself
   * reports (a CSP directive it does not know, an unused preload) rather than the page.
   */
  async function consoleOfSeparateLoad(url, schemeArgs) {
    // Its own cache and storage, so that no earlier load's cache or service worker answers.
    const own = await mkdtemp(join(home, 'separate-load-'));
    const run = start(minibrowser, ['--exit-after-load', '--enable-write-console-messages-to-stdout=true', ...proxyArgs, ...schemeArgs, url], {
      env: { ...env, XDG_CACHE_HOME: join(own, 'cache'), XDG_DATA_HOME: join(own, 'data') },
    });
    const timer = setTimeout(run.stop, SEPARATE_LOAD_MS);
    await run.exited;
    clearTimeout(timer);
    // WebKit's child processes may still be writing their shader cache as MiniBrowser exits.
    await rm(own, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
    const problems = [];
    for (const line of run.output().split('\n')) {
      // "<url>:<line>:<col>: CONSOLE [JS|SECURITY|NETWORK...] ERROR|WARN <message>", no
      // source word for the console API.
      const m = /CONSOLE (?:(\w+) )?(ERROR|WARN) (.*)$/.exec(line);
      if (m) problems.push({ kind: `console ${m[1]?.toLowerCase() ?? 'api'} (separate load)`, level: m[2] === 'ERROR' ? 'error' : 'warning', message: m[3] });
    }
    return problems;
  }

  return {
    async newPage({ width, height, colorScheme }) {
      const driver = idle.pop() ?? (await startDriver());
      const schemeArgs = colorScheme === 'dark' ? ['--dark-mode'] : [];
      const args = ['--automation', ...proxyArgs, ...schemeArgs];
      const session = await newSession(driver.base, { browserName: 'MiniBrowser', 'webkitgtk:browserOptions': { binary: minibrowser, args } });
      const evaluate = async (fn, arg) => unwrap(await session.executeAsync(callScript(String(fn)), [arg ?? null]));
      let chrome;
      const setViewport = async (w, h) => {
        await session.windowRect({ width: w + chrome.width, height: h + chrome.height });
        // GTK sizes the window asynchronously: the page may still report the old size.
        let got;
        await until(
          async () => {
            got = await evaluate(() => [innerWidth, innerHeight]);
            return got[0] === w && got[1] === h ? true : undefined;
          },
          { timeoutMs: 5000, what: `WebKit viewport ${w}x${h}` },
        ).catch(() => {
          throw new Error(`WebKit: asked for a ${w}x${h} viewport, got ${got[0]}x${got[1]}`);
        });
      };
      try {
        // The window's own chrome (MiniBrowser's toolbar): the viewport is the window less it.
        chrome = await evaluate(() => ({ width: outerWidth - innerWidth, height: outerHeight - innerHeight }));
        await setViewport(width, height);
      } catch (err) {
        await session.delete().catch(() => {});
        idle.push(driver);
        throw err;
      }
      let lastUrl;
      let closed = false;
      return {
        goto: async (url) => {
          lastUrl = url;
          await session.navigate(url);
        },
        evaluate,
        waitFor: async (fn, arg, timeout) => {
          const reply = await session.executeAsync(pollScript(String(fn)), [arg ?? null, timeout], timeout + SCRIPT_SLACK_MS);
          if (reply.timedOut) throw timeoutError(fn, timeout);
          return unwrap(reply);
        },
        click: (selector) => session.click(selector),
        press: (selector, key) => session.sendKeys(selector, keyText(key)),
        setViewport,
        screenshotPng: () => session.screenshot(),
        engineProblems: () => (lastUrl ? consoleOfSeparateLoad(lastUrl, schemeArgs) : []),
        close: async () => {
          if (closed) return;
          closed = true;
          await session.delete();
          idle.push(driver);
        },
      };
    },
    async close() {
      await Promise.all(drivers.map((driver) => driver.stop()));
      await xvfb?.stop();
      await rm(home, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
    },
  };
}
