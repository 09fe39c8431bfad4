// The tests compare the site with the data pack rather than with numbers copied into them:
// figures from crates/core/data/facts.toml (scripts/facts.mjs), and the reader-facing texts
// of crates/core/data/copy/*.toml and reader/facts.toml, which the app shows.
import { readdirSync, readFileSync } from 'node:fs';

export { factNumber, factText, factValue, seeds } from '../../scripts/facts.mjs';

const DATA = new URL('../../crates/core/data/', import.meta.url);
/** A TOML basic string, its contents captured; JSON reads the same escapes. */
const STRING = '"((?:[^"\\\\]|\\\\.)*)"';
const PAIR = new RegExp(`^([\\w.]+) = \\{ en = ${STRING}, zh = ${STRING} \\}$`);
const unquote = (contents) => JSON.parse(`"${contents}"`);

/**
 * Every `[section]` + `key = { en = "...", zh = "..." }` of the TOML text, as
 * `{ "section.key": { en, zh } }` (the layout data/copy and data/reader use).
 */
function pairs(toml) {
  const texts = {};
  let section = '';
  for (const line of toml.split('\n')) {
    const head = /^\[([\w.]+)\]$/.exec(line);
    if (head) {
      section = head[1];
      continue;
    }
    const pair = PAIR.exec(line);
    if (pair) texts[`${section}.${pair[1]}`] = { en: unquote(pair[2]), zh: unquote(pair[3]) };
  }
  return texts;
}

const COPY = Object.assign(
  {},
  ...readdirSync(new URL('copy/', DATA))
    .filter((name) => name.endsWith('.toml'))
    .map((name) => pairs(readFileSync(new URL(`copy/${name}`, DATA), 'utf8'))),
);
const READER = pairs(readFileSync(new URL('reader/facts.toml', DATA), 'utf8'));

/**
 * A text of data/copy in `lang` ('en' or 'zh'), such as `copyText('chart.copied', 'zh')`,
 * with its `{placeholders}` filled from `fill` (as `Text::fill` does).
 */
export function copyText(key, lang, fill = {}) {
  const text = COPY[key]?.[lang];
  if (text === undefined) throw new Error(`no copy text ${key}`);
  return text.replace(/\{(\w+)\}/g, (whole, name) => (name in fill ? String(fill[name]) : whole));
}

/** The reader's label of a fact (reader/facts.toml) in `lang`. */
export function factLabel(id, lang) {
  const text = READER[`facts.${id}.label`]?.[lang];
  if (text === undefined) throw new Error(`no reader label for fact ${id}`);
  return text;
}

/**
 * A number as the app writes it (`talent_core::format::number`): `digits` decimals, and
 * thousands separated by a comma in both languages.
 */
export function formatNumber(value, digits = 0) {
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** A fact's value as a share, the way the app writes it ("47%"; one decimal if it has one). */
export function percentText(value, lang) {
  return copyText('unit.percent', lang, { n: formatNumber(value, Number.isInteger(value) ? 0 : 1) });
}
