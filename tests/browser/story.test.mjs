// The story page on a phone: the headline is the page's first heading, and the first
// screen already shows a finding's number and the top of the chart that proves it, in
// English and in Chinese (by the link's choice and on the zh/ copy).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openPage, visibleText } from './harness.mjs';
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

const PHONE = { viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true };

/**
 * Where `needle` is drawn inside the visible text of `selector`: the box of its first
 * occurrence in a shown text node (null if no shown text holds it).
 */
function textBox([selector, needle]) {
  const root = document.querySelector(selector);
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const at = node.data.indexOf(needle);
    if (at < 0 || !node.parentElement.checkVisibility()) continue;
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + needle.length);
    const { top, bottom, left, right } = range.getBoundingClientRect();
    return { top, bottom, left, right };
  }
  return null;
}

for (const [name, path, lang] of [
  ['English', '?lang=en', 'en'],
  ['Chinese by the link', '?lang=zh', 'zh'],
  ['Chinese on zh/', 'zh/', 'zh'],
]) {
  test(`story at 360x740, ${name}: headline first, a finding's number and its chart on the first screen`, async () => {
    const { page, context, problems } = await openPage(browser, `${server.url}${path}`, PHONE);
    assert.equal(await page.getAttribute('html', 'lang'), lang === 'zh' ? 'zh-Hans' : 'en');

    // The first heading of the document is the headline, shown in the page's language.
    const first = page.locator(':is(h1, h2, h3, h4, h5, h6):visible').first();
    assert.equal(await first.evaluate((h) => h.tagName), 'H1');
    assert.equal(await visibleText(first), copyText('story.headline', lang));
    const headlineBox = await first.boundingBox();
    assert.ok(headlineBox.y >= 0 && headlineBox.y + headlineBox.height <= 740, `headline on screen: ${JSON.stringify(headlineBox)}`);

    // The first finding's sentence carries the 2022 China-origin share of the data pack...
    const share = percentText(factValue('mp22_origin_share_china'), lang);
    const number = await page.evaluate(textBox, ['#f-finding-origin .finding-sentence', share]);
    assert.ok(number, `the first finding says ${share}`);
    assert.ok(number.top >= 0 && number.bottom <= 740, `${share} is on the first screen: ${JSON.stringify(number)}`);
    assert.ok(number.left >= 0 && number.right <= 360, `${share} is not cut at the sides: ${JSON.stringify(number)}`);

    // ...and the top of its chart shows below it on the same screen (at least 24 px of it).
    const plot = await page.locator('[data-plot=finding-origin]').boundingBox();
    assert.ok(plot.y > number.bottom, 'the chart follows the sentence');
    assert.ok(plot.y + 24 <= 740, `the chart starts on the first screen: its top is at ${plot.y.toFixed(0)} px of 740`);
    assert.ok(plot.width >= 300, `the chart takes the column: ${plot.width} px`);

    assert.deepEqual(problems, []);
    await context.close();
  });
}
