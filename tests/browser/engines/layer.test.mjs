// The engine layer itself, on a page of its own (not the app, whose DOM changes): each
// method does what index.mjs says, the probe sees each kind of problem, the sentinel
// catches a request beyond loopback, and pages do not share storage. Runs in the engines
// of ENGINES / ENGINE, like engines.test.mjs.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '../harness.mjs';
import { enginesFromEnv, openEngine } from './index.mjs';

const PAGE = `<!DOCTYPE html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self'; img-src 'self'" />
    <title>engine layer</title>
    <link rel="icon" href="icon.svg" />
    <script src="fixture.js" defer></script>
  </head>
  <body>
    <button id="count" type="button">0</button>
    <input id="range" type="range" min="0" max="10" step="1" value="5" />
    <input id="text" type="text" />
    <canvas id="canvas" width="40" height="20"></canvas>
  </body>
</html>
`;

// One problem of each kind the probe records, and one file fetched twice.
const SCRIPT = `
document.getElementById('count').addEventListener('click', (e) => {
  e.target.textContent = String(Number(e.target.textContent) + 1);
});
console.error('fixture: console error');
Promise.reject(new Error('fixture: rejection'));
setTimeout(() => {
  throw new Error('fixture: thrown');
});
const img = new Image();
img.src = 'http://blocked.invalid/by-img-src.png';
document.body.append(img);
Promise.all([fetch('data.json', { cache: 'no-store' }), fetch('data.json', { cache: 'no-store' })]).then(() => {
  document.body.dataset.fetched = 'yes';
});
`;

/** Width and height from a PNG's IHDR chunk (bytes 16-23). */
const pngSize = (png) => [png.readUInt32BE(16), png.readUInt32BE(20)];

for (const engine of enginesFromEnv()) {
  describe(`engine layer: ${engine}`, () => {
    let dir;
    let server;
    let browser;
    before(async () => {
      dir = await mkdtemp(join(tmpdir(), 'engines-layer-'));
      await writeFile(join(dir, 'index.html'), PAGE);
      await writeFile(join(dir, 'open.html'), '<!DOCTYPE html><html><head><title>no CSP</title></head><body></body></html>');
      await writeFile(join(dir, 'fixture.js'), SCRIPT);
      await writeFile(join(dir, 'data.json'), '{"ok":true}');
      await writeFile(join(dir, 'icon.svg'), '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><rect width="1" height="1"/></svg>');
      server = await serve('/', dir, {}, { probe: true });
      browser = await openEngine(engine);
    });
    after(async () => {
      await browser?.close();
      await server?.close();
      if (dir) await rm(dir, { recursive: true, force: true });
    });

    test('evaluate, waitFor, click, press, setViewport and screenshot', async () => {
      const page = await browser.newPage({ width: 500, height: 400 });
      try {
        await page.goto(server.url);
        assert.deepEqual(await page.evaluate(([a, b]) => ({ sum: a + b, title: document.title }), [2, 3]), { sum: 5, title: 'engine layer' });
        assert.equal(await page.evaluate(async (ms) => new Promise((resolve) => setTimeout(() => resolve(ms), ms)), 10), 10, 'awaits a promise');
        await assert.rejects(page.evaluate(() => {
          throw new Error('thrown in the page');
        }), /thrown in the page/);
        assert.equal(await page.waitFor(() => document.body.dataset.fetched), 'yes', 'returns the truthy value');
        await assert.rejects(page.waitFor(() => false, null, { timeout: 200 }), /waitFor: no truthy value within 200 ms/);

        await page.click('#count');
        await page.click('#count');
        assert.equal(await page.evaluate(() => document.getElementById('count').textContent), '2');
        // A range input moves one step per arrow key: 5 + 1 + 1 - 1 = 6.
        await page.press('#range', 'ArrowRight');
        await page.press('#range', 'ArrowRight');
        await page.press('#range', 'ArrowLeft');
        assert.equal(await page.evaluate(() => document.getElementById('range').value), '6');
        await page.press('#text', 'a');
        assert.equal(await page.evaluate(() => document.getElementById('text').value), 'a');

        assert.deepEqual(await page.evaluate(() => [innerWidth, innerHeight]), [500, 400], 'the size asked at newPage');
        await page.setViewport(320, 480);
        assert.deepEqual(await page.evaluate(() => [innerWidth, innerHeight]), [320, 480]);
        const shot = join(dir, 'shots', 'page.png');
        await page.screenshot(shot);
        const png = await readFile(shot);
        assert.equal(png.subarray(1, 4).toString(), 'PNG');
        const dpr = await page.evaluate(() => devicePixelRatio);
        assert.deepEqual(pngSize(png), [320 * dpr, 480 * dpr], 'the viewport, not the window');
      } finally {
        await page.close();
      }
    });

    test('problems: error, rejection, CSP violation and console error, before and after the load', async () => {
      const page = await browser.newPage();
      try {
        await page.goto(server.url);
        const kinds = ['console.error', 'unhandledrejection', 'error', 'csp'];
        const problems = await page.waitFor(
          (wanted) => wanted.every((kind) => window.__probe.problems.some((p) => p.kind === kind)) && window.__probe.problems,
          kinds,
        );
        const messages = Object.fromEntries(kinds.map((kind) => [kind, problems.filter((p) => p.kind === kind).map((p) => p.message)]));
        assert.deepEqual(messages['console.error'], ['fixture: console error']);
        assert.match(messages.unhandledrejection.join(), /fixture: rejection/);
        assert.match(messages.error.join(), /fixture: thrown/);
        assert.match(messages.csp.join(), /img-src/);
        const native = await page.engineProblems();
        assert.ok(native.some((p) => p.message.includes('fixture: console error')), `the engine's own console: ${JSON.stringify(native)}`);
      } finally {
        await page.close();
      }
    });

    test('requests: each URL with its count', async () => {
      const page = await browser.newPage();
      try {
        await page.goto(server.url);
        await page.waitFor(() => document.body.dataset.fetched);
        // Entries are made when a response ends; wait for both of data.json.
        await page.waitFor(() => window.__probe.fetched.filter((f) => f.url.endsWith('/data.json')).length === 2);
        const requests = await page.requests();
        const local = requests.filter((r) => r.url.startsWith(server.url));
        const counts = Object.fromEntries(local.map((r) => [r.url.slice(server.url.length - 1), r.count]));
        // The icon is the engine's own fetch; the page asks for the rest.
        assert.deepEqual(counts, { '/': 1, '/__probe.js': 1, '/fixture.js': 1, '/data.json': 2, '/icon.svg': 1 });
        // Chromium also lists the image that the CSP blocked before any fetch.
        const elsewhere = requests.filter((r) => !r.url.startsWith(server.url)).map((r) => r.url);
        assert.ok(elsewhere.every((url) => url === 'http://blocked.invalid/by-img-src.png'), elsewhere.join());
        assert.deepEqual(browser.strayRequests(), [], 'nothing left loopback');
      } finally {
        await page.close();
      }
    });

    test('pages do not share storage, and the colour scheme is per page', async () => {
      const dark = await browser.newPage({ colorScheme: 'dark' });
      const light = await browser.newPage();
      try {
        await dark.goto(server.url);
        await light.goto(server.url);
        assert.equal(await dark.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches), true);
        assert.equal(await light.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches), false);
        await light.evaluate(() => localStorage.setItem('layer', 'light'));
        const again = await browser.newPage();
        try {
          await again.goto(server.url);
          assert.equal(await again.evaluate(() => localStorage.getItem('layer')), null);
        } finally {
          await again.close();
        }
      } finally {
        await dark.close();
        await light.close();
      }
    });

    test('a page without the probe is an error, not a clean record', async () => {
      const bare = await serve('/', dir);
      const page = await browser.newPage();
      try {
        await page.goto(`${bare.url}open.html`);
        await assert.rejects(page.problems(), /no probe in this page/);
      } finally {
        await page.close();
        await bare.close();
      }
    });

    test('the probe is served at the root whatever the base of the build', async () => {
      const sub = await serve('/talent/', dir, {}, { probe: true });
      const page = await browser.newPage();
      try {
        await page.goto(`${sub.url}open.html`);
        assert.ok((await page.requests()).some((r) => r.url.endsWith(`${new URL(sub.url).host}/__probe.js`)));
      } finally {
        await page.close();
        await sub.close();
      }
    });

    test('the sentinel refuses and records a request beyond loopback', async () => {
      const page = await browser.newPage();
      try {
        await page.goto(`${server.url}open.html`);
        const status = await page.evaluate(() =>
          fetch('http://stray.invalid/ping').then(
            (r) => r.status,
            () => 'refused',
          ),
        );
        assert.equal(status, 'refused', 'the cross-origin 403 has no CORS header, so fetch rejects');
        assert.deepEqual(browser.strayRequests(), ['GET http://stray.invalid/ping']);
      } finally {
        await page.close();
      }
    });
  });
}
