// Weights of the release build, each file gzipped at level 9 as a static host would serve
// it: every file of the folder (`buildWeight`), or the files a visit fetched
// (`filesWeight`, which weight.test.mjs gives a first visit's requests).
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

async function weigh(dir, paths) {
  const files = [];
  for (const path of paths) {
    const body = await readFile(path);
    files.push({ file: relative(dir, path), raw: body.length, gzip: gzipSync(body, { level: 9 }).length });
  }
  files.sort((a, b) => b.gzip - a.gzip);
  const sum = (list) => list.reduce((total, f) => total + f.gzip, 0);
  return {
    files,
    raw: files.reduce((total, f) => total + f.raw, 0),
    total: sum(files),
    wasm: sum(files.filter((f) => f.file.endsWith('.wasm'))),
  };
}

/** Every file under `dir`, with its raw and gzip size in bytes, largest first. */
export async function buildWeight(dir) {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return weigh(
    dir,
    entries.filter((e) => e.isFile()).map((e) => join(e.parentPath ?? e.path, e.name)),
  );
}

/**
 * The files of `dir` that the URLs under `base` name (a folder's URL is its index.html;
 * queries and fragments are ignored; each file counts once), weighed like `buildWeight`.
 * URLs outside `base` or naming no file are returned in `unknown`.
 */
export async function filesWeight(dir, base, urls) {
  const paths = new Set();
  const unknown = [];
  for (const url of urls) {
    const { origin, pathname } = new URL(url);
    const root = new URL(base);
    if (origin !== root.origin || !pathname.startsWith(root.pathname)) {
      unknown.push(url);
      continue;
    }
    let path = join(dir, decodeURIComponent(pathname.slice(root.pathname.length)));
    if (pathname.endsWith('/')) path = join(path, 'index.html');
    try {
      if ((await stat(path)).isFile()) paths.add(path);
      else unknown.push(url);
    } catch {
      unknown.push(url);
    }
  }
  return { ...(await weigh(dir, [...paths])), unknown };
}

/** Kilobytes (1,000 bytes), as budgets are written. */
export const kb = (bytes) => bytes / 1000;
