// Downloading what a reader sees: a chart's PNG and SVG carry the reader's language and
// state (a highlighted country, in the chart's link), the CSV of the page's language opens
// as numbers with no formula a spreadsheet would run, and "Download all" is a zip.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { serve, launch, openPage, waitForUrl } from './harness.mjs';

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

/** Clicks the visible control of `selector` and returns the download's name and bytes. */
async function download(page, selector) {
  const control = page.locator(`${selector}:visible`).first();
  await control.scrollIntoViewIfNeeded();
  const [file] = await Promise.all([page.waitForEvent('download'), control.click()]);
  return { name: file.suggestedFilename(), bytes: await readFile(await file.path()) };
}

/** The width and height of a PNG, from its IHDR chunk. */
const pngSize = (bytes) => ({ width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) });

test("a chart's PNG and SVG are the reader's: language, highlight and link", async () => {
  const { page, context, problems } = await openPage(browser, `${server.url}zh/countries/`, { acceptDownloads: true });
  const canvas = page.locator('[data-chart-canvas="top100"]');
  await canvas.focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
  const hl = new URL(await waitForUrl(page, /[?&]hl=/)).searchParams.get('hl');
  const title = (await page.locator('#top100-title [data-l=zh]').innerText()).trim();

  const png = await download(page, '[data-download=png][data-chart=top100]');
  assert.equal(png.name, 'ai-talent-atlas-top100-zh.png');
  assert.deepEqual([...png.bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'a PNG');
  const { width, height } = pngSize(png.bytes);
  const box = await canvas.boundingBox();
  // Twice the design size, with the frame (title, source, link) around the chart.
  assert.ok(width >= 2 * 600 && height > 2 * box.height * (600 / box.width) * 0.9, `PNG ${width}x${height}`);

  const svg = await download(page, '[data-download=svg][data-chart=top100]');
  assert.equal(svg.name, 'ai-talent-atlas-top100-zh.svg');
  const text = svg.bytes.toString('utf8');
  assert.match(text, /^<svg[\s>]/);
  assert.ok(text.includes(`<title>${title}</title>`), `the SVG is titled ${title}`);
  assert.ok(text.includes(`hl=${hl}`), 'the SVG links the chart with its highlight');
  assert.deepEqual(problems, []);
  await context.close();
});

test('the CSV of the page language opens as numbers, with no formula to run', async () => {
  const { page, context, problems } = await openPage(browser, `${server.url}countries/?lang=en`);
  const href = await page.locator('#top100 .chart-downloads a[type="text/csv"]:visible').getAttribute('href');
  const bytes = Buffer.from(await page.evaluate(async (url) => [...new Uint8Array(await (await fetch(url)).arrayBuffer())], href));
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'a UTF-8 byte order mark, so Excel reads UTF-8');
  const lines = bytes.subarray(3).toString('utf8').split('\r\n').filter(Boolean);
  assert.ok(!lines[0].startsWith('#'), 'no comment line before the header');
  const header = lines[0].split(',');
  const value = header.indexOf('value');
  assert.ok(value > 0, `a value column: ${header}`);
  // The first columns hold no quoted commas, so a plain split reaches the value.
  for (const line of lines.slice(1)) {
    const cells = line.split(',');
    assert.ok(cells[value] === '' || Number.isFinite(Number(cells[value])), `a number: ${cells[value]} in ${line}`);
    // A negative number is a number; any other text starting like a formula is not.
    for (const cell of cells.filter((c) => !Number.isFinite(Number(c)))) {
      assert.doesNotMatch(cell, /^"?[=+\-@\t\r]/, `no formula: ${cell}`);
    }
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test('"Download all" is the zip of all the data', async () => {
  const { page, context } = await openPage(browser, `${server.url}?lang=en`, { wait: 'app' });
  const href = await page.locator('footer a[download][href$=".zip"]').getAttribute('href');
  const head = await page.evaluate(async (url) => [...new Uint8Array(await (await fetch(url)).arrayBuffer()).subarray(0, 4)], href);
  assert.deepEqual(head, [0x50, 0x4b, 0x03, 0x04], 'a zip');
  await context.close();
});
