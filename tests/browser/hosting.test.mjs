// Static hosting: the folder works under a sub-path (every page, the in-place navigation
// and the service worker's scope stay inside it), asks nothing of another origin, keeps
// to its Content Security Policy on every page, names only relative URLs, and is
// installable (manifest and icons).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DIST, serve, launch, openPage, allLive, inkRatio, VIEWS, PAGES } from './harness.mjs';

let talent;
let browser;
before(async () => {
  talent = await serve('/talent/');
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await talent?.close();
});

/** Every HTML page of the build, relative to its root. */
async function htmlFiles() {
  const entries = await readdir(DIST, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => join(e.parentPath ?? e.path, e.name).slice(DIST.length).replace(/^\//, ''));
}

const DIRECTIVES = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
];

test('every baked page has the CSP, no inline script or style attribute, and only relative URLs', async () => {
  const files = await htmlFiles();
  // Every view at the root and under zh/, and an embed page per chart.
  for (const { path } of PAGES) assert.ok(files.includes(`${path}index.html`), `${path}index.html is baked`);
  assert.ok(files.some((f) => f.startsWith('embed/')), 'embed pages are baked');
  for (const file of files) {
    const html = await readFile(join(DIST, file), 'utf8');
    const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)?.[1];
    assert.ok(policy, `${file}: has a CSP`);
    const directives = policy.split(/;\s*/);
    for (const d of DIRECTIVES) assert.ok(directives.includes(d), `${file}: CSP has ${d}`);
    assert.doesNotMatch(policy, /'unsafe-inline'|'unsafe-eval'|https?:|\*/, file);
    const inline = [...html.matchAll(/<script\b([^>]*)>/g)].filter(([, attrs]) => !/\ssrc=/.test(attrs));
    assert.equal(inline.length, 0, `${file}: no inline script`);
    assert.doesNotMatch(html, /\sstyle="/, `${file}: no style attribute (the CSP blocks them)`);
    assert.doesNotMatch(html, /\son[a-z]+="/, `${file}: no inline event handler`);
    // What the page loads, and its links within the site, are relative; a link to a
    // source's own page (an <a> to http: or https:) is the one address elsewhere.
    for (const [, tag, attrs] of html.matchAll(/<([a-z]+)\b([^>]*)>/g)) {
      for (const [, attr, url] of attrs.matchAll(/\s(href|src|srcset|data-js|data-wasm)="([^"]*)"/g)) {
        if (tag === 'a' && attr === 'href' && /^https?:\/\/[^/]/.test(url)) continue;
        assert.doesNotMatch(url, /^(\/|[a-z][a-z0-9+.-]*:)/i, `${file}: <${tag} ${attr}="${url}"> is relative`);
      }
    }
  }
  const sw = await readFile(join(DIST, 'sw.js'), 'utf8');
  // The Workbox runtime is bundled in, and every precached URL is relative.
  assert.doesNotMatch(sw, /importScripts|url:\s*"(https?:)?\/\//, 'sw.js loads nothing from elsewhere');
  assert.match(sw, /url:\s*"index\.html"/);
  assert.match(sw, /url:\s*"zh\/flows\/index\.html"/);
});

test('under /talent/ every view opens, in place and by link, and the worker is scoped to /talent/', async () => {
  const { page, context, problems } = await openPage(browser, `${talent.url}?lang=en`);
  for (const view of Object.keys(VIEWS).reverse()) {
    await page.click(`.site-nav a[data-view="${view}"]`);
    await page.waitForFunction((v) => document.documentElement.dataset.page === v, view);
    await allLive(page);
    assert.equal(new URL(page.url()).pathname, `/talent/${VIEWS[view]}`);
    assert.equal(await page.getAttribute(`.site-nav a[data-view="${view}"]`, 'aria-current'), 'page');
  }
  await page.waitForFunction(() => navigator.serviceWorker.controller?.state === 'activated');
  const sw = await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    return { scope: registration.scope, script: registration.active.scriptURL };
  });
  assert.equal(sw.scope, talent.url);
  assert.equal(sw.script, `${talent.url}sw.js`);

  // Each page opened by its own link under the sub-path, with its charts drawn.
  for (const { view, path } of PAGES) {
    await page.goto(`${talent.url}${path}`);
    await allLive(page);
    assert.equal(await page.getAttribute('html', 'data-page'), view, path);
    for (const canvas of await page.locator('main canvas').all()) {
      assert.ok((await inkRatio(canvas)) > 0, `${path}: every canvas has ink`);
    }
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test('the manifest is served, valid and relative, from every folder, and its icons load', async () => {
  const { page, context, problems } = await openPage(browser, `${talent.url}zh/flows/`);
  const href = await page.evaluate(() => document.querySelector('link[rel=manifest]').href);
  assert.equal(href, `${talent.url}manifest.webmanifest`, 'the nested page links the one manifest');
  const response = await page.request.get(href);
  assert.equal(response.status(), 200);
  assert.equal(response.headers()['content-type'], 'application/manifest+json');
  const manifest = JSON.parse(await response.text());
  assert.equal(manifest.start_url, './');
  assert.equal(manifest.scope, './');
  assert.equal(manifest.theme_color, '#005a8c');
  assert.match(manifest.name, /AI Talent Atlas/);
  assert.match(manifest.name, /全球AI人才图谱/);
  assert.equal(manifest.display, 'standalone');
  const sizes = new Set();
  for (const icon of manifest.icons) {
    assert.doesNotMatch(icon.src, /^(\/|[a-z]+:)/i, `relative icon ${icon.src}`);
    const url = new URL(icon.src, href).href;
    assert.ok(url.startsWith(talent.url), url);
    const size = await page.evaluate(async (src) => {
      const img = new Image();
      img.src = src;
      await img.decode();
      return `${img.naturalWidth}x${img.naturalHeight}`;
    }, url);
    assert.equal(size, icon.sizes, icon.src);
    sizes.add(`${icon.sizes} ${icon.purpose}`);
  }
  for (const want of ['192x192 any', '512x512 any', '512x512 maskable']) assert.ok(sizes.has(want), want);
  assert.equal(await page.getAttribute('meta[name=theme-color]', 'content'), '#005a8c');
  assert.equal(
    await page.evaluate(() => document.querySelector('link[rel=apple-touch-icon]').href),
    `${talent.url}icons/icon-192.png`,
  );
  // After moving in place to another folder, the head still names the same files.
  await page.click('.site-nav a[data-view=story]');
  await page.waitForFunction(() => document.documentElement.dataset.page === 'story');
  assert.equal(await page.evaluate(() => document.querySelector('link[rel=manifest]').href), href);
  assert.deepEqual(problems, []);
  await context.close();
});
