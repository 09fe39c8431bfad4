// The What-if view against the release build: sliders re-project live (chart pixels and
// sentence change within a frame of the input), coupled shares stay valid, presets set
// the sliders they name, Reset restores the data-pack defaults, both languages work, and
// the method section in Sources & method is one click away. Expected values are read
// from the data pack, not copied into the test.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { serve, launch, openPage, inkRatio } from './harness.mjs';
import { factNumber, factValue } from './facts.mjs';

/** A share (0 to 1) the way the app prints it with one decimal. */
const pct1 = (share) => `${(share * 100).toFixed(1)}%`;

// Defaults and presets, from the facts the core uses (see crates/core/src/projection.rs).
const WINDOW = factNumber('cg25_still_us', 'year') - factNumber('cg25_cohort_size', 'year');
const CARNEGIE = (factValue('cg25_still_us') / factValue('cg25_cohort_size')) ** (1 / WINDOW);
const DEPARTURES = 1 - (1 - CARNEGIE) * (1 + factValue('pnas_departure_increase') / 100);
const P2022 = { toUs: factValue('mp22_china_ug_grad_in_us'), stay: factValue('mp22_china_ug_grad_in_china') };
const P2019 = { toUs: factValue('mp19_china_ug_in_us'), stay: factValue('mp19_china_ug_in_china') };
const SLIDERS = ['whatif-retention', 'whatif-to-us', 'whatif-stay', 'whatif-growth', 'whatif-horizon'];

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

async function openWhatIf(lang = 'en', options = {}) {
  const opened = await openPage(browser, `${server.url}?v=1&view=whatif&lang=${lang}`, options);
  await opened.page.waitForSelector('[data-testid=view-whatif]');
  await opened.page.waitForFunction(() => document.querySelector('[data-testid=whatif-shares-chart] canvas[role=img]')?.width > 0);
  return opened;
}

const text = (page, id) => page.locator(`[data-testid=${id}]`).innerText();
const canvasUrl = (page) =>
  page.locator('[data-testid=whatif-shares-chart] canvas[role=img]').evaluate((c) => c.toDataURL());

/** Sets a slider the way dragging does: a new value and an `input` event. */
async function setSlider(page, id, value) {
  await page.locator(`[data-testid=${id}]`).evaluate((el, v) => {
    el.value = String(v);
    el.dispatchEvent(new Event('input', { bubbles: true }));
  }, value);
}

/** Percent numbers in an output ("36%" -> 36). */
const percentOf = (s) => Number(s.match(/(-?[\d.]+)%/)[1]);

test('the view opens on the data-pack defaults with labelled sliders and a drawn chart', async () => {
  const { page, problems, context } = await openWhatIf();
  for (const id of SLIDERS) {
    const label = page.locator(`label[for=${id}]`);
    assert.equal(await label.count(), 1, `${id} has a label`);
    assert.ok((await label.innerText()).length > 3, `${id} label has text`);
    assert.equal(await page.getAttribute(`[data-testid=${id}]`, 'type'), 'range');
  }
  assert.match(await text(page, 'whatif-retention-value'), new RegExp(`${pct1(CARNEGIE)} a year · ${pct1(CARNEGIE ** WINDOW)} over ${WINDOW} years`));
  assert.equal(await text(page, 'whatif-to-us-value'), `${P2022.toUs}%`);
  assert.equal(await text(page, 'whatif-stay-value'), `${P2022.stay}%`);
  assert.equal(await text(page, 'whatif-elsewhere-value'), `${100 - P2022.toUs - P2022.stay}%`);
  assert.equal(await text(page, 'whatif-horizon-value'), '2040');
  const sentence = await text(page, 'whatif-sentence');
  assert.match(sentence, new RegExp(`^If the US keeps ${pct1(CARNEGIE).replace('.', '\\.')} of its China-origin researchers each year`));
  assert.match(sentence, new RegExp(`${P2022.toUs}% of new China-origin researchers start work in the US and ${P2022.stay}% in China`));
  assert.match(sentence, /by 2040, /);
  assert.ok((await inkRatio(page.locator('[data-testid=whatif-shares-chart] canvas[role=img]'))) > 0.02, 'chart has marks');
  // Back-test against MacroPolo 2022 is visible, with the observed shares from the data.
  const table = await page.locator('[data-testid=whatif-backtest-table] tbody tr').allInnerTexts();
  assert.match(table[1], new RegExp(`${factValue('mp22_work_share_us')}%\\s+${factValue('mp22_work_share_china')}%`));
  assert.match(table[2], /[+-]\d+(\.\d)? pp/);
  assert.match(await text(page, 'whatif-backtest-mean'), /Mean absolute error .*\d pp/);
  // The default retention reproduces Carnegie's cohort.
  assert.match(await text(page, 'whatif-carnegie'), new RegExp(`keep ${factValue('cg25_still_us')}\\.0 in the US after ${WINDOW} years`));
  assert.match(await text(page, 'whatif-crossover'), /^(in \d{4}|not before 2040)$/);
  assert.match(await text(page, 'whatif-note'), /scenarios, not forecasts/);
  assert.equal(await page.getAttribute('[data-testid=whatif-method-link]', 'href'), '?v=1&view=sources#projection');
  assert.deepEqual(problems, []);
  await context.close();
});

test('dragging a slider redraws the chart within one frame and rewrites the sentence', async () => {
  const { page, problems, context } = await openWhatIf();
  const before = await text(page, 'whatif-sentence');
  const carnegieBefore = await text(page, 'whatif-carnegie');
  const changed = await page.evaluate(async () => {
    const canvas = document.querySelector('[data-testid=whatif-shares-chart] canvas[role=img]');
    const slider = document.querySelector('[data-testid=whatif-retention]');
    const first = canvas.toDataURL();
    slider.value = '80';
    slider.dispatchEvent(new Event('input', { bubbles: true }));
    await new Promise((resolve) => requestAnimationFrame(() => resolve()));
    return first !== canvas.toDataURL();
  });
  assert.ok(changed, 'canvas pixels changed before the next frame');
  assert.equal(await text(page, 'whatif-retention-value'), `80.0% a year · ${pct1(0.8 ** WINDOW)} over ${WINDOW} years`);
  const after = await text(page, 'whatif-sentence');
  assert.notEqual(after, before);
  assert.match(after, /^If the US keeps 80\.0% of its China-origin researchers each year \(26\.2% over 6 years\)/);
  // The checks below the chart follow once the slider settles, not on every step.
  await page.waitForFunction(
    (previous) => document.querySelector('[data-testid=whatif-carnegie]').innerText !== previous,
    carnegieBefore,
  );
  // Leavers who first move on to a third country can come back, so slightly above 0.8^6.
  const kept = Number((await text(page, 'whatif-carnegie')).match(/keep ([\d.]+) in the US/)[1]);
  assert.ok(Math.abs(kept - 100 * 0.8 ** WINDOW) < 1, `Carnegie cohort kept: ${kept}`);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the keyboard moves a slider and the outputs follow', async () => {
  const { page, problems, context } = await openWhatIf();
  const canvasBefore = await canvasUrl(page);
  const sentenceBefore = await text(page, 'whatif-sentence');
  await page.focus('[data-testid=whatif-to-us]');
  for (let i = 0; i < 5; i += 1) await page.keyboard.press('ArrowRight');
  assert.equal(await page.inputValue('[data-testid=whatif-to-us]'), String(P2022.toUs + 5));
  assert.equal(await text(page, 'whatif-to-us-value'), `${P2022.toUs + 5}%`);
  assert.notEqual(await canvasUrl(page), canvasBefore);
  const sentence = await text(page, 'whatif-sentence');
  assert.notEqual(sentence, sentenceBefore);
  assert.match(sentence, new RegExp(`${P2022.toUs + 5}% of new China-origin researchers start work in the US`));
  await page.focus('[data-testid=whatif-horizon]');
  await page.keyboard.press('Home');
  assert.equal(await text(page, 'whatif-horizon-value'), '2020');
  assert.match(await text(page, 'whatif-sentence'), /by 2020, /);
  assert.deepEqual(problems, []);
  await context.close();
});

test('coupled shares: moving one rescales the others so they still add up to 100%', async () => {
  const { page, problems, context } = await openWhatIf();
  await setSlider(page, 'whatif-to-us', 60);
  const rest = 100 - P2022.toUs - P2022.stay;
  const stay = (P2022.stay * 40) / (P2022.stay + rest);
  assert.equal(await text(page, 'whatif-to-us-value'), '60%');
  assert.equal(percentOf(await text(page, 'whatif-stay-value')), Number(stay.toFixed(1)));
  assert.equal(await page.inputValue('[data-testid=whatif-stay]'), String(Math.round(stay)));
  const parts = await Promise.all(['whatif-to-us-value', 'whatif-stay-value', 'whatif-elsewhere-value'].map((id) => text(page, id)));
  const sum = parts.map(percentOf).reduce((a, b) => a + b, 0);
  assert.ok(Math.abs(sum - 100) <= 0.15, `shares add up to ${sum}`);
  await setSlider(page, 'whatif-stay', 100);
  assert.equal(await text(page, 'whatif-to-us-value'), '0%');
  assert.equal(await text(page, 'whatif-elsewhere-value'), '0%');
  assert.deepEqual(problems, []);
  await context.close();
});

test('each preset sets the sliders it names and shows as pressed', async () => {
  const { page, problems, context } = await openWhatIf();
  const pressed = (key) => page.getAttribute(`[data-testid=preset-${key}]`, 'aria-pressed');
  // The defaults are the 2022 pattern with Carnegie retention.
  assert.equal(await pressed('p2022'), 'true');
  assert.equal(await pressed('carnegie'), 'true');
  assert.equal(await pressed('p2019'), 'false');
  assert.match(await page.locator('[data-testid=preset-departures]').innerText(), new RegExp(`${factValue('pnas_departure_increase')}%`));

  await page.click('[data-testid=preset-p2019]');
  assert.equal(await text(page, 'whatif-to-us-value'), `${P2019.toUs}%`);
  assert.equal(await text(page, 'whatif-stay-value'), `${P2019.stay}%`);
  assert.equal(await pressed('p2019'), 'true');
  assert.equal(await pressed('p2022'), 'false');

  await page.click('[data-testid=preset-departures]');
  assert.match(await text(page, 'whatif-retention-value'), new RegExp(`^${pct1(DEPARTURES)} a year`));
  assert.equal(await pressed('departures'), 'true');
  assert.equal(await pressed('carnegie'), 'false');
  assert.equal(await text(page, 'whatif-to-us-value'), `${P2019.toUs}%`, 'other sliders stay');

  await page.click('[data-testid=preset-carnegie]');
  assert.match(await text(page, 'whatif-retention-value'), new RegExp(`^${pct1(CARNEGIE)} a year`));
  assert.equal(await pressed('carnegie'), 'true');

  await page.click('[data-testid=preset-p2022]');
  assert.equal(await text(page, 'whatif-to-us-value'), `${P2022.toUs}%`);
  assert.equal(await text(page, 'whatif-stay-value'), `${P2022.stay}%`);

  await page.click('[data-testid=preset-net-zero]');
  assert.ok(percentOf(await text(page, 'whatif-to-us-value')) < P2022.toUs, 'fewer new researchers go to the US');
  assert.equal(await pressed('net-zero'), 'true');
  const zeki = factValue('zeki25_us_net_flow').toFixed(1);
  assert.match(await text(page, 'whatif-net-inflow'), new RegExp(`in ${factNumber('zeki25_us_net_flow', 'year')}: model \\+?${zeki.replace('.', '\\.')} researchers`));
  assert.deepEqual(problems, []);
  await context.close();
});

test('Reset restores every slider, output and the sentence', async () => {
  const { page, problems, context } = await openWhatIf();
  const snapshot = async () => ({
    values: await Promise.all(SLIDERS.map((id) => page.inputValue(`[data-testid=${id}]`))),
    outputs: await Promise.all(SLIDERS.map((id) => text(page, `${id}-value`))),
    sentence: await text(page, 'whatif-sentence'),
    canvas: await canvasUrl(page),
  });
  const initial = await snapshot();
  await setSlider(page, 'whatif-retention', 70);
  await setSlider(page, 'whatif-to-us', 10);
  await setSlider(page, 'whatif-growth', -10);
  await setSlider(page, 'whatif-horizon', 2031);
  await page.click('[data-testid=preset-p2019]');
  const moved = await snapshot();
  assert.notDeepEqual(moved.values, initial.values);
  assert.notEqual(moved.sentence, initial.sentence);
  await page.click('[data-testid=whatif-reset]');
  const reset = await snapshot();
  assert.deepEqual(reset.values, initial.values);
  assert.deepEqual(reset.outputs, initial.outputs);
  assert.equal(reset.sentence, initial.sentence);
  assert.equal(reset.canvas, initial.canvas);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the table shows exactly the plotted years and the observed MacroPolo points', async () => {
  const { page, problems, context } = await openWhatIf();
  await setSlider(page, 'whatif-horizon', 2030);
  await page.click('[data-testid=whatif-shares-table-toggle]');
  const rows = await page.locator('[data-testid=chart-table] tbody tr').allInnerTexts();
  assert.equal(rows.length, 2030 - 2019 + 1 + 2, 'one row a year and two observed rows');
  assert.match(rows[0], /^2019\s/);
  assert.match(rows.at(-1), /^2030\s/);
  const observed2022 = rows.find((r) => /^2022 \(observed, MacroPolo\)/.test(r));
  assert.match(observed2022, new RegExp(`${factValue('mp22_work_share_us')}%\\s+${factValue('mp22_work_share_china')}%`));
  assert.match(await text(page, 'whatif-crossover'), /^(in 20[23]\d|not before 2030)$/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the chart tooltip follows the keyboard and the pointer', async () => {
  const { page, problems, context } = await openWhatIf();
  const canvas = page.locator('[data-testid=whatif-shares-chart] canvas[role=img]');
  await canvas.focus();
  await page.keyboard.press('Home');
  const tooltip = page.locator('[data-testid=whatif-shares-tooltip]');
  assert.match(await tooltip.innerText(), /2019/);
  assert.match(await tooltip.innerText(), new RegExp(`US [\\d.]+% \\(observed ${factValue('mp19_work_share_us')}%\\)`));
  assert.match(await tooltip.innerText(), /Observed: MacroPolo/);
  await page.keyboard.press('End');
  assert.match(await tooltip.innerText(), /2040/);
  assert.match(await page.locator('[data-testid=whatif-shares-live]').innerText(), /^2040: US/);
  await page.keyboard.press('Escape');
  assert.equal(await tooltip.count(), 0);
  const box = await canvas.boundingBox();
  await page.mouse.move(box.x + box.width * 0.3, box.y + box.height / 2);
  assert.match(await tooltip.innerText(), /20\d\d/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('in Chinese the sentence and the labels are Chinese and follow the sliders', async () => {
  const { page, problems, context } = await openWhatIf('zh');
  assert.equal(await page.getAttribute('html', 'lang'), 'zh-Hans');
  assert.match(await text(page, 'whatif-sentence'), new RegExp(`^如果美国每年留住${pct1(CARNEGIE).replace('.', '\\.')}的中国来源研究人员`));
  assert.match(await page.locator('label[for=whatif-retention]').innerText(), /留任率/);
  await setSlider(page, 'whatif-retention', 80);
  const sentence = await text(page, 'whatif-sentence');
  assert.match(sentence, /^如果美国每年留住80\.0%的中国来源研究人员（6年累计26\.2%）/);
  assert.match(sentence, /到2040年/);
  assert.match(await text(page, 'whatif-retention-value'), /^每年 80\.0%/);
  assert.match(await page.locator('[data-testid=preset-p2019]').innerText(), /2019 年模式/);
  assert.match(await text(page, 'whatif-crossover'), /年/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the method link opens Sources & method at the model, and Back keeps the scenario', async () => {
  const { page, problems, context } = await openWhatIf();
  await setSlider(page, 'whatif-retention', 80);
  // The link is rewritten once the slider settles (debounced); a reader's click comes later.
  await page.waitForTimeout(400);
  await page.click('[data-testid=whatif-method-link]');
  const section = page.locator('[data-testid=sources-projection]');
  await section.waitFor();
  await page.waitForFunction(() => location.hash === '#projection');
  assert.match(page.url(), /view=sources/);
  assert.match(await page.locator('[data-testid=projection-equations]').innerText(), /S\[o,w\]\(t\)/);
  assert.match(await page.locator('[data-testid=projection-default-us_retention_china]').innerText(), /cg25_still_us/);
  assert.ok(await section.evaluate((el) => Math.abs(el.getBoundingClientRect().top) < 5), 'section scrolled to the top');
  await page.goBack();
  await page.waitForSelector('[data-testid=view-whatif]');
  assert.match(await text(page, 'whatif-retention-value'), /^80\.0% a year/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a link to the method section opens there, in Chinese too', async () => {
  const { page, problems, context } = await openPage(browser, `${server.url}?v=1&view=sources&lang=zh#projection`);
  const section = page.locator('[data-testid=sources-projection]');
  await section.waitFor();
  await page.waitForFunction(() => Math.abs(document.getElementById('projection').getBoundingClientRect().top) < 5);
  assert.match(await page.locator('[data-testid=projection-equations]').innerText(), /以下是情景，不是预测/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('at phone width the controls and chart fit without horizontal scrolling', async () => {
  const { page, problems, context } = await openWhatIf('zh', { viewport: { width: 360, height: 780 } });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `page is ${overflow}px wider than the screen`);
  assert.ok((await inkRatio(page.locator('[data-testid=whatif-shares-chart] canvas[role=img]'))) > 0.02);
  assert.deepEqual(problems, []);
  await context.close();
});

/** The RGBA of the pixel at (1, 1) of one of the chart's canvases. */
const corner = (page, canvas) =>
  page
    .locator(`[data-testid=whatif-shares-chart] ${canvas}`)
    .evaluate((c) => Array.from(c.getContext('2d').getImageData(1, 1, 1, 1).data));

test('in the dark theme the chart is drawn on the dark page background', async () => {
  const { page, problems, context } = await openPage(browser, `${server.url}?v=1&view=whatif&lang=en&theme=dark`);
  await page.waitForFunction(() => document.querySelector('[data-testid=whatif-shares-chart] canvas.chart-axes')?.width > 0);
  const [r, g, b, alpha] = await corner(page, 'canvas.chart-axes');
  assert.ok([r, g, b].every((v) => v < 64) && alpha === 255, `background ${[r, g, b, alpha]}`);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the axes lie on a layer under the lines, and the PNG download has both', async () => {
  const { page, problems, context } = await openWhatIf('en', { acceptDownloads: true });
  assert.equal((await corner(page, 'canvas[role=img]'))[3], 0, 'the lines layer is clear where nothing is drawn');
  assert.equal((await corner(page, 'canvas.chart-axes'))[3], 255, 'the axes layer paints the background');
  const lines = await inkRatio(page.locator('[data-testid=whatif-shares-chart] canvas[role=img]'));
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=whatif-shares-png]')]);
  const png = (await readFile(await download.path())).toString('base64');
  // The image, decoded by the page: an opaque background, and more ink than the lines alone.
  const [alpha, ink] = await page.evaluate(async (data) => {
    const image = new Image();
    image.src = `data:image/png;base64,${data}`;
    await image.decode();
    const canvas = Object.assign(document.createElement('canvas'), { width: image.width, height: image.height });
    const context = canvas.getContext('2d');
    context.drawImage(image, 0, 0);
    const px = context.getImageData(0, 0, canvas.width, canvas.height).data;
    let inked = 0;
    for (let i = 0; i < px.length; i += 4) {
      if (px[i] !== px[0] || px[i + 1] !== px[1] || px[i + 2] !== px[2]) inked += 1;
    }
    return [px[3], inked / (canvas.width * canvas.height)];
  }, png);
  assert.equal(alpha, 255, 'opaque background');
  assert.ok(ink > lines, `axes and lines (${ink.toFixed(3)}) over lines alone (${lines.toFixed(3)})`);
  assert.deepEqual(problems, []);
  await context.close();
});
