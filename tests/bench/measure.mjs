// The measurements of the benchmark (tests/bench/run.mjs runs them and writes the report
// with report.mjs): one function per measurement, each given the build folder or the
// server it measures. Pages are driven with the browser tests' harness
// (tests/browser/harness.mjs) and weighed with their weight.mjs, so the benchmark and the
// tests mean the same thing by "a first visit" or "every chart is live".
import { execFileSync } from 'node:child_process';
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import os from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import { allLive, openPage, serve } from '../browser/harness.mjs';
import { buildWeight, filesWeight, kb } from '../browser/weight.mjs';

export const log = (...args) => console.error('bench:', ...args);

/**
 * Where loads are measured. Loopback: the desktop window of the weight test, nothing
 * throttled. CPU 4×: the same window and network, the CPU 4 × slower, as issue 15's
 * budget for the first chart visible sets it (the static picture must not wait for the
 * wasm, and a slow CPU shows whether it does). Phone: Lighthouse's mobile profile — its
 * screen (412 × 823 CSS px at 1.75 device pixels per px) and its "slow 4G" figures,
 * applied through the DevTools protocol: at least 150 ms from each request to its
 * response, 1.6 Mbps down, 750 kbps up, the CPU 4 × slower.
 */
const DESKTOP = { viewport: { width: 1280, height: 900 } };
export const PROFILES = [
  { key: 'loopback', label: 'Loopback (1280 × 900, nothing throttled)', short: 'loopback', context: DESKTOP },
  { key: 'cpu4', label: 'Loopback, CPU 4× (1280 × 900, network not throttled)', short: 'CPU 4×', context: DESKTOP, cpu: 4 },
  {
    key: 'phone',
    label: 'Phone profile (412 × 823 at 1.75×; 150 ms, 1.6 Mbps down, 750 kbps up; CPU 4×)',
    short: 'phone',
    context: { viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true },
    network: { offline: false, latency: 150, downloadThroughput: 200_000, uploadThroughput: 93_750 },
    cpu: 4,
  },
];
export const PHONE = PROFILES.find((p) => p.key === 'phone');

/** The pages whose loads are measured: the story in both languages and a chart view. */
export const LOAD_PAGES = [
  { key: 'story', label: 'Story (`/`)', path: '' },
  { key: 'countries', label: 'Countries (`countries/`)', path: 'countries/' },
  { key: 'zh', label: 'Story in Chinese (`zh/`)', path: 'zh/' },
];

// ---- statistics ----------------------------------------------------------------------

/** The q-quantile of xs, interpolated linearly between order statistics. */
export function quantile(xs, q) {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const i = (s.length - 1) * q;
  const lo = Math.floor(i);
  const hi = Math.ceil(i);
  return s[lo] + (s[hi] - s[lo]) * (i - lo);
}
const median = (xs) => quantile(xs, 0.5);
export const spread = (xs) => ({ min: Math.min(...xs), median: median(xs), max: Math.max(...xs), n: xs.length });

// ---- servers -------------------------------------------------------------------------

/**
 * A front for a harness server that gzips every response at level 9 for browsers that
 * accept it, as a static host does: the budgets are gzip sizes, and the phone profile's
 * 1.6 Mbps should carry what a reader's phone would receive. Each URL is fetched from the
 * harness server and compressed once, then kept.
 */
export async function gzipFront(upstream) {
  const kept = new Map();
  const server = createServer(async (req, res) => {
    try {
      let entry = kept.get(req.url);
      if (!entry) {
        const response = await fetch(new URL(req.url.slice(1), upstream));
        const body = Buffer.from(await response.arrayBuffer());
        entry = {
          status: response.status,
          type: response.headers.get('content-type') ?? 'application/octet-stream',
          body,
          gzip: response.ok ? gzipSync(body, { level: 9 }) : null,
        };
        kept.set(req.url, entry);
      }
      const gzip = entry.gzip && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '');
      res.writeHead(entry.status, {
        'content-type': entry.type,
        vary: 'accept-encoding',
        ...(gzip ? { 'content-encoding': 'gzip' } : {}),
      });
      res.end(gzip ? entry.gzip : entry.body);
    } catch (err) {
      res.writeHead(502, { 'content-type': 'text/plain' }).end(String(err));
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}/`,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/**
 * Counts the responses a harness server at `url` sends, by path, with Node's HTTP
 * diagnostics channel (the harness's server takes no hook). A request the browser's HTTP
 * cache answers never reaches the server, so these are downloads, not requests.
 */
function countResponses(url) {
  const host = new URL(url).host;
  const counts = new Map();
  const onFinish = ({ request, response }) => {
    if (request.headers.host !== host || response.statusCode !== 200) return;
    const path = new URL(request.url, url).pathname;
    counts.set(path, (counts.get(path) ?? 0) + 1);
  };
  subscribe('http.server.response.finish', onFinish);
  return { counts, stop: () => unsubscribe('http.server.response.finish', onFinish) };
}

/** The build's file a URL under `base` names (a folder's URL is its index.html). */
function fileOf(base, url) {
  const path = decodeURIComponent(new URL(url, base).pathname).slice(new URL(base).pathname.length);
  return path === '' || path.endsWith('/') ? `${path}index.html` : path;
}

// ---- weight of the build -------------------------------------------------------------

/**
 * Every file of the build with its raw, gzip -9 (weight.mjs's `buildWeight`) and brotli
 * (quality 11) size, largest gzip first, and the same summed by top-level folder.
 */
export async function buildSizes(dist) {
  const weight = await buildWeight(dist);
  for (const file of weight.files) {
    const body = await readFile(join(dist, file.file));
    file.brotli = brotliCompressSync(body, {
      params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: body.length },
    }).length;
  }
  const folders = new Map();
  for (const file of weight.files) {
    const folder = file.file.includes('/') ? `${file.file.split('/')[0]}/` : 'the root';
    const sum = folders.get(folder) ?? { folder, count: 0, raw: 0, gzip: 0, brotli: 0 };
    sum.count += 1;
    sum.raw += file.raw;
    sum.gzip += file.gzip;
    sum.brotli += file.brotli;
    folders.set(folder, sum);
  }
  log(`build: ${weight.files.length} files, ${kb(weight.total).toFixed(1)} KB gzip, wasm ${kb(weight.wasm).toFixed(1)} KB`);
  return {
    ...weight,
    brotli: weight.files.reduce((total, f) => total + f.brotli, 0),
    folders: [...folders.values()].sort((a, b) => b.gzip - a.gzip),
  };
}

// ---- first visit ---------------------------------------------------------------------

/**
 * One first visit as weight.test.mjs makes it: the story page at 1280 × 900 in a fresh
 * context, served from `dist` by the harness's server with `headers`. Returns
 * - `untilInteractive`: the weight (weight.mjs, gzip -9) of what the page fetched until it was
 *   interactive (every chart live) — the test's "first visit";
 * - `offline`: what the service worker fetched after that, until it was activated, less
 *   the page's own URLs — the test's "offline copy";
 * - per file, how often the server sent it over the whole visit and who asked for it
 *   (the page or the service worker), and the files sent more than once.
 */
export async function firstVisit(browser, dist, headers = {}) {
  const server = await serve('/', dist, headers);
  const served = countResponses(server.url);
  const pageUrls = new Set();
  const workerUrls = new Set();
  const askedBy = new Map();
  let interactiveUrls;
  try {
    const { page, context, problems } = await openPage(browser, server.url, {
      viewport: { width: 1280, height: 900 },
      setup: (ctx) =>
        ctx.on('request', (req) => {
          const byWorker = Boolean(req.serviceWorker());
          (byWorker ? workerUrls : pageUrls).add(req.url());
          const file = fileOf(server.url, req.url());
          askedBy.set(file, [...(askedBy.get(file) ?? []), byWorker ? 'service worker' : 'page']);
        }),
    });
    interactiveUrls = new Set(pageUrls);
    await page.waitForFunction(() => navigator.serviceWorker.controller?.state === 'activated');
    await context.close();
    if (problems.length) throw new Error(`first visit: ${problems.join('; ')}`);
  } finally {
    served.stop();
    await server.close();
  }
  const untilInteractive = await filesWeight(dist, server.url, interactiveUrls);
  const offline = await filesWeight(dist, server.url, [...workerUrls].filter((url) => !pageUrls.has(url)));
  const unknown = [...untilInteractive.unknown, ...offline.unknown];
  if (unknown.length) throw new Error(`first visit: requests for no file of the build: ${unknown.join(', ')}`);
  const downloads = new Map();
  for (const [path, count] of served.counts) {
    const file = fileOf(server.url, path);
    downloads.set(file, (downloads.get(file) ?? 0) + count);
  }
  const twice = [...downloads]
    .filter(([, count]) => count > 1)
    .map(([file, count]) => ({ file, count, by: askedBy.get(file) ?? [] }));
  log(
    `first visit ${JSON.stringify(headers)}: ${untilInteractive.files.length} files, ${kb(untilInteractive.total).toFixed(1)} KB gzip until interactive, ` +
      `offline copy ${kb(offline.total).toFixed(1)} KB; downloaded more than once: ${twice.length}`,
  );
  return { headers, untilInteractive, offline, downloads: [...downloads.values()].reduce((a, b) => a + b, 0), files: downloads.size, twice };
}

// ---- page loads ----------------------------------------------------------------------

/**
 * Runs in every document of a measured load, before the page's own scripts. Records, in
 * page time (ms since navigation start):
 * - `pictures`: each chart picture's first paint, from Element Timing: every `<img>` of a
 *   plot gets an `elementtiming` attribute as the parser inserts it (mutation records are
 *   delivered before the next rendering), and a PerformanceObserver keeps the entries'
 *   `renderTime`;
 * - `live`: when each plot first has class `live` and a canvas with a width (the harness's
 *   `allLive` condition, per chart), seen by a MutationObserver in the task that did it;
 * - `started`: the app's start (`TrunkApplicationStarted`, dispatched by public/start.js);
 * - `interactive`: when the app has started and every plot of main is live;
 * - `settled`: the end of the animation frame after `interactive`: the last canvas drawn
 *   reaches the screen in that frame, so a shift it causes is laid out by then;
 * - `shifts`: every `layout-shift` entry (value, time, input or not, and what moved), from
 *   a buffered PerformanceObserver, so the shifts before this script's observer was set up
 *   count too.
 * It also sets `window.__talent.started`, the flag the harness's `allLive` waits for.
 */
function recordLoad() {
  const load = (window.__load = { started: null, live: {}, interactive: null, settled: null, pictures: [], shifts: [] });
  window.__talent = { started: false, memory: null };
  const plots = () => [...document.querySelectorAll('main [data-plot]')];
  const isLive = (plot) => plot.classList.contains('live') && plot.querySelector('canvas')?.width > 0;
  const check = (plot) => {
    if (plot && !(plot.dataset.plot in load.live) && plot.closest('main') && isLive(plot)) {
      load.live[plot.dataset.plot] = performance.now();
    }
    if (load.interactive === null && load.started !== null && plots().every(isLive)) {
      load.interactive = performance.now();
      // rAF callbacks run before the frame's layout; a message posted from one arrives in a
      // task after that frame's rendering, when its layout shifts have been reported.
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => (load.settled = performance.now());
        channel.port2.postMessage(null);
      });
    }
  };
  addEventListener('TrunkApplicationStarted', () => {
    load.started = performance.now();
    window.__talent.started = true;
    for (const plot of plots()) check(plot);
  });
  new MutationObserver((records) => {
    for (const record of records) {
      if (record.type === 'attributes') {
        check(record.target.closest('[data-plot]'));
        continue;
      }
      for (const node of record.addedNodes) {
        if (node.nodeType !== Node.ELEMENT_NODE) continue;
        for (const img of node.tagName === 'IMG' ? [node] : node.querySelectorAll('img')) {
          const plot = img.closest('[data-plot]');
          if (plot) img.setAttribute('elementtiming', `chart:${plot.dataset.plot}`);
        }
        if (node.tagName === 'CANVAS') check(node.closest('[data-plot]'));
      }
    }
  }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['class', 'width'] });
  const keep = (entries) => {
    for (const e of entries) {
      if (e.identifier?.startsWith('chart:')) load.pictures.push({ chart: e.identifier.slice(6), at: e.renderTime || e.loadTime });
    }
  };
  const pictures = new PerformanceObserver((list) => keep(list.getEntries()));
  pictures.observe({ type: 'element', buffered: true });
  // What moved: the plot it is in, else the element itself, as a short selector.
  const describe = (node) => {
    const el = node?.nodeType === Node.ELEMENT_NODE ? node : node?.parentElement;
    if (!el) return '(removed node)';
    const plot = el.closest('[data-plot]');
    if (plot) return `plot ${plot.dataset.plot} (${el.tagName.toLowerCase()})`;
    return el.tagName.toLowerCase() + (el.id ? `#${el.id}` : '') + (el.classList[0] ? `.${el.classList[0]}` : '');
  };
  const keepShifts = (entries) => {
    for (const e of entries) {
      load.shifts.push({ value: e.value, at: e.startTime, input: e.hadRecentInput, sources: (e.sources ?? []).map((s) => describe(s.node)) });
    }
  };
  const shifts = new PerformanceObserver((list) => keepShifts(list.getEntries()));
  shifts.observe({ type: 'layout-shift', buffered: true });
  // Observers are called in a task of their own; the benchmark may read before that.
  load.flush = () => {
    keep(pictures.takeRecords());
    keepShifts(shifts.takeRecords());
  };
}

/** In the page: the record of the load (see recordLoad) and the first contentful paint. */
function readLoad() {
  const load = window.__load;
  load.flush();
  const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null;
  return { ...load, flush: undefined, fcp };
}

/**
 * One fresh load of `url` on `profile`: a new browser context (empty HTTP cache, no
 * service worker), network and CPU throttled through a CDP session attached before
 * navigation, until every chart of main is live. Returns, in ms since navigation start:
 * first contentful paint; first chart visible (the first chart picture painted, or the
 * first live canvas if the app replaced the pictures before any was painted); first chart
 * interactive (the first plot live); page interactive (app started, every plot live); and
 * the layout shift until the frame after that: the sum of the `layout-shift` entries
 * without recent input, with what moved in each.
 */
export async function measureLoad(browser, url, profile) {
  const context = await browser.newContext({ ...profile.context, locale: 'en-US' });
  const problems = [];
  context.on('response', (res) => res.status() >= 400 && problems.push(`HTTP ${res.status()}: ${res.url()}`));
  await context.addInitScript(recordLoad);
  const page = await context.newPage();
  page.setDefaultTimeout(180_000);
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('console', (msg) => msg.type() === 'error' && problems.push(`console error: ${msg.text()}`));
  const cdp = await context.newCDPSession(page);
  if (profile.network) {
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', profile.network);
  }
  if (profile.cpu) await cdp.send('Emulation.setCPUThrottlingRate', { rate: profile.cpu });
  // 'commit': the load event waits for the held wasm preload, which is not what we time.
  await page.goto(url, { waitUntil: 'commit' });
  await allLive(page);
  await page.waitForFunction(() => window.__load.settled !== null);
  const record = await page.evaluate(readLoad);
  await context.close();
  if (problems.length) throw new Error(`load of ${url}: ${problems.join('; ')}`);

  const [firstLive, liveAt] = Object.entries(record.live).sort((a, b) => a[1] - b[1])[0];
  const firstPicture = record.pictures.sort((a, b) => a.at - b.at)[0];
  const pictureFirst = firstPicture !== undefined && firstPicture.at <= liveAt;
  const shifts = record.shifts.filter((s) => !s.input && s.at <= record.settled);
  return {
    fcp: record.fcp,
    visible: pictureFirst ? firstPicture.at : liveAt,
    visibleBy: pictureFirst ? `picture of ${firstPicture.chart}` : `canvas of ${firstLive}`,
    chartInteractive: liveAt,
    chartInteractiveId: firstLive,
    interactive: record.interactive,
    shift: shifts.reduce((sum, s) => sum + s.value, 0),
    shiftSources: [...new Set(shifts.flatMap((s) => s.sources))],
  };
}

/** "a (3/5), b (2/5)": how often each value occurs. */
const tally = (xs) => [...new Set(xs)].map((x) => `${x} (${xs.filter((y) => y === x).length}/${xs.length})`).join(', ');

/**
 * `count` fresh loads of every page of LOAD_PAGES on every profile, served at `url`,
 * round-robin so that a change in the machine's load touches every configuration alike,
 * after one unmeasured load of each page (which fills the server's compression cache).
 * Returns min, median and max of each time and of the layout shift per `profile/page`,
 * with what moved in the loads that shifted most.
 */
export async function loads(browser, url, count) {
  for (const p of LOAD_PAGES) await measureLoad(browser, url + p.path, PROFILES[0]);
  const runs = new Map(PROFILES.flatMap((profile) => LOAD_PAGES.map((p) => [`${profile.key}/${p.key}`, []])));
  for (let round = 1; round <= count; round += 1) {
    for (const profile of PROFILES) {
      for (const p of LOAD_PAGES) {
        const run = await measureLoad(browser, url + p.path, profile);
        runs.get(`${profile.key}/${p.key}`).push(run);
        log(
          `load ${round}/${count} ${profile.key} ${p.key}: visible ${run.visible.toFixed(0)} ms (${run.visibleBy}), ` +
            `chart interactive ${run.chartInteractive.toFixed(0)} ms, page interactive ${run.interactive.toFixed(0)} ms, ` +
            `layout shift ${run.shift.toFixed(4)}`,
        );
      }
    }
  }
  const summary = new Map();
  for (const [key, list] of runs) {
    summary.set(key, {
      fcp: spread(list.map((r) => r.fcp)),
      visible: spread(list.map((r) => r.visible)),
      visibleBy: tally(list.map((r) => r.visibleBy)),
      chartInteractive: spread(list.map((r) => r.chartInteractive)),
      chartInteractiveId: tally(list.map((r) => r.chartInteractiveId)),
      interactive: spread(list.map((r) => r.interactive)),
      shift: spread(list.map((r) => r.shift)),
      shiftSources: list.reduce((worst, r) => (r.shift > worst.shift ? r : worst)).shiftSources,
    });
  }
  return summary;
}

// ---- What-if slider ------------------------------------------------------------------

/**
 * In the page: moves the US-retention slider one step per animation frame, as a drag
 * does, up and down its range so every input changes the scenario. Per input: t0 just
 * before the `input` event is dispatched; `redraw` = the `chart-drawn:<chart>` mark the
 * chart island sets when it has painted the new scene on its canvas (src/island.rs), minus
 * t0; `settled` = when a message posted right after the dispatch arrives, minus t0: the
 * app's effects run as microtasks, so by then every effect of the input (both charts, the
 * texts) has run. Returns both lists, the inputs that drew nothing, and whether the
 * canvas ended different from how it started.
 */
async function sweepSlider({ inputs, warmup, chart }) {
  const slider = document.querySelector('input[data-param="r"]');
  const canvas = document.querySelector(`[data-chart-canvas="${chart}"]`);
  const mark = `chart-drawn:${chart}`;
  const nextFrame = () => new Promise((resolve) => requestAnimationFrame(resolve));
  const afterMicrotasks = () =>
    new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = resolve;
      channel.port2.postMessage(null);
    });
  const drawnSince = (t0) => performance.getEntriesByName(mark, 'mark').findLast((m) => m.startTime >= t0)?.startTime;
  const before = canvas.toDataURL();
  const [min, max, step] = [Number(slider.min), Number(slider.max), Number(slider.step)];
  const steps = Math.round((max - min) / step);
  let position = Math.round((Number(slider.value) - min) / step);
  let direction = 1;
  const redraw = [];
  const settled = [];
  let missed = 0;
  for (let i = 0; i < warmup + inputs; i += 1) {
    if (position + direction < 0 || position + direction > steps) direction = -direction;
    position += direction;
    await nextFrame();
    slider.value = (min + position * step).toFixed(6);
    const t0 = performance.now();
    slider.dispatchEvent(new Event('input', { bubbles: true }));
    await afterMicrotasks();
    const done = performance.now();
    let drawn = drawnSince(t0);
    // A draw put off to a later frame would still be the input's; give it a few frames.
    for (let frames = 0; drawn === undefined && frames < 5; frames += 1) {
      await nextFrame();
      drawn = drawnSince(t0);
    }
    if (i < warmup) continue;
    if (drawn === undefined) missed += 1;
    else redraw.push(drawn - t0);
    settled.push(done - t0);
  }
  return { redraw, settled, missed, changed: canvas.toDataURL() !== before };
}

/**
 * The slider's latency on the What-if page of `dist` (1280 × 900, loopback): `inputs`
 * timed inputs after `warmup`, CPU as it is, then 4 × slower. Served cross-origin isolated
 * (COOP and COEP), so performance.now() counts in 5 µs steps rather than 100 µs; the site
 * loads nothing from elsewhere, so it runs the same with these headers.
 */
export async function slider(browser, dist, { inputs, warmup }) {
  const isolated = { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' };
  const server = await serve('/', dist, isolated);
  try {
    const { page, context, problems } = await openPage(browser, `${server.url}whatif/?lang=en`, {
      viewport: { width: 1280, height: 900 },
    });
    if (!(await page.evaluate(() => crossOriginIsolated))) throw new Error('slider: the page is not cross-origin isolated');
    const args = { inputs, warmup, chart: 'whatif-shares' };
    const plain = await page.evaluate(sweepSlider, args);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: PHONE.cpu });
    const slow = await page.evaluate(sweepSlider, args);
    await context.close();
    if (problems.length) throw new Error(`slider: ${problems.join('; ')}`);
    const summary = (run) => ({
      redraw: { ...spread(run.redraw), p95: quantile(run.redraw, 0.95) },
      settled: { ...spread(run.settled), p95: quantile(run.settled, 0.95) },
      missed: run.missed,
      changed: run.changed,
    });
    const result = { inputs, warmup, plain: summary(plain), slow: summary(slow) };
    log(`slider: redraw median ${result.plain.redraw.median.toFixed(3)} ms, p95 ${result.plain.redraw.p95.toFixed(3)} ms`);
    return result;
  } finally {
    await server.close();
  }
}

// ---- the wasm's parts ----------------------------------------------------------------

/** twiggy: $TWIGGY, else on PATH, else where `cargo install` puts it. */
function twiggyPath() {
  if (process.env.TWIGGY) return process.env.TWIGGY;
  try {
    execFileSync('twiggy', ['--version'], { stdio: 'ignore' });
    return 'twiggy';
  } catch {
    return join(os.homedir(), '.cargo/bin/twiggy');
  }
}

/** Groups of the wasm's items, by the crate (see crateOf) a name is counted to; first match wins. */
const PART_GROUPS = [
  ['talent_core', /^talent_core$/],
  ['talent_charts', /^talent_charts$/],
  ['talent_app', /^talent_app$/],
  ['Leptos (leptos*, reactive_graph, tachys, any_spawner, …)', /^(leptos\w*|reactive_graph|tachys|any_spawner|or_poisoned|throw_error|hydration_context|oco_ref|next_tuple|either_of|reactive_stores|guardian|slotmap)$/],
  ['plotters (plotters, plotters_canvas, plotters_svg, plotters_backend)', /^plotters\w*$/],
  ['serde, postcard', /^(serde\w*|postcard|cobs)$/],
  ['std, alloc, core (with compiler_builtins, dlmalloc, libm)', /^(std|alloc|core|compiler_builtins|dlmalloc|__rustc|libm|\(std\))$/],
  ['wasm-bindgen, web-sys, js-sys (with the imports and exports, gloo, wasm_streams)', /^(wasm_bindgen\w*|web_sys|js_sys|gloo\w*|wasm_streams|console_error_panic_hook|\(wasm-bindgen\))$/],
  ['petgraph', /^petgraph$/],
  ['data segments', /^\(data\)$/],
  ['names and custom sections (not shipped: wasm-opt drops them)', /^\(custom\)$/],
  ['module structure (types, table, element segments)', /^\(module\)$/],
  ['unnamed code (functions listed by index only)', /^\(unnamed code\)$/],
];
const PRIMITIVES = /^(bool|char|str|u8|u16|u32|u64|u128|usize|i8|i16|i32|i64|i128|isize|f32|f64|_|[A-Z])$/;

/**
 * The crate a twiggy item is counted to. Rust names are `crate[hash]::path::fn::hHASH`;
 * an impl is `<Type as crate::Trait>::fn` or `<Type>::fn`, counted to the type's crate,
 * or to the trait's when the type is a primitive or a generic parameter
 * (`<T as tachys::…>`). Items without a path are sorted by what they are, in parentheses.
 */
export function crateOf(name) {
  if (/^data segment|^data\[\d+\]/.test(name)) return '(data)';
  if (/^custom section|subsection$/.test(name)) return '(custom)';
  if (/^(type|elem|table|memory|global)\[\d+\]|^table|^memory/.test(name)) return '(module)';
  if (/^(import|export) |^__wbg_|^__wbindgen|^__externref|^intounderlying|^Closure\(|^wasm_bindgen__/.test(name)) return '(wasm-bindgen)';
  const impl = /^<&?(?:mut |dyn |\*const |\*mut )?\(?([^ <>;,()]+)[^ ]*? as (\w+)/.exec(name) ?? /^<&?\(?([^ <>;,()]+)/.exec(name);
  if (impl) {
    const own = /^(\w+)(?:\[[0-9a-f]+\])?::/.exec(impl[1])?.[1];
    if (own) return own;
    if (impl[2]) return impl[2];
    if (PRIMITIVES.test(impl[1])) return 'core';
  }
  const path = /^(\w+)(?:\[[0-9a-f]+\])?::/.exec(name)?.[1];
  if (path) return path;
  if (/^(code|func)\[\d+\]$/.test(name)) return '(unnamed code)';
  // Functions without a path: the allocator's and libm's symbols, `main`, compiler intrinsics.
  return '(std)';
}

/**
 * Where the wasm's bytes go: `twiggy top -n 40` of the module as wasm-bindgen writes it
 * (Trunk's <target>/wasm-bindgen/release/talent_app_bg.wasm: names kept, wasm-bindgen's
 * descriptors and custom section already removed; wasm-opt -Oz of it is the shipped file),
 * and every item's shallow size grouped by crate. Falls back to the module rustc wrote
 * (wasm32-unknown-unknown/release/talent_app.wasm) if wasm-bindgen's is missing.
 * `shipped` is the build's wasm file (from buildSizes), to tell whether the module is the
 * measured build's.
 */
export async function wasmParts(target, dist, shipped) {
  const candidates = [
    { path: join(target, 'wasm-bindgen/release/talent_app_bg.wasm'), stage: 'wasm-bindgen output, before wasm-opt' },
    { path: join(target, 'wasm32-unknown-unknown/release/talent_app.wasm'), stage: 'rustc output, before wasm-bindgen and wasm-opt' },
  ];
  const module = candidates.find((c) => existsSync(c.path));
  if (!module) return null;
  const twiggy = twiggyPath();
  let top;
  let items;
  try {
    top = execFileSync(twiggy, ['top', '-n', '40', module.path], { encoding: 'utf8', maxBuffer: 64 << 20 });
    items = JSON.parse(execFileSync(twiggy, ['top', '-f', 'json', module.path], { encoding: 'utf8', maxBuffer: 256 << 20 }));
  } catch (err) {
    log(`twiggy failed: ${err.message}`);
    return { ...module, error: `\`${twiggy}\` failed: ${err.message.split('\n')[0]}` };
  }
  const total = items.reduce((sum, item) => sum + item.shallow_size, 0);
  const named = items.filter((item) => item.name.includes('::')).length;
  const groups = new Map(PART_GROUPS.map(([label]) => [label, { label, bytes: 0, crates: new Map() }]));
  const other = { label: 'other crates', bytes: 0, crates: new Map() };
  for (const item of items) {
    const crate = crateOf(item.name);
    const group = groups.get(PART_GROUPS.find(([, test]) => test.test(crate))?.[0]) ?? other;
    group.bytes += item.shallow_size;
    group.crates.set(crate, (group.crates.get(crate) ?? 0) + item.shallow_size);
  }
  // Trunk leaves wasm-opt's output of the same build next to it: the same bytes as the
  // measured build's wasm mean the module is that build's.
  const optimised = join(target, 'wasm-opt/release/talent_app_bg.wasm');
  const sameBuild =
    existsSync(optimised) && shipped ? (await readFile(optimised)).equals(await readFile(join(dist, shipped.file))) : null;
  return {
    ...module,
    command: `twiggy top -n 40 ${module.path}`,
    bytes: (await stat(module.path)).size,
    top,
    total,
    named: named / items.length,
    groups: [...groups.values(), other].filter((g) => g.bytes > 0).sort((a, b) => b.bytes - a.bytes),
    sameBuild,
  };
}

// ---- build-time rendering ------------------------------------------------------------

/**
 * The baking's time in the release build, from the line crates/site prints when its
 * `bake` is done (`talent_site: baked N pages in X s`, on stderr, in Trunk's post-build
 * hook), read from the log of the build that bench.sh keeps. It times `bake` alone: the
 * `cargo run` that starts it compiles talent_site first when it is not built yet, which
 * the line does not count. `null` without a log; `{ line: null }` when the log has no
 * such line (the hook failed, or the line changed).
 */
export async function bakeTime(logPath) {
  if (!logPath) return null;
  // Trunk and cargo colour their output; the line may sit among escape codes.
  const text = (await readFile(logPath, 'utf8')).replace(/\x1b\[[0-9;]*m/g, '');
  const match = /talent_site: baked (\d+) pages in ([\d.]+) s/.exec(text);
  if (!match) return { line: null, log: logPath };
  log(`bake: ${match[0]}`);
  return { line: match[0], pages: Number(match[1]), ms: Number(match[2]) * 1000 };
}

// ---- criterion -----------------------------------------------------------------------

/** The core's criterion benches (crates/core/benches) that are reported, with budgets in ns. */
export const CORE_BENCHES = [
  { id: 'project_2019_to_2040', what: 'one projection to 2040', budget: 50_000 },
  { id: 'banded_2019_to_2040', what: 'one projection with its 90% band (400 draws) and horizon figures: one slider step', budget: 1_000_000 },
  { id: 'once/model_and_draws_once', what: 'reading the pack and calibrating the model and its 400 draws (once per page)' },
  { id: 'sankey_layout_50_nodes_200_links', what: 'Sankey layout, 50 nodes, 200 links', budget: 1_000_000 },
  { id: 'betweenness/1000_nodes_5000_edges', what: 'betweenness (Brandes), 1,000 nodes, 5,000 edges', budget: 50_000_000 },
  { id: 'flow_matrix_200/network', what: '200 × 200 flow matrix: moves graph, degrees, net flow, betweenness' },
  { id: 'flow_matrix_200/sankey_plan', what: '200 × 200 flow matrix folded to 12 countries + other: Sankey plan with label lanes' },
];

/** Criterion's median and its 95% interval (ns) for each of CORE_BENCHES; `ns: null` if not run. */
export async function criterion(target) {
  const results = [];
  for (const bench of CORE_BENCHES) {
    const file = join(target, 'criterion', bench.id, 'new', 'estimates.json');
    try {
      const { median: m } = JSON.parse(await readFile(file, 'utf8'));
      results.push({
        ...bench,
        ns: m.point_estimate,
        low: m.confidence_interval.lower_bound,
        high: m.confidence_interval.upper_bound,
        when: (await stat(file)).mtime,
      });
    } catch {
      results.push({ ...bench, ns: null });
    }
  }
  return results;
}

// ---- machine -------------------------------------------------------------------------

function command(cmd, args) {
  try {
    return execFileSync(cmd, args, { encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}

/** The load average over 1, 5 and 15 minutes. */
export const loadAverage = () => os.loadavg().map((l) => l.toFixed(2)).join(', ');

/** What the figures were measured on. */
export async function machine(browser) {
  const osRelease = await readFile('/etc/os-release', 'utf8').catch(() => '');
  const pretty = osRelease.match(/^PRETTY_NAME="?([^"\n]*)"?/m)?.[1] ?? `${os.type()} ${os.release()}`;
  const playwright = JSON.parse(await readFile(new URL('../node_modules/playwright-core/package.json', import.meta.url), 'utf8'));
  return {
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cores: os.cpus().length,
    memory: `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
    os: `${pretty} (kernel ${os.release()})`,
    rustc: command('rustc', ['--version']),
    chromium: browser.version(),
    playwright: playwright.version,
    node: process.version,
    loadBefore: loadAverage(),
  };
}
