// Smoke test of the release build in other engines than Chromium (see engines/index.mjs):
// each view opens and draws, survives widths from 320 to 1920 px, and the page reports no
// errors, CSP violations or double downloads, in every engine of ENGINES (default
// firefox,webkit; ENGINE=webkit runs one alone; add chromium to compare). Screenshots and a
// report per engine go to tests/screenshots/<engine>/ (git-ignored).
//   cd tests && ENGINE=webkit DIST_DIR=/work/dist-baseline node --test browser/engines.test.mjs
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { writeFile, mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { DIST, serve } from './harness.mjs';
import { enginesFromEnv, openEngine } from './engines/index.mjs';

// ---- What this test knows of the app: change these lines when the UI changes. ----
const VIEWS = [
  { name: 'countries-en', query: '?lang=en' },
  { name: 'whatif-zh', query: '?view=whatif&lang=zh' },
];
/** The app has started and shows a view. */
const viewShown = () => document.querySelector('main section.view') !== null;
/** The page's Content Security Policy, as the build writes it. */
const CSP = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(readFileSync(`${DIST}/index.html`, 'utf8'))?.[1];
// ---------------------------------------------------------------------------------

/**
 * Faults of the baseline build, the engines they show in, and what of the page's record
 * (`problems`, `requests` or `engineProblems`) shows them. The checks below leave them
 * out where they are known, and a todo test per fault and engine (reported, not failing)
 * says whether it is still there. Remove an entry once it is fixed, and the checks guard
 * against its return.
 */
const KNOWN = [
  {
    fault: 'ResizeObserver loop error',
    engines: ['chromium', 'firefox', 'webkit'],
    in: 'problems',
    match: (p) => /ResizeObserver loop/.test(p.message),
    todo: 'fixed by the new UI',
  },
  {
    // <link rel=preload as=fetch integrity=...>, which WebKit's fetch of the wasm (without
    // integrity) does not use; WebKit's console: "preloaded ... but not used".
    fault: 'second download of the wasm',
    engines: ['webkit'],
    in: 'requests',
    match: (r) => r.count > 1 && r.url.endsWith('.wasm'),
    todo: 'fixed by the new UI',
  },
  {
    fault: 'CSP directive unknown to the engine (WebKit: manifest-src)',
    engines: ['webkit'],
    in: 'engineProblems',
    match: (p) => /Content.Security.Policy/i.test(p.message),
    todo: 'fixed by the new UI',
  },
  {
    // Chromium fetches the icon again when the app rewrites the URL (history.replaceState
    // adds v=1); 338 bytes.
    fault: 'second download of the icon after the app rewrites the URL',
    engines: ['chromium'],
    in: 'requests',
    match: (r) => r.count > 1 && /icon[^/]*\.svg$/.test(r.url),
    todo: 'a Chromium habit; the new UI may not rewrite the URL',
  },
];
/** The items of `list` that no fault known in `engine` explains. */
const unexplained = (engine, where, list) =>
  list.filter((item) => !KNOWN.some((k) => k.in === where && k.engines.includes(engine) && k.match(item)));

const WIDTHS = [320, 480, 768, 1024, 1440, 1920];
const HEIGHT = 900;
const SHOT_WIDTHS = new Set([320, 1024, 1920]);
const SCREENSHOTS = fileURLToPath(new URL('../screenshots/', import.meta.url));

/**
 * Largest share of a canvas's pixels that differ from its top-left pixel (0: nothing
 * drawn). Reads a copy, so the app's canvases are not switched to CPU readback.
 */
function inkOfCanvases() {
  let best = 0;
  for (const canvas of document.querySelectorAll('canvas')) {
    const { width, height } = canvas;
    if (!width || !height) continue;
    const copy = document.createElement('canvas');
    copy.width = width;
    copy.height = height;
    const ctx = copy.getContext('2d', { willReadFrequently: true });
    ctx.drawImage(canvas, 0, 0);
    const data = ctx.getImageData(0, 0, width, height).data;
    let ink = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (data[i] !== data[0] || data[i + 1] !== data[1] || data[i + 2] !== data[2] || data[i + 3] !== data[3]) ink += 1;
    }
    best = Math.max(best, ink / (width * height));
  }
  return best;
}

/** Resolves after two frames: a resize has been laid out, observed and painted. */
const settled = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve(true))));

for (const engine of enginesFromEnv()) {
  describe(engine, () => {
    let server;
    let browser;
    let started;
    /** Per view: what the page reported, for the assertions below and the report file. */
    const seen = {};

    before(async () => {
      started = Date.now();
      server = await serve('/', DIST, {}, { probe: true });
      browser = await openEngine(engine);
      seen.startMs = Date.now() - started;
    });
    after(async () => {
      await browser?.close();
      await server?.close();
      seen.wallMs = Date.now() - started;
      await mkdir(`${SCREENSHOTS}${engine}`, { recursive: true });
      await writeFile(`${SCREENSHOTS}${engine}/report.json`, `${JSON.stringify(seen, null, 2)}\n`);
      console.log(`# ${engine}: ${(seen.wallMs / 1000).toFixed(1)} s wall time (browser start ${(seen.startMs / 1000).toFixed(1)} s)`);
    });

    for (const view of VIEWS) {
      test(`${view.name}: opens, draws a chart, and keeps both from 320 to 1920 px`, { timeout: 180000 }, async () => {
        const t0 = Date.now();
        const page = await browser.newPage({ width: WIDTHS[0], height: HEIGHT });
        try {
          await page.goto(`${server.url}${view.query}`);
          await page.waitFor(viewShown, null, { timeout: 30000 });
          const ink = await page.waitFor(inkOfCanvases, null, { timeout: 30000 });
          assert.ok(ink > 0, 'a canvas has ink');
          const firstChartMs = Date.now() - t0;
          for (const width of WIDTHS) {
            await page.setViewport(width, HEIGHT);
            await page.waitFor(settled);
            assert.equal(await page.evaluate(() => innerWidth), width, 'viewport width');
            assert.ok(await page.evaluate(viewShown), `the view is still shown at ${width} px`);
            assert.ok((await page.waitFor(inkOfCanvases)) > 0, `a canvas has ink at ${width} px`);
            if (SHOT_WIDTHS.has(width)) await page.screenshot(`${SCREENSHOTS}${engine}/${view.name}-${width}.png`);
          }
          seen[view.name] = {
            firstChartMs,
            totalMs: Date.now() - t0,
            problems: await page.problems(),
            requests: await page.requests(),
            engineProblems: await page.engineProblems(),
          };
        } finally {
          await page.close();
        }
      });

      const record = (where) => seen[view.name]?.[where] ?? assert.fail('the view did not open');

      test(`${view.name}: no error, rejection, CSP violation or console error`, () => {
        assert.deepEqual(unexplained(engine, 'problems', record('problems')), []);
      });

      test(`${view.name}: every file is fetched once`, () => {
        assert.ok(record('requests').length > 3, 'the probe saw the page, its scripts and styles');
        assert.deepEqual(unexplained(engine, 'requests', record('requests').filter((r) => r.count > 1)), []);
      });

      test(`${view.name}: the engine accepts the page's CSP`, () => {
        const csp = record('engineProblems').filter((p) => /Content.Security.Policy/i.test(p.message));
        assert.deepEqual(unexplained(engine, 'engineProblems', csp), []);
      });

      for (const known of KNOWN.filter((k) => k.engines.includes(engine))) {
        test(`${view.name}: no ${known.fault}`, { todo: known.todo }, () => {
          assert.deepEqual(record(known.in).filter(known.match), []);
        });
      }
    }

    test('the probe runs under the page CSP sent as a header, and breaks no rule of it', async () => {
      assert.ok(CSP, 'the build has a CSP meta');
      const strict = await serve('/', DIST, { 'content-security-policy': CSP }, { probe: true });
      const page = await browser.newPage();
      try {
        await page.goto(`${strict.url}${VIEWS[0].query}`);
        await page.waitFor(viewShown, null, { timeout: 30000 });
        const problems = await page.problems();
        assert.deepEqual(problems.filter((p) => p.kind === 'csp'), []);
        const probe = (await page.requests()).find((r) => r.url.endsWith('/__probe.js'));
        assert.equal(probe?.count, 1, 'the probe was fetched once');
      } finally {
        await page.close();
        await strict.close();
      }
    });

    test('the engine asked nothing of the internet', () => {
      assert.deepEqual(browser.strayRequests(), []);
    });
  });
}
