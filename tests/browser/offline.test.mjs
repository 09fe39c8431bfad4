// Offline reading and updates against the release build: the service worker precaches the
// whole app, every view works with the server stopped and the network off, and a new
// version waits for the reader's Reload in a bilingual banner, then replaces the old cache.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DIST, launch, openPage, serve } from './harness.mjs';

const VIEWS = ['countries', 'subfields', 'flows', 'whatif', 'sources'];

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

test('after one visit every view works with the server stopped and the network off', async (t) => {
  const server = await serveCopy('/');
  t.after(async () => {
    await server.stop();
    await server.remove();
  });
  const { page, context, problems } = await openPage(browser, server.url);
  const { scope, names, urls } = await waitForControl(page);
  assert.equal(scope, server.url);
  assert.equal(names.length, 1, `one versioned precache: ${names}`);
  assert.match(names[0], /^talent-atlas-[0-9a-f]{12}-precache-v2-/);
  for (const kind of [/index\.html/, /_bg\.wasm$/, /talent_app-[0-9a-f]+\.js$/, /\.css$/, /start-[0-9a-f]+\.js$/, /icon-512\.png/, /manifest\.webmanifest/]) {
    assert.ok(urls.some((url) => kind.test(url)), `precached: ${kind}`);
  }

  await server.stop();
  await context.setOffline(true);
  await page.reload();
  await page.waitForSelector('main section.view');
  for (const view of VIEWS) {
    await page.click(`[data-testid=nav-${view}]`);
    await page.waitForSelector('main section.view');
    assert.equal(await page.getAttribute(`[data-testid=nav-${view}]`, 'aria-current'), 'page');
  }

  // A shared link, opened cold while offline, is served from the precached page.
  await page.goto(`${server.url}?view=sources&lang=zh`);
  await page.waitForSelector('[data-testid=view-sources]');
  assert.equal(await page.getAttribute('html', 'lang'), 'zh-Hans');

  assert.deepEqual(problems, []);
  await context.close();
});

test('a new version waits for Reload in a bilingual banner, then replaces the old cache', async (t) => {
  const server = await serveCopy('/');
  t.after(async () => {
    await server.stop();
    await server.remove();
  });
  const { page, context, problems } = await openPage(browser, `${server.url}?lang=en`);
  const first = await waitForControl(page);
  assert.equal(await page.locator('[data-testid=update-banner]').count(), 0, 'no banner on a first visit');

  // A new build: same files, a new cache version in sw.js.
  const swPath = join(server.dir, 'sw.js');
  const sw = await readFile(swPath, 'utf8');
  const [oldCacheId] = sw.match(/talent-atlas-[0-9a-f]{12}/);
  const newCacheId = 'talent-atlas-0123456789ab';
  assert.notEqual(oldCacheId, newCacheId);
  await writeFile(swPath, sw.replaceAll(oldCacheId, newCacheId));
  await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());

  const banner = page.locator('[data-testid=update-banner]');
  await banner.waitFor();
  assert.equal(await banner.getAttribute('role'), 'status');
  assert.equal((await banner.innerText()).replace(/\s+/g, ' ').trim(), 'A new version is ready · Reload');
  await page.click('[data-testid=lang-zh-Hans]');
  await page.waitForFunction(() => document.querySelector('[data-testid=update-banner]').lang === 'zh-Hans');
  assert.equal((await banner.innerText()).replace(/\s+/g, ' ').trim(), '新版本已就绪 · 重新加载');
  // The new version is cached beside the old one, which serves the page until the reader chooses.
  const waiting = await page.evaluate(() => caches.keys());
  assert.ok(waiting.includes(first.names[0]), `old cache kept while waiting: ${waiting}`);
  assert.ok(waiting.some((name) => name.startsWith(newCacheId)), `new cache filled: ${waiting}`);

  await Promise.all([page.waitForEvent('load'), page.click('[data-testid=update-reload]')]);
  await page.waitForSelector('main section.view');
  const second = await waitForControl(page);
  assert.equal(second.names.length, 1, `old cache removed: ${second.names}`);
  assert.match(second.names[0], new RegExp(`^${newCacheId}-precache-v2-`));
  assert.equal(await page.locator('[data-testid=update-banner]').count(), 0);

  assert.deepEqual(problems, []);
  await context.close();
});
