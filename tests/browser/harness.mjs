// Shared pieces of the browser tests: a static server for the release build on
// loopback, headless Debian Chromium with the flags this machine needs, and a page that
// records everything that goes wrong in it. What the tests know of the site's markup
// (pages, selectors, the app's start) is here, once.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

// DIST_DIR lets a developer test another build folder; CI uses dist/.
export const DIST = process.env.DIST_DIR ?? fileURLToPath(new URL('../../dist/', import.meta.url));

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.wasm': 'application/wasm',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.csv': 'text/csv; charset=utf-8',
  '.zip': 'application/zip',
  '.webmanifest': 'application/manifest+json',
};

/** Where the probe is served, whatever `base` is, and the tag that loads it. */
export const PROBE_PATH = '/__probe.js';
const PROBE_TAG = `<script src="${PROBE_PATH}"></script>`;
const PROBE_FILE = fileURLToPath(new URL('./engines/probe.js', import.meta.url));

/** The page with the probe's tag as the first element of its <head>. */
function withProbe(html) {
  const head = /<head(\s[^>]*)?>/i.exec(html);
  if (!head) throw new Error('serve({ probe: true }): the page has no <head> tag to put the probe in');
  const at = head.index + head[0].length;
  return html.slice(0, at) + PROBE_TAG + html.slice(at);
}

/**
 * Serves a build folder (`dist/` by default) under `base` (such as "/" or "/talent/") on a
 * free loopback port, with `headers` on every file. `close` also cuts open connections, so
 * a test can take the server down for good (offline tests).
 * With `probe`, every HTML page starts with `<script src="/__probe.js">` (see
 * engines/probe.js), which records errors, CSP violations and fetched URLs before the
 * page's own scripts run: the same listeners in every engine.
 * `extra` maps paths (under the root, not `base`) to `{ type, body }` served as they are
 * (a test page of another site, say).
 */
export async function serve(base = '/', root = DIST, headers = {}, { probe = false, extra = {} } = {}) {
  const dir = join(root, '/');
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (probe && path === PROBE_PATH) {
      res.writeHead(200, { ...headers, 'content-type': TYPES['.js'] });
      res.end(await readFile(PROBE_FILE));
      return;
    }
    if (extra[path]) {
      res.writeHead(200, { 'content-type': extra[path].type });
      res.end(extra[path].body);
      return;
    }
    let file = normalize(join(dir, path.slice(base.length)));
    if (!path.startsWith(base) || !file.startsWith(dir)) {
      res.writeHead(404).end();
      return;
    }
    let body;
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      body = await readFile(file);
    } catch {
      res.writeHead(404).end();
      return;
    }
    if (probe && extname(file) === '.html') {
      try {
        body = withProbe(body.toString('utf8'));
      } catch (err) {
        res.writeHead(500, { 'content-type': 'text/plain' }).end(err.message);
        return;
      }
    }
    res.writeHead(200, { ...headers, 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(body);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${server.address().port}${base}`;
  const close = async () => {
    if (!server.listening) return;
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  };
  return { url, close };
}

/** Debian's Chromium. */
export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
/** Flags for Chromium on this machine: no sandbox or GPU, and no calls to Google's services. */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

/**
 * Debian's Chromium, headless. `args` are added to CHROMIUM_FLAGS; the other `options`
 * are Playwright's (such as `proxy`).
 */
export async function launch({ args = [], ...options } = {}) {
  return chromium.launch({ ...options, executablePath: CHROMIUM, args: [...args, ...CHROMIUM_FLAGS] });
}

// ---- The site as the baker writes it (crates/site). ----

/** Every view's page folder under the site's root, in navigation order. */
export const VIEWS = {
  story: '',
  countries: 'countries/',
  subfields: 'subfields/',
  flows: 'flows/',
  whatif: 'whatif/',
  sources: 'sources/',
};
/** The views whose pages hold charts (What-if and Sources are being rebuilt). */
export const CHART_VIEWS = ['story', 'countries', 'subfields', 'flows'];
/** A view's page: `zh` for its Chinese copy under zh/. */
export const pagePath = (view, { zh = false } = {}) => `${zh ? 'zh/' : ''}${VIEWS[view]}`;
/** Every page of the site: each view at the root and under zh/. */
export const PAGES = Object.keys(VIEWS).flatMap((view) => [
  { view, zh: false, path: pagePath(view) },
  { view, zh: true, path: pagePath(view, { zh: true }) },
]);

/**
 * Runs in every document before its scripts: records the app's start (public/start.js
 * dispatches `TrunkApplicationStarted` with the wasm's exports, whose memory the memory
 * test reads) and hands every Content Security Policy violation to the test.
 */
function pageRecorder() {
  window.__talent = { started: false, memory: null };
  addEventListener('TrunkApplicationStarted', (event) => {
    window.__talent.started = true;
    window.__talent.memory = event.detail?.wasm?.memory ?? null;
  });
  document.addEventListener(
    'securitypolicyviolation',
    (e) => window.__reportCsp?.(`${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} (${e.sourceFile}:${e.lineNumber})`),
    true,
  );
}

/** The app has started in this document. */
export const appStarted = (page) => page.waitForFunction(() => window.__talent?.started === true);

/**
 * Every chart of `<main>` is live: its plot has class `live` and its canvas a size. Pages
 * without charts only wait for the app.
 */
export async function allLive(page) {
  await appStarted(page);
  await page.waitForFunction(() =>
    [...document.querySelectorAll('main [data-plot]')].every(
      (plot) => plot.classList.contains('live') && plot.querySelector('canvas')?.width > 0,
    ),
  );
}

/**
 * Opens a page in a fresh context that records console errors, uncaught exceptions (a
 * wasm panic is one), CSP violations and requests that leave the origin (the page's and
 * its service worker's) in `problems`. `wait` is what to wait for after loading: 'live'
 * (every chart drawn), 'app' (the app started) or 'load'. `initScript` runs in every
 * document before the page's own scripts; `setup(context)` runs before the page opens
 * (to route requests, say); the other options are the browser context's.
 */
export async function openPage(browser, url, { initScript, setup, wait = 'live', ...options } = {}) {
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 }, ...options });
  const problems = [];
  await context.exposeFunction('__reportCsp', (text) => problems.push(`CSP violation: ${text}`));
  await context.addInitScript(pageRecorder);
  if (initScript) await context.addInitScript(initScript);
  if (setup) await setup(context);
  const page = await context.newPage();
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  // The console's "Failed to load resource" names no URL: say which.
  context.on('response', (res) => res.status() >= 400 && problems.push(`HTTP ${res.status()}: ${res.url()}`));
  const origin = new URL(url).origin;
  context.on('request', (req) => {
    const target = new URL(req.url());
    if (!['data:', 'blob:'].includes(target.protocol) && target.origin !== origin) {
      problems.push(`request to another origin: ${req.url()}`);
    }
  });
  // 'load' waits for the DOM only: a held wasm preload would delay the load event.
  await page.goto(url, { waitUntil: wait === 'load' ? 'domcontentloaded' : 'load' });
  if (wait === 'live') await allLive(page);
  else if (wait === 'app') await appStarted(page);
  return { page, context, problems };
}

/**
 * Share of a canvas's pixels that differ from its top-left pixel (0 for a blank canvas).
 * Reads a copy, so the app's canvas is not switched to CPU readback.
 */
export async function inkRatio(locator) {
  return locator.evaluate((canvas) => {
    const { width, height } = canvas;
    if (!width || !height) return 0;
    const copy = document.createElement('canvas');
    copy.width = width;
    copy.height = height;
    const ctx = copy.getContext('2d', { willReadFrequently: true });
    ctx.drawImage(canvas, 0, 0);
    const data = ctx.getImageData(0, 0, width, height).data;
    let ink = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (data[i] !== data[0] || data[i + 1] !== data[1] || data[i + 2] !== data[2] || data[i + 3] !== data[3]) ink += 1;
    }
    return ink / (width * height);
  });
}

/** A digest of a canvas's pixels, to tell whether it was redrawn differently. */
export const pixels = (locator) => locator.evaluate((canvas) => canvas.toDataURL());

/** Waits until the page's address has been rewritten to match `test` (a RegExp or function). */
export async function waitForUrl(page, test) {
  const predicate = typeof test === 'function' ? test : (url) => test.test(url);
  await page.waitForURL((url) => predicate(url.href));
  return page.url();
}

/** The visible text of an element, one space between words. */
export const visibleText = (locator) => locator.innerText().then((t) => t.replace(/\s+/g, ' ').trim());
