// The release build's weight against its ceiling (tests/weight-budget.json): the wasm,
// and a first visit — every file a reader's browser fetches on opening the story page
// once, until the service worker has precached the offline copy (which is most of it),
// each gzipped at level 9 as a static host would serve it. Sizes are deterministic for a
// given toolchain and viewport, so this is a test; timings live in the benchmark.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { DIST, serve, launch, openPage } from './harness.mjs';
import { buildWeight, filesWeight, kb } from './weight.mjs';

const limits = JSON.parse(await readFile(new URL('../weight-budget.json', import.meta.url), 'utf8'));

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

const line = (name, bytes) =>
  `${name}: ${kb(bytes).toFixed(1)} KB gzip (ceiling ${limits.ceiling[name]}, budget ${limits.budget[name]})`;

/** The ceiling holds, and sits near the build: a forgotten ratchet hides regressions. */
function check(name, bytes) {
  console.log(`${line(name, bytes)}`);
  assert.ok(kb(bytes) <= limits.ceiling[name], line(name, bytes));
  assert.ok(
    limits.ceiling[name] <= Math.max(limits.budget[name], kb(bytes) * 1.05),
    `lower the ${name} ceiling in tests/weight-budget.json to at most ${Math.ceil(kb(bytes) * 1.05)}`,
  );
}

test('the wasm weighs no more than its ceiling, and the ceiling no more than it must', async () => {
  const weight = await buildWeight(DIST);
  assert.ok(weight.files.some((f) => f.file.endsWith('.wasm')), 'the build has a wasm file');
  check('wasm', weight.wasm);
});

test('a first visit weighs no more than its ceiling, and the ceiling no more than it must', async () => {
  const urls = new Set();
  const { page, context, problems } = await openPage(browser, server.url, {
    viewport: { width: 1280, height: 900 },
    setup: (ctx) => ctx.on('request', (req) => urls.add(req.url())),
  });
  await page.waitForFunction(() => navigator.serviceWorker.controller?.state === 'activated');
  const weight = await filesWeight(DIST, server.url, urls);
  assert.deepEqual(weight.unknown, [], 'every request names a file of the build');
  assert.ok(weight.files.some((f) => f.file.endsWith('.wasm')), 'the visit fetched the wasm');
  assert.ok(weight.files.some((f) => f.file === 'sources/index.html'), 'and the offline copy of the other pages');
  const largest = weight.files.slice(0, 6).map((f) => `${f.file} ${kb(f.gzip).toFixed(1)}`);
  console.log(`first visit: ${weight.files.length} files, largest ${largest.join(', ')}`);
  check('total', weight.total);
  assert.deepEqual(problems, []);
  await context.close();
});
