// Offline reading and updates: after one visit the service worker controls the page and
// has precached the app, every page and the bundle of all the data; with the server
// stopped and the network off, each view's page reloads and works, in both languages,
// including pages never visited, and "Download all" gives the whole bundle;
// and a new version waits for the reader's Reload in a bilingual banner, then replaces
// the old cache.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DIST, launch, openPage, allLive, inkRatio, serve, PAGES, visibleText, waitForUrl } from './harness.mjs';
import { copyText } from './facts.mjs';

/**
 * Serves a private copy of dist/ under `base`, so a test can change its files (a new
 * sw.js) and stop the server for good (every open connection is cut).
 */
async function serveCopy(base = '/') {
  const dir = await mkdtemp(join(tmpdir(), 'talent-dist-'));
  await cp(DIST, dir, { recursive: true });
  const server = await serve(base, dir);
  return {
    url: server.url,
    dir,
    stop: server.close,
    async remove() {
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Waits until an activated service worker controls the page; returns its scope and caches. */
async function waitForControl(page) {
  await page.waitForFunction(() => navigator.serviceWorker.controller?.state === 'activated');
  return page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    const names = await caches.keys();
    const urls = [];
    for (const name of names) {
      for (const request of await (await caches.open(name)).keys()) urls.push(request.url);
    }
    return { scope: registration.scope, names, urls };
  });
}

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

test('after one visit every page works with the server stopped and the network off', { timeout: 120000 }, async (t) => {
  const server = await serveCopy('/');
  t.after(async () => {
    await server.stop();
    await server.remove();
  });
  const { page, context, problems } = await openPage(browser, `${server.url}?lang=en`);
  const { scope, names, urls } = await waitForControl(page);
  assert.equal(scope, server.url);
  const precache = names.filter((n) => n.includes('-precache-'));
  assert.equal(precache.length, 1, `one versioned precache: ${names}`);
  assert.match(precache[0], /^talent-atlas-[0-9a-f]{12}-precache-v2-/);
  const cached = (pattern) => urls.some((url) => pattern.test(url.split('?')[0]));
  for (const kind of [/_bg\.wasm$/, /talent_app-[0-9a-f]+\.js$/, /app-[0-9a-f]+\.css$/, /start-[0-9a-f]+\.js$/, /icon-512\.png$/, /manifest\.webmanifest$/]) {
    assert.ok(cached(kind), `precached: ${kind}`);
  }
  for (const { path } of PAGES) assert.ok(urls.some((u) => u.split('?')[0] === `${server.url}${path}index.html`), `precached: ${path}index.html`);

  await server.stop();
  await context.setOffline(true);
  // Offline, a page whose pictures were never shown cannot load them; its canvases
  // replace them. Anything else failing is a fault.
  const pictureMissing = (p) => /Failed to load resource: net::ERR_(FAILED|INTERNET_DISCONNECTED)/.test(p);
  const before = problems.length;

  // The page visited, reloaded; then every view in place; then every page by its link.
  await page.reload();
  await allLive(page);
  for (const view of ['countries', 'flows', 'sources', 'story']) {
    await page.click(`.site-nav a[data-view="${view}"]`);
    await page.waitForFunction((v) => document.documentElement.dataset.page === v, view);
    await allLive(page);
  }
  for (const { view, zh, path } of PAGES) {
    await page.goto(`${server.url}${path}`);
    await allLive(page);
    assert.equal(await page.getAttribute('html', 'data-page'), view, path);
    assert.equal(await page.getAttribute('html', 'lang'), zh ? 'zh-Hans' : 'en', path);
    for (const canvas of await page.locator('main canvas').all()) {
      assert.ok((await inkRatio(canvas)) > 0, `${path}: a canvas has ink offline`);
    }
  }
  // "Download all" in the footer: the bundle of all the data, whole, from the cache.
  const bundle = await readFile(join(server.dir, 'downloads/ai-talent-atlas-data.zip'));
  const href = await page.locator('footer a[href$="downloads/ai-talent-atlas-data.zip"]').getAttribute('href');
  const fetched = await page.evaluate(async (url) => {
    const res = await fetch(url);
    return { ok: res.ok, bytes: [...new Uint8Array(await res.arrayBuffer())].length };
  }, href);
  assert.deepEqual(fetched, { ok: true, bytes: bundle.length }, 'Download all works offline');
  // A shared link with a state, opened cold.
  await page.goto(`${server.url}flows/?lang=zh&theme=dark`);
  await allLive(page);
  assert.equal(await page.getAttribute('html', 'data-theme'), 'dark');
  assert.deepEqual(problems.slice(0, before), []);
  const offline = problems.slice(before);
  console.log(`offline: ${offline.filter(pictureMissing).length} pictures not cached (their canvases replaced them)`);
  assert.deepEqual(offline.filter((p) => !pictureMissing(p)), []);
  await context.close();
});

test('a new version waits for Reload in a bilingual banner, then replaces the old cache', async (t) => {
  const server = await serveCopy('/');
  t.after(async () => {
    await server.stop();
    await server.remove();
  });
  const { page, context, problems } = await openPage(browser, `${server.url}countries/?lang=en`);
  const first = await waitForControl(page);
  const banner = page.locator('#update-banner');
  assert.equal(await banner.count(), 0, 'no banner on a first visit');

  // A new build: same files, a new cache version in sw.js.
  const swPath = join(server.dir, 'sw.js');
  const sw = await readFile(swPath, 'utf8');
  const [oldCacheId] = sw.match(/talent-atlas-[0-9a-f]{12}/);
  const newCacheId = 'talent-atlas-0123456789ab';
  assert.notEqual(oldCacheId, newCacheId);
  await writeFile(swPath, sw.replaceAll(oldCacheId, newCacheId));
  await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());

  await banner.waitFor();
  assert.equal(await banner.getAttribute('role'), 'status');
  const say = (lang) => `${copyText('app.update_ready', lang)} · ${copyText('app.update_reload', lang)}`;
  assert.equal(await visibleText(banner), say('en'));
  await page.click('a[data-lang=zh]');
  await page.waitForFunction(() => document.getElementById('update-banner').lang === 'zh-Hans');
  await waitForUrl(page, /[?&]lang=zh/);
  assert.equal(await visibleText(banner), say('zh'));
  // The new version is cached beside the old one, which serves the page until the reader chooses.
  const waiting = await page.evaluate(() => caches.keys());
  assert.ok(waiting.some((n) => n.startsWith(oldCacheId)), `old cache kept while waiting: ${waiting}`);
  assert.ok(waiting.some((n) => n.startsWith(newCacheId)), `new cache filled: ${waiting}`);

  await Promise.all([page.waitForEvent('load'), banner.locator('button').click()]);
  await allLive(page);
  const second = await waitForControl(page);
  assert.deepEqual(second.names.filter((n) => n.startsWith(oldCacheId)), [], `old caches removed: ${second.names}`);
  assert.ok(second.names.some((n) => n.startsWith(`${newCacheId}-precache-v2-`)), second.names.join(' '));
  assert.equal(await banner.count(), 0);
  assert.equal(await page.getAttribute('html', 'lang'), 'zh-Hans', 'the reload keeps the language');
  assert.deepEqual(problems, []);
  await context.close();
});
