// Trunk's post_build hook (see Trunk.toml). Runs on the staging folder that Trunk is about
// to move to dist/, and:
//   - fills in the static summary of key numbers from the data pack (static-summary.mjs);
//   - checks that index.html has its Content Security Policy and only relative URLs;
//   - release: fails if an inline <script> is left (the CSP allows none), then writes the
//     Workbox service worker (sw.js) that precaches every file of the build;
//   - debug (`trunk serve`): moves Trunk's inline live-reload script into a file, so the
//     same CSP holds, and writes a worker that removes any earlier release worker and its
//     caches, so a developer never sees a stale precached build.
// Needs the npm packages of tests/ (workbox-build), which scripts/setup.sh installs.
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) throw new Error('post-build.mjs runs as a Trunk hook: TRUNK_STAGING_DIR is not set');
const release = process.env.TRUNK_PROFILE === 'release';
const indexPath = join(staging, 'index.html');
let html = await readFile(indexPath, 'utf8');

function fail(message) {
  console.error(`post-build: ${message}`);
  process.exit(1);
}

const csp = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]*)"/);
if (!csp) fail('index.html has no <meta http-equiv="Content-Security-Policy">');

// Every URL must be relative, so the folder works at the site root and under any sub-path.
for (const [, attr, url] of html.matchAll(/\s(href|src|data-js|data-wasm)="([^"]*)"/g)) {
  if (/^(\/|[a-z]+:)/i.test(url)) fail(`index.html has a non-relative ${attr}="${url}"`);
}

const inline = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)].filter(
  ([, attrs]) => !/\ssrc=/.test(attrs),
);
if (release) {
  if (inline.length > 0) {
    fail(`index.html has ${inline.length} inline <script>, which the CSP blocks (see start.js)`);
  }
} else if (inline.length > 0) {
  // `trunk serve` appends its live-reload script inline, and fills in the server's address
  // and WebSocket base when it serves the page. Move the script to a file; the address is
  // the page's own host (Trunk's fallback too) and the base travels in a <meta> that Trunk
  // fills in as before.
  let n = 0;
  for (const [element, attrs, body] of inline) {
    const file = `trunk-inline-${n++}.js`;
    let meta = '';
    let code = body.replace(/(['`])\{\{__TRUNK_ADDRESS__\}\}\1/g, 'window.location.host');
    if (code.includes('{{__TRUNK_WS_BASE__}}')) {
      meta = '<meta name="trunk-ws-base" content="{{__TRUNK_WS_BASE__}}" />';
      code = code.replace(
        /(['`])\{\{__TRUNK_WS_BASE__\}\}\1/g,
        "document.querySelector('meta[name=\"trunk-ws-base\"]').content",
      );
    }
    await writeFile(join(staging, file), code);
    html = html.replace(element, () => `${meta}<script${attrs} src="./${file}"></script>`);
  }
  await writeFile(indexPath, html);
}

// Bake the pages: every view (and its Chinese preview copy under zh/), its charts as
// pictures, link previews and downloads, from Trunk's index.html (crates/site).
try {
  execFileSync('cargo', ['run', '--quiet', '--locked', '-p', 'talent_site', '--', 'bake', staging], {
    stdio: 'inherit',
    cwd: new URL('..', import.meta.url).pathname,
  });
} catch {
  fail('baking the pages failed (see above)');
}

const swPath = join(staging, 'sw.js');
if (!release) {
  await writeFile(
    swPath,
    `// Debug build: no offline cache. Removes a release worker and its caches left on this origin.
self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.includes(self.registration.scope)).map((k) => caches.delete(k))))
      .then(() => self.registration.unregister()),
  );
});
`,
  );
  process.exit(0);
}

const require = createRequire(new URL('../tests/package.json', import.meta.url));
const { generateSW, getManifest } = require('workbox-build');

const precache = {
  globDirectory: staging,
  // The app, every page and the bundle of all the data ("Download all" works offline);
  // the chart pictures (one per language, width and theme, of which a reader's screen
  // needs one), the embeds and each chart's files are cached when first fetched.
  globPatterns: ['**/*.{html,js,mjs,wasm,css,webmanifest}', 'icons/*.png', '*.svg', 'downloads/*.zip'],
  globIgnores: ['sw.js', 'workbox-*.js', 'embed/**', 'charts/**', 'previews/**', 'data/**'],
  // The release wasm is larger than Workbox's default limit of 2 MiB.
  maximumFileSizeToCacheInBytes: 32 * 1024 * 1024,
  // Trunk puts a content hash in these names: no need for Workbox's ?__WB_REVISION__.
  dontCacheBustURLsMatching: /-[0-9a-f]{8,}(_bg)?\.[a-z]+$/,
};

// The cache name carries a digest of every precached file, so each build gets its own
// cache and the new worker deletes the older builds' caches when it activates.
const { manifestEntries } = await getManifest(precache);
const version = createHash('sha256')
  .update(manifestEntries.map((e) => `${e.url} ${e.revision ?? ''}`).sort().join('\n'))
  .digest('hex')
  .slice(0, 12);

const { count, size, warnings } = await generateSW({
  ...precache,
  swDest: swPath,
  cacheId: `talent-atlas-${version}`,
  cleanupOutdatedCaches: true,
  // Bundle the Workbox runtime into sw.js: nothing is loaded from a CDN or another file.
  inlineWorkboxRuntime: true,
  mode: 'production',
  sourcemap: false,
  // Control the first page at once (so a first visit already works offline), but let an
  // update wait until the reader presses Reload in the banner (sw-register.js sends
  // SKIP_WAITING, which Workbox's worker handles).
  clientsClaim: true,
  skipWaiting: false,
  // A page's state lives in the query string (flows/?lang=zh&flow=deepseek): a navigation
  // is its folder's precached index.html, whatever the query.
  ignoreURLParametersMatching: [/.*/],
  directoryIndex: 'index.html',
  runtimeCaching: [
    {
      urlPattern: ({ url }) => /\/(charts|embed|previews|downloads|data)\//.test(url.pathname),
      handler: 'StaleWhileRevalidate',
      options: { cacheName: `talent-atlas-${version}-seen` },
    },
  ],
});
for (const warning of warnings) console.warn(`post-build: workbox: ${warning}`);
console.log(`post-build: sw.js precaches ${count} files (${(size / 1024).toFixed(0)} KiB), cache version ${version}`);
