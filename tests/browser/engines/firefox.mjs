// Firefox ESR through puppeteer-core over WebDriver BiDi: one browser with a fresh profile
// (puppeteer makes one in a temporary folder and removes it on close), a fresh browser
// context (a Firefox "user context") per page.
import puppeteer from 'puppeteer-core';
import { timeoutError } from './timeout.mjs';

/**
 * Preferences that stop Firefox's background traffic, on top of those puppeteer sets
 * (safe browsing lists, normandy, updates of the app, add-ons and search engines, data
 * reporting). The machine has no internet; these keep the engine quiet and its start fast,
 * and the sentinel proxy catches anything they miss.
 */
const QUIET = {
  'app.update.auto': false,
  'app.update.enabled': false,
  'app.update.service.enabled': false,
  'app.shield.optoutstudies.enabled': false,
  'browser.discovery.enabled': false,
  'browser.newtabpage.activity-stream.feeds.telemetry': false,
  'browser.newtabpage.activity-stream.telemetry': false,
  'browser.ping-centre.telemetry': false,
  'browser.region.network.url': '',
  'browser.region.update.enabled': false,
  'browser.safebrowsing.provider.google.updateURL': '',
  'browser.safebrowsing.provider.google4.updateURL': '',
  'browser.safebrowsing.provider.mozilla.updateURL': '',
  'browser.safebrowsing.update.enabled': false,
  'browser.search.geoip.url': '',
  'captivedetect.canonicalURL': '',
  'datareporting.usage.uploadEnabled': false,
  'dom.push.connection.enabled': false,
  'dom.push.serverURL': '',
  'extensions.blocklist.enabled': false,
  'extensions.systemAddon.update.enabled': false,
  'geo.provider.network.url': '',
  'media.gmp-gmpopenh264.autoupdate': false,
  'messaging-system.rsexperimentloader.enabled': false,
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  'network.dns.disablePrefetch': true,
  'network.predictor.enabled': false,
  'network.prefetch-next': false,
  'network.trr.mode': 5,
  'security.OCSP.enabled': 0,
  'security.remote_settings.crlite_filters.enabled': false,
  'services.settings.poll_interval': 2147483647,
  'toolkit.telemetry.enabled': false,
  'toolkit.telemetry.server': '',
  'toolkit.telemetry.unified': false,
  'toolkit.telemetry.archive.enabled': false,
  'toolkit.telemetry.newProfilePing.enabled': false,
  'toolkit.telemetry.shutdownPingSender.enabled': false,
  'toolkit.telemetry.firstShutdownPing.enabled': false,
  'toolkit.telemetry.bhrPing.enabled': false,
  'toolkit.telemetry.updatePing.enabled': false,
};

/**
 * Everything beyond loopback goes to the sentinel; loopback (the test server) never does.
 * Remote Settings (blocklists, search configuration...) syncs its empty collections at
 * start whatever the preferences say; it is sent to the sentinel directly, on loopback,
 * and gets a 404. Firefox honours `services.settings.server` only with
 * MOZ_REMOTE_SETTINGS_DEVTOOLS set (see `launch` below).
 */
function throughSentinel({ host, port, url }) {
  return {
    'services.settings.server': `${url}/remote-settings/v1`,
    'network.proxy.type': 1,
    'network.proxy.http': host,
    'network.proxy.http_port': port,
    'network.proxy.ssl': host,
    'network.proxy.ssl_port': port,
    'network.proxy.allow_hijacking_localhost': false,
    'network.proxy.no_proxies_on': '',
  };
}

// puppeteer's media emulation needs CDP, which Firefox no longer has, so the colour scheme
// is a preference of the whole browser: pages in dark mode get a second Firefox, started
// the first time one is asked for.
const SCHEME_OVERRIDE = { dark: 0, light: 1 };

export async function openFirefox({ sentinel }) {
  const browsers = {};
  const browserFor = (colorScheme) =>
    (browsers[colorScheme] ??= puppeteer.launch({
      browser: 'firefox',
      executablePath: process.env.FIREFOX ?? '/usr/bin/firefox-esr',
      headless: true,
      env: { ...process.env, MOZ_REMOTE_SETTINGS_DEVTOOLS: '1' },
      extraPrefsFirefox: {
        ...QUIET,
        ...throughSentinel(sentinel),
        'layout.css.prefers-color-scheme.content-override': SCHEME_OVERRIDE[colorScheme],
      },
    }));
  await browserFor('light');
  return {
    async newPage({ width, height, colorScheme }) {
      const context = await (await browserFor(colorScheme)).createBrowserContext();
      const page = await context.newPage();
      await page.setViewport({ width, height });
      const native = [];
      page.on('pageerror', (err) => native.push({ kind: 'pageerror', level: 'error', message: err.message }));
      page.on('console', (msg) => {
        if (['error', 'warn'].includes(msg.type())) native.push({ kind: 'console', level: msg.type() === 'error' ? 'error' : 'warning', message: msg.text() });
      });
      return {
        goto: async (url) => {
          await page.goto(url);
        },
        evaluate: (fn, arg) => page.evaluate(fn, arg),
        waitFor: async (fn, arg, timeout) => {
          try {
            return await (await page.waitForFunction(fn, { timeout, polling: 'raf' }, arg)).jsonValue();
          } catch (err) {
            throw err.name === 'TimeoutError' ? timeoutError(fn, timeout) : err;
          }
        },
        click: (selector) => page.click(selector),
        press: async (selector, key) => {
          await page.focus(selector);
          await page.keyboard.press(key);
        },
        setViewport: (w, h) => page.setViewport({ width: w, height: h }),
        screenshotPng: async () => Buffer.from(await page.screenshot()),
        engineProblems: async () => [...native],
        close: () => context.close(),
      };
    },
    close: async () => {
      await Promise.all(Object.values(browsers).map(async (browser) => (await browser).close()));
    },
  };
}
