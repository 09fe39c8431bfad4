// Countries and Subfields against the release build: toggles change pixels and tables,
// tooltips show the data pack's numbers, and every table matches the data pack.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openPage } from './harness.mjs';
import { factValue } from './facts.mjs';

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

const pixels = (page, id) => page.locator(`[data-testid=${id}-chart] canvas`).evaluate((c) => c.toDataURL());
const pct = (id) => `${factValue(id)}%`;
const NR = 'not reported';

/** The value column of a chart's table, row by row (the table is opened and closed). */
async function tableValues(page, id) {
  await page.click(`[data-testid=${id}-table-toggle]`);
  const table = page.locator(`[data-testid=${id}] [data-testid=chart-table]`);
  const headers = await table.locator('thead th').allInnerTexts();
  const column = headers.indexOf('Value');
  const rows = await table.locator('tbody tr').evaluateAll((trs, c) => trs.map((tr) => tr.children[c].innerText), column);
  await page.click(`[data-testid=${id}-table-toggle]`);
  return rows;
}

test('switching the year or the tier changes the chart pixels and the table', async () => {
  const { page, problems, context } = await openPage(browser, `${server.url}?lang=en`);
  await page.waitForFunction(() => document.querySelector('[data-testid=origin-chart] canvas')?.width > 0);
  const first = await pixels(page, 'origin');
  // China origin and work, 2019 top tier.
  assert.deepEqual((await tableValues(page, 'origin')).slice(0, 2), [pct('mp19_origin_share_china'), pct('mp19_work_share_china')]);
  await page.click('[data-testid=year-2022]');
  await page.waitForFunction((old) => document.querySelector('[data-testid=origin-chart] canvas').toDataURL() !== old, first);
  assert.deepEqual((await tableValues(page, 'origin')).slice(0, 2), [pct('mp22_origin_share_china'), pct('mp22_work_share_china')]);
  const second = await pixels(page, 'origin');
  await page.click('[data-testid=tier-elite]');
  await page.waitForFunction((old) => document.querySelector('[data-testid=origin-chart] canvas').toDataURL() !== old, second);
  // 2022 most elite: US then China; US work share not reported (nf05).
  assert.deepEqual(await tableValues(page, 'origin'), [
    pct('mp22_elite_origin_share_us'), NR, pct('mp22_elite_origin_share_china'), pct('mp22_elite_work_share_china'),
  ]);
  assert.match(await page.locator('[data-testid=origin] figcaption').innerText(), /top 2%/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('tooltips of sampled bars show the numbers of the data pack', async () => {
  const { page, problems, context } = await openPage(browser, `${server.url}?lang=en`);
  const samples = [
    ['top100', 1, `${factValue('sh24_top100_us_count')} scholars`],
    ['sectors', 1, `${factValue('sh24_top100_us_industry')} scholars`],
    ['usinst', 2, pct('mp22_us_inst_origin_share_china')],
  ];
  for (const [id, presses, expected] of samples) {
    await page.locator(`[data-testid=${id}-chart] canvas`).focus();
    for (let i = 0; i < presses; i += 1) await page.keyboard.press('ArrowDown');
    const tip = await page.locator(`[data-testid=${id}-chart] [data-testid=tooltip]`).innerText();
    assert.ok(tip.includes(expected), `${id}: ${tip}`);
    assert.match(tip, /20\d\d/, `${id} tooltip names the year`);
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test('every Countries table matches the data pack', async () => {
  const { page, problems, context } = await openPage(browser, `${server.url}?lang=en`);
  const n = (id) => factValue(id);
  const scholars = (v) => `${v} scholars`;
  assert.deepEqual(await tableValues(page, 'top100'), [
    scholars(n('sh24_top100_us_count')), scholars(n('sh24_top100_china_count')), NR,
    `${scholars(n('sh24_top100_sample_size') - n('sh24_top100_us_count') - n('sh24_top100_china_count'))} (derived)`,
  ]);
  assert.deepEqual(await tableValues(page, 'sectors'), [
    scholars(n('sh24_top100_us_industry')), scholars(n('sh24_top100_us_academia')),
    `${scholars(n('sh24_top100_us_count') - n('sh24_top100_us_industry') - n('sh24_top100_us_academia'))} (derived)`,
    scholars(n('sh24_top100_china_industry')), scholars(n('sh24_top100_china_academia')),
    `${scholars(n('sh24_top100_china_count') - n('sh24_top100_china_industry') - n('sh24_top100_china_academia'))} (derived)`,
  ]);
  assert.deepEqual(await tableValues(page, 'usinst'), [
    pct('mp19_us_inst_origin_share_china'), pct('mp22_us_inst_origin_share_china'),
    pct('mp19_us_inst_origin_share_us'), pct('mp22_us_inst_origin_share_us'),
    pct('mp19_us_inst_origin_share_europe'), NR, pct('mp19_us_inst_origin_share_india'), NR,
  ]);
  const thousands = (v) => v.toLocaleString('en-US');
  assert.deepEqual(await tableValues(page, 'pool'), [
    `under ${thousands(n('itpo_china_researchers_2015'))} researchers`,
    `${thousands(n('itpo_china_researchers_2024'))} researchers`,
    `about ${thousands(n('itpo_us_researchers_2024'))} researchers`,
    `${thousands(n('ds25_china_active_ai_researchers'))} researchers`,
  ]);
  const of2000 = (id) => {
    const share = (n(id) / 2000) * 100;
    return `${Math.abs(share - Math.round(share)) < 1e-9 ? Math.round(share) : share.toFixed(1)}% (derived)`;
  };
  assert.deepEqual(await tableValues(page, 'editions'), [
    pct('ai2000_2020_us_share'), pct('ai2000_2020_china_share'), pct('ai2000_2021_us_share'), pct('ai2000_2021_china_share'),
    NR, NR, of2000('ai2000_2023_us_persontimes'), of2000('ai2000_2023_china_persontimes'),
  ]);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the Subfields tables match the data pack, and Table 1 lists both scripts', async () => {
  const { page, problems, context } = await openPage(browser, `${server.url}?v=1&view=subfields&lang=en`);
  const leaders = await tableValues(page, 'leaders');
  assert.equal(leaders[0], '13 subfields');
  assert.equal(leaders.length, 6);
  const shanghai = await tableValues(page, 'shanghai');
  // Computer vision: 3 industry and 2 academia rows; multimedia: 4 academia.
  assert.deepEqual(shanghai.slice(2, 4), ['3 scholars (derived)', '2 scholars (derived)']);
  const scholars = await page.locator('[data-testid=scholar-table] tbody tr').allInnerTexts();
  assert.equal(scholars.length, 16);
  assert.ok(scholars.some((row) => row.includes('任少卿') && row.includes('Shaoqing Ren')));
  assert.match(await page.locator('[data-testid=checks-d03_shanghai_ir_zero]').innerText(), /does not hold/);
  assert.deepEqual(problems, []);
  await context.close();
});
