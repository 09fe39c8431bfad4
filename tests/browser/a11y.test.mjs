// Reader shell checks against the release build: axe-core finds no WCAG 2.2 A/AA
// violation in any view, language or theme; a 360 px page never scrolls sideways.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { AxeBuilder } from '@axe-core/playwright';
import { serve, launch, openPage } from './harness.mjs';

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

for (const lang of ['en', 'zh']) {
  for (const theme of ['light', 'dark']) {
    test(`axe finds no violation in any view (${lang}, ${theme})`, async () => {
      const { page, problems, context } = await openPage(browser, `${server.url}?v=1&lang=${lang}&theme=${theme}`);
      for (const view of VIEWS) {
        await page.click(`[data-testid=nav-${view}]`);
        await page.waitForSelector(`main section.view`);
        await page.waitForTimeout(150);
        const results = await new AxeBuilder({ page })
          .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
          .analyze();
        const found = results.violations.map(
          (v) => `${view}: ${v.id} (${v.nodes.length}) ${v.nodes[0]?.target?.join(' ')} ${v.nodes[0]?.failureSummary ?? ''}`,
        );
        assert.deepEqual(found, [], found.join('\n'));
      }
      assert.deepEqual(problems, []);
      await context.close();
    });
  }
}

test('no view scrolls sideways at 360 px, in either language', async () => {
  for (const lang of ['en', 'zh']) {
    const { page, problems, context } = await openPage(browser, `${server.url}?v=1&lang=${lang}`, {
      viewport: { width: 360, height: 740 },
      hasTouch: true,
      isMobile: true,
    });
    for (const view of VIEWS) {
      await page.click(`[data-testid=nav-${view}]`);
      await page.waitForSelector('main section.view');
      await page.waitForTimeout(150);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.equal(overflow, 0, `${view} (${lang}) overflows by ${overflow}px`);
    }
    assert.deepEqual(problems, []);
    await context.close();
  }
});

test('a tap on a bar shows its tooltip on a touch screen', async () => {
  const { page, problems, context } = await openPage(browser, `${server.url}?lang=en`, {
    viewport: { width: 360, height: 740 },
    hasTouch: true,
    isMobile: true,
  });
  const canvas = page.locator('[data-testid=top100-chart] canvas');
  const box = await canvas.boundingBox();
  await page.touchscreen.tap(box.x + box.width * 0.6, box.y + 20);
  await page.waitForSelector('[data-testid=tooltip]');
  assert.match(await page.locator('[data-testid=tooltip]').innerText(), /United States/);
  assert.deepEqual(problems, []);
  await context.close();
});
