// Reads figures straight from the data pack (crates/core/data/facts.toml), for the
// build's static summary and for the browser tests, so neither copies numbers by hand.
import { readFileSync } from 'node:fs';

const read = (file) => readFileSync(new URL(`../crates/core/data/${file}`, import.meta.url), 'utf8');
const TOML = read('facts.toml');
/** A TOML basic string, its contents captured; `text` reads them (same escapes as JSON). */
const STRING = '"((?:[^"\\\\]|\\\\.)*)"';
const text = (contents) => JSON.parse(`"${contents}"`);

/** The block of the fact with this id. */
function factBlock(id) {
  const block = TOML.split(/\n(?=\[\[)/).find((b) => new RegExp(`^id = "${id}"$`, 'm').test(b));
  if (!block) throw new Error(`no fact ${id}`);
  return block;
}

/** The number under `key` (`value`, `year`, a table column) of the fact with this id. */
export function factNumber(id, key) {
  const match = factBlock(id).match(new RegExp(`^${key} = (-?[\\d.]+)$`, 'm'));
  if (!match) throw new Error(`fact ${id} has no number ${key}`);
  return Number(match[1]);
}

/** The `value` of the fact with this id (numbers only). */
export const factValue = (id) => factNumber(id, 'value');

/** The text under `key` (`source`, `seed`, ...) of the fact with this id. */
export function factText(id, key) {
  const match = factBlock(id).match(new RegExp(`^${key} = ${STRING}$`, 'm'));
  if (!match) throw new Error(`fact ${id} has no text ${key}`);
  return text(match[1]);
}

/** The seed documents of data/seeds.toml, each as an object of its text fields. */
export function seeds() {
  return read('seeds.toml')
    .split(/^\[\[seeds\]\]$/m)
    .slice(1)
    .map((block) => Object.fromEntries(
      [...block.matchAll(new RegExp(`^(\\w+) = ${STRING}$`, 'gm'))].map(([, key, contents]) => [key, text(contents)]),
    ));
}
