// Registers the service worker (sw.js, made by Workbox at build time) that keeps the app
// readable offline, and shows a small bilingual banner when a new version is waiting.
// Plain DOM from an external file, so the Content Security Policy needs no 'unsafe-inline'.
// Every URL is relative to the site's root, so this works at the root and under a sub-path.
(() => {
  if (!('serviceWorker' in navigator)) return;
  // This script sits at the site's root next to sw.js (Trunk copies both there), whatever
  // folder the page is in: the worker and its scope are the root.
  const root = new URL('./', document.currentScript.src);

  const TEXT = {
    en: { message: 'A new version is ready', action: 'Reload' },
    zh: { message: '新版本已就绪', action: '重新加载' },
  };
  const lang = () => (document.documentElement.lang.toLowerCase().startsWith('zh') ? 'zh' : 'en');

  let reloadRequested = false;
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (reloadRequested) window.location.reload();
  });

  /** Shows the banner for `worker`, a service worker in the `installed` (waiting) state. */
  function showUpdateBanner(worker) {
    let banner = document.getElementById('update-banner');
    if (!banner) {
      banner = document.createElement('div');
      banner.id = 'update-banner';
      banner.className = 'update-banner';
      banner.setAttribute('role', 'status');
      banner.setAttribute('data-testid', 'update-banner');
      const message = document.createElement('span');
      message.className = 'update-banner-message';
      const separator = document.createElement('span');
      separator.setAttribute('aria-hidden', 'true');
      separator.textContent = ' · ';
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'update-banner-reload';
      button.setAttribute('data-testid', 'update-reload');
      banner.append(message, separator, button);
      const render = () => {
        const text = TEXT[lang()];
        banner.lang = lang() === 'zh' ? 'zh-Hans' : 'en';
        message.textContent = text.message;
        button.textContent = text.action;
      };
      render();
      // Follow the app's language switch, which sets <html lang>.
      new MutationObserver(render).observe(document.documentElement, {
        attributes: true,
        attributeFilter: ['lang'],
      });
      document.body.append(banner);
    }
    banner.querySelector('button').onclick = () => {
      reloadRequested = true;
      // Workbox's worker calls skipWaiting() on this message; the controllerchange above
      // then reloads the page onto the new version.
      worker.postMessage({ type: 'SKIP_WAITING' });
    };
  }

  /** Watches `registration` for a worker that finishes installing while an older one controls the page. */
  function watch(registration) {
    if (registration.waiting && navigator.serviceWorker.controller) {
      showUpdateBanner(registration.waiting);
    }
    registration.addEventListener('updatefound', () => {
      const worker = registration.installing;
      if (!worker) return;
      worker.addEventListener('statechange', () => {
        if (worker.state === 'installed' && navigator.serviceWorker.controller) {
          showUpdateBanner(worker);
        }
      });
    });
  }

  // Exposed for tests and for anyone who wants to drive the banner by hand.
  window.talentServiceWorker = { showUpdateBanner, watch };

  const register = () =>
    navigator.serviceWorker
      .register(new URL('sw.js', root), { scope: root.href })
      .then(watch)
      .catch((err) => console.warn('service worker not registered:', err));
  // Installing the worker fetches every file of the build again. Wait until the app has
  // started (public/start.js) and the page is idle, so that on a slow phone or network
  // it does not compete with the first chart.
  const whenIdle = (fn) =>
    'requestIdleCallback' in window ? requestIdleCallback(fn, { timeout: 3000 }) : setTimeout(fn, 1000);
  if (window.wasmBindings) whenIdle(register);
  else window.addEventListener('TrunkApplicationStarted', () => whenIdle(register), { once: true });
})();
