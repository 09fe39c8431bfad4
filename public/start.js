// Starts the wasm app. Trunk would put this loader inline in index.html, which the
// Content Security Policy forbids (no 'unsafe-inline'), so Trunk.toml's `pattern_script`
// replaces it with <meta name="trunk-app" data-js=... data-wasm=...> naming the hashed
// files, and this external module (hashed by Trunk too) reads those names and starts the
// app. It does what Trunk's inline loader does, including its event and bindings global.
// The wasm's download starts here, beside the bindings' import, rather than through a
// <link rel="preload">: WebKit does not hand a preloaded response to a later fetch, so
// with a preload it downloaded the wasm twice.
const meta = document.querySelector('meta[name="trunk-app"]');
const base = document.baseURI;
const wasmResponse = fetch(new URL(meta.dataset.wasm, base));
const { default: init, ...bindings } = await import(new URL(meta.dataset.js, base).href);
const wasm = await init({ module_or_path: wasmResponse });
window.wasmBindings = bindings;
dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));
