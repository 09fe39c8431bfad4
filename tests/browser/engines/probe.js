// Installed by the test server as the first element of <head> of every HTML page it serves
// with `serve(..., { probe: true })`, so it runs before any of the page's own scripts, in
// every engine alike (WebKit's WebDriver has no event channel of its own). It records, in
// `window.__probe`, what the page itself can see going wrong and every URL it fetched.
// A classic, same-origin script: the page's Content Security Policy (`script-src 'self'`)
// allows it, whether the policy comes in a <meta> after it or as an HTTP header.
(() => {
  if (window.__probe) return;
  const MAX_TEXT = 500;
  const probe = { problems: [], fetched: [] };
  window.__probe = probe;

  const text = (value) => {
    if (value instanceof Error) return `${value.name}: ${value.message}`;
    if (typeof value === 'string') return value;
    try {
      return JSON.stringify(value) ?? String(value);
    } catch {
      return String(value);
    }
  };
  const record = (kind, message, where = '') =>
    probe.problems.push({ kind, message: text(message).slice(0, MAX_TEXT), where });

  // Capture phase: a failed <script>/<link>/<img> fires a plain `error` Event on the element
  // that does not bubble; an uncaught exception fires an ErrorEvent on the window.
  addEventListener(
    'error',
    (event) => {
      if (event instanceof ErrorEvent) {
        record('error', event.error ?? event.message, event.filename ? `${event.filename}:${event.lineno}:${event.colno}` : '');
      } else if (event.target && event.target !== window) {
        const el = event.target;
        record('load-error', `${el.tagName.toLowerCase()} failed to load`, el.currentSrc || el.src || el.href || '');
      }
    },
    true,
  );
  addEventListener('unhandledrejection', (event) => record('unhandledrejection', event.reason));
  // Fired at the element or document that broke the policy; it bubbles to the document.
  document.addEventListener(
    'securitypolicyviolation',
    (event) => record('csp', `${event.effectiveDirective} blocked ${event.blockedURI || '(inline)'}`, event.sourceFile ? `${event.sourceFile}:${event.lineNumber}` : ''),
    true,
  );
  const consoleError = console.error;
  console.error = function (...args) {
    record('console.error', args.map(text).join(' '));
    return consoleError.apply(this, args);
  };

  // Every fetch of the document: the navigation itself and each resource, preloads too.
  // `buffered` also delivers entries made before the observer existed.
  // Firefox hands the navigation entry over twice (buffered, then when it completes).
  const seen = new WeakSet();
  const observe = (type) => {
    try {
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) {
          if (seen.has(entry)) continue;
          seen.add(entry);
          probe.fetched.push({ url: entry.name, initiator: entry.initiatorType ?? type });
        }
      }).observe({ type, buffered: true });
    } catch (err) {
      record('probe', `cannot observe ${type} entries: ${text(err)}`);
    }
  };
  observe('navigation');
  observe('resource');
})();
