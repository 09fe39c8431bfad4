// The weight of a first visit: every file of a release build, each gzipped at level 9
// as a static host would serve it. The service worker precaches the whole build on the
// first visit, so every file counts.
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Every file under `dir`, with its raw and gzip size in bytes, largest first. */
export async function buildWeight(dir) {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = [];
  for (const entry of entries.filter((e) => e.isFile())) {
    const path = join(entry.parentPath ?? entry.path, entry.name);
    const body = await readFile(path);
    files.push({
      file: relative(dir, path),
      raw: body.length,
      gzip: gzipSync(body, { level: 9 }).length,
    });
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

/** Kilobytes (1,000 bytes), as budgets are written. */
export const kb = (bytes) => bytes / 1000;
