// The app shell against the release build: every view mounts without errors, the
// first chart draws, the language switch covers the page, and links hold the view.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openPage, inkRatio } from './harness.mjs';
import { factText, factValue, seeds } from './facts.mjs';

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

const VIEWS = ['countries', 'subfields', 'flows', 'whatif', 'sources'];

test('every view mounts from the navigation without a console error', async () => {
  const { page, problems, context } = await openPage(browser, server.url);
  for (const view of VIEWS) {
    await page.click(`[data-testid=nav-${view}]`);
    await page.waitForSelector('main section.view');
    assert.equal(await page.getAttribute(`[data-testid=nav-${view}]`, 'aria-current'), 'page');
    assert.match(page.url(), view === 'countries' ? /\/$|view=countries/ : new RegExp(`view=${view}`));
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test('the top-100 chart draws on its canvas', async () => {
  const { page, problems, context } = await openPage(browser, server.url);
  const canvas = page.locator('[data-testid=top100-chart] canvas');
  await canvas.waitFor();
  await page.waitForFunction(() => document.querySelector('[data-testid=top100-chart] canvas').width > 0);
  assert.ok((await inkRatio(canvas)) > 0.01, 'canvas has marks');
  assert.deepEqual(problems, []);
  await context.close();
});

test('the table shows the plotted numbers of the data pack', async () => {
  const { page, problems, context } = await openPage(browser, `${server.url}?lang=en`);
  await page.click('[data-testid=top100-table-toggle]');
  const rows = await page.locator('[data-testid=chart-table] tbody tr').allInnerTexts();
  const us = factValue('sh24_top100_us_count');
  const china = factValue('sh24_top100_china_count');
  const rest = factValue('sh24_top100_sample_size') - us - china;
  assert.match(rows[0], new RegExp(`United States\\s+${us} scholars`));
  assert.match(rows[1], new RegExp(`China\\s+${china} scholars`));
  assert.match(rows[2], /Canada\s+not reported/);
  assert.match(rows[3], new RegExp(`${rest} scholars \\(derived\\)`));
  assert.deepEqual(problems, []);
  await context.close();
});

test('keyboard focus on the chart shows the tooltip and announces it', async () => {
  const { page, problems, context } = await openPage(browser, `${server.url}?lang=en`);
  const canvas = page.locator('[data-testid=top100-chart] canvas');
  await canvas.focus();
  await page.keyboard.press('ArrowDown');
  const tooltip = page.locator('[data-testid=tooltip]');
  assert.match(await tooltip.innerText(), new RegExp(`${factValue('sh24_top100_us_count')} scholars`));
  await page.keyboard.press('ArrowDown');
  assert.match(await tooltip.innerText(), new RegExp(`${factValue('sh24_top100_china_count')} scholars`));
  assert.match(await page.locator('[data-testid=top100-live]').innerText(), /China/);
  await page.keyboard.press('Escape');
  assert.equal(await tooltip.count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test('switching to Chinese changes the page and <html lang>', async () => {
  const { page, problems, context } = await openPage(browser, `${server.url}?lang=en`);
  await page.click('[data-testid=lang-zh-Hans]');
  assert.equal(await page.getAttribute('html', 'lang'), 'zh-Hans');
  assert.match(await page.locator('h1').innerText(), /国家/);
  await page.waitForURL(/lang=zh/); // the link is rewritten after a short debounce
  assert.deepEqual(problems, []);
  await context.close();
});

test('a link opens its view and Back returns to the previous one', async () => {
  const { page, problems, context } = await openPage(browser, `${server.url}?v=1&view=sources&lang=zh`);
  assert.ok(await page.locator('[data-testid=view-sources]').isVisible());
  assert.equal(await page.getAttribute('html', 'lang'), 'zh-Hans');
  await page.click('[data-testid=nav-flows]');
  await page.waitForSelector('[data-testid=nav-flows][aria-current=page]');
  await page.goBack();
  await page.waitForSelector('[data-testid=view-sources]');
  await page.goForward();
  await page.waitForSelector('[data-testid=nav-flows][aria-current=page]');
  assert.match(page.url(), /view=flows/);
  assert.deepEqual(problems, []);
  await context.close();
});

test("Sources & method gives each figure its own source and the seed that states it", async () => {
  const { page, problems, context } = await openPage(browser, `${server.url}?v=1&view=sources&lang=en`);
  // A figure MacroPolo's tracker reports only through ITIF: its row names ITIF, not the dataset.
  const relayed = page.locator('tr#mp22_elite_us_share_change_pp');
  const seeded = page.locator('tr#sh24_top100_us_count');
  const seed = factText('sh24_top100_us_count', 'seed').slice(0, 3);
  const cells = (row) => row.locator('td').allTextContents();
  const source = (row) => row.locator('th .fact-source').textContent();
  assert.equal(await source(relayed), factText('mp22_elite_us_share_change_pp', 'source'));
  assert.ok((await cells(relayed)).includes('supplementary'), 'no seed states it');
  assert.equal(await source(seeded), factText('sh24_top100_us_count', 'source'));
  assert.ok((await cells(seeded)).includes(`stated in a seed (${seed})`));
  await page.click('[data-testid=lang-zh-Hans]');
  await page.waitForFunction((text) => [...document.querySelectorAll('tr#sh24_top100_us_count td')].some((td) => td.textContent === text), `种子文献所述（${seed}）`);
  assert.deepEqual(problems, []);
  await context.close();
});

test('Sources & method lists the seed documents, and each dataset links to its seeds', async () => {
  const { page, problems, context } = await openPage(browser, `${server.url}?v=1&view=sources&lang=en`);
  const list = page.locator('[data-testid=seed-list] > li');
  const all = seeds();
  assert.equal(await list.count(), all.length);
  for (const seed of all) {
    const item = page.locator(`#seed-${seed.file.slice(0, 3)}`);
    const text = await item.innerText();
    assert.ok(text.includes(seed.title_en), seed.file);
    assert.ok(text.includes(seed.date || 'not dated'), seed.file);
    assert.ok(text.includes(seed.outlet_en || 'Outlet not named'), seed.file);
    if (seed.title) assert.ok(text.includes(`Original title: ${seed.title}`), seed.file);
    assert.equal(await item.locator('a').count(), seed.url ? 1 : 0, seed.file);
    if (seed.url) assert.equal(await item.locator('a').getAttribute('href'), seed.url);
  }
  // Every dataset's seed numbers link to their item of the list.
  const links = await page.locator('.sources article .meta a[href^="#seed-"]').evaluateAll((as) =>
    as.map((a) => [a.textContent, a.getAttribute('href'), Boolean(document.querySelector(a.getAttribute('href')))]));
  assert.ok(links.length >= all.length, 'each seed is cited by a dataset');
  for (const [number, href, target] of links) assert.ok(href === `#seed-${number}` && target, href);
  await page.click('[data-testid=lang-zh-Hans]');
  const undated = all.find((seed) => !seed.date && seed.title);
  const zh = page.locator(`#seed-${undated.file.slice(0, 3)}`);
  await page.waitForFunction((id) => document.getElementById(id).innerText.includes('未注明日期'), `seed-${undated.file.slice(0, 3)}`);
  assert.ok((await zh.innerText()).includes(undated.title));
  assert.deepEqual(problems, []);
  await context.close();
});

test('a malformed link gives a notice and a working page', async () => {
  for (const query of ['?view=%E2%80%A0nope&lang=xx', '?v=99&view=flows', '?%%%&&==']) {
    const { page, problems, context } = await openPage(browser, server.url + query);
    assert.ok(await page.locator('[data-testid=view-countries]').isVisible(), query);
    if (query !== '?%%%&&==') {
      assert.ok(await page.locator('[data-testid=link-notice]').isVisible(), query);
    }
    assert.deepEqual(problems, [], query);
    await context.close();
  }
});

test('index.html carries a static summary of the key numbers, which the app replaces', async () => {
  const html = await (await fetch(server.url)).text();
  const summary = html.slice(html.indexOf('id="static-summary"'));
  assert.match(summary, new RegExp(`${factValue('sh24_top100_us_count')} scholars work in the United States`));
  assert.match(summary, new RegExp(`${factValue('cg25_still_us')} were still in the US`));
  assert.match(summary, /从未离开中国/);

  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(server.url);
  assert.ok(await page.locator('#static-summary').isVisible(), 'shown without JavaScript');
  await context.close();

  const app = await openPage(browser, server.url);
  assert.equal(await app.page.locator('#static-summary').count(), 0, 'removed once the app starts');
  assert.deepEqual(app.problems, []);
  await app.context.close();
});
