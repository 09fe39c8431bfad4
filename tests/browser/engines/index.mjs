// One API over three engines, for tests that must run in Chromium, Firefox and WebKit:
//
//   const server = await serve('/', dist, {}, { probe: true });   // harness.mjs
//   const browser = await openEngine('webkit');                   // or 'chromium', 'firefox'
//   const page = await browser.newPage({ width: 1100, height: 900, colorScheme: 'dark' });
//   await page.goto(`${server.url}?lang=en`);
//   await page.waitFor(() => document.querySelector('main'), null, { timeout: 20000 });
//   await page.evaluate((sel) => document.querySelector(sel).textContent, 'h1');
//   await page.click('button'); await page.press('input', 'ArrowRight');
//   await page.setViewport(320, 640); await page.screenshot('shots/webkit/home.png');
//   page.problems(); page.requests(); page.engineProblems();
//   await page.close(); await browser.close();
//
// Chromium runs on Playwright, Firefox on puppeteer-core (WebDriver BiDi), WebKit on a
// small W3C WebDriver client. Page functions (`evaluate`, `waitFor`) are sent as source
// and return JSON, so they must not close over test variables: pass `arg` instead.
// What the page saw going wrong comes from the probe that `serve({ probe: true })` puts
// first in every HTML page: the same listeners in every engine, in place before the app
// starts. Every engine goes online only through a sentinel proxy that refuses and records
// anything beyond loopback (`browser.strayRequests()`).
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { openChromium } from './chromium.mjs';
import { openFirefox } from './firefox.mjs';
import { startSentinel } from './sentinel.mjs';
import { openWebKit } from './webkit.mjs';

const OPENERS = { chromium: openChromium, firefox: openFirefox, webkit: openWebKit };
export const ENGINE_NAMES = Object.keys(OPENERS);

/**
 * The engines a suite runs in: `ENGINE=webkit` runs one alone, else `ENGINES` (a comma
 * list; by default `fallback`, since Chromium has its own, larger suite).
 */
export function enginesFromEnv(env = process.env, fallback = 'firefox,webkit') {
  const names = (env.ENGINE ?? env.ENGINES ?? fallback)
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  for (const name of names) {
    if (!OPENERS[name]) throw new Error(`unknown engine "${name}" (known: ${ENGINE_NAMES.join(', ')})`);
  }
  return names;
}

const DEFAULT_TIMEOUT_MS = 20000;

/** Reads the probe's record; a page served without the probe is an error, not "no problems". */
async function probeRecord(page) {
  const record = await page.evaluate(() => window.__probe ?? null);
  if (!record) throw new Error('no probe in this page: serve the build with serve(base, root, headers, { probe: true })');
  return record;
}

/** The engine's page (see chromium.mjs, firefox.mjs, webkit.mjs) with the common parts. */
function withCommonParts(engine, page) {
  return {
    engine,
    goto: (url) => page.goto(url),
    /** Runs `fn(arg)` in the page and returns its (awaited) result as JSON (undefined: null). */
    evaluate: async (fn, arg) => (await page.evaluate(fn, arg)) ?? null,
    /**
     * Calls `fn(arg)` in the page once a frame until it returns something truthy, and
     * returns it. In the current document: WebKit's poll does not outlive a navigation.
     */
    waitFor: (fn, arg, { timeout = DEFAULT_TIMEOUT_MS } = {}) => page.waitFor(fn, arg, timeout),
    click: (selector) => page.click(selector),
    /** Focuses `selector` and presses `key` ("Enter", "ArrowRight", "Tab", "a"...). */
    press: (selector, key) => page.press(selector, key),
    /** Sets the viewport (not the window) to `width` x `height` CSS px. */
    setViewport: (width, height) => page.setViewport(width, height),
    /** Saves the viewport as a PNG at `path`, making its folder. */
    async screenshot(path) {
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, await page.screenshotPng());
    },
    /**
     * What the page saw since it loaded: `error` (uncaught exceptions and error events),
     * `load-error` (an element's resource failed), `unhandledrejection`, `csp`
     * (securitypolicyviolation events) and `console.error` calls, each as
     * `{ kind, message, where }`.
     */
    problems: async () => (await probeRecord(page)).problems,
    /**
     * Every URL the page fetched since it loaded (the document and each resource, from
     * Resource Timing), as `[{ url, count, initiators }]` sorted by URL, so that a file
     * fetched twice shows `count: 2` and how (`['link', 'fetch']`).
     */
    async requests() {
      const byUrl = new Map();
      for (const { url, initiator } of (await probeRecord(page)).fetched) {
        const entry = byUrl.get(url) ?? { url, count: 0, initiators: [] };
        entry.count += 1;
        entry.initiators.push(initiator);
        byUrl.set(url, entry);
      }
      return [...byUrl.values()].sort((a, b) => a.url.localeCompare(b.url));
    },
    /**
     * What the engine itself reports, where that is cheap, as `{ kind, level, message }`:
     * Chromium and Firefox, page errors and console errors and warnings of this page;
     * WebKit, the console of a separate load of the last URL up to its load event (see
     * webkit.mjs: WebDriver sessions print none), which includes the engine's own messages.
     */
    engineProblems: () => page.engineProblems(),
    close: () => page.close(),
  };
}

/** Starts `name` ('chromium', 'firefox' or 'webkit'); close it with `browser.close()`. */
export async function openEngine(name) {
  const open = OPENERS[name];
  if (!open) throw new Error(`unknown engine "${name}" (known: ${ENGINE_NAMES.join(', ')})`);
  const sentinel = await startSentinel();
  let engine;
  try {
    engine = await open({ sentinel });
  } catch (err) {
    await sentinel.close();
    throw err;
  }
  const pages = new Set();
  return {
    name,
    /** A page in a fresh context (its own storage and service workers). */
    async newPage({ width = 1100, height = 900, colorScheme = 'light' } = {}) {
      if (!['light', 'dark'].includes(colorScheme)) throw new Error(`colorScheme: 'light' or 'dark', not ${colorScheme}`);
      const page = withCommonParts(name, await engine.newPage({ width, height, colorScheme }));
      pages.add(page);
      const close = page.close;
      page.close = async () => {
        pages.delete(page);
        await close();
      };
      return page;
    },
    /** What the engine tried to fetch beyond loopback (the sentinel refused each). */
    strayRequests: () => sentinel.stray(),
    async close() {
      await Promise.allSettled([...pages].map((page) => page.close()));
      try {
        await engine.close();
      } finally {
        await sentinel.close();
      }
    },
  };
}
