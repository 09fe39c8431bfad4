// The few W3C WebDriver (HTTP) commands the WebKit engine needs, over node's fetch.
// https://www.w3.org/TR/webdriver2/ ; no dependency, since WebKitGTK's driver speaks only
// this classic protocol (no BiDi in WebKitGTK 2.50).

/** The key names of `page.press` and their WebDriver code points (spec, table "keys"). */
const KEYS = {
  Backspace: '\uE003',
  Tab: '\uE004',
  Enter: '\uE007',
  Shift: '\uE008',
  Escape: '\uE00C',
  Space: ' ',
  PageUp: '\uE00E',
  PageDown: '\uE00F',
  End: '\uE010',
  Home: '\uE011',
  ArrowLeft: '\uE012',
  ArrowUp: '\uE013',
  ArrowRight: '\uE014',
  ArrowDown: '\uE015',
  Delete: '\uE017',
};

/** The WebDriver text for a key name as Playwright and puppeteer spell it ("Enter", "a"). */
export function keyText(key) {
  if (key in KEYS) return KEYS[key];
  if ([...key].length === 1) return key;
  throw new Error(`press: unknown key "${key}" (known: ${Object.keys(KEYS).join(', ')} or one character)`);
}

/** The identifier of a web element in WebDriver JSON. */
const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';

export class WebDriverError extends Error {
  constructor(command, value) {
    super(`${command}: ${value.error}: ${value.message}`);
    this.error = value.error;
  }
}

/** How long a command other than a script may take before the driver is deemed stuck. */
const COMMAND_MS = 60000;

/**
 * Sends one command to the driver at `base` and returns its `value`, or throws its error;
 * a command with no reply in `timeoutMs` throws too, naming the command, rather than
 * hanging the test.
 */
export async function send(base, method, path, body, timeoutMs = COMMAND_MS) {
  let response;
  try {
    response = await fetch(`${base}${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json; charset=utf-8' },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (err) {
    if (err.name !== 'TimeoutError') throw err;
    throw new WebDriverError(`${method} ${path}`, { error: 'no reply', message: `none in ${timeoutMs} ms` });
  }
  const { value } = await response.json();
  if (!response.ok || value?.error) throw new WebDriverError(`${method} ${path}`, value ?? { error: response.status, message: '' });
  return value;
}

/** A session: one MiniBrowser with its own (ephemeral) storage. */
export async function newSession(base, capabilities) {
  const { sessionId } = await send(base, 'POST', '/session', { capabilities: { alwaysMatch: capabilities } });
  const cmd = (method, path, body, timeoutMs) => send(base, method, `/session/${sessionId}${path}`, body, timeoutMs);
  // The driver ends a script after the session's script timeout; the reply may take a little longer.
  let scriptMs = 30000;
  const element = async (selector) => {
    const found = await cmd('POST', '/element', { using: 'css selector', value: selector });
    return found[ELEMENT];
  };
  return {
    id: sessionId,
    navigate: (url) => cmd('POST', '/url', { url }),
    /**
     * Runs `script` (a function body; `arguments` holds `args` and, last, the callback),
     * for up to `timeoutMs` (the session's script timeout, raised when asked for more).
     */
    executeAsync: async (script, args, timeoutMs = scriptMs) => {
      if (timeoutMs > scriptMs) {
        await cmd('POST', '/timeouts', { script: timeoutMs });
        scriptMs = timeoutMs;
      }
      return cmd('POST', '/execute/async', { script, args }, scriptMs + COMMAND_MS);
    },
    windowRect: (rect) => (rect ? cmd('POST', '/window/rect', rect) : cmd('GET', '/window/rect')),
    click: async (selector) => cmd('POST', `/element/${await element(selector)}/click`, {}),
    sendKeys: async (selector, text) => cmd('POST', `/element/${await element(selector)}/value`, { text }),
    /** The viewport as a PNG. */
    screenshot: async () => Buffer.from(await cmd('GET', '/screenshot'), 'base64'),
    delete: () => cmd('DELETE', ''),
  };
}
