// Sharing one chart: "Copy link to this chart" copies a link that, opened, scrolls to and
// focuses that chart with the sender's state; a chart's embed code, put in a page of
// another site (another loopback port), loads the embed page, which posts its height
// (the iframe takes it), keeps the language and state, and breaks no rule.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, launch, openPage, pixels, waitForUrl, visibleText } from './harness.mjs';
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

const canvas = (page, id) => page.locator(`[data-chart-canvas="${id}"]`);

/** Highlights the country the origin chart's keyboard reaches first; returns its key. */
async function highlightFirst(page) {
  await canvas(page, 'origin').focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
  const url = await waitForUrl(page, /[?&]hl=/);
  return new URL(url).searchParams.get('hl');
}

test('"Copy link to this chart" copies a link that opens on that chart, focused, with the state', async () => {
  const permissions = ['clipboard-read', 'clipboard-write'];
  const { page, context, problems } = await openPage(browser, `${server.url}countries/?lang=zh`, { permissions });
  const hl = await highlightFirst(page);
  const button = page.locator('[data-copy-link=top100]');
  assert.equal(await visibleText(button), copyText('chart.copy_link', 'zh'));
  await button.click();
  await page.locator('[data-copy-status=top100]').filter({ hasText: copyText('chart.copied', 'zh') }).waitFor();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  const url = new URL(link);
  // A Chinese reader's link names the Chinese copy of the page, not a query.
  assert.equal(url.origin + url.pathname, `${server.url}zh/countries/`);
  assert.equal(url.hash, '#top100');
  assert.equal(url.searchParams.get('lang'), null);
  assert.equal(url.searchParams.get('hl'), hl);
  // Blur the focused canvas so its drawing has no focus ring, like the receiver's.
  await page.evaluate(() => document.activeElement.blur());
  const sent = await pixels(canvas(page, 'top100'));

  // A reader with a small screen opens it.
  const reader = await openPage(browser, link, { viewport: { width: 1100, height: 600 } });
  const r = reader.page;
  assert.equal(await r.evaluate(() => document.activeElement?.id), 'top100', 'the chart is focused');
  const box = await r.locator('#top100').boundingBox();
  assert.ok(box.y >= -1 && box.y < 600, `the chart is scrolled into view: top at ${box.y}`);
  assert.ok((await r.evaluate(() => scrollY)) > 0, 'the page scrolled down to it');
  assert.equal(await r.getAttribute('html', 'lang'), 'zh-Hans');
  assert.equal(new URL(r.url()).searchParams.get('hl'), hl);
  assert.equal(await pixels(canvas(r, 'top100')), sent, 'the same chart, highlight and all');
  assert.deepEqual(reader.problems, []);
  await reader.context.close();
  assert.deepEqual(problems, []);
  await context.close();
});

test("a chart's embed code works in another site's page: height, language, state, no errors", async () => {
  const { page, context, problems } = await openPage(browser, `${server.url}countries/?lang=zh`);
  const hl = await highlightFirst(page);
  const code = page.locator('textarea[data-embed-code=top100][data-l=zh]');
  // The app writes the current state into the snippet.
  await page.waitForFunction(() => /hl=/.test(document.querySelector('textarea[data-embed-code=top100][data-l=zh]').value));
  const snippet = await code.inputValue();
  assert.match(snippet, /<iframe /);
  await context.close();
  assert.deepEqual(problems, []);

  // Another site, on another port: a page with some text and the snippet.
  const article = `<!DOCTYPE html><html lang="zh-Hans"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Article</title></head>
<body><h1>An article</h1><p>Some text before the chart.</p>${snippet}<p>After.</p></body></html>`;
  const empty = await mkdtemp(join(tmpdir(), 'talent-article-'));
  const other = await serve('/', empty, {}, { extra: { '/article.html': { type: 'text/html; charset=utf-8', body: article } } });
  try {
    const host = await openPage(browser, `${other.url}article.html`, { wait: 'load' });
    const { page: p } = host;
    // The problems list also records requests to other origins: the embed's are expected.
    const frameElement = p.locator('iframe');
    await frameElement.scrollIntoViewIfNeeded();
    const frame = await (await frameElement.elementHandle()).contentFrame();
    await frame.waitForFunction(() => window.__talent?.started === true);
    await frame.waitForFunction(() =>
      [...document.querySelectorAll('main [data-plot]')].every((plot) => plot.classList.contains('live')),
    );
    assert.equal(await frame.evaluate(() => document.documentElement.lang), 'zh-Hans', 'the embed keeps the language');
    assert.equal(new URL(frame.url()).searchParams.get('hl'), hl, 'and the state');
    assert.equal(await frame.locator('[data-chart-canvas=top100]').count(), 1);
    // The iframe takes the height the embed page posts, within a few pixels of its content.
    await p.waitForFunction(() => document.querySelector('iframe').style.height !== '');
    const content = await frame.evaluate(() => Math.ceil(document.body.getBoundingClientRect().height));
    await p.waitForFunction(
      (h) => Math.abs(document.querySelector('iframe').getBoundingClientRect().height - h) <= 4,
      content,
    );
    const foreign = (text) => text.startsWith('request to another origin: ') && text.includes(server.url);
    assert.deepEqual(host.problems.filter((t) => !foreign(t)), [], 'no console error or CSP violation');
    await host.context.close();
  } finally {
    await other.close();
    await rm(empty, { recursive: true, force: true });
  }
});
