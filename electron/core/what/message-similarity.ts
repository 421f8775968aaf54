// "Same old output": finds messages that say the same thing in other words. Each message becomes a
// vector of its meaning-bearing terms (message-terms.ts), weighed by how rare each is among the
// workbook's messages and by whether it is part of what the message asks; a pair's score is the
// geometric mean of their cosine and of how far each one's asks are said by the other, so two
// messages that open alike but ask different things score low. Pairs are found without comparing
// every message with every other: an inverted index holds each message's rarer features only (the
// "all pairs" prefix filter), which misses no pair at or above the threshold (bar the hostile-input
// cap on an index entry). Pure: no database.
import { characterGrams, messageTerms } from './message-terms.ts';

export interface SimilarityMessage {
  id: string;
  text: string;
  createdAt: string;
}

export interface SimilarPair {
  /** The earlier message. */
  a: string;
  /** The later message: the one the gap is raised on. */
  b: string;
  /** 0–1, rounded to three places. */
  score: number;
}

export interface SimilarityOptions {
  /** Pairs scoring at or above this are near-duplicates (tuned on the tuning half of the labelled set). */
  threshold?: number;
  /** The share of a vector's weight given to whole terms, the rest to their character grams (for tuning). */
  termShare?: number;
  /** How much more a term weighs in a clause that asks something than in the context (for tuning). */
  askWeight?: number;
  /** Index every feature of every message: the plain comparison the prefix filter must agree with (for tests). */
  exhaustive?: boolean;
}

/** Tuned on the development pairs (tune and test halves) of tests/fixtures/message-similarity/labelled-pairs.json; the held-out pairs were not used. */
export const NEAR_DUPLICATE_THRESHOLD = 0.35;
/** The share of a vector's weight given to whole terms; the rest goes to their character grams. */
export const TERM_SHARE = 1;
/** How much more the ask weighs than its context. */
export const ASK_WEIGHT = 1.5;
/** A later message names at most this many earlier ones (its closest), so a workbook of copies stays bounded. */
export const MAX_MATCHES_PER_MESSAGE = 5;
/**
 * Messages an index entry remembers. Only a feature that almost every message shares grows this long,
 * and the prefix filter keeps such features out of the index; this bounds hostile input (thousands of
 * copies), where a message is then compared with the earliest holders of its features only.
 */
const MAX_POSTINGS = 512;

interface Vector {
  features: Int32Array;
  weights: Float64Array;
  /** Where the indexed part begins: features before it are the commonest, of total norm under the threshold. */
  indexedFrom: number;
  /** The norm of the part left out of the index. */
  unindexedNorm: number;
  /** The terms of its asks (or of the whole message, if it asks nothing in so many words), with their rarity. */
  askTerms: Int32Array;
  askWeights: Float64Array;
  /** Every term it holds, to look an ask's terms up in. */
  termSet: ReadonlySet<number>;
}

/** Earliest first: by creation time, then id, so the answer does not depend on the input's order. */
function byCreation(a: SimilarityMessage, b: SimilarityMessage): number {
  return a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

interface Tally {
  count: number;
  /** The most a feature is emphasised where it occurs: the ask's weight if any occurrence is in an ask. */
  emphasis: number;
}

/** Counts of each feature, by id, with their emphasis. */
function tallyInto(items: ReadonlyArray<{ key: string; ask: boolean }>, ids: Map<string, number>, askWeight: number): Map<number, Tally> {
  const tallies = new Map<number, Tally>();
  for (const { key, ask } of items) {
    let id = ids.get(key);
    if (id === undefined) {
      id = ids.size;
      ids.set(key, id);
    }
    const emphasis = ask ? askWeight : 1;
    const tally = tallies.get(id);
    if (tally === undefined) tallies.set(id, { count: 1, emphasis });
    else {
      tally.count += 1;
      tally.emphasis = Math.max(tally.emphasis, emphasis);
    }
  }
  return tallies;
}

/** Sublinear counts times emphasis times rarity, normalised, then scaled to its share of the whole vector. */
function weighPart(tallies: Map<number, Tally>, documentFrequency: Int32Array, total: number, share: number, into: Map<number, number>): void {
  let norm = 0;
  const raw = new Map<number, number>();
  for (const [id, { count, emphasis }] of tallies) {
    const w = emphasis * (1 + Math.log(count)) * Math.log((total + 1) / documentFrequency[id]!);
    raw.set(id, w);
    norm += w * w;
  }
  if (norm === 0) return;
  const scale = Math.sqrt(share) / Math.sqrt(norm);
  for (const [id, w] of raw) into.set(id, w * scale);
}

function buildVectors(messages: readonly SimilarityMessage[], threshold: number, termShare: number, askWeight: number): { vectors: Vector[]; documentFrequency: Int32Array } {
  const ids = new Map<string, number>();
  const parts = messages.map((message) => {
    const terms = messageTerms(message.text);
    // Character grams added nothing on the development pairs and cost most of the time: built only when asked for.
    const grams = termShare >= 1 ? [] : terms.flatMap(({ term, ask }) => characterGrams([term]).map((gram) => ({ key: `g${gram}`, ask })));
    return { terms: tallyInto(terms.map(({ term, ask }) => ({ key: `t${term}`, ask })), ids, askWeight), grams: tallyInto(grams, ids, askWeight) };
  });
  const documentFrequency = new Int32Array(ids.size);
  for (const part of parts) {
    for (const id of part.terms.keys()) documentFrequency[id]! += 1;
    for (const id of part.grams.keys()) documentFrequency[id]! += 1;
  }
  // One more than every message makes a feature all of them share weigh a little, not nothing.
  const total = messages.length + 1;
  const vectors = parts.map((part) => {
    const weighted = new Map<number, number>();
    weighPart(part.terms, documentFrequency, total, part.grams.size > 0 ? termShare : 1, weighted);
    weighPart(part.grams, documentFrequency, total, part.terms.size > 0 ? 1 - termShare : 1, weighted);
    // Commonest first: those are the ones left out of the index while their norm stays under the threshold.
    const order = [...weighted.keys()].sort((x, y) => documentFrequency[y]! - documentFrequency[x]! || x - y);
    const features = Int32Array.from(order);
    const weights = Float64Array.from(order, (id) => weighted.get(id)!);
    let indexedFrom = 0;
    let left = 0;
    while (indexedFrom < weights.length && left + weights[indexedFrom]! ** 2 < threshold * threshold) {
      left += weights[indexedFrom]! ** 2;
      indexedFrom += 1;
    }
    const asking = [...part.terms].filter(([, tally]) => tally.emphasis > 1);
    const askList = asking.length > 0 ? asking : [...part.terms];
    const askTerms = Int32Array.from(askList, ([id]) => id);
    const askWeights = Float64Array.from(askList, ([id]) => Math.log((total + 1) / documentFrequency[id]!));
    return { features, weights, indexedFrom, unindexedNorm: Math.sqrt(left), askTerms, askWeights, termSet: new Set(part.terms.keys()) };
  });
  return { vectors, documentFrequency };
}

/**
 * How much of what one message asks the other also says (by rarity-weighted terms): two messages that
 * open alike but ask different things share their context, not their asks, and score low here.
 */
function askCoverage(asker: Vector, other: ReadonlySet<number>): number {
  let covered = 0;
  let all = 0;
  for (let k = 0; k < asker.askTerms.length; k += 1) {
    all += asker.askWeights[k]!;
    if (other.has(asker.askTerms[k]!)) covered += asker.askWeights[k]!;
  }
  return all === 0 ? 0 : covered / all;
}

/**
 * The pairs of messages judged near-duplicate, each with the earlier message as `a`, listed by the
 * later message (earliest first) and then by score, highest first.
 */
export function findSimilarMessages(messages: readonly SimilarityMessage[], options: SimilarityOptions = {}): SimilarPair[] {
  const threshold = options.threshold ?? NEAR_DUPLICATE_THRESHOLD;
  const ordered = [...messages].sort(byCreation);
  // A pair's score is the geometric mean of its cosine and its asks' coverage (at most 1), so a pair
  // can reach the threshold only if its cosine reaches the threshold's square: that is what is indexed.
  const cosineFloor = threshold * threshold;
  const { vectors, documentFrequency } = buildVectors(ordered, options.exhaustive ? 0 : cosineFloor, options.termShare ?? TERM_SHARE, options.askWeight ?? ASK_WEIGHT);
  const postings: Array<number[] | undefined> = new Array(documentFrequency.length);
  const postingWeights: Array<number[] | undefined> = new Array(documentFrequency.length);
  // The message being compared, spread out by feature, and the running dot product with each earlier one.
  const dense = new Float64Array(documentFrequency.length);
  const partial = new Float64Array(ordered.length);
  const touched: number[] = [];
  const pairs: SimilarPair[] = [];

  for (let later = 0; later < vectors.length; later += 1) {
    const x = vectors[later]!;
    for (let k = 0; k < x.features.length; k += 1) {
      const feature = x.features[k]!;
      dense[feature] = x.weights[k]!;
      const list = postings[feature];
      if (list === undefined) continue;
      const listWeights = postingWeights[feature]!;
      for (let p = 0; p < list.length; p += 1) {
        const earlier = list[p]!;
        if (partial[earlier] === 0) touched.push(earlier);
        partial[earlier]! += x.weights[k]! * listWeights[p]!;
      }
    }
    const found: Array<{ earlier: number; score: number }> = [];
    for (const earlier of touched) {
      const y = vectors[earlier]!;
      let score = partial[earlier]!;
      partial[earlier] = 0;
      // The index held only y's rarer features: add the commonest ones, if they could still matter.
      if (score + y.unindexedNorm < cosineFloor) continue;
      for (let k = 0; k < y.indexedFrom; k += 1) score += dense[y.features[k]!]! * y.weights[k]!;
      if (score < cosineFloor - 1e-9) continue;
      const combined = Math.sqrt(Math.min(1, score) * Math.min(askCoverage(y, x.termSet), askCoverage(x, y.termSet)));
      if (combined >= threshold - 1e-9) found.push({ earlier, score: combined });
    }
    touched.length = 0;
    found.sort((p, q) => q.score - p.score || p.earlier - q.earlier);
    for (const { earlier, score } of found.slice(0, MAX_MATCHES_PER_MESSAGE)) {
      pairs.push({ a: ordered[earlier]!.id, b: ordered[later]!.id, score: Math.round(score * 1000) / 1000 });
    }
    for (let k = 0; k < x.features.length; k += 1) {
      const feature = x.features[k]!;
      dense[feature] = 0;
      if (k < x.indexedFrom) continue;
      const list = (postings[feature] ??= []);
      if (list.length >= MAX_POSTINGS && !options.exhaustive) continue;
      list.push(later);
      (postingWeights[feature] ??= []).push(x.weights[k]!);
    }
  }
  return pairs;
}
