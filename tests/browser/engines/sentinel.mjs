// A proxy that every engine is told to use for anything beyond loopback: it refuses each
// request and remembers it. The tests must never reach the internet, and a browser's
// background services (updates, telemetry, safe browsing, captive-portal checks...) are
// easy to miss in a list of preferences; with the sentinel they cannot leave the machine,
// and `stray()` says which ones tried. Loopback (the test server) is never proxied.
import { createServer } from 'node:http';

export async function startSentinel() {
  const stray = [];
  const server = createServer((req, res) => {
    // A proxied request names its absolute URL. A bare path is a request sent to the
    // sentinel itself, on purpose: an engine's service pointed here (see firefox.mjs).
    if (req.url.startsWith('/')) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('nothing here');
      return;
    }
    stray.push(`${req.method} ${req.url}`);
    res.writeHead(403, { 'content-type': 'text/plain' }).end('tests must not leave loopback');
  });
  server.on('connect', (req, socket) => {
    stray.push(`CONNECT ${req.url}`);
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    host: '127.0.0.1',
    port,
    url: `http://127.0.0.1:${port}`,
    /** What the browser tried to fetch beyond loopback, in order. */
    stray: () => [...stray],
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
