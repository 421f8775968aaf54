// "Same old output": finds messages that say the same thing in other words. Each message becomes a
// vector of its meaning-bearing terms (message-terms.ts), weighed by how rare each is among the
// workbook's messages and by whether it is part of what the message asks; a pair's score is the
// geometric mean of their cosine and of how far each one's asks are said by the other, so two
// messages that open alike but ask different things score low. Pairs are found without comparing
// every message with every other: an inverted index holds each message's rarer features only (the
// "all pairs" prefix filter), which misses no pair at or above the threshold (bar the hostile-input
// cap on an index entry). Pure: no database.
import { buildVectors } from './message-vectors.ts';

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

/** Earliest first: by creation time, then id, so the answer does not depend on the input's order. */
function byCreation(a: SimilarityMessage, b: SimilarityMessage): number {
  return a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
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
  const v = buildVectors(
    ordered.map((message) => message.text),
    options.exhaustive ? 0 : cosineFloor,
    options.termShare ?? TERM_SHARE,
    options.askWeight ?? ASK_WEIGHT,
  );
  const postings: Array<number[] | undefined> = new Array(v.featureCount);
  const postingWeights: Array<number[] | undefined> = new Array(v.featureCount);
  // The message being compared, spread out by feature (its weights, and its asks' rarity), and the
  // running dot product with each earlier one.
  const dense = new Float64Array(v.featureCount);
  const asks = new Float64Array(v.featureCount);
  const partial = new Float64Array(v.count);
  const touched: number[] = [];
  const bestScores = new Float64Array(MAX_MATCHES_PER_MESSAGE);
  const bestEarlier = new Int32Array(MAX_MATCHES_PER_MESSAGE);
  const pairs: SimilarPair[] = [];

  for (let later = 0; later < v.count; later += 1) {
    const from = v.start[later]!;
    const to = v.start[later + 1]!;
    for (let k = from; k < to; k += 1) {
      const feature = v.features[k]!;
      const weight = v.weights[k]!;
      dense[feature] = weight;
      const list = postings[feature];
      if (list === undefined) continue;
      const listWeights = postingWeights[feature]!;
      for (let p = 0; p < list.length; p += 1) {
        const earlier = list[p]!;
        if (partial[earlier] === 0) touched.push(earlier);
        partial[earlier]! += weight * listWeights[p]!;
      }
    }
    for (let k = v.askStart[later]!; k < v.askStart[later + 1]!; k += 1) asks[v.askTerms[k]!] = v.askWeights[k]!;
    let kept = 0;
    for (const earlier of touched) {
      let cosine = partial[earlier]!;
      partial[earlier] = 0;
      // The index held only the earlier message's rarer features: add its commonest, if they could still matter.
      if (cosine + v.unindexedNorm[earlier]! < cosineFloor) continue;
      for (let k = v.start[earlier]!; k < v.indexedAt[earlier]!; k += 1) cosine += dense[v.features[k]!]! * v.weights[k]!;
      if (cosine < cosineFloor - 1e-9) continue;
      cosine = Math.min(1, cosine);
      // How much of what each asks the other also says (by rarity-weighted terms): two messages that
      // open alike but ask different things share their context, not their asks. The asks must cover
      // each other well enough for the geometric mean with the cosine to reach the threshold.
      const needed = (threshold * threshold) / cosine - 1e-9;
      let earlierInLater = 0;
      for (let k = v.askStart[earlier]!; k < v.askStart[earlier + 1]!; k += 1) if (dense[v.askTerms[k]!]! > 0) earlierInLater += v.askWeights[k]!;
      earlierInLater = v.askTotal[earlier] === 0 ? 0 : earlierInLater / v.askTotal[earlier]!;
      if (earlierInLater < needed) continue;
      let laterInEarlier = 0;
      for (let k = v.start[earlier]!; k < v.start[earlier + 1]!; k += 1) laterInEarlier += asks[v.features[k]!]!;
      laterInEarlier = v.askTotal[later] === 0 ? 0 : laterInEarlier / v.askTotal[later]!;
      if (laterInEarlier < needed) continue;
      const score = Math.sqrt(cosine * Math.min(earlierInLater, laterInEarlier));
      // Keep the closest few, ties to the earliest, by insertion into a short sorted list.
      let at = Math.min(kept, MAX_MATCHES_PER_MESSAGE);
      while (at > 0 && (bestScores[at - 1]! < score || (bestScores[at - 1] === score && bestEarlier[at - 1]! > earlier))) at -= 1;
      if (at >= MAX_MATCHES_PER_MESSAGE) continue;
      for (let k = Math.min(kept, MAX_MATCHES_PER_MESSAGE - 1); k > at; k -= 1) {
        bestScores[k] = bestScores[k - 1]!;
        bestEarlier[k] = bestEarlier[k - 1]!;
      }
      bestScores[at] = score;
      bestEarlier[at] = earlier;
      kept = Math.min(kept + 1, MAX_MATCHES_PER_MESSAGE);
    }
    touched.length = 0;
    for (let k = 0; k < kept; k += 1) {
      pairs.push({ a: ordered[bestEarlier[k]!]!.id, b: ordered[later]!.id, score: Math.round(bestScores[k]! * 1000) / 1000 });
    }
    for (let k = v.askStart[later]!; k < v.askStart[later + 1]!; k += 1) asks[v.askTerms[k]!] = 0;
    for (let k = from; k < to; k += 1) {
      const feature = v.features[k]!;
      dense[feature] = 0;
      if (k < v.indexedAt[later]!) continue;
      const list = (postings[feature] ??= []);
      if (list.length >= MAX_POSTINGS && !options.exhaustive) continue;
      list.push(later);
      (postingWeights[feature] ??= []).push(v.weights[k]!);
    }
  }
  return pairs;
}
