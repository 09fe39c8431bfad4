// Chromium through Playwright (playwright-core, Debian's /usr/bin/chromium, the flags of
// harness.mjs `launch()`): one browser, a fresh context per page.
import { launch } from '../harness.mjs';
import { timeoutError } from './timeout.mjs';

export async function openChromium({ sentinel }) {
  const browser = await launch({
    // Playwright makes Chromium proxy loopback too unless it is bypassed by name.
    proxy: { server: sentinel.url, bypass: '127.0.0.1,localhost,[::1]' },
    // Services that call Google at start despite --disable-background-networking and
    // --disable-component-update (sign-in's account list, the component updater, autofill
    // field types), sent to the sentinel directly, where they get a 404. Not through
    // --disable-features: a second one would replace Playwright's list.
    args: [`--gaia-url=${sentinel.url}`, `--component-updater=url-source=${sentinel.url}/`, `--autofill-server-url=${sentinel.url}/`],
  });
  return {
    async newPage({ width, height, colorScheme }) {
      const context = await browser.newContext({ viewport: { width, height }, colorScheme });
      const page = await context.newPage();
      const native = [];
      page.on('pageerror', (err) => native.push({ kind: 'pageerror', level: 'error', message: err.message }));
      page.on('console', (msg) => {
        if (['error', 'warning'].includes(msg.type())) native.push({ kind: 'console', level: msg.type() === 'error' ? 'error' : 'warning', message: msg.text() });
      });
      return {
        goto: async (url) => {
          await page.goto(url);
        },
        evaluate: (fn, arg) => page.evaluate(fn, arg),
        waitFor: async (fn, arg, timeout) => {
          try {
            return await (await page.waitForFunction(fn, arg, { timeout, polling: 'raf' })).jsonValue();
          } catch (err) {
            throw err.name === 'TimeoutError' ? timeoutError(fn, timeout) : err;
          }
        },
        click: (selector) => page.click(selector),
        press: (selector, key) => page.press(selector, key),
        setViewport: (w, h) => page.setViewportSize({ width: w, height: h }),
        screenshotPng: () => page.screenshot(),
        engineProblems: async () => [...native],
        close: () => context.close(),
      };
    },
    close: () => browser.close(),
  };
}
