// BENCHMARKS.md from the measurements of measure.mjs and lighthouse.mjs: the budgets first,
// then the machine, the loads, Lighthouse, the slider, the core, the baking, and the weight
// with where the wasm's bytes go. Every section says how its figures were obtained.
import { readFile } from 'node:fs/promises';
import { CATEGORIES, LIGHTHOUSE_PAGES } from './lighthouse.mjs';
import { LOAD_PAGES, PROFILES } from './measure.mjs';

/** The weight budgets and the ceilings the weight test enforces, in KB. */
const WEIGHT = JSON.parse(await readFile(new URL('../weight-budget.json', import.meta.url), 'utf8'));

/** The budgets of issues 21 and 15: sizes in bytes (1 KB = 1,000 bytes), times in ms. */
const BUDGET = {
  wasmGzip: WEIGHT.budget.wasm * 1000,
  firstVisitGzip: WEIGHT.budget.total * 1000,
  phoneInteractive: 4_500,
  sliderMedian: 1,
  sliderP95: 3,
  // Issue 15: the static pictures are the first charts a reader sees.
  cpu4Visible: 300,
  phoneVisible: 1_500,
  layoutShift: 0.02,
  lighthouse: { performance: 95, accessibility: 100, 'best-practices': 100, seo: 100 },
  lighthouseLcp: 2_500,
  bake: 60_000,
};

const kb = (bytes) => `${(bytes / 1000).toFixed(1)} KB`;
const int = (n) => n.toLocaleString('en');
const ms = (x) => `${x.toFixed(3)} ms`;
const sec = (x) => `${(x / 1000).toFixed(2)} s`;
const spreadText = (s) => `${sec(s.median)} (${sec(s.min)}–${sec(s.max)})`;
const duration = (ns) => (ns >= 1e6 ? `${(ns / 1e6).toFixed(2)} ms` : `${(ns / 1e3).toFixed(2)} µs`);
/** A budget in ns, as the issue writes it: "50 µs", "1 ms". */
const limit = (ns) => (ns >= 1e6 ? `≤ ${ns / 1e6} ms` : `≤ ${ns / 1e3} µs`);
const missing = (value) => value === null || value === undefined || Number.isNaN(value);
const status = (value, budget) => (missing(value) ? 'not run' : value <= budget ? 'met' : '**not met**');
/** The same for a budget that is a floor (a Lighthouse score). */
const statusAtLeast = (value, floor) => (missing(value) ? 'not run' : value >= floor ? 'met' : '**not met**');
const shift = (x) => x.toFixed(3);
/** Inline code in a table cell: pipes escaped, as GitHub's tables need. */
const code = (text) => `\`${String(text).replaceAll('|', '\\|')}\``;
const table = (head, rows) =>
  [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');

const downloadedTwice = (visit) =>
  visit.twice.length === 0
    ? `${visit.files} files, each once`
    : `${visit.twice.length} of ${visit.files} files twice: ${visit.twice.map((t) => code(t.file)).join(', ')}`;

/** Issue 15's rows: first chart visible at CPU 4× and on the phone, layout shift, Lighthouse, baking. */
function staticFirstRows({ loadRuns, lh, bake }) {
  const run = (profile, p) => loadRuns.get(`${profile}/${p.key}`);
  return [
    ...LOAD_PAGES.map((p) => {
      const s = run('cpu4', p);
      return [
        `Loopback, CPU 4×: ${p.label} first chart visible, median of ${s.visible.n} loads (first chart interactive beside it, no budget)`,
        '≤ 0.3 s',
        `${sec(s.visible.median)} (interactive ${sec(s.chartInteractive.median)})`,
        status(s.visible.median, BUDGET.cpu4Visible),
      ];
    }),
    ...LOAD_PAGES.map((p) => {
      const s = run('phone', p).visible;
      return [`Phone profile: ${p.label} first chart visible, median of ${s.n} loads`, '≤ 1.5 s', sec(s.median), status(s.median, BUDGET.phoneVisible)];
    }),
    ...LOAD_PAGES.map((p) => {
      const worst = PROFILES.map((profile) => run(profile.key, p).shift.max);
      return [
        `Layout shift until the wasm has taken over: ${p.label}, the most of any load, per profile`,
        `≤ ${BUDGET.layoutShift}`,
        PROFILES.map((profile, i) => `${shift(worst[i])} (${profile.short})`).join(', '),
        status(Math.max(...worst), BUDGET.layoutShift),
      ];
    }),
    ...LIGHTHOUSE_PAGES.flatMap((p) => {
      const page = lh.pages.get(p.key);
      const of = `median of ${page.metrics.lcp.n} runs`;
      return [
        ...CATEGORIES.map((c) => {
          const floor = BUDGET.lighthouse[c.id];
          const score = page.scores[c.id].median;
          return [`Lighthouse (mobile): ${p.label} ${c.name}, ${of}`, floor === 100 ? '100' : `≥ ${floor}`, String(score), statusAtLeast(score, floor)];
        }),
        [`Lighthouse (mobile): ${p.label} Largest Contentful Paint, ${of}`, '≤ 2.5 s', sec(page.metrics.lcp.median), status(page.metrics.lcp.median, BUDGET.lighthouseLcp)],
      ];
    }),
    [
      'Baking the pages (crates/site) in the release build',
      '≤ 60 s',
      bake?.ms !== undefined ? `${sec(bake.ms)} (${int(bake.pages)} pages)` : 'not run',
      bake?.ms !== undefined ? status(bake.ms, BUDGET.bake) : 'not run',
    ],
  ];
}

function budgetRows({ build, visit, cachedVisit, loadRuns, lh, sl, core, bake }) {
  return [
    ['Wasm, gzip -9', `≤ ${WEIGHT.budget.wasm} KB`, kb(build.wasm), status(build.wasm, BUDGET.wasmGzip)],
    [
      'First visit: what the story page fetches at 1280 × 900 until it is interactive, gzip -9',
      `≤ ${WEIGHT.budget.total} KB`,
      kb(visit.untilInteractive.total),
      status(visit.untilInteractive.total, BUDGET.firstVisitGzip),
    ],
    ...LOAD_PAGES.map((p) => {
      const s = loadRuns.get(`phone/${p.key}`).interactive;
      return [`Phone profile: ${p.label} interactive, median of ${s.n} loads`, '≤ 4.5 s', sec(s.median), status(s.median, BUDGET.phoneInteractive)];
    }),
    [
      'Every file downloaded once on a first visit (server without caching headers, as the tests serve)',
      'each once',
      downloadedTwice(visit),
      visit.twice.length ? '**not met**' : 'met',
    ],
    [
      'The same, the server sending `Cache-Control: max-age=600` (as GitHub Pages does)',
      'each once',
      downloadedTwice(cachedVisit),
      cachedVisit.twice.length ? '**not met**' : 'met',
    ],
    [`What-if slider input to chart redrawn, median of ${sl.plain.redraw.n}`, '≤ 1 ms', ms(sl.plain.redraw.median), status(sl.plain.redraw.median, BUDGET.sliderMedian)],
    [`What-if slider input to chart redrawn, p95 of ${sl.plain.redraw.n}`, '≤ 3 ms', ms(sl.plain.redraw.p95), status(sl.plain.redraw.p95, BUDGET.sliderP95)],
    ...core
      .filter((c) => c.budget)
      .map((c) => [`Core (criterion median): ${c.what}`, limit(c.budget), missing(c.ns) ? 'not run' : duration(c.ns), status(c.ns, c.budget)]),
    ...staticFirstRows({ loadRuns, lh, bake }),
  ];
}

function machineSection(host, loadAfter, lh) {
  return `- CPU: ${host.cpu}, ${host.cores} cores; memory ${host.memory}
- OS: ${host.os}
- ${host.rustc}; Chromium ${host.chromium} (headless, driven by playwright-core ${host.playwright}, and by Lighthouse ${lh.version}); Node ${host.node}
- Load average (1, 5, 15 min) when the measurements started: ${host.loadBefore}; when they ended: ${loadAfter}.
  The machine is shared, so timings vary from run to run.`;
}

function loadsSection(loadRuns, count) {
  const tables = PROFILES.map((profile) => {
    const rows = LOAD_PAGES.map((p) => {
      const s = loadRuns.get(`${profile.key}/${p.key}`);
      return [p.label, spreadText(s.fcp), spreadText(s.visible), spreadText(s.chartInteractive), spreadText(s.interactive), `${shift(s.shift.max)} (median ${shift(s.shift.median)})`];
    });
    const which = LOAD_PAGES.map((p) => {
      const s = loadRuns.get(`${profile.key}/${p.key}`);
      const moved = s.shift.max > 0 ? ` What moved in the load that shifted most: ${s.shiftSources.map(code).join(', ') || 'no element named'}.` : '';
      return `- ${p.label}: first chart visible as the ${s.visibleBy}; first chart interactive: ${s.chartInteractiveId}.${moved}`;
    });
    return `### ${profile.label}

${table(['Page', 'First contentful paint', 'First chart visible', 'First chart interactive', 'Page interactive', 'Layout shift (max)'], rows)}

${which.join('\n')}`;
  });
  return `Each figure is the median (min–max) of ${count} fresh loads: a new browser context each time (empty
HTTP cache, no service worker installed yet), the build served on loopback by the tests' server
(\`serve\` of \`tests/browser/harness.mjs\`) behind a front that gzips every response at level 9,
as a static host would. The loads go round-robin over profiles and pages, after one unmeasured
load of each page. Times are from navigation start (\`performance.now()\` in the page):

- **First contentful paint**: the \`first-contentful-paint\` paint timing entry (text, mostly).
- **First chart visible**: the first chart of main on screen. The baked pages show each chart
  as a static picture (an \`<img>\` in the plot's \`<picture>\`); an init script gives each an
  \`elementtiming\` attribute as the parser inserts it, and this is the earliest Element Timing
  \`renderTime\` among them: the frame in which the first chart picture was painted. If the app
  replaced the pictures before any was painted, it is the first chart interactive instead;
  which it was is listed under each table.
- **First chart interactive**: the first plot of main with class \`live\` and a canvas with a
  width, seen by a MutationObserver in the task that made it so (the canvas reaches the screen
  at the next frame).
- **Page interactive**: the app has started (\`TrunkApplicationStarted\`, dispatched by
  \`public/start.js\`) and every plot of main is live: the condition of the harness's \`allLive\`.
- **Layout shift**: the sum of the \`layout-shift\` entries without \`hadRecentInput\` (a
  PerformanceObserver with \`buffered\`, set up before the page's scripts) from navigation until the
  end of the animation frame after the page is interactive: the frame in which the last canvas
  drawn reaches the screen (a message posted from a \`requestAnimationFrame\` callback arrives once
  that frame is rendered). Nothing is clicked or typed, so no entry has recent input. The table
  gives the most of any load and the median; what moved is named by the plot it is in.

The CPU 4× profile is loopback at 1280 × 900 with \`Emulation.setCPUThrottlingRate\` (rate 4) set
through a CDP session attached to the page before navigation, and no network throttling: issue
15's budget for the first chart visible (0.3 s), the static picture not waiting for the wasm.
The phone profile is set through a CDP session attached to the page before navigation:
\`Network.emulateNetworkConditions\` (latency 150 ms, Chromium's least time from a request to its
response headers; download 200,000 bytes/s; upload 93,750 bytes/s) and
\`Emulation.setCPUThrottlingRate\` (rate 4), with Lighthouse's mobile screen (412 × 823 CSS px,
1.75 device pixels per px, touch). Both apply to the page's target only: the service worker,
which registers once the app has started and the page is idle, precaches at loopback speed.
The CPU throttling slows the page's main thread; work on other threads (V8 compiles the wasm on
background threads) need not be slowed as much as a phone would be.

${tables.join('\n\n')}`;
}

function lighthouseSection(lh) {
  const t = lh.throttling;
  const rows = LIGHTHOUSE_PAGES.map((p) => {
    const page = lh.pages.get(p.key);
    const score = (id) => {
      const s = page.scores[id];
      return s.min === s.max ? String(s.median) : `${s.median} (${s.min}–${s.max})`;
    };
    return [
      p.label,
      ...CATEGORIES.map((c) => score(c.id)),
      spreadText(page.metrics.lcp),
      `${page.metrics.tbt.median.toFixed(0)} ms (${page.metrics.tbt.min.toFixed(0)}–${page.metrics.tbt.max.toFixed(0)})`,
      `${shift(page.metrics.cls.median)} (${shift(page.metrics.cls.min)}–${shift(page.metrics.cls.max)})`,
      spreadText(page.metrics.fcp),
    ];
  });
  const notes = LIGHTHOUSE_PAGES.map((p) => {
    const page = lh.pages.get(p.key);
    const failed = page.failed.length
      ? `audits that did not pass: ${page.failed.map((f) => `${f.line} in ${f.count} of ${lh.runs} runs`).join('; ')}`
      : 'every scored audit of accessibility, best practices and SEO passed in every run';
    const away = page.elsewhere.length
      ? `**requests to other origins**: ${page.elsewhere.map(code).join(', ')}`
      : 'every request went to the loopback server';
    const warned = page.warnings.length ? `; Lighthouse warned: ${page.warnings.join(' ')}` : '';
    const lcp = page.lcpElements.map((e) => `${code(e.element)} at ${sec(e.ms)}`).join(', ');
    return `- ${p.label}: the largest contentful paint, run by run: ${lcp}; ${failed}; ${away}${warned}.`;
  });
  return `Lighthouse ${lh.version} run from Node (\`tests/bench/lighthouse.mjs\`) with its default configuration
— form factor ${lh.formFactor}, a ${lh.screen.width} × ${lh.screen.height} screen at ${lh.screen.deviceScaleFactor}×, throttling
method \`${lh.method}\` (${t.rttMs} ms round trip, ${t.throughputKbps.toFixed(0)} kbps, CPU ${t.cpuSlowdownMultiplier}× slower) — and only
its four categories, against the build served on loopback behind the same gzip front as the loads. It
drives a Debian Chromium of its own, started headless with a DevTools port and the flags that keep it
from calling Google's services; Lighthouse clears the origin's storage before each run, so each is a
first visit with nothing cached. The \`simulate\` method loads the page unthrottled and computes the
metrics from its trace for the throttled profile, so they differ from the phone profile's loads
above, which are throttled for real. Lighthouse rated this machine's CPU ${lh.benchmarkIndex} (its
benchmark index; it applies the 4× slowdown whatever the index). Each figure is the median (min–max)
of ${lh.runs} runs per page, the runs round-robin over the pages; the budgets take the medians.
No audit was disabled.

${table(['Page', ...CATEGORIES.map((c) => c.label), 'Largest Contentful Paint', 'Total Blocking Time', 'Cumulative Layout Shift', 'First Contentful Paint'], rows)}

${notes.join('\n')}`;
}

function bakeSection(bake) {
  const what = `Trunk's post-build hook (\`scripts/post-build.mjs\`) bakes every page with \`cargo run -p talent_site --
bake\`, which prints \`talent_site: baked N pages in X s\` when done; \`./scripts/bench.sh\` keeps the
release build's output and this is the line from it. It times the baking alone, not the compile of
talent_site that \`cargo run\` makes first when it is not built yet, nor the rest of the hook (the
service worker, the CSP check).`;
  if (!bake) return `${what}\n\n**Not run**: no build log was given (\`BENCH_BUILD_LOG\`).`;
  if (bake.line === null) return `${what}\n\n**Not found**: the build log (\`${bake.log}\`) has no such line.`;
  return `${what}\n\n\`${bake.line}\`: ${sec(bake.ms)} for ${int(bake.pages)} pages; the budget is 60 s.`;
}

function sliderSection(sl) {
  const line = (s) =>
    `redraw median ${ms(s.redraw.median)}, p95 ${ms(s.redraw.p95)}, max ${ms(s.redraw.max)}; ` +
    `input settled median ${ms(s.settled.median)}, p95 ${ms(s.settled.p95)}, max ${ms(s.settled.max)}` +
    `${s.missed ? `; **${s.missed} inputs drew nothing**` : ''}${s.changed ? '' : '; **the canvas did not change**'}`;
  return `The What-if page (\`whatif/?lang=en\`, 1280 × 900) served on loopback with COOP and COEP headers,
so that it is cross-origin isolated and \`performance.now()\` counts in 5 µs steps rather than
100 µs. In the page, the US-retention slider (\`input[data-param=r]\`, step 0.1) is moved one step
per animation frame, as a drag moves it, up and down its range so that every input changes the
scenario: ${sl.warmup} inputs of warm-up, then ${sl.inputs} timed. For each, t0 is taken just before the
\`input\` event is dispatched, and

- **redraw** (the budget) ends at the \`chart-drawn:whatif-shares\` performance mark, which the
  chart island sets once it has painted the new scene on its canvas (\`mark_drawn\` in
  \`src/island.rs\`). Leptos runs its effects as microtasks after the event, so the dispatch
  returning is not the end. The pixels reach the screen at the next frame, which is not
  counted: in headless Chromium that wait is set by the 60 Hz frame clock, not by the app;
- **settled** ends when a \`MessageChannel\` message posted right after the dispatch arrives,
  i.e. once every microtask the input queued has run: both charts, the sentence, the values and
  the back-test table (and any task the browser ran first, so it is an upper bound).

CPU as it is: ${line(sl.plain)}.

CPU 4× slower (\`Emulation.setCPUThrottlingRate\`): ${line(sl.slow)}.`;
}

function coreSection(core) {
  const rows = core.map((c) => [
    code(c.id),
    c.what,
    missing(c.ns) ? 'not run' : duration(c.ns),
    missing(c.ns) ? '' : `${duration(c.low)} – ${duration(c.high)}`,
    c.budget ? limit(c.budget) : '',
  ]);
  const when = core.filter((c) => !missing(c.ns)).map((c) => c.when.getTime());
  const source = when.length
    ? `Criterion's results of ${new Date(Math.min(...when)).toISOString().slice(0, 16)}Z, read from`
    : '**Criterion was not run**: there are no results in';
  return `${source} \`target/criterion/<bench>/new/estimates.json\`, which \`cargo bench -p talent_core
--locked\` writes (the benches are in \`crates/core/benches/\`). Native code at \`opt-level = 3\`
(\`[profile.bench]\`); the shipped wasm is built for size (\`opt-level = "z"\`) and runs the same code
slower. Random inputs come from a SplitMix64 generator with a fixed seed.

${table(['Bench', 'What', 'Median', '95% interval of the median', 'Budget'], rows)}`;
}

function visitSection(visit, cachedVisit) {
  const files = visit.untilInteractive.files.map((f) => [code(f.file), int(f.raw), int(f.gzip)]);
  const offline = visit.offline.files.map((f) => [code(f.file), int(f.raw), int(f.gzip)]);
  // Files downloaded more than once, grouped by how often and by whom they were asked for.
  const twice = (v) => {
    if (v.twice.length === 0) return 'no file was downloaded twice';
    const groups = new Map();
    for (const t of v.twice) {
      const how = `${t.count}×, asked for by the ${t.by.join(', then the ')}`;
      groups.set(how, [...(groups.get(how) ?? []), t]);
    }
    return [...groups].map(([how, files]) => `${how}: ${files.map((t) => code(t.file)).join(', ')}`).join('; ');
  };
  return `The story page opened at 1280 × 900 in a fresh context, as \`tests/browser/weight.test.mjs\` opens it,
each file weighed by \`filesWeight\` of \`tests/browser/weight.mjs\` (gzip -9):

- **until it is interactive** (every chart live), the page's own requests: ${visit.untilInteractive.files.length} files,
  **${kb(visit.untilInteractive.total)}** (${kb(visit.untilInteractive.raw)} raw); budget ${WEIGHT.budget.total} KB, the test's ceiling ${WEIGHT.ceiling.total} KB;
- **then the offline copy**: what the service worker it registers fetches until it is activated, less
  the page's own files: ${visit.offline.files.length} more files, **${kb(visit.offline.total)}** (${kb(visit.offline.raw)} raw); no budget (it
  downloads after the page is interactive), the test's ceiling ${WEIGHT.ceiling.offline ?? '(none)'} KB.

The wasm: budget ${WEIGHT.budget.wasm} KB, the test's ceiling ${WEIGHT.ceiling.wasm} KB.

Downloads over the whole visit, until the service worker is activated, are counted at the server (the harness's \`serve\`, through Node's
\`http.server.response.finish\` diagnostics channel), so a request that the browser's HTTP cache
answers is not one; who asked comes from Playwright's request events (the page, or the service
worker precaching the offline copy):

- server without caching headers (\`tests/browser/harness.mjs\` as it is): ${visit.downloads} downloads of ${visit.files} files; ${twice(visit)};
- server sending \`Cache-Control: max-age=600\`: ${cachedVisit.downloads} downloads of ${cachedVisit.files} files; ${twice(cachedVisit)}.

Workbox precaches a file whose name carries a hash (\`dontCacheBustURLsMatching\` in
\`scripts/post-build.mjs\`) with the browser's default cache mode, which a fresh HTTP-cache entry
answers, and every other file (the pages, the manifest, the icons) with \`cache: 'reload'\`, which
goes to the server whatever it sent before.

<details><summary>The files of a first visit until the page is interactive, largest (gzip) first</summary>

${table(['File', 'Bytes', 'gzip -9'], files)}

</details>

<details><summary>The files of the offline copy, largest (gzip) first</summary>

${table(['File', 'Bytes', 'gzip -9'], offline)}

</details>`;
}

function buildSection(build) {
  const folders = build.folders.map((f) => [f.folder === 'the root' ? 'the root' : code(f.folder), int(f.count), int(f.raw), int(f.gzip), int(f.brotli)]);
  const files = build.files.map((f) => [code(f.file), int(f.raw), int(f.gzip), int(f.brotli)]);
  return `Every file of the build: ${int(build.files.length)} files, ${kb(build.raw)} raw, ${kb(build.total)} gzip -9,
${kb(build.brotli)} brotli, each file compressed on its own (gzip: Node's zlib at level 9, as
\`tests/browser/weight.mjs\` does; brotli: \`brotliCompressSync\` at quality 11). By top-level folder:

${table(['Folder', 'Files', 'Bytes', 'gzip -9', 'brotli 11'], folders)}

<details><summary>Every file, largest (gzip) first</summary>

${table(['File', 'Bytes', 'gzip -9', 'brotli 11'], files)}

</details>`;
}

function wasmSection(parts, build, repo) {
  if (!parts) {
    return 'No wasm module under the target folder (`wasm-bindgen/release/` or `wasm32-unknown-unknown/release/`); `./scripts/bench.sh` builds them.';
  }
  if (parts.error) return `**Not measured**: ${parts.error} (\`cargo install twiggy\` provides it).`;
  const shipped = build.files.find((f) => f.file.endsWith('.wasm'));
  const shown = (path) => (path.startsWith(repo) ? path.slice(repo.length) : path);
  const names =
    parts.named > 0.5
      ? `It has names: ${(parts.named * 100).toFixed(0)}% of its items name a Rust path.`
      : `**It has no names** (${(parts.named * 100).toFixed(0)}% of its items name a Rust path): code is listed by function index, as unnamed code.`;
  const same =
    parts.sameBuild === null
      ? 'Whether it is the measured build\'s could not be checked (no `wasm-opt/release/` output next to it).'
      : parts.sameBuild
        ? `It is the measured build's: wasm-opt's output next to it is byte for byte the build's wasm.`
        : `**It may not be the measured build's**: wasm-opt's output next to it differs from the build's wasm (the target folder was built again since).`;
  const shippable = parts.groups.filter((g) => !g.label.startsWith('names')).reduce((sum, g) => sum + g.bytes, 0);
  const rows = parts.groups.map((g) => {
    const crates = [...g.crates].sort((a, b) => b[1] - a[1]).filter(([c]) => !c.startsWith('('));
    const detail = crates.length > 1 ? crates.slice(0, 8).map(([c, b]) => `${c} ${kb(b)}`).join(', ') : '';
    return [g.label, int(g.bytes), `${((g.bytes / parts.total) * 100).toFixed(1)}%`, detail];
  });
  const command = `twiggy top -n 40 ${shown(parts.path)}`;
  return `The module: ${code(shown(parts.path))} (${parts.stage}, ${int(parts.bytes)} bytes). ${names} ${same}
Trunk runs \`wasm-opt -Oz\` on it to give the shipped ${code(shipped.file)} (${int(shipped.raw)} bytes, ${kb(shipped.gzip)} gzip),
which has no names, so twiggy can only list it by index. Leaving out its names section, the module holds
${int(shippable)} bytes of code, data and structure that wasm-opt shrinks to the shipped size: the shares are of
code before that last optimisation, so the order of the parts is what counts. Sizes are twiggy's shallow
sizes, uncompressed. Generic code counts to the crate its name starts with (\`<core::iter::…>::next\`
instantiated for the app counts to core, an effect's closure to reactive_graph); an impl counts to its
type's crate, or to its trait's for a primitive or generic type.

${table(['Part', 'Bytes', 'Share', 'Largest crates in it'], rows)}

\`${command}\`:

\`\`\`text
${parts.top.trimEnd()}
\`\`\`

The table groups every item of \`twiggy top -f json ${shown(parts.path)}\` by \`crateOf\` in
\`tests/bench/measure.mjs\`.`;
}

/** The whole report. `r` holds every measurement; `settings` the run's parameters. */
export function report(r, { loads, minLoads, repo }) {
  const rows = budgetRows(r);
  const met = rows.filter((row) => row[3] === 'met').length;
  const notRun = rows.filter((row) => row[3] === 'not run').length;
  const development =
    loads < minLoads ? `\n\n**A development run: ${loads} loads per page and profile, fewer than the ${minLoads} the figures need.**` : '';
  return `# Benchmarks

Generated by \`./scripts/bench.sh\` on ${r.date}; do not edit by hand. Reproduce with \`./scripts/bench.sh\`
(a release build into a temporary folder, \`cargo bench -p talent_core\`, then \`tests/bench/run.mjs\`).${development}

${met} of ${rows.length} budgets met${notRun ? ` (${notRun} not run)` : ''}.

${table(['Budget', 'Limit', 'Measured', ''], rows)}

## Machine

${machineSection(r.host, r.loadAfter, r.lh)}

## Loads

${loadsSection(r.loadRuns, loads)}

## Lighthouse

${lighthouseSection(r.lh)}

## What-if slider

${sliderSection(r.sl)}

## Core

${coreSection(r.core)}

## Baking the pages

${bakeSection(r.bake)}

## Weight

### First visit

${visitSection(r.visit, r.cachedVisit)}

### The build

${buildSection(r.build)}

### Where the wasm's bytes go

${wasmSection(r.parts, r.build, repo)}
`;
}
