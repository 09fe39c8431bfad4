// Lighthouse on the release build (issue 15's budgets): its default configuration, the
// mobile profile with simulated throttling, against the build served on loopback. Lighthouse
// drives a Chromium of its own, Debian's, started here with a DevTools port: nothing is
// downloaded, and the pages load nothing from elsewhere (each run's requests are checked).
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import lighthouse from 'lighthouse';
import { LOAD_PAGES, log, spread } from './measure.mjs';
import { CHROMIUM, CHROMIUM_FLAGS } from '../browser/harness.mjs';

/** The pages Lighthouse audits: the story and one chart view. */
export const LIGHTHOUSE_PAGES = LOAD_PAGES.filter((p) => ['story', 'countries'].includes(p.key));
/** The categories of the budgets: Lighthouse's id, a heading, and the name within a sentence. */
export const CATEGORIES = [
  { id: 'performance', label: 'Performance', name: 'performance' },
  { id: 'accessibility', label: 'Accessibility', name: 'accessibility' },
  { id: 'best-practices', label: 'Best practices', name: 'best practices' },
  { id: 'seo', label: 'SEO', name: 'SEO' },
];
/** The metrics reported with the scores, as Lighthouse's audit ids. */
const METRICS = { lcp: 'largest-contentful-paint', tbt: 'total-blocking-time', cls: 'cumulative-layout-shift', fcp: 'first-contentful-paint' };

/**
 * Debian's Chromium, headless, with a DevTools port for Lighthouse (the flags of the
 * harness's `launch`, which keep Chromium from calling Google's services), in a profile
 * folder of its own. Resolves once Chromium prints the port it listens on.
 */
async function launchDebuggable() {
  const profile = await mkdtemp(join(os.tmpdir(), 'talent-lighthouse-'));
  const chrome = spawn(
    CHROMIUM,
    ['--headless', '--remote-debugging-port=0', `--user-data-dir=${profile}`, ...CHROMIUM_FLAGS, '--no-default-browser-check', 'about:blank'],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const exited = new Promise((resolve) => chrome.once('exit', resolve));
  const port = await new Promise((resolve, reject) => {
    let text = '';
    const onData = (chunk) => {
      text += chunk;
      const match = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec(text);
      if (match) {
        chrome.stderr.off('data', onData);
        // Keep draining stderr, or Chromium blocks once the pipe is full.
        chrome.stderr.resume();
        resolve(Number(match[1]));
      }
    };
    chrome.stderr.on('data', onData);
    exited.then((code) => reject(new Error(`Chromium exited (${code}) before listening: ${text.slice(-500)}`)));
  });
  return {
    port,
    close: async () => {
      chrome.kill();
      await exited;
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/** The origins of the requests of a run that are not the served build's (loopback) or data. */
function elsewhere(lhr, url) {
  const items = lhr.audits['network-requests']?.details?.items ?? [];
  const origin = new URL(url).origin;
  return items.map((item) => item.url).filter((u) => !/^(data|blob):/.test(u) && new URL(u).origin !== origin);
}

/** One run's figures: each category's score (0–100), the metrics, and the audits lost. */
function summarise(lhr, url) {
  if (lhr.runtimeError) throw new Error(`lighthouse ${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  const scores = Object.fromEntries(CATEGORIES.map((c) => [c.id, Math.round(lhr.categories[c.id].score * 100)]));
  const metrics = Object.fromEntries(Object.entries(METRICS).map(([key, id]) => [key, lhr.audits[id].numericValue]));
  // The scored audits that did not pass in the categories whose budget is 100, so the
  // report says what cost points (performance's audits are its metrics, reported anyway).
  const failed = CATEGORIES.filter((c) => c.id !== 'performance').flatMap((c) =>
    lhr.categories[c.id].auditRefs
      .filter((ref) => ref.weight > 0 && lhr.audits[ref.id].score !== null && lhr.audits[ref.id].score < 1)
      .map((ref) => `${c.label}: ${lhr.audits[ref.id].title} (\`${ref.id}\`, score ${lhr.audits[ref.id].score.toFixed(2)})`),
  );
  // Which element Lighthouse took as the largest contentful paint: the metric depends on it.
  const lcpNode = lhr.audits['largest-contentful-paint-element']?.details?.items?.[0]?.items?.[0]?.node;
  const lcpElement = lcpNode ? lcpNode.selector ?? lcpNode.nodeLabel : '(none reported)';
  return { scores, metrics, failed, lcpElement, elsewhere: elsewhere(lhr, url), warnings: lhr.runWarnings, lhr };
}

/**
 * `runs` Lighthouse runs of each page of LIGHTHOUSE_PAGES served at `url`, round-robin as
 * the loads are. Lighthouse clears the origin's storage (the service worker included)
 * before each run, so each is a first visit. Returns per page the spread of each score and
 * metric, the audits that failed in any run (with how many runs), each run's largest
 * contentful paint element and time, the requests that went
 * elsewhere, and the settings and environment Lighthouse reports.
 */
export async function lighthouseRuns(url, runs) {
  const chrome = await launchDebuggable();
  const results = new Map(LIGHTHOUSE_PAGES.map((p) => [p.key, []]));
  try {
    for (let round = 1; round <= runs; round += 1) {
      for (const p of LIGHTHOUSE_PAGES) {
        const target = url + p.path;
        const result = await lighthouse(target, {
          port: chrome.port,
          output: 'json',
          logLevel: 'error',
          onlyCategories: CATEGORIES.map((c) => c.id),
        });
        const run = summarise(result.lhr, target);
        results.get(p.key).push(run);
        log(
          `lighthouse ${round}/${runs} ${p.key}: ${CATEGORIES.map((c) => `${c.id} ${run.scores[c.id]}`).join(', ')}; ` +
            `LCP ${run.metrics.lcp.toFixed(0)} ms (${run.lcpElement}), TBT ${run.metrics.tbt.toFixed(0)} ms, CLS ${run.metrics.cls.toFixed(3)}`,
        );
      }
    }
  } finally {
    await chrome.close();
  }
  const summary = new Map();
  for (const [key, list] of results) {
    const failed = new Map();
    for (const line of list.flatMap((r) => r.failed)) failed.set(line, (failed.get(line) ?? 0) + 1);
    summary.set(key, {
      scores: Object.fromEntries(CATEGORIES.map((c) => [c.id, spread(list.map((r) => r.scores[c.id]))])),
      metrics: Object.fromEntries(Object.keys(METRICS).map((m) => [m, spread(list.map((r) => r.metrics[m]))])),
      failed: [...failed].map(([line, count]) => ({ line, count })),
      lcpElements: list.map((r) => ({ element: r.lcpElement, ms: r.metrics.lcp })),
      elsewhere: [...new Set(list.flatMap((r) => r.elsewhere))],
      warnings: [...new Set(list.flatMap((r) => r.warnings))],
    });
  }
  const { lhr } = results.get(LIGHTHOUSE_PAGES[0].key)[0];
  const settings = lhr.configSettings;
  return {
    runs,
    pages: summary,
    version: lhr.lighthouseVersion,
    formFactor: settings.formFactor,
    method: settings.throttlingMethod,
    throttling: settings.throttling,
    screen: settings.screenEmulation,
    benchmarkIndex: lhr.environment.benchmarkIndex,
    userAgent: lhr.environment.hostUserAgent,
  };
}
