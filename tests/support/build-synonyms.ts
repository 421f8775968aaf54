// Builds resources/wordnet/synonym-senses.json, the compact table of shared word senses the
// near-duplicate finder reads (electron/core/what/word-senses.ts), from Princeton WordNet 3.0 as
// Debian's `wordnet-base` installs it. Run by hand at development time, never at runtime or in CI:
//   node tests/support/build-synonyms.ts [/usr/share/wordnet]
// Each word WordNet knows and saw in its tagged corpus (keyed by the finder's own stem, so the finder
// looks it up as it reads) gets one sense: of its two commonest as a noun, then as a verb, then as an
// adjective, the first that another word shares (a sense no other word has makes no two messages meet).
// Tried on the development pairs and dropped: more senses per word, the broader sense above
// ("padlock" → "lock") and phrases ("hang up"): each lost more pairs than it found.
import fs from 'node:fs';
import path from 'node:path';
import { stem } from '../../electron/core/what/message-terms.ts';

const source = process.argv[2] ?? '/usr/share/wordnet';
const out = path.join(import.meta.dirname, '../../resources/wordnet/synonym-senses.json');
/** Senses looked at per word and part of speech (WordNet lists them commonest first, by tagged frequency). */
const SENSES_PER_POS = 2;
/** Stemmed word → its candidate senses, in the order they are preferred. */
const entries = new Map<string, string[]>();
for (const [file, pos] of [['index.noun', 'n'], ['index.verb', 'v'], ['index.adj', 'a']] as const) {
  for (const line of fs.readFileSync(path.join(source, file), 'latin1').split('\n')) {
    if (line.startsWith(' ') || line.length === 0) continue;
    const fields = line.trim().split(' ');
    const lemma = fields[0]!;
    if (!/^[a-z]+$/.test(lemma)) continue;
    const senseCount = Number(fields[2]);
    const pointerTypes = Number(fields[3]);
    const tagged = Number(fields[5 + pointerTypes]);
    const offsets = fields.slice(6 + pointerTypes, 6 + pointerTypes + senseCount);
    const key = stem(lemma);
    if (tagged === 0) continue;
    const candidates = entries.get(key) ?? [];
    entries.set(key, candidates);
    for (const offset of offsets.slice(0, SENSES_PER_POS)) if (!candidates.includes(`${pos}${offset}`)) candidates.push(`${pos}${offset}`);
  }
}

// A sense no two keys share is dropped; the rest are numbered, commonest first, to keep the file small.
const uses = new Map<string, number>();
for (const candidates of entries.values()) for (const sense of candidates) uses.set(sense, (uses.get(sense) ?? 0) + 1);
const numbers = new Map([...uses].filter(([, n]) => n > 1).sort((x, y) => y[1] - x[1]).map(([id], n) => [id, n.toString(36)]));
const lines: string[] = [];
for (const [key, candidates] of [...entries].sort(([x], [y]) => (x < y ? -1 : 1))) {
  const sense = candidates.find((id) => numbers.has(id));
  if (sense !== undefined) lines.push(`${key}:${numbers.get(sense)!}`);
}
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, `${JSON.stringify({ source: 'Princeton WordNet 3.0 (see LICENSE beside this file)', format: 'stemmed word:its commonest sense (numbered in base 36, shared by at least one other word), one a line', entries: lines.join('\n') })}\n`);
console.log(`${lines.length} keys, ${numbers.size} senses, ${fs.statSync(out).size} bytes → ${path.relative(process.cwd(), out)}`);
