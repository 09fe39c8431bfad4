// Share links and exports against the release build: a link reproduces the sender's
// pixels, malformed links leave a working page, and the CSV and PNG files hold what
// the chart shows.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { serve, launch, openPage, inkRatio } from './harness.mjs';

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

const pixels = (page, id) =>
  page.locator(`[data-testid=${id}-chart] canvas`).evaluate((c) => c.toDataURL());

async function settled(page) {
  // The link is rewritten after a short debounce; wait until it stops changing.
  let last = '';
  for (let i = 0; i < 20; i += 1) {
    const now = await page.locator('[data-testid=share-link]').inputValue();
    if (now === last && page.url() === now) return now;
    last = now;
    await page.waitForTimeout(100);
  }
  return last;
}

test('a shared link reproduces the same chart pixels in a fresh browser', async () => {
  const sender = await openPage(browser, `${server.url}?lang=zh`);
  await sender.page.click('[data-testid=year-2022]');
  await sender.page.click('[data-testid=tier-elite]');
  await sender.page.click('[data-testid=sort-origin]');
  const link = await settled(sender.page);
  assert.match(link, /y=2022/);
  assert.match(link, /tier=elite/);
  assert.match(link, /sort=1/);
  const sent = await pixels(sender.page, 'origin');

  const receiver = await openPage(browser, link);
  await receiver.page.waitForFunction(() => document.querySelector('[data-testid=origin-chart] canvas')?.width > 0);
  assert.equal(await pixels(receiver.page, 'origin'), sent);
  assert.equal(await receiver.page.getAttribute('[data-testid=tier-elite]', 'aria-pressed'), 'true');
  assert.deepEqual([...sender.problems, ...receiver.problems], []);
  await sender.context.close();
  await receiver.context.close();
});

test('malformed links each give a working page', async () => {
  const links = {
    truncated: '?v=1&view=flo',
    'wrong types': '?y=abc&tier=3&sort=maybe&r=xyz',
    'huge numbers': '?r=1e308&end=99999999999&g=-1e300&cu=1e9',
    'unknown version': '?v=2&view=whatif',
    'random bytes': '?%FF%FE%00%01=%E2%28%A1&&&==&v',
  };
  for (const [name, query] of Object.entries(links)) {
    const { page, problems, context } = await openPage(browser, server.url + query);
    assert.ok(await page.locator('main section.view').first().isVisible(), name);
    assert.ok(await page.locator('nav a').first().isVisible(), name);
    assert.deepEqual(problems, [], name);
    await context.close();
  }
});

test('the CSV download holds exactly the table of the chart', async () => {
  const { page, problems, context } = await openPage(browser, `${server.url}?lang=en`, { acceptDownloads: true });
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=top100-csv]')]);
  assert.equal(download.suggestedFilename(), 'ai-talent_top100_en.csv');
  const text = (await readFile(await download.path(), 'utf8')).replace(/^\uFEFF/, '');
  const lines = text.trim().split('\r\n').filter((l) => !l.startsWith('# '));
  await page.click('[data-testid=top100-table-toggle]');
  const header = await page.locator('[data-testid=chart-table] thead th').allInnerTexts();
  const rows = await page.locator('[data-testid=chart-table] tbody tr').evaluateAll((trs) =>
    trs.map((tr) => [...tr.children].map((cell) => cell.innerText)),
  );
  const quote = (cell) => (/[",\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell);
  assert.deepEqual(lines, [header, ...rows].map((row) => row.map(quote).join(',')));
  assert.match(text, /^# Where the world's 100 most influential AI scholars work/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the PNG download is an image at twice the chart size', async () => {
  const { page, problems, context } = await openPage(browser, `${server.url}?lang=en`, { acceptDownloads: true });
  const canvas = page.locator('[data-testid=top100-chart] canvas');
  const css = await canvas.evaluate((c) => [c.clientWidth, c.clientHeight]);
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=top100-png]')]);
  assert.equal(download.suggestedFilename(), 'ai-talent_top100_en.png');
  const png = await readFile(await download.path());
  assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [css[0] * 2, css[1] * 2]);
  // The page's own canvas is back at screen resolution and still drawn.
  await page.waitForFunction((w) => document.querySelector('[data-testid=top100-chart] canvas').width === w, css[0]);
  assert.ok((await inkRatio(canvas)) > 0.01);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the dark theme is kept in the link and redraws the charts', async () => {
  const { page, problems, context } = await openPage(browser, `${server.url}?lang=en`);
  const before = await pixels(page, 'top100');
  await page.click('[data-testid=theme-toggle]');
  assert.equal(await page.getAttribute('html', 'data-theme'), 'dark');
  assert.match(await settled(page), /theme=dark/);
  await page.waitForFunction((old) => document.querySelector('[data-testid=top100-chart] canvas').toDataURL() !== old, before);
  const corner = await page
    .locator('[data-testid=top100-chart] canvas')
    .evaluate((c) => [...c.getContext('2d').getImageData(1, 1, 1, 1).data].slice(0, 3));
  assert.ok(corner.every((v) => v < 60), `dark background, got ${corner}`);
  assert.deepEqual(problems, []);
  await context.close();
});

test('Copy link puts the link of the view on the clipboard', async () => {
  const { page, problems, context } = await openPage(browser, `${server.url}?v=1&view=subfields&lang=en`);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const link = await settled(page);
  await page.click('[data-testid=copy-link]');
  await page.waitForSelector('[data-testid=share-status]:has-text("Link copied")');
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), link);
  assert.match(await page.locator('[data-testid=citation-bibtex]').textContent(), /@misc\{aitalentatlas\d{4},/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the what-if CSV names the scenario parameters in its header', async () => {
  const { page, problems, context } = await openPage(browser, `${server.url}?v=1&view=whatif&lang=en&r=0.9`, {
    acceptDownloads: true,
  });
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=whatif-shares-csv]')]);
  const text = await readFile(await download.path(), 'utf8');
  assert.match(text, /^# scenario: US retention of China-origin researchers 90\.0% a year \(53\.1% over six years\)/m);
  assert.match(text, /^# Exported from AI Talent Atlas: .*r=0\.9/m);
  assert.deepEqual(problems, []);
  await context.close();
});
