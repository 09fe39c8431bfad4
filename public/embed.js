// Embed pages only: tells the page around the iframe how tall the chart is, in the shape
// Datawrapper's embeds use ({"datawrapper-height": {"<id>": height}}), so newsroom scripts
// written for those resize ours too, and in our own shape. Runs before and without the
// wasm, and again whenever the content's height changes.
(() => {
  const root = document.documentElement;
  const chart = root.dataset.embed;
  if (!chart || window.parent === window) return;
  let last = 0;
  const post = () => {
    const height = Math.ceil(document.body.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    window.parent.postMessage({ 'datawrapper-height': { [`ai-talent-atlas-${chart}`]: height } }, '*');
    window.parent.postMessage({ type: 'ai-talent-atlas:height', chart, height }, '*');
  };
  const observe = () => {
    post();
    // Measure in the observer, post in the next frame: no layout feedback loop.
    new ResizeObserver(() => requestAnimationFrame(post)).observe(document.body);
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', observe);
  else observe();
})();
