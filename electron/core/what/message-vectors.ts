// Messages as weighted vectors of their meaning-bearing terms (message-terms.ts): each term weighed by
// how rare it is among the workbook's messages, sublinearly by how often it recurs, and more where it is
// part of what the message asks; then normalised. Optional character grams share the weight when
// asked for. Also each message's asks, weighed by rarity, for the finder's check that asks match.
import { characterGrams, messageTerms } from './message-terms.ts';

export interface PackedVectors {
  count: number;
  /** How many distinct features (terms and grams) the messages hold: ids run from 0 below it. */
  featureCount: number;
  start: Int32Array;
  /** Where each message's indexed features begin (absolute, into `features`). */
  indexedAt: Int32Array;
  /** The norm of the features each message leaves out of the index. */
  unindexedNorm: Float64Array;
  features: Int32Array;
  weights: Float64Array;
  /** Each message's ask terms (all its terms if it asks nothing in so many words), weighed by rarity alone. */
  askStart: Int32Array;
  askTerms: Int32Array;
  askWeights: Float64Array;
  askTotal: Float64Array;
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

/**
 * Every message's vector, packed into flat arrays so the search reads memory in runs: message `m`'s
 * features are `features[start[m]]` up to `features[start[m + 1]]`, commonest first, and the first
 * `indexedAt[m] - start[m]` of them (of norm `unindexedNorm[m]`, under `floor`) stay out of the index.
 */
export function buildVectors(texts: readonly string[], floor: number, termShare: number, askWeight: number): PackedVectors {
  const ids = new Map<string, number>();
  const parts = texts.map((text) => {
    const terms = messageTerms(text);
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
  const total = texts.length + 1;
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
    while (indexedFrom < weights.length && left + weights[indexedFrom]! ** 2 < floor * floor) {
      left += weights[indexedFrom]! ** 2;
      indexedFrom += 1;
    }
    const asking = [...part.terms].filter(([, tally]) => tally.emphasis > 1);
    const askList = asking.length > 0 ? asking : [...part.terms];
    const askTerms = Int32Array.from(askList, ([id]) => id);
    const askWeights = Float64Array.from(askList, ([id]) => Math.log((total + 1) / documentFrequency[id]!));
    return { features, weights, indexedFrom, unindexedNorm: Math.sqrt(left), askTerms, askWeights };
  });
  return pack(vectors, ids.size);
}

function pack(vectors: ReadonlyArray<{ features: Int32Array; weights: Float64Array; indexedFrom: number; unindexedNorm: number; askTerms: Int32Array; askWeights: Float64Array }>, featureCount: number): PackedVectors {
  const count = vectors.length;
  const start = new Int32Array(count + 1);
  const askStart = new Int32Array(count + 1);
  vectors.forEach((v, m) => {
    start[m + 1] = start[m]! + v.features.length;
    askStart[m + 1] = askStart[m]! + v.askTerms.length;
  });
  const packed: PackedVectors = {
    count,
    featureCount,
    start,
    indexedAt: new Int32Array(count),
    unindexedNorm: new Float64Array(count),
    features: new Int32Array(start[count]!),
    weights: new Float64Array(start[count]!),
    askStart,
    askTerms: new Int32Array(askStart[count]!),
    askWeights: new Float64Array(askStart[count]!),
    askTotal: new Float64Array(count),
  };
  vectors.forEach((v, m) => {
    packed.features.set(v.features, start[m]!);
    packed.weights.set(v.weights, start[m]!);
    packed.indexedAt[m] = start[m]! + v.indexedFrom;
    packed.unindexedNorm[m] = v.unindexedNorm;
    packed.askTerms.set(v.askTerms, askStart[m]!);
    packed.askWeights.set(v.askWeights, askStart[m]!);
    packed.askTotal[m] = v.askWeights.reduce((sum, w) => sum + w, 0);
  });
  return packed;
}
