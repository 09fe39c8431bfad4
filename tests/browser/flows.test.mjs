// The Flows view against the release build: every chart draws, hovering a node lights up
// its flows and shows its count and share, a click pins the tooltip (Esc and a click on
// empty space clear it), arrow keys move the focus and change the announcement, the
// tables list the data pack's figures, Chinese renders, and no console error or CSP
// violation occurs. Expected values are read from the data pack, not copied here.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openPage, inkRatio } from './harness.mjs';
import { factNumber, factValue } from './facts.mjs';

const CHARTS = ['careers', 'city-net', 'city-dots', 'country-flows', 'region-net'];

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

async function openFlows(query = 'lang=en', options = {}) {
  const opened = await openPage(browser, `${server.url}?v=1&view=flows&${query}`, options);
  await opened.page.waitForSelector('[data-testid=view-flows]');
  for (const id of CHARTS) {
    await opened.page.waitForFunction(
      (sel) => document.querySelector(sel)?.width > 0,
      `[data-testid=${id}-chart] canvas`,
    );
  }
  return opened;
}

const canvasOf = (page, id) => page.locator(`[data-testid=${id}-chart] canvas`);
const tooltipOf = (page, id) => page.locator(`[data-testid=${id}-chart] [data-testid=tooltip]`);
const pixels = (page, id) => canvasOf(page, id).evaluate((c) => c.toDataURL());

/**
 * Moves the mouse over the chart until the tooltip's heading matches `heading`;
 * returns the page position found.
 */
async function findByHover(page, id, heading) {
  await canvasOf(page, id).scrollIntoViewIfNeeded();
  const box = await canvasOf(page, id).boundingBox();
  const tooltip = tooltipOf(page, id);
  for (let y = box.height * 0.1; y < box.height; y += 8) {
    for (let x = 2; x < box.width; x += 8) {
      await page.mouse.move(box.x + x, box.y + y);
      if ((await tooltip.count()) > 0) {
        const title = await tooltip.locator('strong').innerText();
        if (heading.test(title)) return { x: box.x + x, y: box.y + y };
      }
    }
  }
  throw new Error(`no ${heading} in ${id}`);
}

test('every Flows chart draws without a console error', async () => {
  const { page, problems, context } = await openFlows();
  for (const id of CHARTS) {
    assert.ok((await inkRatio(canvasOf(page, id))) > 0.01, `${id} has marks`);
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test('hovering a node highlights its flows and shows count and share', async () => {
  const { page, problems, context } = await openFlows();
  const before = await pixels(page, 'careers');
  const at = await findByHover(page, 'careers', /^United States$/);
  assert.notEqual(await pixels(page, 'careers'), before, 'highlight redraws the canvas');
  const us = factValue('cg25_still_us');
  const tip = await tooltipOf(page, 'careers').innerText();
  assert.match(tip, new RegExp(`${us} researchers`));
  assert.match(tip, new RegExp(`${((us / factValue('cg25_cohort_size')) * 100).toFixed(1)}%`));
  // Leaving the canvas without a click clears it.
  await page.mouse.move(1, 1);
  assert.equal(await tooltipOf(page, 'careers').count(), 0);
  assert.equal(await pixels(page, 'careers'), before, 'the highlight goes away');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a click pins the tooltip; Esc and a click on empty space clear it', async () => {
  const { page, problems, context } = await openFlows();
  const at = await findByHover(page, 'careers', /^United States$/);
  await page.mouse.click(at.x, at.y);
  await page.mouse.move(1, 1);
  const tooltip = tooltipOf(page, 'careers');
  assert.equal(await tooltip.count(), 1, 'pinned after the mouse leaves');
  assert.match(await tooltip.innerText(), /United States/);
  await page.waitForFunction(() => /pin=cg_us(&|$)/.test(location.search));
  await page.keyboard.press('Escape');
  assert.equal(await tooltip.count(), 0, 'Esc clears');
  // Pin again, then click where nothing is drawn (the bottom-right corner).
  await page.mouse.click(at.x, at.y);
  const box = await canvasOf(page, 'careers').boundingBox();
  await page.mouse.click(box.x + box.width - 2, box.y + box.height - 2);
  assert.equal(await tooltip.count(), 0, 'a click on empty space clears');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a shared link opens with its flow and pinned item', async () => {
  const { page, problems, context } = await openFlows('lang=en&flow=hoover_deepseek_2025&pin=hv_us_ties');
  assert.equal(await page.getAttribute('[data-testid=flow-hoover_deepseek_2025]', 'aria-pressed'), 'true');
  const tip = await tooltipOf(page, 'careers').innerText();
  assert.match(tip, /Ties to the US/);
  assert.match(tip, new RegExp(`${factValue('hv25_us_ties')} researchers`));
  assert.deepEqual(problems, []);
  await context.close();
});

test('arrow keys move the focus along columns and flows and announce it', async () => {
  const { page, problems, context } = await openFlows();
  const live = page.locator('[data-testid=careers-live]');
  await canvasOf(page, 'careers').focus();
  await page.keyboard.press('ArrowDown');
  const first = await live.innerText();
  assert.match(first, new RegExp(`At US institutions in 2019: ${factValue('cg25_cohort_size')} researchers`));
  await page.keyboard.press('ArrowRight');
  const link = await live.innerText();
  assert.notEqual(link, first);
  assert.match(link, new RegExp(`→ United States: ${factValue('cg25_still_us')} researchers`));
  await page.keyboard.press('ArrowRight');
  assert.match(await live.innerText(), /^United States:/);
  await page.keyboard.press('ArrowDown');
  assert.match(await live.innerText(), new RegExp(`^China: ${factValue('cg25_moved_china')} researchers`));
  await page.keyboard.press('Escape');
  assert.equal(await live.innerText(), '');
  // The city chart: rows by net flow, largest gain first, Beijing last.
  const cityLive = page.locator('[data-testid=city-net-live]');
  await canvasOf(page, 'city-net').focus();
  await page.keyboard.press('ArrowDown');
  assert.match(await cityLive.innerText(), /^San Francisco:/);
  await page.keyboard.press('End');
  const beijing = factNumber('sh24_t2_beijing', 'dwi_minus_dwo');
  assert.match(await cityLive.innerText(), new RegExp(`^Beijing: .*net ${beijing}`));
  assert.deepEqual(problems, []);
  await context.close();
});

test('the tables list every flow with the data pack figures', async () => {
  const { page, problems, context } = await openFlows();
  await page.click('[data-testid=careers-table-toggle]');
  const rows = await page.locator('[data-testid=careers] [data-testid=chart-table] tbody tr').allInnerTexts();
  const row = (to) => rows.find((r) => r.split('\t')[1] === to);
  for (const [to, id] of [
    ['US companies', 'cg25_us_companies'],
    ['US university professors', 'cg25_us_professors'],
    ['PhD students / postdocs in the US', 'cg25_us_phd_postdoc'],
    ['China', 'cg25_moved_china'],
    ['Other countries', 'cg25_other_countries'],
  ]) {
    assert.match(row(to) ?? '', new RegExp(`\\t${factValue(id)} researchers\\t`), to);
  }
  // Share of the source node: 41 of the 87 still in the US.
  const share = ((factValue('cg25_us_companies') / factValue('cg25_still_us')) * 100).toFixed(1);
  assert.match(row('US companies'), new RegExp(`\\t${share}%\\t`));
  // The remainder the source does not describe, with its arithmetic.
  const parts = ['cg25_moved_china', 'cg25_returnee_founders', 'cg25_returnee_bigtech_leaders', 'cg25_returnee_professors'];
  assert.match(row('Role not described'), new RegExp(`not reported; remainder ${parts.map(factValue).join(' − ')}`));
  await page.click('[data-testid=careers-table-toggle]');

  // DeepSeek: the denominator 201, the 211 of seed 001, and the unexplained 10.
  await page.click('[data-testid=flow-hoover_deepseek_2025]');
  const n = factValue('hv25_authors_with_affiliation_history');
  assert.match(await page.locator('[data-testid=careers] .subtitle').innerText(), new RegExp(`n = ${n}\\)`));
  const caveat = await page.locator('[data-testid=careers] .caveat').innerText();
  assert.match(caveat, new RegExp(`Seed 001 gives ${factValue('hv25_authors_with_data')}`));
  await page.click('[data-testid=careers-table-toggle]');
  const ds = await page.locator('[data-testid=careers] [data-testid=chart-table] tbody tr').allInnerTexts();
  const rest =
    factValue('hv25_us_ties') -
    factValue('hv25_us_ties_china_start_return') -
    factValue('hv25_us_ties_us_start_to_china') -
    factValue('hv25_us_ties_china_start_now_us');
  assert.ok(ds.some((r) => r.includes('Not explained by the source') && r.includes(`\t${rest} researchers\t`)));
  assert.ok(ds.some((r) => r.includes('Never left China') && r.includes(`\t${factValue('hv25_never_left_china')} researchers\t`)));

  // Table 2: Beijing and Shanghai lose, and the table's arithmetic holds.
  await page.click('[data-testid=city-net-table-toggle]');
  const cities = await page.locator('[data-testid=city-net] [data-testid=chart-table] tbody tr').allInnerTexts();
  for (const [name, id] of [['Beijing', 'sh24_t2_beijing'], ['Shanghai', 'sh24_t2_shanghai']]) {
    const cells = cities.find((r) => r.startsWith(`${name}\t`))?.split('\t') ?? [];
    assert.equal(Number(cells[5]), factNumber(id, 'dwi_minus_dwo'), `${name} stated net`);
    assert.equal(Number(cells[6]), factNumber(id, 'dwi') - factNumber(id, 'dwo'), `${name} app net`);
    assert.equal(cells[7], '✓ ✓');
  }
  assert.equal(cities.length, 15);
  assert.match(await page.locator('[data-testid=city-checks]').innerText(), /holds for 15 of 15 cities/);

  // Country graph: US net = work share - origin share of 2019, from the derived table.
  const net = factValue('mp19_work_share_us') - factValue('mp19_origin_share_us');
  const metrics = await page.locator('[data-testid=region-metrics] tbody tr').allInnerTexts();
  assert.match(metrics[0], new RegExp(`^US\\t.*\\+${net.toFixed(1)}\\t`));
  assert.deepEqual(problems, []);
  await context.close();
});

test('the Chinese version renders and its tables use Chinese labels', async () => {
  const { page, problems, context } = await openFlows('lang=zh');
  assert.match(await page.locator('h1').innerText(), /流动/);
  for (const id of CHARTS) {
    assert.ok((await inkRatio(canvasOf(page, id))) > 0.01, `${id} has marks`);
  }
  await canvasOf(page, 'careers').focus();
  await page.keyboard.press('ArrowDown');
  assert.match(await page.locator('[data-testid=careers-live]').innerText(), /2019年在美国机构/);
  await page.click('[data-testid=careers-table-toggle]');
  const rows = await page.locator('[data-testid=careers] [data-testid=chart-table] tbody tr').allInnerTexts();
  assert.ok(rows.some((r) => r.includes('美国企业') && r.includes(`${factValue('cg25_us_companies')}人`)));
  assert.deepEqual(problems, []);
  await context.close();
});

test('at 360 px the view fits the screen and touch pins a tooltip', async () => {
  const { page, problems, context } = await openFlows('lang=en', {
    viewport: { width: 360, height: 800 },
    hasTouch: true,
    isMobile: true,
  });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.equal(overflow, 0, 'no horizontal scrolling');
  for (const id of CHARTS) {
    assert.ok((await inkRatio(canvasOf(page, id))) > 0.01, `${id} has marks`);
  }
  // Taps along the middle of the diagram: the first one on a node or flow pins its tooltip.
  const canvas = canvasOf(page, 'careers');
  await canvas.scrollIntoViewIfNeeded();
  const box = await canvas.boundingBox();
  let pinned = false;
  for (let x = 2; x < box.width && !pinned; x += 6) {
    await page.touchscreen.tap(box.x + x, box.y + box.height / 2);
    pinned = (await tooltipOf(page, 'careers').count()) > 0;
  }
  assert.ok(pinned, 'a tap shows a tooltip');
  assert.deepEqual(problems, []);
  await context.close();
});

test('Sources & method explains the derived country table and the denominators', async () => {
  const { page, problems, context } = await openPage(browser, `${server.url}?v=1&view=sources&lang=en`);
  const method = page.locator('#flows-method');
  await method.waitFor();
  const text = await method.innerText();
  assert.match(text, /origin × work table/);
  assert.match(text, new RegExp(`= ${factValue('hv25_authors_with_affiliation_history')} researchers \\(hv25_authors_with_affiliation_history\\)`));
  assert.equal(await page.locator('[data-testid=flows-matrix] tbody tr').count(), 3);
  assert.deepEqual(problems, []);
  await context.close();
});
