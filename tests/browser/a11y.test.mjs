// axe-core finds no WCAG 2.2 A/AA violation on any page, in either language, in either
// theme, at a desktop and a phone width, with the charts live; and no page scrolls
// sideways on a phone.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { AxeBuilder } from '@axe-core/playwright';
import { serve, launch, openPage, allLive, VIEWS, pagePath } from './harness.mjs';

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

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

for (const width of [1280, 360]) {
  for (const theme of ['light', 'dark']) {
    for (const lang of ['en', 'zh']) {
      test(`axe: no violation on any page (${lang}, ${theme}, ${width} px)`, async () => {
        const phone = width < 640;
        const { page, context, problems } = await openPage(browser, `${server.url}?lang=${lang}&theme=${theme}`, {
          viewport: { width, height: phone ? 740 : 900 },
          hasTouch: phone,
          isMobile: phone,
        });
        const found = [];
        for (const view of Object.keys(VIEWS)) {
          // Each page by its link, as a reader arrives (the in-place navigation has its own tests).
          await page.goto(`${server.url}${pagePath(view)}?lang=${lang}&theme=${theme}`);
          await allLive(page);
          const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
          for (const v of results.violations) {
            found.push(`${view}: ${v.id} (${v.nodes.length}) ${v.nodes[0]?.target?.join(' ')} ${v.nodes[0]?.failureSummary ?? ''}`);
          }
          if (phone) {
            const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
            if (overflow > 0) found.push(`${view}: scrolls sideways by ${overflow} px`);
          }
        }
        assert.deepEqual(found, [], found.join('\n'));
        assert.deepEqual(problems, []);
        await context.close();
      });
    }
  }
}
