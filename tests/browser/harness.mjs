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

/**
 * Serves a build folder (`dist/` by default) under `base` (such as "/" or "/talent/") on a
 * free loopback port, with `headers` on every file. `close` also cuts open connections, so
 * a test can take the server down for good (offline tests).
 */
export async function serve(base = '/', root = DIST, headers = {}) {
  const dir = join(root, '/');
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    let file = normalize(join(dir, path.slice(base.length)));
    if (!path.startsWith(base) || !file.startsWith(dir)) {
      res.writeHead(404).end();
      return;
    }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      res.writeHead(200, { ...headers, 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
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

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: [
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
