// The release build's weight against its ceiling (tests/weight-budget.json): the wasm; a
// first visit, every file a reader's browser fetches opening the story page until it is
// interactive; and the offline copy of the other pages that the service worker fetches
// after that. Each file gzipped at level 9 as a static host would serve it. Sizes are deterministic for a
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
  `${name}: ${kb(bytes).toFixed(1)} KB gzip (ceiling ${limits.ceiling[name]}${name in limits.budget ? `, budget ${limits.budget[name]}` : ''})`;

/** The ceiling holds, and sits near the build: a forgotten ratchet hides regressions. */
function check(name, bytes) {
  console.log(`${line(name, bytes)}`);
  assert.ok(kb(bytes) <= limits.ceiling[name], line(name, bytes));
  assert.ok(
    limits.ceiling[name] <= Math.max(limits.budget[name] ?? 0, kb(bytes) * 1.05),
    `lower the ${name} ceiling in tests/weight-budget.json to at most ${Math.ceil(kb(bytes) * 1.05)}`,
  );
}

test('the wasm weighs no more than its ceiling, and the ceiling no more than it must', async () => {
  const weight = await buildWeight(DIST);
  assert.ok(weight.files.some((f) => f.file.endsWith('.wasm')), 'the build has a wasm file');
  check('wasm', weight.wasm);
});

test('a first visit weighs no more than its ceiling, and the ceiling no more than it must', async () => {
  // What the story page fetches until it is interactive (every chart live); the service
  // worker registers only after that (sw-register.js), and what it then fetches for the
  // offline copy of the other pages is weighed apart.
  const urls = new Set();
  const offline = new Set();
  const { page, context, problems } = await openPage(browser, server.url, {
    viewport: { width: 1280, height: 900 },
    setup: (ctx) => ctx.on('request', (req) => (req.serviceWorker() ? offline : urls).add(req.url())),
  });
  const visit = await filesWeight(DIST, server.url, urls);
  assert.deepEqual(visit.unknown, [], 'every request names a file of the build');
  assert.ok(visit.files.some((f) => f.file.endsWith('.wasm')), 'the visit fetched the wasm');
  assert.ok(!visit.files.some((f) => f.file === 'sources/index.html'), 'the offline copy waits until the page is interactive');
  const largest = visit.files.slice(0, process.env.WEIGHT_ALL ? 100 : 6).map((f) => `${f.file} ${kb(f.gzip).toFixed(1)}`);
  console.log(`first visit: ${visit.files.length} files, largest ${largest.join(', ')}`);
  check('total', visit.total);

  await page.waitForFunction(() => navigator.serviceWorker.controller?.state === 'activated');
  // The worker fetches the page's own files again (no cache headers on this server).
  for (const url of urls) offline.delete(url);
  const copy = await filesWeight(DIST, server.url, offline);
  assert.deepEqual(copy.unknown, [], 'every request of the worker names a file of the build');
  assert.ok(copy.files.some((f) => f.file === 'zh/sources/index.html'), 'the offline copy holds the other pages');
  console.log(`offline copy: ${copy.files.length} more files, ${kb(copy.total).toFixed(1)} KB gzip`);
  check('offline', copy.total);
  assert.deepEqual(problems, []);
  await context.close();
});
