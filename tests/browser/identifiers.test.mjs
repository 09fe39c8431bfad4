// No internal identifier reaches a reader: in every page, in both languages, no text a
// reader can see (text shown on the page, the tables opened, every chart's tooltips, the
// page title, alternative texts and accessible names) looks like a seed number, a fact
// id or a discrepancy id. Attributes only machines read (data-*, ids, URLs) may hold them.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openPage, VIEWS, pagePath } from './harness.mjs';

// Seed numbers ("seed 001", "种子文献"), discrepancy ids ("d02_..."), not-found ids
// ("nf01") and fact-id-like words ("mp22_origin_share_china").
const INTERNAL = /seed \d{3}|种子文献|\bd\d\d_|\bnf\d\d\b|\b[a-z]+\d\d_[a-z_]+\b/i;

test('the pattern catches each kind of internal identifier and spares reader text', () => {
  for (const bad of ['Seed 002 says', '见种子文献', 'see d02_shares', 'nf05', 'mp22_origin_share_china', 'cg25_still_us']) {
    assert.match(bad, INTERNAL, bad);
  }
  for (const fine of ['NeurIPS 2022', 'top 2%', '2019 to 2022', 'AI 2000', '47%', 'Table 1', '上海AI产业人才']) {
    assert.doesNotMatch(fine, INTERNAL, fine);
  }
});

/** Every piece of text the reader can see or hear in the page as it is now. */
function readerTexts() {
  const texts = [document.title];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || ['SCRIPT', 'STYLE', 'TEXTAREA'].includes(parent.tagName)) continue;
    // Visually hidden live regions and descriptions are read out: keep them.
    if (parent.checkVisibility() || parent.closest('.visually-hidden')) texts.push(node.data);
  }
  for (const el of document.querySelectorAll('[alt], [aria-label], [title], [placeholder]')) {
    if (el.closest('[data-l]') && !el.closest('[data-l]').checkVisibility()) continue;
    for (const name of ['alt', 'aria-label', 'title', 'placeholder']) {
      if (el.hasAttribute(name)) texts.push(el.getAttribute(name));
    }
  }
  return texts.map((t) => t.trim()).filter(Boolean);
}

/**
 * Every tooltip of a chart the keyboard reaches: Down through the marks (and through a
 * Sankey's column), then from the first mark Right along a Sankey's flows.
 */
async function tooltips(page, canvas) {
  const seen = new Set();
  const tip = canvas.locator('xpath=..').locator('.tooltip');
  await canvas.focus();
  for (const [start, key] of [[null, 'ArrowDown'], ['Home', 'ArrowRight']]) {
    if (start) await page.keyboard.press(start);
    let last = '';
    for (let i = 0; i < 40; i += 1) {
      await page.keyboard.press(key);
      const text = (await tip.count()) ? await tip.innerText() : '';
      if (text === last) break;
      seen.add(text);
      last = text;
    }
  }
  await page.keyboard.press('Escape');
  return [...seen];
}

for (const view of Object.keys(VIEWS)) {
  for (const lang of ['en', 'zh']) {
    // English at the root, Chinese on the zh/ copy (which is Chinese without a choice).
    const path = lang === 'zh' ? pagePath(view, { zh: true }) : `${pagePath(view)}?lang=en`;
    test(`${path || './'}: no internal identifier in what a reader sees`, async () => {
      const { page, context, problems } = await openPage(browser, `${server.url}${path}`);
      assert.equal(await page.getAttribute('html', 'lang'), lang === 'zh' ? 'zh-Hans' : 'en');
      await page.evaluate(() => document.querySelectorAll('main details').forEach((d) => (d.open = true)));
      const texts = await page.evaluate(readerTexts);
      assert.ok(texts.length > 20, `${path}: the page has text (${texts.length} pieces)`);
      for (const canvas of await page.locator('main canvas[data-chart-canvas]').all()) {
        const tips = await tooltips(page, canvas);
        assert.ok(tips.length > 0, `${await canvas.getAttribute('data-chart-canvas')}: the keyboard reaches a tooltip`);
        texts.push(...tips);
      }
      const found = texts.filter((t) => INTERNAL.test(t)).map((t) => `${t.match(INTERNAL)[0]} in "${t.slice(0, 160)}"`);
      assert.deepEqual(found, []);
      assert.deepEqual(problems, []);
      await context.close();
    });
  }
}

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
