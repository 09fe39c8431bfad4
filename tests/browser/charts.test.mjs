// The live charts: tooltips by mouse, keyboard and touch show the data pack's numbers and
// a live region reads them out; choosing a country in one Countries chart highlights it in
// the others and puts it in the link; a click on a Sankey pins it, in the link and across a
// reload; and each chart's table holds the data pack's values.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openPage, allLive, pixels, waitForUrl, visibleText } from './harness.mjs';
import { copyText, factValue, percentText } from './facts.mjs';

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

const scholars = (id, lang = 'en') => copyText('unit.scholars', lang, { n: factValue(id) });
/** The top-100 chart's values by country, from the data pack. */
const TOP100 = {
  'United States': scholars('sh24_top100_us_count'),
  China: scholars('sh24_top100_china_count'),
};

const plot = (page, id) => page.locator(`[data-plot="${id}"]`);
const canvas = (page, id) => page.locator(`[data-chart-canvas="${id}"]`);

/** The chart's tooltip text after the page has reacted (one frame), or '' without one. */
const tipText = (page, id) =>
  page.evaluate(
    (chart) =>
      new Promise((resolve) =>
        requestAnimationFrame(() => resolve(document.querySelector(`[data-plot="${chart}"] .tooltip`)?.innerText ?? '')),
      ),
    id,
  );
const announced = (page, id) => plot(page, id).locator('[aria-live]').innerText();

/**
 * Moves the mouse over the chart, row by row (and across, `columns` points a row), until
 * its tooltip satisfies `wanted`; returns the point and the tooltip. Only what the reader
 * sees is used: no knowledge of the layout.
 */
async function hoverUntil(page, id, wanted, { columns = [0.5], step = 6 } = {}) {
  await canvas(page, id).scrollIntoViewIfNeeded();
  const box = await canvas(page, id).boundingBox();
  for (let y = step / 2; y < box.height; y += step) {
    for (const fx of columns) {
      const point = { x: box.x + box.width * fx, y: box.y + y };
      await page.mouse.move(point.x, point.y);
      const tip = await tipText(page, id);
      if (tip && wanted(tip)) return { point, tip };
    }
  }
  throw new Error(`${id}: no point of the chart shows the wanted tooltip`);
}

/** The heading of a tooltip (its first line). */
const heading = (tip) => tip.split('\n')[0].trim();

test('mouse: hovering a bar shows its value from the data pack, and the live region says it', async () => {
  const { page, context, problems } = await openPage(browser, `${server.url}countries/?lang=en`);
  for (const [country, value] of Object.entries(TOP100)) {
    const { tip } = await hoverUntil(page, 'top100', (t) => heading(t) === country);
    assert.ok(tip.includes(value), `${country}: ${tip}`);
    assert.match(await announced(page, 'top100'), new RegExp(`${country}.*${value}`));
  }
  // Leaving the chart with the mouse closes the tooltip.
  await page.mouse.move(1, 1);
  assert.equal(await tipText(page, 'top100'), '');
  assert.deepEqual(problems, []);
  await context.close();
});

test('keyboard: Tab reaches the chart, the arrows move between marks, Esc closes the tooltip', async () => {
  const { page, context, problems } = await openPage(browser, `${server.url}countries/?lang=en`);
  // Focus what comes before the chart in the tab order, then Tab once.
  await page.evaluate(() => {
    const tabbable = [...document.querySelectorAll('a[href], button, summary, textarea, [tabindex="0"]')].filter(
      (el) => el.checkVisibility() && !el.closest('details:not([open]) > :not(summary)'),
    );
    tabbable[tabbable.indexOf(document.querySelector('[data-chart-canvas=top100]')) - 1].focus();
  });
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.chartCanvas), 'top100', 'Tab lands on the chart');
  const seen = new Set();
  for (let i = 0; i < 2; i += 1) {
    await page.keyboard.press('ArrowDown');
    const tip = await tipText(page, 'top100');
    const country = heading(tip);
    seen.add(country);
    assert.ok(TOP100[country], `a country of the data pack: ${tip}`);
    assert.ok(tip.includes(TOP100[country]), tip);
    assert.ok((await announced(page, 'top100')).includes(TOP100[country]));
  }
  assert.equal(seen.size, 2, 'ArrowDown moved to another mark');
  await page.keyboard.press('Escape');
  assert.equal(await tipText(page, 'top100'), '', 'Esc closes the tooltip');
  assert.equal(await announced(page, 'top100'), '', 'and the live region falls silent');
  assert.deepEqual(problems, []);
  await context.close();
});

test('touch: a tap on a bar shows its tooltip on a phone', async () => {
  const { page, context, problems } = await openPage(browser, `${server.url}countries/?lang=zh`, {
    viewport: { width: 360, height: 740 },
    hasTouch: true,
    isMobile: true,
  });
  // Find where the US bar is (the mouse sees the same geometry), then leave and tap it.
  const us = '美国';
  const { point } = await hoverUntil(page, 'top100', (t) => heading(t) === us);
  await page.mouse.move(1, 1);
  assert.equal(await tipText(page, 'top100'), '');
  await page.touchscreen.tap(point.x, point.y);
  const tip = await tipText(page, 'top100');
  assert.equal(heading(tip), us);
  assert.ok(tip.includes(scholars('sh24_top100_us_count', 'zh')), tip);
  assert.ok((await announced(page, 'top100')).includes(scholars('sh24_top100_us_count', 'zh')));
  assert.deepEqual(problems, []);
  await context.close();
});

/** The charts of the page with a row for the category `label` in their English table. */
const chartsNaming = (page, label) =>
  page.evaluate(
    (name) =>
      [...document.querySelectorAll('main details.chart-table')]
        .filter((d) => [...d.querySelectorAll('[data-l=en] tbody th')].some((th) => th.textContent.trim() === name))
        .map((d) => d.dataset.table),
    label,
  );

/** Waits until the canvas of `id` no longer shows `before`. */
const redrawn = (page, id, before) =>
  page.waitForFunction(([chart, old]) => document.querySelector(`[data-chart-canvas="${chart}"]`).toDataURL() !== old, [id, before]);

test('Enter on a country highlights it in every Countries chart and puts it in the link; a click moves it', async () => {
  const { page, context, problems } = await openPage(browser, `${server.url}countries/?lang=en`);
  const others = (await chartsNaming(page, 'China')).filter((id) => id !== 'origin');
  assert.ok(others.length >= 3, `other charts with China: ${others}`);
  const before = Object.fromEntries(await Promise.all(others.map(async (id) => [id, await pixels(canvas(page, id))])));

  await canvas(page, 'origin').focus();
  let tip = '';
  for (let i = 0; i < 20 && heading(tip) !== 'China'; i += 1) {
    await page.keyboard.press('ArrowDown');
    tip = await tipText(page, 'origin');
  }
  assert.equal(heading(tip), 'China');
  await page.keyboard.press('Enter');
  const url = await waitForUrl(page, /[?&]hl=/);
  const china = new URL(url).searchParams.get('hl');
  for (const id of others) {
    await redrawn(page, id, before[id]).catch(() => assert.fail(`${id} does not show the highlight of ${china}`));
  }

  // A click on the US bar of another chart moves the highlight there.
  const origin = await pixels(canvas(page, 'origin'));
  const { point } = await hoverUntil(page, 'top100', (t) => heading(t) === 'United States');
  await page.mouse.click(point.x, point.y);
  const moved = await waitForUrl(page, (u) => {
    const hl = new URL(u).searchParams.get('hl');
    return hl && hl !== china;
  });
  assert.ok(new URL(moved).searchParams.get('hl'));
  await redrawn(page, 'origin', origin);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a click on a Sankey pins its node or link, in the link and across a reload', async () => {
  const { page, context, problems } = await openPage(browser, `${server.url}flows/?lang=en`);
  const id = 'careers-carnegie';
  const unpinned = await pixels(canvas(page, id));
  const columns = Array.from({ length: 9 }, (_, i) => (i + 0.5) / 9);
  const { point, tip } = await hoverUntil(page, id, Boolean, { columns, step: 10 });
  await page.mouse.click(point.x, point.y);
  const url = await waitForUrl(page, /[?&]pin=/);
  const pin = new URL(url).searchParams.get('pin');
  // Away from the chart the hover is gone and the pin stays.
  await page.mouse.move(1, 1);
  await page.waitForFunction(([c, old]) => document.querySelector(`[data-chart-canvas="${c}"]`).toDataURL() !== old, [id, unpinned]);
  const pinned = await pixels(canvas(page, id));
  assert.ok(heading(tip).length > 0);

  await page.reload();
  await allLive(page);
  assert.equal(new URL(page.url()).searchParams.get('pin'), pin, 'the pin is still in the link');
  assert.equal(await pixels(canvas(page, id)), pinned, 'the reloaded chart draws the same pin');
  assert.deepEqual(problems, []);
  await context.close();
});

/** The rows of a chart's table in `lang`: header cells and body rows, as shown text. */
const tableRows = (page, id, lang = 'en') =>
  page.evaluate(
    ([chart, l]) =>
      [...document.querySelectorAll(`details.chart-table[data-table="${chart}"] [data-l="${l}"] tr`)].map((tr) =>
        [...tr.children].map((c) => c.textContent.trim()),
      ),
    [id, lang],
  );

test("the charts' tables hold the data pack's values", async () => {
  const { page, context, problems } = await openPage(browser, `${server.url}countries/?lang=en`);
  await page.click('details.chart-table[data-table=origin] summary');
  assert.ok(await page.locator('details.chart-table[data-table=origin] [data-l=en] table').isVisible(), 'the table opens');

  // Origin shares of China, 2019 and 2022, and the change in points: 47 - 29 = +18.
  const origin = await tableRows(page, 'origin');
  const [from, to] = [factValue('mp19_origin_share_china'), factValue('mp22_origin_share_china')];
  const china = origin.find((r) => r[0] === 'China');
  assert.deepEqual(china.slice(1, 4), [
    percentText(from, 'en'),
    percentText(to, 'en'),
    copyText('unit.points', 'en', { n: `${to - from > 0 ? '+' : '−'}${Math.abs(to - from)}` }),
  ]);

  // The top 100: the US and China as stated, the rest derived: 100 - 71 - 11 = 18.
  const top = await tableRows(page, 'top100');
  const value = (label) => top.find((r) => r[0] === label)?.[1];
  assert.equal(value('United States'), TOP100['United States']);
  assert.equal(value('China'), TOP100.China);
  const rest = factValue('sh24_top100_sample_size') - factValue('sh24_top100_us_count') - factValue('sh24_top100_china_count');
  assert.ok(
    top.some((r) => r[1] === copyText('chart.derived_value', 'en', { value: copyText('unit.scholars', 'en', { n: rest }) })),
    `a derived row of ${rest} scholars: ${JSON.stringify(top)}`,
  );

  // The same numbers in the Chinese table.
  const zh = await tableRows(page, 'top100', 'zh');
  assert.ok(zh.some((r) => r[1] === scholars('sh24_top100_us_count', 'zh')), JSON.stringify(zh));
  assert.ok(await visibleText(page.locator('details.chart-table[data-table=origin] summary')));
  assert.deepEqual(problems, []);
  await context.close();
});
