/** The one error `page.waitFor` throws on timeout, whichever engine runs it. */
export function timeoutError(fn, timeout) {
  const source = String(fn).replace(/\s+/g, ' ');
  return new Error(`waitFor: no truthy value within ${timeout} ms from ${source.length > 200 ? `${source.slice(0, 200)}…` : source}`);
}
