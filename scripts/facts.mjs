// Reads figures straight from the data pack (crates/core/data/facts.toml), for the
// build's static summary and for the browser tests, so neither copies numbers by hand.
import { readFileSync } from 'node:fs';

const TOML = readFileSync(new URL('../crates/core/data/facts.toml', import.meta.url), 'utf8');

/** The `value` of the fact with this id (numbers only). */
export function factValue(id) {
  const block = TOML.split(/\n(?=\[\[)/).find((b) => new RegExp(`^id = "${id}"$`, 'm').test(b));
  if (!block) throw new Error(`no fact ${id}`);
  const match = block.match(/^value = (-?[\d.]+)$/m);
  if (!match) throw new Error(`fact ${id} has no numeric value`);
  return Number(match[1]);
}
