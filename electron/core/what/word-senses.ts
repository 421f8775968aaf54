// The sense words share, from Princeton WordNet 3.0 (resources/wordnet, built at development time by
// tests/support/build-synonyms.ts), so two messages saying one thing in different words can still
// meet: each word WordNet knows maps to its commonest sense, shared with its synonyms. Keyed by the
// finder's stem of a word; the table is read once, on the first look-up, and kept.
import table from '../../../resources/wordnet/synonym-senses.json' with { type: 'json' };

let senses: Map<string, string> | undefined;

function load(): Map<string, string> {
  const map = new Map<string, string>();
  for (const line of table.entries.split('\n')) {
    const colon = line.indexOf(':');
    map.set(line.slice(0, colon), line.slice(colon + 1));
  }
  return map;
}

/** The commonest sense of a stemmed word, if WordNet gives it one another word shares. */
export function senseOf(stemmed: string): string | undefined {
  senses ??= load();
  return senses.get(stemmed);
}
