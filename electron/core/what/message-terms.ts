// A message's text reduced to the terms that carry its meaning: lower case, short forms spelled out,
// words stemmed, phrases that say one idea in different ways turned into that idea, and the grammar
// and polite framing every message shares dropped. Pure and bounded: only the opening
// `MAX_COMPARED_CHARS` characters of a text are read.
import { CONCEPTS, SHORT_FORMS, STOP_WORDS } from './similarity-lexicon.ts';

/**
 * How much of a message is compared. A message is a post, a leaflet or a script, well inside this;
 * a longer text is judged on its opening, which bounds the work a hostile text can cause.
 */
export const MAX_COMPARED_CHARS = 4000;

/** The longest phrase in the lexicon, in words. */
const MAX_PHRASE_WORDS = 4;

/** A light English stemmer: enough that "locks", "locked" and "locking" meet, no more. */
export function stem(word: string): string {
  if (word.length <= 3 || /^\d/.test(word)) return word;
  let w = word;
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('ing') && w.length > 5) w = w.slice(0, -3);
  else if (w.endsWith('ied') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('ed') && w.length > 4) w = w.slice(0, -2);
  else if (w.endsWith('ly') && w.length > 4) w = w.slice(0, -2);
  else if (w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) w = w.slice(0, -1);
  // "secure" and "securing" meet at "secur"; a doubled end ("stopp", "robb") at one letter.
  if (w.length > 4 && w.endsWith('e')) w = w.slice(0, -1);
  if (w.length > 4 && w.at(-1) === w.at(-2) && !/[aeiouls]/.test(w.at(-1)!)) w = w.slice(0, -1);
  return w;
}

/** Lower-case words and numbers, apostrophes dropped ("don't" → "dont"), short forms spelled out. */
export function words(text: string): string[] {
  const plain = text
    .slice(0, MAX_COMPARED_CHARS)
    .normalize('NFKC')
    .toLowerCase()
    .replace(/['’‘`]/g, '')
    .replace(/&/g, ' and ');
  const out: string[] = [];
  for (const match of plain.matchAll(/[\p{L}\p{N}]+/gu)) {
    const spelled = SHORT_FORMS[match[0]] ?? match[0];
    for (const part of spelled.split(' ')) out.push(part);
  }
  return out;
}

function phraseKey(text: string): string {
  return words(text).map(stem).join(' ');
}

/** Stemmed phrase → concept, built once. */
const PHRASES: ReadonlyMap<string, string> = new Map(
  Object.entries(CONCEPTS).flatMap(([concept, phrases]) => [concept, ...phrases].map((phrase) => [phraseKey(phrase), concept] as const)),
);
const STOP_STEMS: ReadonlySet<string> = new Set(STOP_WORDS.map(stem));

/** The meaning-bearing terms of a text, in order (repeats kept: the caller weighs them). */
export function messageTerms(text: string): string[] {
  const stems = words(text).map(stem);
  const terms: string[] = [];
  let i = 0;
  while (i < stems.length) {
    let matched = 0;
    for (let span = Math.min(MAX_PHRASE_WORDS, stems.length - i); span >= 1; span -= 1) {
      const concept = PHRASES.get(stems.slice(i, i + span).join(' '));
      if (concept !== undefined) {
        terms.push(concept);
        matched = span;
        break;
      }
    }
    if (matched > 0) {
      i += matched;
      continue;
    }
    const word = stems[i]!;
    if (!STOP_STEMS.has(word)) terms.push(word);
    i += 1;
  }
  return terms;
}

/** Character n-grams of the terms, each word marked at its ends, so spellings that differ a little still meet. */
export function characterGrams(terms: readonly string[], n = 4): string[] {
  const grams: string[] = [];
  for (const term of terms) {
    const padded = ` ${term} `;
    if (padded.length <= n) {
      grams.push(padded);
      continue;
    }
    for (let i = 0; i + n <= padded.length; i += 1) grams.push(padded.slice(i, i + n));
  }
  return grams;
}
