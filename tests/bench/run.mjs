// The benchmark of issues 21 and 15, run by scripts/bench.sh after it has built the release
// site into a temporary folder and run the core's criterion benches: the weight of the
// build and of a first visit, whether a first visit downloads any file twice, page loads
// on loopback, on loopback with the CPU 4 × slower and on a phone profile (first chart
// visible and interactive, layout shift until the wasm has taken over), Lighthouse's
// mobile scores, the What-if slider's latency, where the wasm's bytes go, the criterion
// figures, and the time the build spent baking the pages. Writes BENCHMARKS.md. The
// measurements are in measure.mjs and lighthouse.mjs, the Markdown in report.mjs.
//
// Environment:
//   BENCH_DIST           the release build to measure (required)
//   BENCH_OUT            the Markdown file to write (required)
//   BENCH_TARGET_DIR     Cargo's target folder, for criterion/ and the wasm modules Trunk
//                        leaves there (default: the repository's target/)
//   BENCH_LOADS          fresh loads per page and profile (default 7; the report wants 5+)
//   BENCH_SLIDER_INPUTS  timed slider inputs (default 200)
//   BENCH_LIGHTHOUSE_RUNS  Lighthouse runs per page (default 3)
//   BENCH_BUILD_LOG      the release build's output (Trunk's, with the post-build hook's),
//                        for the baking's time; without it that budget is 'not run'
//   CHROMIUM             the Chromium binary (default /usr/bin/chromium)
//   TWIGGY               the twiggy binary (default: twiggy on PATH, then ~/.cargo/bin)
//
// Timings depend on the machine and its load; no test checks them. One page runs at a
// time, so the browser never competes with itself.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch, serve } from '../browser/harness.mjs';
import { lighthouseRuns } from './lighthouse.mjs';
import {
  bakeTime,
  buildSizes,
  criterion,
  firstVisit,
  gzipFront,
  loadAverage,
  loads,
  log,
  machine,
  slider,
  wasmParts,
} from './measure.mjs';
import { report } from './report.mjs';

const REPO = fileURLToPath(new URL('../../', import.meta.url));

function required(name) {
  const value = process.env[name];
  if (!value) throw new Error(`run.mjs: ${name} is not set (run ./scripts/bench.sh)`);
  return value;
}
const DIST = required('BENCH_DIST');
const OUT = required('BENCH_OUT');
const TARGET = process.env.BENCH_TARGET_DIR ?? join(REPO, 'target');
const LOADS = Number(process.env.BENCH_LOADS ?? 7);
const MIN_LOADS = 5;
const SLIDER = { inputs: Number(process.env.BENCH_SLIDER_INPUTS ?? 200), warmup: 10 };
const LIGHTHOUSE_RUNS = Number(process.env.BENCH_LIGHTHOUSE_RUNS ?? 3);

// What needs no browser first: sizes, the wasm's parts, criterion's files, the build log.
const build = await buildSizes(DIST);
const parts = await wasmParts(TARGET, DIST, build.files.find((f) => f.file.endsWith('.wasm')));
const core = await criterion(TARGET);
const bake = await bakeTime(process.env.BENCH_BUILD_LOG);

const browser = await launch();
try {
  const host = await machine(browser);
  const visit = await firstVisit(browser, DIST);
  const cachedVisit = await firstVisit(browser, DIST, { 'Cache-Control': 'max-age=600' });
  const upstream = await serve('/', DIST);
  const front = await gzipFront(upstream.url);
  let loadRuns;
  let lh;
  try {
    loadRuns = await loads(browser, front.url, LOADS);
    // Lighthouse's Chromium is its own; Playwright's sits idle meanwhile.
    lh = await lighthouseRuns(front.url, LIGHTHOUSE_RUNS);
  } finally {
    await front.close();
    await upstream.close();
  }
  const sl = await slider(browser, DIST, SLIDER);
  const date = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  const measured = { date, host, loadAfter: loadAverage(), build, visit, cachedVisit, loadRuns, lh, sl, core, parts, bake };
  await writeFile(OUT, report(measured, { loads: LOADS, minLoads: MIN_LOADS, repo: REPO }));
  log(`wrote ${OUT}`);
} finally {
  await browser.close();
}
