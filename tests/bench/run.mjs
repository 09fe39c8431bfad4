// The performance benchmark of issue 8 (run by scripts/bench.sh): weight of a first visit,
// time to the first chart, what-if slider latency and the 200 x 200 flow matrix in
// headless Chromium, plus the criterion results of the core; writes BENCHMARKS.md.
//
// Environment (set by scripts/bench.sh):
//   BENCH_RELEASE_DIST  the release build (what is shipped)
//   BENCH_FEATURE_DIST  the release build with `--features bench` (bench_flow_matrix)
//   BENCH_CRITERION     criterion's output folder (target/criterion)
//   BENCH_OUT           the Markdown file to write (BENCHMARKS.md)
//   BENCH_RUNS          page loads for the first-chart time (default 7)
//
// Charts mark the end of every draw as `chart-drawn:<id>` on the performance timeline
// (src/canvas.rs, mark_drawn). An init script records every mark with a
// PerformanceObserver before the page's own scripts run.
import { execFileSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { inkRatio, launch, serve } from '../browser/harness.mjs';
import { buildWeight } from '../browser/weight.mjs';

const env = (name) => {
  const value = process.env[name];
  if (!value) throw new Error(`run.mjs: ${name} is not set (run ./scripts/bench.sh)`);
  return value;
};
const RELEASE = env('BENCH_RELEASE_DIST');
const FEATURE = env('BENCH_FEATURE_DIST');
const CRITERION = env('BENCH_CRITERION');
const OUT = env('BENCH_OUT');
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const SLIDER_INPUTS = 200;
const SLIDER_WARMUP = 10;
const SCALE_RUNS = 3;
const MATRIX = 200;
const THROTTLE = 4;
// Our World in Data's Grapher: about 1.7 MB plus 0.5 MB of uncompressed JavaScript.
const GRAPHER_BYTES = 2_200_000;
const KB = 1000;

const log = (...args) => console.error('bench:', ...args);
const median = (xs) => quantile(xs, 0.5);
function quantile(xs, q) {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const i = (s.length - 1) * q;
  const lo = Math.floor(i);
  const hi = Math.ceil(i);
  return s[lo] + (s[hi] - s[lo]) * (i - lo);
}

// ---- weight -------------------------------------------------------------------------

// The same definition as the weight test (tests/browser/weight.mjs).
const weight = buildWeight;

// ---- browser ------------------------------------------------------------------------

// Records every performance mark in window.__marks, before any script of the page runs.
const RECORD_MARKS = () => {
  window.__marks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__marks.push({ name: e.name, startTime: e.startTime });
  }).observe({ type: 'mark', buffered: true });
};

async function newPage(browser, { throttle = 1, noCache = false } = {}) {
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
  await context.addInitScript(RECORD_MARKS);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (err) => errors.push(err.message));
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  const cdp = await context.newCDPSession(page);
  if (noCache) {
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  }
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  return { context, page, cdp, errors };
}

/** Resolves with the first mark named `name` at or after `after` (page time, ms). */
async function waitForMark(page, name, after = 0, timeout = 60_000) {
  const handle = await page.waitForFunction(
    ([n, t]) => window.__marks.find((m) => m.name === n && m.startTime >= t),
    [name, after],
    { timeout, polling: 20 },
  );
  return handle.jsonValue();
}

async function firstChart(browser, url) {
  const times = [];
  const charts = [];
  for (let run = 0; run < RUNS; run++) {
    const { context, page, errors } = await newPage(browser, { throttle: THROTTLE, noCache: true });
    await page.goto(url);
    await page.waitForFunction(() => window.__marks.some((m) => m.name.startsWith('chart-drawn:')), null, {
      timeout: 60_000,
      polling: 20,
    });
    const first = await page.evaluate(() =>
      window.__marks.filter((m) => m.name.startsWith('chart-drawn:')).sort((a, b) => a.startTime - b.startTime)[0],
    );
    if (errors.length) throw new Error(`first chart: page errors: ${errors.join('; ')}`);
    times.push(first.startTime);
    charts.push(first.name.slice('chart-drawn:'.length));
    log(`first chart run ${run + 1}/${RUNS}: ${first.startTime.toFixed(0)} ms (${first.name})`);
    await context.close();
  }
  return { times, median: median(times), chart: charts[0] };
}

// In the page: moves the retention slider `count` times, one input per animation frame,
// and measures from just before the dispatch of each `input` event to the end of the
// next draw of the what-if chart (its `chart-drawn:whatif-shares` mark).
const SLIDER_RUN = async ([count, warmup]) => {
  const slider = document.querySelector('[data-testid=whatif-retention]');
  const min = Number(slider.min);
  const max = Number(slider.max);
  const step = Number(slider.step) || (max - min) / 100;
  const steps = Math.round((max - min) / step);
  const name = 'chart-drawn:whatif-shares';
  const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
  const drawnAfter = (t0) =>
    new Promise((resolve, reject) => {
      const started = performance.now();
      const poll = () => {
        const mark = window.__marks.find((m) => m.name === name && m.startTime >= t0);
        if (mark) resolve(mark.startTime);
        else if (performance.now() - started > 5000) reject(new Error('no redraw within 5 s'));
        else setTimeout(poll, 0);
      };
      poll();
    });
  const latencies = [];
  let position = Math.round((Number(slider.value) - min) / step);
  let direction = 1;
  for (let i = 0; i < count + warmup; i++) {
    // Sweep up and down the slider so every input changes the value.
    if (position + direction < 0 || position + direction > steps) direction = -direction;
    position += direction;
    await frame();
    slider.value = String(min + position * step);
    const t0 = performance.now();
    slider.dispatchEvent(new Event('input', { bubbles: true }));
    const drawn = await drawnAfter(t0);
    if (i >= warmup) latencies.push(drawn - t0);
  }
  return latencies;
};

async function slider(browser, url) {
  const { context, page, cdp, errors } = await newPage(browser);
  await page.goto(`${url}?v=1&view=whatif`);
  await waitForMark(page, 'chart-drawn:whatif-shares');
  if (!(await page.evaluate(() => crossOriginIsolated))) throw new Error('slider: page is not cross-origin isolated');
  await page.waitForTimeout(500);
  const plain = await page.evaluate(SLIDER_RUN, [SLIDER_INPUTS, SLIDER_WARMUP]);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
  const throttled = await page.evaluate(SLIDER_RUN, [SLIDER_INPUTS, SLIDER_WARMUP]);
  if (errors.length) throw new Error(`slider: page errors: ${errors.join('; ')}`);
  await context.close();
  const summary = (xs) => ({ median: median(xs), p95: quantile(xs, 0.95), max: Math.max(...xs), n: xs.length });
  return { plain: summary(plain), throttled: summary(throttled) };
}

// In the page: installs a long-task observer, then (in a task of its own) runs the
// synthetic matrix through the core and mounts its charts.
const SCALE_START = (n) => {
  window.__longtasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longtasks.push({ startTime: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask' });
  return new Promise((resolve) =>
    setTimeout(async () => {
      const t0 = performance.now();
      // The hook spreads its work over several tasks and resolves when the figures are ready.
      const coreMs = await window.wasmBindings.bench_flow_matrix(n);
      resolve({ t0, coreMs });
    }, 0),
  );
};

async function scale(browser, url) {
  const runs = [];
  for (let run = 0; run < SCALE_RUNS; run++) {
    const { context, page, errors } = await newPage(browser);
    await page.goto(`${url}?v=1&view=flows`);
    await waitForMark(page, 'chart-drawn:country-flows');
    await page.waitForFunction(() => typeof window.wasmBindings?.bench_flow_matrix === 'function');
    await page.waitForTimeout(1000);
    const { t0, coreMs } = await page.evaluate(SCALE_START, MATRIX);
    const flows = await waitForMark(page, 'chart-drawn:bench-flows', t0);
    const net = await waitForMark(page, 'chart-drawn:bench-net', t0);
    // Long tasks are reported after they end; leave time for stragglers.
    await page.waitForTimeout(2000);
    const tasks = await page.evaluate((t) => window.__longtasks.filter((e) => e.startTime + e.duration >= t), t0);
    const ink = {
      flows: await inkRatio(page.locator('[data-testid=bench-flows-chart] canvas')),
      net: await inkRatio(page.locator('[data-testid=bench-net-chart] canvas')),
    };
    if (errors.length) throw new Error(`scale: page errors: ${errors.join('; ')}`);
    const longest = tasks.reduce((m, e) => Math.max(m, e.duration), 0);
    const drawn = Math.max(flows.startTime, net.startTime) - t0;
    log(
      `scale run ${run + 1}/${SCALE_RUNS}: longest task ${longest.toFixed(0)} ms, ${tasks.length} long tasks, ` +
        `core ${coreMs.toFixed(0)} ms, drawn after ${drawn.toFixed(0)} ms, ink ${ink.flows.toFixed(3)}/${ink.net.toFixed(3)}`,
    );
    runs.push({ longest, count: tasks.length, coreMs, drawn, ink });
    await context.close();
  }
  return {
    longest: Math.max(...runs.map((r) => r.longest)),
    count: median(runs.map((r) => r.count)),
    coreMs: median(runs.map((r) => r.coreMs)),
    drawn: median(runs.map((r) => r.drawn)),
    inked: runs.every((r) => r.ink.flows > 0 && r.ink.net > 0),
  };
}

// ---- criterion ----------------------------------------------------------------------

async function criterion(path) {
  const file = join(CRITERION, path, 'new', 'estimates.json');
  const estimates = JSON.parse(await readFile(file, 'utf8'));
  return estimates.median.point_estimate; // nanoseconds
}

// ---- machine ------------------------------------------------------------------------

function command(cmd, args) {
  try {
    return execFileSync(cmd, args, { encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}

async function machine(browser) {
  const osRelease = await readFile('/etc/os-release', 'utf8').catch(() => '');
  const pretty = osRelease.match(/^PRETTY_NAME="?([^"\n]*)"?/m)?.[1] ?? `${os.type()} ${os.release()}`;
  return {
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cores: os.cpus().length,
    memory: `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
    os: `${pretty} (kernel ${os.release()})`,
    rustc: command('rustc', ['--version']),
    chromium: browser.version(),
    node: process.version,
    load: os.loadavg().map((l) => l.toFixed(2)).join(', '),
  };
}

// ---- report -------------------------------------------------------------------------

const kb = (bytes) => `${(bytes / KB).toFixed(1)} KB`;
const ms = (x, digits = 1) => `${x.toFixed(digits)} ms`;
const us = (ns) => `${(ns / 1000).toFixed(1)} µs`;
const met = (value, budget) => (value <= budget ? 'met' : '**not met**');

function report({ date, host, w, first, sl, sc, core }) {
  const rows = [
    ['First visit, all files, gzip', '≤ 250 KB', kb(w.total), met(w.total, 250 * KB)],
    ['First visit, wasm, gzip', '≤ 200 KB', kb(w.wasm), met(w.wasm, 200 * KB)],
    [
      `Navigation to first chart drawn, CPU ${THROTTLE}× slower (median of ${first.times.length} loads)`,
      '≤ 0.6 s',
      `${(first.median / 1000).toFixed(3)} s`,
      met(first.median, 600),
    ],
    [`What-if slider input to chart redrawn, median of ${sl.plain.n}`, '≤ 1 ms', ms(sl.plain.median, 2), met(sl.plain.median, 1)],
    [`What-if slider input to chart redrawn, p95 of ${sl.plain.n}`, '≤ 3 ms', ms(sl.plain.p95, 2), met(sl.plain.p95, 3)],
    ['Core: one projection to 2040 (criterion median)', '≤ 50 µs', us(core.projection), met(core.projection, 50_000)],
    ['Core: Sankey layout, 50 nodes, 200 links', '≤ 1 ms', us(core.sankey), met(core.sankey, 1_000_000)],
    ['Core: betweenness, 1,000 nodes, 5,000 edges', '≤ 50 ms', ms(core.betweenness / 1e6), met(core.betweenness, 50_000_000)],
    [
      `${MATRIX}×${MATRIX} flow matrix through core and flow view: longest task (worst of ${SCALE_RUNS} runs)`,
      '≤ 50 ms',
      sc.longest > 0 ? ms(sc.longest, 0) : 'no task over 50 ms',
      met(sc.longest, 50),
    ],
  ];
  const table = (head, body) =>
    [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...body.map((r) => `| ${r.join(' | ')} |`)].join('\n');
  const metCount = rows.filter((r) => r[3] === 'met').length;
  return `# Benchmarks

Generated by \`./scripts/bench.sh\` on ${date}; do not edit by hand. Reproduce with \`./scripts/bench.sh\`.

${metCount} of ${rows.length} budgets of issue 8 met.

${table(['Budget', 'Limit', 'Measured', ''], rows)}

## Machine

- CPU: ${host.cpu}, ${host.cores} cores; memory ${host.memory}
- OS: ${host.os}
- ${host.rustc}; Chromium ${host.chromium} (headless, playwright-core); Node ${host.node}
- Load average when the browser measurements started: ${host.load} (the machine is shared;
  figures vary from run to run)

## Weight of a first visit

Every file of the release build (\`trunk build --release\`), since a first visit fetches
all of them: the page, its JavaScript, styles and wasm, then the service worker, which
precaches every file of the build, the manifest and the icons. Sizes are gzip at level 9
(Node's zlib); 1 KB = 1,000 bytes. Total **${kb(w.total)}** gzip (${kb(w.raw)} uncompressed),
**${(w.total / GRAPHER_BYTES).toFixed(2)}×** the weight of Our World in Data's Grapher
(about 1.7 MB plus 0.5 MB of uncompressed JavaScript, 2.2 MB).

${table(['File', 'Bytes', 'gzip -9'], w.files.map((r) => [`\`${r.file}\``, r.raw.toLocaleString('en'), r.gzip.toLocaleString('en')]))}

## Method

- **First chart**: a fresh browser context per load (no cache, no service worker yet),
  cache disabled and the CPU ${THROTTLE}× slower (CDP \`Network.setCacheDisabled\`,
  \`Emulation.setCPUThrottlingRate\`), the release build served on loopback. Time = the
  \`startTime\` of the first \`chart-drawn:<id>\` performance mark, which every chart sets at
  the end of its draw (\`mark_drawn\` in \`src/canvas.rs\`), i.e. from navigation start to
  the end of the first draw. First chart drawn: \`${first.chart}\`. Loads: ${first.times
    .map((t) => (t / 1000).toFixed(3))
    .join(', ')} s.
- **Slider**: the What-if view; the US-retention slider is moved one step per animation
  frame, ${SLIDER_WARMUP} inputs of warm-up then ${sl.plain.n} measured, each from
  \`performance.now()\` just before the \`input\` event is dispatched to the
  \`chart-drawn:whatif-shares\` mark at the end of the redraw (Leptos runs effects
  asynchronously, so the dispatch returning is not the end). The benchmark serves the
  pages cross-origin isolated (COOP and COEP headers), so \`performance.now()\` has a
  resolution of 5 µs rather than 100 µs. CPU not throttled; max
  ${ms(sl.plain.max, 2)}. The same at ${THROTTLE}× slower CPU: median ${ms(sl.throttled.median, 2)},
  p95 ${ms(sl.throttled.p95, 2)}, max ${ms(sl.throttled.max, 2)}.
- **Core**: criterion medians, native build at \`opt-level = 3\` (\`[profile.bench]\`;
  the shipped wasm is built for size at \`opt-level = "z"\` and runs the same code about
  2× slower) (\`cargo bench -p talent_core\`; benches in \`crates/core/benches/\`). Random inputs come from a SplitMix64 generator with
  a fixed seed. Betweenness is Brandes' algorithm on hop counts (\`FlowGraph::centrality\`).
  The ${MATRIX}×${MATRIX} matrix natively: moves graph, degrees, net flow and betweenness
  ${ms(core.matrixNetwork / 1e6)}; folding it to the 12 largest countries plus "other"
  (\`net_flow::fold_matrix\`, as a Sankey of ${MATRIX * MATRIX} ribbons is neither readable nor
  quick to draw) and planning that Sankey with its label lanes ${ms(core.matrixSankey / 1e6)}.
- **${MATRIX}×${MATRIX} matrix in the browser**: the release build with
  \`--features bench\`, which adds \`bench_flow_matrix(n)\` (\`src/bench.rs\`): a dense
  synthetic matrix (every cell positive, heavy-tailed country sizes) goes through the same
  pipeline as natively, spread over tasks of about 15 ms (betweenness a few sources at a
  time with \`network::Brandes\`), then the flow view's Sankey of the folded matrix and the
  net-flow bars of all ${MATRIX} countries are mounted under the Flows view. Long tasks come from a \`PerformanceObserver\` of type
  \`longtask\` (tasks over 50 ms); CPU not throttled. Median of ${SCALE_RUNS} page loads:
  ${sc.count} long tasks, core pipeline ${ms(sc.coreMs, 0)}, both charts drawn
  ${ms(sc.drawn, 0)} after the call${sc.inked ? '' : ' (**a chart canvas stayed blank**)'}.
`;
}

// ---- main ---------------------------------------------------------------------------

const core = {
  projection: await criterion('project_2019_to_2040'),
  sankey: await criterion('sankey_layout_50_nodes_200_links'),
  betweenness: await criterion('betweenness/1000_nodes_5000_edges'),
  matrixNetwork: await criterion('flow_matrix_200/network'),
  matrixSankey: await criterion('flow_matrix_200/sankey_plan'),
};
const w = await weight(RELEASE);
log(`weight: ${kb(w.total)} gzip in total, wasm ${kb(w.wasm)}`);

const browser = await launch();
const host = await machine(browser);
// Cross-origin isolated, so that performance.now() counts in 5 µs steps instead of
// 100 µs: the slider's latency is about 1 ms. The app loads nothing from elsewhere, so
// it runs the same with these headers.
const ISOLATED = { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' };
const release = await serve('/', RELEASE, ISOLATED);
const feature = await serve('/', FEATURE, ISOLATED);
try {
  const first = await firstChart(browser, release.url);
  const sl = await slider(browser, release.url);
  log(`slider: median ${sl.plain.median.toFixed(2)} ms, p95 ${sl.plain.p95.toFixed(2)} ms`);
  const sc = await scale(browser, feature.url);
  const date = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  await writeFile(OUT, report({ date, host, w, first, sl, sc, core }));
  log(`wrote ${OUT}`);
} finally {
  await release.close();
  await feature.close();
  await browser.close();
}
