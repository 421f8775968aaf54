// The near-duplicate finder against the labelled pairs (tests/fixtures/message-similarity): precision
// and recall printed for the 80 development pairs the method and its threshold were tuned on, and for
// the second and third held-out sets, each written before its author read the method.
import { describe, expect, it } from 'vitest';
import { evaluate, readLabelledPairs, type LabelledPair } from './labelled-pairs.ts';

const development = readLabelledPairs();
const heldOut = readLabelledPairs('held-out-2.json');
const heldOut3 = readLabelledPairs('held-out-3.json');

function report(name: string, result: ReturnType<typeof evaluate>): void {
  console.log(
    `${name}: ${result.pairs} pairs, precision ${result.precision.toFixed(2)}, recall ${result.recall.toFixed(2)} ` +
      `(${result.truePositives} caught, ${result.falsePositives} wrongly flagged, ${result.falseNegatives} missed); ` +
      `${result.falseAlarmsElsewhere.length} pairs flagged between messages of different listed pairs with different asks`,
  );
}

function expectLabelledByAsk(pairs: readonly LabelledPair[]): void {
  expect(pairs.length).toBeGreaterThanOrEqual(40);
  for (const pair of pairs) expect(pair.duplicate, pair.note).toBe(pair.a.ask === pair.b.ask);
  // One text, one ask: the label of a pair of messages from different listed pairs follows from it.
  const askOf = new Map<string, string>();
  for (const side of pairs.flatMap((pair) => [pair.a, pair.b])) expect(askOf.set(side.text, askOf.get(side.text) ?? side.ask).get(side.text), side.text).toBe(side.ask);
}

describe('near-duplicate messages on the labelled pairs', () => {
  it('holds at least 40 pairs in each set, labelled consistently with their asks', () => {
    expectLabelledByAsk(development);
    for (const set of [heldOut, heldOut3]) {
      expectLabelledByAsk(set);
      const duplicates = set.filter((pair) => pair.duplicate).length;
      expect(duplicates).toBeGreaterThanOrEqual(20);
      expect(set.length - duplicates).toBeGreaterThanOrEqual(20);
    }
  });

  it('reaches precision and recall of 0.85 on the 80 development pairs (tuned on them)', () => {
    const result = evaluate(development);
    report('Development pairs (tuned on)', result);
    expect(result.precision).toBeGreaterThanOrEqual(0.85);
    expect(result.recall).toBeGreaterThanOrEqual(0.85);
  });

  it('prints the held-out figure: precision meets 0.85; recall does not, and is kept from falling below its first run', () => {
    // Measured on pairs written before the method was read: precision 0.87 (13 of 15 flags right),
    // recall 0.57 (13 of 23 rewordings caught). Recall is under the 0.85 the issue asks for (the
    // README says so); the floor below catches a regression only.
    const result = evaluate(heldOut);
    report('Held-out pairs (second set, first run)', result);
    expect(result.precision).toBeGreaterThanOrEqual(0.85);
    expect(result.recall).toBeGreaterThanOrEqual(13 / 23 - 1e-9);
  });

  it('prints the third held-out figure: neither precision nor recall meets 0.85, and both are kept from falling below their first run', () => {
    // Measured once on 44 pairs written before the method was read: precision 0.83 (5 of 6 flags
    // right), recall 0.23 (5 of 22 rewordings caught). Both are under the 0.85 the issue asks for
    // (the README says so); the floors below catch a regression only.
    const result = evaluate(heldOut3);
    report('Held-out pairs (third set, first run)', result);
    expect(result.precision).toBeGreaterThanOrEqual(5 / 6 - 1e-9);
    expect(result.recall).toBeGreaterThanOrEqual(5 / 22 - 1e-9);
  });
});
