// Language and theme switch in place: every visible text changes language without a
// reload and every canvas is redrawn; the theme toggle changes <html data-theme>, the
// page's colours and the canvases'; both choices go into the link.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openPage, pixels, waitForUrl } from './harness.mjs';
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

/** Every shown text node of the page (trimmed, non-empty), in document order. */
function shownTexts() {
  const texts = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.data.trim();
    if (text && node.parentElement?.checkVisibility() && !node.parentElement.closest('.visually-hidden')) texts.push(text);
  }
  return texts;
}

/** The digest of every canvas of the page, by chart. */
const canvases = (page) =>
  page.evaluate(() => Object.fromEntries([...document.querySelectorAll('main canvas[data-chart-canvas]')].map((c) => [c.dataset.chartCanvas, c.toDataURL()])));

/** Waits until every canvas differs from its digest in `before`. */
const allRedrawn = (page, before) =>
  page.waitForFunction(
    (old) => Object.entries(old).every(([id, data]) => document.querySelector(`[data-chart-canvas="${id}"]`).toDataURL() !== data),
    before,
  );

// Texts that read the same in both languages: the language switch's own names, numbers,
// years and symbols, and names of sources and datasets, which both languages cite as
// published (NeurIPS, AMiner AI 2000...).
const NEUTRAL = /^(English|中文|[\d\s.,%–—·:/()+−-]*|[A-Z][\w-]*(\s[A-Z0-9][\w-]*)*)$/;

test('the language switch changes every visible text and redraws every canvas, without a reload', async () => {
  const { page, context, problems } = await openPage(browser, `${server.url}countries/?lang=en`);
  await page.evaluate(() => {
    window.__marker = 1;
  });
  const english = await page.evaluate(shownTexts);
  const drawn = await canvases(page);
  assert.ok(Object.keys(drawn).length >= 4, 'the page has canvases');

  await page.click('a[data-lang=zh]');
  await page.waitForFunction(() => document.documentElement.lang === 'zh-Hans');
  await allRedrawn(page, drawn);
  assert.equal(await page.evaluate(() => window.__marker), 1, 'no reload');
  const chinese = await page.evaluate(shownTexts);
  const kept = new Set(chinese);
  const unchanged = english.filter((t) => kept.has(t) && !NEUTRAL.test(t));
  assert.deepEqual(unchanged, [], 'English texts still shown after the switch');
  assert.ok(chinese.includes(copyText('nav.countries', 'zh')), 'the navigation is in Chinese');
  assert.ok(chinese.includes(copyText('chart.show_table', 'zh')), "the tables' toggles are in Chinese");
  const url = await waitForUrl(page, /[?&]lang=zh/);
  assert.equal(new URL(url).pathname, '/countries/');
  assert.equal(await page.getAttribute('a[data-lang=zh]', 'aria-current'), 'true');

  // And back: the English page again, canvas for canvas.
  await page.click('a[data-lang=en]');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  await page.waitForFunction(
    (old) => Object.entries(old).every(([id, data]) => document.querySelector(`[data-chart-canvas="${id}"]`).toDataURL() === data),
    drawn,
  );
  assert.deepEqual(await page.evaluate(shownTexts), english);
  await waitForUrl(page, /[?&]lang=en/);
  assert.deepEqual(problems, []);
  await context.close();
});

test("the theme toggle switches data-theme, the page's colours and the canvases', and goes into the link", async () => {
  const { page, context, problems } = await openPage(browser, `${server.url}flows/?lang=en`, { colorScheme: 'light' });
  const colours = () =>
    page.evaluate(() => {
      const style = (el) => getComputedStyle(el);
      return { bg: style(document.body).backgroundColor, text: style(document.body).color, link: style(document.querySelector('main a')).color };
    });
  const light = await colours();
  const drawn = await canvases(page);
  const toggle = page.locator('[data-theme-toggle]');
  assert.ok(await toggle.isVisible(), 'the toggle shows once the app runs');
  assert.equal(await toggle.getAttribute('aria-pressed'), 'false');

  await toggle.click();
  await page.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
  assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
  const dark = await colours();
  for (const key of Object.keys(light)) assert.notEqual(dark[key], light[key], `${key} changes with the theme`);
  await allRedrawn(page, drawn);
  await waitForUrl(page, /[?&]theme=dark/);

  // The link reproduces it: a fresh page from it is dark, canvas for canvas.
  const link = page.url();
  const dark2 = await canvases(page);
  const other = await openPage(browser, link, { colorScheme: 'light' });
  assert.equal(await other.page.getAttribute('html', 'data-theme'), 'dark');
  assert.deepEqual(await canvases(other.page), dark2);
  await other.context.close();

  await toggle.click();
  await page.waitForFunction(() => document.documentElement.dataset.theme === 'light');
  assert.deepEqual(await colours(), light);
  await waitForUrl(page, /[?&]theme=light/);
  assert.deepEqual(problems, []);
  assert.deepEqual(other.problems, []);
  await context.close();
});
