// Shared pieces of the browser tests: a static server for the release build on
// loopback, and headless Debian Chromium with the flags this machine needs.
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
 */
export async function serve(base = '/', root = DIST, headers = {}, { probe = false } = {}) {
  const dir = join(root, '/');
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (probe && path === PROBE_PATH) {
      res.writeHead(200, { ...headers, 'content-type': TYPES['.js'] });
      res.end(await readFile(PROBE_FILE));
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

/**
 * Debian's Chromium, headless. `args` are added to the flags below; the other `options`
 * are Playwright's (such as `proxy`).
 */
export async function launch({ args = [], ...options } = {}) {
  return chromium.launch({
    ...options,
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: [
      ...args,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
    ],
  });
}

/**
 * Opens a page that records console errors, uncaught exceptions (a wasm panic is one)
 * and requests that leave the origin (the page's and its service worker's).
 * `initScript` runs in every document before the page's own scripts; the other options
 * are the browser context's.
 */
export async function openPage(browser, url, { initScript, ...options } = {}) {
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 }, ...options });
  if (initScript) await context.addInitScript(initScript);
  const page = await context.newPage();
  const problems = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  const origin = new URL(url).origin;
  context.on('request', (req) => {
    const target = new URL(req.url());
    if (!['data:', 'blob:'].includes(target.protocol) && target.origin !== origin) {
      problems.push(`request to another origin: ${req.url()}`);
    }
  });
  await page.goto(url);
  await page.waitForSelector('main section.view');
  return { page, context, problems };
}

/** Share of canvas pixels that differ from the top-left pixel (0 for a blank canvas). */
export async function inkRatio(locator) {
  return locator.evaluate((canvas) => {
    const { width, height } = canvas;
    const data = canvas.getContext('2d').getImageData(0, 0, width, height).data;
    let ink = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (data[i] !== data[0] || data[i + 1] !== data[1] || data[i + 2] !== data[2]) ink += 1;
    }
    return ink / (width * height);
  });
}
