// The tests compare the app with the data pack rather than with numbers copied into them.
export { factNumber, factText, factValue, seeds } from '../../scripts/facts.mjs';
