// Static first: every page is complete as baked HTML. Without JavaScript each chart is a
// picture that loads, with its title, source and table in the page; with JavaScript the
// wasm draws each chart on a canvas that takes the picture's box exactly, so nothing on
// the page moves (Chromium's layout-shift score stays at most 0.02).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openPage, allLive, inkRatio, PAGES, CHART_VIEWS, pagePath } from './harness.mjs';

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

/** What a reader sees of every chart of the page: its picture, title, source and table. */
function figures() {
  const shown = (el) => el && el.checkVisibility() && el.innerText.trim().length > 0;
  return [...document.querySelectorAll('main figure.chart[data-chart]')].map((figure) => {
    const img = [...figure.querySelectorAll('[data-plot] img')].find((i) => i.checkVisibility());
    const box = img?.getBoundingClientRect();
    // A pinned chart (the what-if's, which stays in view by its sliders) has its table
    // after the sliders, outside the figure.
    const table = document.querySelector(`details.chart-table[data-table="${figure.dataset.chart}"]`);
    return {
      id: figure.dataset.chart,
      picture: img ? { loaded: img.complete && img.naturalWidth > 0, width: box.width, height: box.height } : null,
      title: shown(figure.querySelector(':is(h2, h3)')),
      source: shown(figure.querySelector('.source')),
      // A closed <details> hides its table: count the cells in the markup.
      cells: [...(table?.querySelectorAll('tbody tr') ?? [])].filter((tr) => tr.closest('[data-l]')?.getAttribute('data-l') === document.documentElement.lang.slice(0, 2)).length,
    };
  });
}

test('without JavaScript every page shows its charts as pictures, with titles, sources and tables', async () => {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const failed = [];
  // With JavaScript off, Chromium still starts the module preload and then cancels it.
  page.on('requestfailed', (r) => r.resourceType() !== 'script' && failed.push(`${r.url()} ${r.failure()?.errorText}`));
  page.on('response', (r) => r.status() >= 400 && failed.push(`${r.status()} ${r.url()}`));
  for (const { view, zh, path } of PAGES) {
    await page.goto(`${server.url}${path}`);
    await page.waitForFunction(() => [...document.images].every((i) => i.complete));
    // Without boot.js the page shows its own default language.
    assert.equal(await page.getAttribute('html', 'lang'), zh ? 'zh-Hans' : 'en', path);
    assert.equal(await page.getAttribute('html', 'data-page'), view, path);
    assert.equal(await page.locator('noscript .noscript').count(), 1, `${path}: says what needs JavaScript`);
    const found = await page.evaluate(figures);
    if (CHART_VIEWS.includes(view)) assert.ok(found.length >= 2, `${path} has charts: ${found.length}`);
    for (const f of found) {
      const where = `${path || './'} ${f.id}`;
      assert.ok(f.picture, `${where}: a picture is shown`);
      assert.ok(f.picture.loaded, `${where}: the picture loaded`);
      assert.ok(f.picture.width > 200 && f.picture.height > 40, `${where}: the picture has a size: ${JSON.stringify(f.picture)}`);
      assert.ok(f.title, `${where}: title`);
      assert.ok(f.source, `${where}: source`);
      assert.ok(f.cells > 0, `${where}: table rows in the page's language`);
    }
  }
  assert.deepEqual(failed, []);
  await context.close();
});

/** The box of every plot of the page, in page coordinates, and what it shows. */
function plotBoxes() {
  return [...document.querySelectorAll('main [data-plot]')].map((plot) => {
    const r = plot.getBoundingClientRect();
    const shown = [...plot.querySelectorAll('img, canvas')].find((el) => el.checkVisibility());
    const s = shown.getBoundingClientRect();
    return {
      id: plot.dataset.plot,
      live: plot.classList.contains('live'),
      shows: shown.tagName.toLowerCase(),
      plot: [r.left + scrollX, r.top + scrollY, r.width, r.height],
      content: [s.left + scrollX, s.top + scrollY, s.width, s.height],
    };
  });
}

/** The sum of the page's layout-shift scores without recent input (CLS's raw material). */
const layoutShift = () =>
  new Promise((resolve) => {
    const entries = [];
    const observer = new PerformanceObserver((list) => entries.push(...list.getEntries()));
    observer.observe({ type: 'layout-shift', buffered: true });
    // Buffered entries arrive in the observer's first callback; two frames are enough.
    requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        entries.push(...observer.takeRecords());
        observer.disconnect();
        const counted = entries.filter((e) => !e.hadRecentInput);
        resolve({
          score: counted.reduce((sum, e) => sum + e.value, 0),
          sources: counted.flatMap((e) => e.sources.map((s) => `${s.node?.nodeName}.${s.node?.className} ${e.value.toFixed(4)}`)),
        });
      }),
    );
  });

// The pages with charts, at a desktop and a phone width. The wasm is held back until the
// pictures are laid out and measured, then the same boxes are measured on the canvases.
for (const viewport of [{ width: 1280, height: 900 }, { width: 360, height: 740 }]) {
  for (const view of CHART_VIEWS) {
    const path = pagePath(view);
    test(`${path || './'} at ${viewport.width} px: each canvas takes its picture's box, no layout shift`, async () => {
      let release;
      const gate = new Promise((resolve) => {
        release = resolve;
      });
      const { page, context, problems } = await openPage(browser, `${server.url}${path}?lang=en`, {
        wait: 'load',
        viewport,
        setup: (ctx) =>
          ctx.route('**/*_bg.wasm', async (route) => {
            await gate;
            await route.continue();
          }),
      });
      // Pictures load lazily: wait for those shown on the first two screens.
      await page.waitForFunction(() =>
        [...document.images]
          .filter((i) => i.checkVisibility() && i.getBoundingClientRect().top < 2 * innerHeight)
          .every((i) => i.complete),
      );
      const before = await page.evaluate(plotBoxes);
      assert.ok(before.length > 0, 'the page has charts');
      for (const b of before) assert.equal(b.shows, 'img', `${b.id} shows its picture while the wasm is held`);
      assert.ok(!before.some((b) => b.live), 'no chart is live before the wasm');

      release();
      await allLive(page);
      const after = await page.evaluate(plotBoxes);
      for (const [i, b] of before.entries()) {
        const a = after[i];
        assert.equal(a.shows, 'canvas', `${a.id} shows its canvas once live`);
        // Rounding the canvas to device pixels may change its height by under a pixel.
        for (const k of [0, 1, 2, 3]) {
          assert.ok(Math.abs(a.plot[k] - b.plot[k]) <= 1, `${a.id}: the plot's box moved or resized: ${b.plot} -> ${a.plot}`);
          assert.ok(Math.abs(a.content[k] - b.content[k]) <= 1, `${a.id}: the canvas is not where the picture was: ${b.content} -> ${a.content}`);
        }
        const ink = await inkRatio(page.locator(`[data-chart-canvas="${a.id}"]`));
        assert.ok(ink > 0.01, `${a.id}: the canvas has ink (${ink})`);
      }
      const shift = await page.evaluate(layoutShift);
      assert.ok(shift.score <= 0.02, `layout shift ${shift.score.toFixed(4)}: ${shift.sources.join(', ')}`);
      assert.deepEqual(problems, []);
      await context.close();
    });
  }
}
