// A message's text reduced to the terms that carry its meaning: lower case, short forms spelled out,
// words stemmed, phrases that say one idea in different ways turned into that idea, and the grammar
// and polite framing every message shares dropped. Pure and bounded: only the opening
// `MAX_COMPARED_CHARS` characters of a text are read.
import { ASK_OPENERS, ASK_VERBS, CONCEPTS, SHORT_FORMS, STOP_WORDS } from './similarity-lexicon.ts';

/**
 * How much of a message is compared. A message is a post, a leaflet or a script, well inside this;
 * a longer text is judged on its opening, which bounds the work a hostile text can cause.
 */
export const MAX_COMPARED_CHARS = 4000;

/** The longest phrase in the lexicon, in words. */
const MAX_PHRASE_WORDS = 4;

/** A light English stemmer: enough that "locks", "locked" and "locking" meet, no more. */
export function stem(word: string): string {
  if (word.length <= 3 || (word.charCodeAt(0) >= 48 && word.charCodeAt(0) <= 57)) return word;
  let w = word;
  // Plurals first, then the verb endings, as Porter's first steps do: "mornings" and "morning" meet.
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is') && w.length > 3) w = w.slice(0, -1);
  if (w.endsWith('ing') && w.length > 5) w = w.slice(0, -3);
  else if (w.endsWith('ied') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('ed') && w.length > 4) w = w.slice(0, -2);
  else if (w.endsWith('ly') && w.length > 4) w = w.slice(0, -2);
  // "secure" and "securing" meet at "secur"; a doubled end ("stopp", "robb") at one letter.
  if (w.length > 4 && w.endsWith('e')) w = w.slice(0, -1);
  if (w.length > 4 && w.at(-1) === w.at(-2) && !'aeiouls'.includes(w.at(-1)!)) w = w.slice(0, -1);
  return w;
}

const SPELLED_OUT: ReadonlyMap<string, readonly string[]> = new Map(Object.entries(SHORT_FORMS).map(([short, long]) => [short, long.split(' ')]));

/** The text as compared: its opening only, in one normal form, lower case, apostrophes dropped ("don't" → "dont"). */
function plainText(text: string): string {
  return text.slice(0, MAX_COMPARED_CHARS).normalize('NFKC').toLowerCase().replace(/['’‘`]/g, '').replace(/&/g, ' and ');
}

/** Words and numbers of plain text, short forms spelled out. */
function wordsOf(plain: string): string[] {
  const out: string[] = [];
  for (const match of plain.matchAll(/[\p{L}\p{N}]+/gu)) {
    // A Map, not the object: a message saying "constructor" must not find Object's own properties.
    const spelled = SPELLED_OUT.get(match[0]);
    if (spelled === undefined) out.push(match[0]);
    else out.push(...spelled);
  }
  return out;
}

export function words(text: string): string[] {
  return wordsOf(plainText(text));
}

function phraseKey(text: string): string {
  return words(text).map(stem).join(' ');
}

/** Stemmed phrase → concept, built once. */
const PHRASES: ReadonlyMap<string, string> = new Map(
  Object.entries(CONCEPTS).flatMap(([concept, phrases]) => [concept, ...phrases].map((phrase) => [phraseKey(phrase), concept] as const)),
);
const STOP_STEMS: ReadonlySet<string> = new Set(STOP_WORDS.map(stem));
/** The first word of every phrase, so most positions are passed over with one look-up. */
const PHRASE_STARTS: ReadonlySet<string> = new Set([...PHRASES.keys()].map((key) => key.split(' ')[0]!));

const ASK_VERB_STEMS: ReadonlySet<string> = new Set(ASK_VERBS.map(stem));
const ASK_OPENER_WORDS: ReadonlySet<string> = new Set(ASK_OPENERS);

export interface Term {
  term: string;
  /** Whether the term is in a clause that asks something of the reader. */
  ask: boolean;
}

/** Whether a clause's words make an ask: it opens with an ask's verb, or with "please", "never", "don't"… */
function isAsk(clause: readonly string[]): boolean {
  for (const word of clause) {
    if (ASK_OPENER_WORDS.has(word)) return true;
    if (word === 'and' || word === 'so' || word === 'then' || word === 'also' || word === 'just' || word === 'to' || word === 'but' || word === 'or') continue;
    return ASK_VERB_STEMS.has(stem(word));
  }
  return false;
}

/** The meaning-bearing terms of one clause's words, phrases turned into their concepts. */
function clauseTerms(clause: readonly string[], ask: boolean, into: Term[], stems: string[]): void {
  let i = 0;
  while (i < stems.length) {
    let matched = 0;
    const longest = PHRASE_STARTS.has(stems[i]!) ? Math.min(MAX_PHRASE_WORDS, stems.length - i) : 0;
    for (let span = longest; span >= 1; span -= 1) {
      const concept = PHRASES.get(stems.slice(i, i + span).join(' '));
      if (concept !== undefined) {
        into.push({ term: concept, ask });
        matched = span;
        break;
      }
    }
    if (matched > 0) {
      i += matched;
      continue;
    }
    const word = stems[i]!;
    if (!STOP_STEMS.has(word)) into.push({ term: word, ask });
    i += 1;
  }
}

/** The meaning-bearing terms of a text, in order (repeats kept: the caller weighs them), each marked if it is part of an ask. */
export function messageTerms(text: string): Term[] {
  const terms: Term[] = [];
  // Clauses end at sentence and clause punctuation, and at a dash between spaces.
  for (const piece of plainText(text).split(/[.!?;:,()\n\u2013\u2014]+|\s-\s/)) {
    const clause = wordsOf(piece);
    if (clause.length > 0) clauseTerms(clause, isAsk(clause), terms, clause.map(stem));
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
