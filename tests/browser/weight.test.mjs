// The release build's weight against its ceiling (tests/weight-budget.json). Sizes are
// deterministic for a given toolchain, so this is a test; timings live in the benchmark.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { DIST } from './harness.mjs';
import { buildWeight, kb } from './weight.mjs';

const limits = JSON.parse(await readFile(new URL('../weight-budget.json', import.meta.url), 'utf8'));

test('the first visit weighs no more than its ceiling, and the ceiling no more than it must', async () => {
  const weight = await buildWeight(DIST);
  const line = (name, bytes) =>
    `${name}: ${kb(bytes).toFixed(1)} KB gzip (ceiling ${limits.ceiling[name]}, budget ${limits.budget[name]})`;
  console.log(line('wasm', weight.wasm));
  console.log(line('total', weight.total));
  assert.ok(weight.files.some((f) => f.file.endsWith('.wasm')), 'the build has a wasm file');
  assert.ok(kb(weight.wasm) <= limits.ceiling.wasm, line('wasm', weight.wasm));
  assert.ok(kb(weight.total) <= limits.ceiling.total, line('total', weight.total));
  // A ceiling is only useful if it is near the build: a forgotten ratchet hides regressions.
  for (const name of ['wasm', 'total']) {
    const measured = kb(weight[name]);
    assert.ok(
      limits.ceiling[name] <= Math.max(limits.budget[name], measured * 1.05),
      `lower the ${name} ceiling in tests/weight-budget.json to at most ${Math.ceil(measured * 1.05)}`,
    );
  }
});
