// Static hosting against the release build: the folder works under a sub-path, asks
// nothing of another origin, keeps to its Content Security Policy, and is installable.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DIST, serve, launch, openPage } from './harness.mjs';

const VIEWS = ['countries', 'subfields', 'flows', 'whatif', 'sources'];

let root;
let talent;
let browser;
before(async () => {
  root = await serve('/');
  talent = await serve('/talent/');
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await root?.close();
  await talent?.close();
});

/** Opens `url` with the harness, also recording every Content Security Policy violation. */
async function openWatched(url) {
  const opened = await openPage(browser, url, {
    initScript: () => {
      window.__cspViolations = [];
      document.addEventListener('securitypolicyviolation', (e) => {
        window.__cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`);
      });
    },
  });
  return { ...opened, violations: () => opened.page.evaluate(() => window.__cspViolations) };
}

test('under /talent/ every view mounts and the worker registers with scope /talent/', async () => {
  const { page, context, problems, violations } = await openWatched(`${talent.url}?lang=en`);
  for (const view of VIEWS) {
    await page.click(`[data-testid=nav-${view}]`);
    await page.waitForSelector('main section.view');
    assert.equal(await page.getAttribute(`[data-testid=nav-${view}]`, 'aria-current'), 'page');
    assert.ok(new URL(page.url()).pathname.startsWith('/talent/'), page.url());
  }
  await page.waitForFunction(() => navigator.serviceWorker.controller?.state === 'activated');
  const sw = await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    return { scope: registration.scope, script: registration.active.scriptURL };
  });
  assert.equal(sw.scope, talent.url);
  assert.equal(sw.script, `${talent.url}sw.js`);

  // A link to a view, loaded fresh under the sub-path.
  await page.goto(`${talent.url}?view=flows&lang=zh`);
  await page.waitForSelector('main section.view');
  assert.equal(await page.getAttribute('[data-testid=nav-flows]', 'aria-current'), 'page');
  assert.deepEqual(await violations(), []);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the page keeps to its Content Security Policy and asks no other origin', async () => {
  const { page, context, problems, violations } = await openWatched(`${root.url}?lang=en`);
  const policy = await page.getAttribute('meta[http-equiv=Content-Security-Policy]', 'content');
  for (const directive of [
    "default-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "connect-src 'self'",
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ]) {
    assert.ok(policy.split(/;\s*/).includes(directive), `CSP has ${directive}: ${policy}`);
  }
  assert.doesNotMatch(policy, /'unsafe-inline'|'unsafe-eval'|https?:|\*/);
  assert.equal(await page.locator('script:not([src])').count(), 0, 'no inline script');

  // Exercise the app: every view, both languages, the chart's keyboard tooltip.
  for (const view of VIEWS) {
    await page.click(`[data-testid=nav-${view}]`);
    await page.waitForSelector('main section.view');
  }
  await page.click('[data-testid=nav-countries]');
  await page.click('[data-testid=lang-zh-Hans]');
  await page.click('[data-testid=lang-en]');
  const canvas = page.locator('[data-testid=top100-chart] canvas');
  await canvas.focus();
  await page.keyboard.press('ArrowDown');
  await page.locator('[data-testid=tooltip]').waitFor();
  await page.waitForFunction(() => navigator.serviceWorker.controller?.state === 'activated');
  await page.reload();
  await page.waitForSelector('main section.view');

  assert.deepEqual(await violations(), []);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the built page names only relative URLs and nothing outside the origin', async () => {
  const html = await readFile(join(DIST, 'index.html'), 'utf8');
  const urls = [...html.matchAll(/\s(?:href|src|data-js|data-wasm)="([^"]*)"/g)].map((m) => m[1]);
  assert.ok(urls.length >= 8, urls.join(' '));
  for (const url of urls) assert.match(url, /^\.\//, `relative: ${url}`);
  const sw = await readFile(join(DIST, 'sw.js'), 'utf8');
  // The Workbox runtime is bundled in, and every precached URL is relative.
  assert.doesNotMatch(sw, /importScripts|url:\s*"(https?:)?\/\//, 'sw.js loads nothing from elsewhere');
  assert.match(sw, /url:\s*"index\.html"/);
});

test('the manifest is served, valid, relative, and its icons load', async () => {
  const { page, context, problems } = await openPage(browser, talent.url);
  const href = await page.evaluate(() => document.querySelector('link[rel=manifest]').href);
  assert.equal(href, `${talent.url}manifest.webmanifest`);
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
  assert.deepEqual(problems, []);
  await context.close();
});
