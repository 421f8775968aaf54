// Reads the labelled pairs of near-duplicate messages and scores the finder on one half of them:
// precision and recall over the listed pairs, and every pair flagged across the half (whose truth
// follows from the asks) counted too, so a false alarm between unlisted messages is not hidden.
import fs from 'node:fs';
import path from 'node:path';
import { findSimilarMessages, type SimilarityMessage, type SimilarityOptions } from '../../../electron/core/what/message-similarity.ts';

interface Side {
  ask: string;
  text: string;
}
export interface LabelledPair {
  split: 'tune' | 'test' | 'held-out' | 'held-out-2' | 'held-out-3';
  duplicate: boolean;
  note: string;
  a: Side;
  b: Side;
}

/** A set of pairs in tests/fixtures/message-similarity: the development pairs by default. */
export function readLabelledPairs(name = 'labelled-pairs.json'): LabelledPair[] {
  const file = path.join(import.meta.dirname, '../../fixtures/message-similarity', name);
  return (JSON.parse(fs.readFileSync(file, 'utf8')) as { pairs: LabelledPair[] }).pairs;
}

export interface Evaluation {
  pairs: number;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
  /** Flagged pairs of messages from different listed pairs whose asks differ. */
  falseAlarmsElsewhere: string[];
  missed: LabelledPair[];
  wronglyFlagged: LabelledPair[];
}

/** All the half's messages as one workbook (written in turn), then each listed pair looked up in the answer. */
export function evaluate(pairs: readonly LabelledPair[], options: SimilarityOptions = {}): Evaluation {
  const messages: SimilarityMessage[] = [];
  const askOf = new Map<string, string>();
  const ids = pairs.map((pair, n) => {
    const ida = `p${n}a`;
    const idb = `p${n}b`;
    messages.push({ id: ida, text: pair.a.text, createdAt: `2026-01-01T00:00:${String(n % 60).padStart(2, '0')}.${String(n).padStart(3, '0')}Z` });
    messages.push({ id: idb, text: pair.b.text, createdAt: `2026-01-02T00:00:${String(n % 60).padStart(2, '0')}.${String(n).padStart(3, '0')}Z` });
    askOf.set(ida, pair.a.ask);
    askOf.set(idb, pair.b.ask);
    return [ida, idb] as const;
  });
  const flagged = findSimilarMessages(messages, options);
  const flaggedKeys = new Set(flagged.map((p) => [p.a, p.b].sort().join('|')));
  const listed = new Set(ids.map(([a, b]) => [a, b].sort().join('|')));
  let truePositives = 0;
  let falsePositives = 0;
  let falseNegatives = 0;
  const missed: LabelledPair[] = [];
  const wronglyFlagged: LabelledPair[] = [];
  pairs.forEach((pair, n) => {
    const hit = flaggedKeys.has([...ids[n]!].sort().join('|'));
    if (hit && pair.duplicate) truePositives += 1;
    else if (hit) {
      falsePositives += 1;
      wronglyFlagged.push(pair);
    } else if (pair.duplicate) {
      falseNegatives += 1;
      missed.push(pair);
    }
  });
  const falseAlarmsElsewhere = flagged
    .filter((p) => !listed.has([p.a, p.b].sort().join('|')) && askOf.get(p.a) !== askOf.get(p.b))
    .map((p) => `${p.score.toFixed(3)}  ${messages.find((m) => m.id === p.a)!.text}  ⟷  ${messages.find((m) => m.id === p.b)!.text}`);
  return {
    pairs: pairs.length,
    truePositives,
    falsePositives,
    falseNegatives,
    precision: truePositives + falsePositives === 0 ? 1 : truePositives / (truePositives + falsePositives),
    recall: truePositives + falseNegatives === 0 ? 1 : truePositives / (truePositives + falseNegatives),
    falseAlarmsElsewhere,
    missed,
    wronglyFlagged,
  };
}
