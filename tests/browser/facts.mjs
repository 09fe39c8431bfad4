// Reads figures straight from the data pack, so tests compare the app with the data
// rather than with numbers copied into the tests.
import { readFileSync } from 'node:fs';

const TOML = readFileSync(new URL('../../crates/core/data/facts.toml', import.meta.url), 'utf8');

/** The `value` of the fact with this id (numbers only). */
export function factValue(id) {
  const block = TOML.split(/\n(?=\[\[)/).find((b) => new RegExp(`^id = "${id}"$`, 'm').test(b));
  if (!block) throw new Error(`no fact ${id}`);
  const match = block.match(/^value = (-?[\d.]+)$/m);
  if (!match) throw new Error(`fact ${id} has no numeric value`);
  return Number(match[1]);
}
