// Moving around: a view link swaps the page in place (no reload), keeps language and
// theme and pushes one history entry; Back returns; an entry that is not canonical is
// rewritten when Back lands on it, so the history does not grow; old links land on their
// view's page; a malformed link says what it changed and opens a working page; and many
// round trips between views do not grow the wasm's memory.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openPage, allLive, waitForUrl, visibleText } from './harness.mjs';
import { copyText } from './facts.mjs';

let server;
let browser;
before(async () => {
  server = await serve('/');
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const path = (url) => new URL(url).pathname;
/** Clicks the navigation's link to `view` and waits until its page is shown and live. */
async function goTo(page, view) {
  await page.click(`.site-nav a[data-view="${view}"]`);
  await page.waitForFunction((v) => document.documentElement.dataset.page === v, view);
  await allLive(page);
}

test('view links swap the page without a reload, keep language and theme, and Back returns', async () => {
  const { page, context, problems } = await openPage(browser, `${server.url}?lang=zh&theme=dark`);
  await page.evaluate(() => {
    window.__marker = 1;
  });
  const length = await page.evaluate(() => history.length);

  await goTo(page, 'flows');
  assert.equal(await page.evaluate(() => window.__marker), 1, 'the page was not reloaded');
  const url = new URL(page.url());
  assert.equal(url.pathname, '/flows/');
  assert.equal(url.searchParams.get('lang'), 'zh');
  assert.equal(url.searchParams.get('theme'), 'dark');
  assert.equal(await page.getAttribute('html', 'lang'), 'zh-Hans');
  assert.equal(await page.getAttribute('html', 'data-theme'), 'dark');
  assert.equal(await page.getAttribute('.site-nav a[data-view=flows]', 'aria-current'), 'page');
  assert.equal(await page.locator('main [data-plot="careers-carnegie"]').count(), 1, "the flows page's charts are in");
  assert.equal(await page.evaluate(() => history.length), length + 1, 'one history entry');
  assert.match(await page.title(), new RegExp(copyText('nav.flows', 'en')));

  // A second hop, from a page one folder down to another.
  await goTo(page, 'countries');
  assert.equal(path(page.url()), '/countries/');
  assert.equal(await page.evaluate(() => history.length), length + 2);
  await page.goBack();
  await page.waitForFunction(() => document.documentElement.dataset.page === 'flows');
  assert.equal(path(page.url()), '/flows/');

  await page.goBack();
  await page.waitForFunction(() => document.documentElement.dataset.page === 'story');
  await allLive(page);
  assert.equal(path(page.url()), '/');
  assert.equal(await page.evaluate(() => window.__marker), 1, 'Back did not reload');
  assert.equal(await page.getAttribute('html', 'lang'), 'zh-Hans');
  assert.equal(await page.getAttribute('.site-nav a[data-view=story]', 'aria-current'), 'page');
  assert.equal(await page.locator('main [data-plot="finding-origin"]').count(), 1);
  assert.deepEqual(problems, []);
  await context.close();
});

test('Back onto an entry that is not canonical rewrites it, so 16 rounds do not grow the history', async () => {
  const { page, context, problems } = await openPage(browser, `${server.url}?lang=en`);
  await page.evaluate(() => history.pushState(null, '', '?v=1&lang=en&junk=1'));
  const length = await page.evaluate(() => history.length);
  for (let round = 1; round <= 16; round += 1) {
    await goTo(page, 'flows');
    await page.goBack();
    await page.waitForFunction(() => document.documentElement.dataset.page === 'story');
    const url = await waitForUrl(page, (u) => !/junk|v=1/.test(u));
    assert.equal(path(url), '/');
    assert.equal(new URL(url).searchParams.get('lang'), 'en', `round ${round}: the language is kept`);
    assert.equal(await page.evaluate(() => history.length), length + 1, `round ${round}: the history did not grow`);
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test('an old link (?v=1&view=flows&lang=zh) lands on flows/ in Chinese', async () => {
  const { page, context, problems } = await openPage(browser, `${server.url}?v=1&view=flows&lang=zh`, { wait: 'load' });
  await waitForUrl(page, (u) => path(u) === '/flows/');
  await allLive(page);
  assert.equal(await page.getAttribute('html', 'data-page'), 'flows');
  assert.equal(await page.getAttribute('html', 'lang'), 'zh-Hans');
  assert.equal(await page.getAttribute('.site-nav a[data-view=flows]', 'aria-current'), 'page');
  assert.equal(await visibleText(page.locator('main h1')), copyText('nav.flows', 'zh'));
  assert.equal(new URL(page.url()).searchParams.get('view'), null);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a malformed link says what it changed and opens a working page', async () => {
  for (const [link, lang, says] of [
    ['countries/?v=2&lang=zh&theme=purple', 'zh', copyText('notice.ignored', 'zh', { key: 'theme', raw: 'purple' })],
    ['flows/?v=99&lang=en', 'en', copyText('notice.unknown_version', 'en', { raw: '99' })],
  ]) {
    const { page, context, problems } = await openPage(browser, `${server.url}${link}`);
    const notice = page.locator('[data-link-notice]');
    assert.equal(await notice.getAttribute('role'), 'status');
    const text = await visibleText(notice);
    assert.ok(text.startsWith(copyText('app.link_notice', lang)), text);
    assert.ok(text.includes(says), `${link}: ${text}`);
    assert.equal(await page.getAttribute('html', 'lang'), lang === 'zh' ? 'zh-Hans' : 'en');
    assert.ok((await page.locator('main canvas').count()) > 0, 'the charts are live');
    await notice.getByRole('button').click();
    await notice.waitFor({ state: 'detached' });
    assert.deepEqual(problems, [], link);
    await context.close();
  }
});

test('100 round trips between Countries and Sources grow the wasm memory by at most 256 KB', { timeout: 240000 }, async () => {
  const { page, context, problems } = await openPage(browser, `${server.url}countries/?lang=en`);
  const memory = () => page.evaluate(() => window.__talent.memory.buffer.byteLength);
  // Warm up: the first trips fill the allocator's free lists and caches.
  for (let i = 0; i < 5; i += 1) {
    await goTo(page, 'sources');
    await goTo(page, 'countries');
  }
  const start = await memory();
  for (let i = 0; i < 100; i += 1) {
    await goTo(page, 'sources');
    await goTo(page, 'countries');
  }
  const grown = (await memory()) - start;
  console.log(`wasm memory ${start / 1024} KiB, grown by ${grown / 1024} KiB over 100 round trips`);
  assert.ok(grown <= 256 * 1024, `grew by ${grown / 1024} KiB`);
  assert.equal(await page.locator('main [data-plot]').count(), await page.locator('main canvas').count(), 'one canvas per chart');
  assert.deepEqual(problems, []);
  await context.close();
});
