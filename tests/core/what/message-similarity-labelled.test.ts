// The near-duplicate finder against the labelled pairs (tests/fixtures/message-similarity): precision
// and recall printed for the development pairs the method and its threshold were tuned on, and for
// the held-out pairs written before the tuned method first ran on them.
import { describe, expect, it } from 'vitest';
import { evaluate, readLabelledPairs } from './labelled-pairs.ts';

const pairs = readLabelledPairs();
const development = pairs.filter((pair) => pair.split !== 'held-out');
const heldOut = pairs.filter((pair) => pair.split === 'held-out');

function report(name: string, result: ReturnType<typeof evaluate>): void {
  console.log(
    `${name}: ${result.pairs} pairs, precision ${result.precision.toFixed(2)}, recall ${result.recall.toFixed(2)} ` +
      `(${result.truePositives} caught, ${result.falsePositives} wrongly flagged, ${result.falseNegatives} missed); ` +
      `${result.falseAlarmsElsewhere.length} pairs flagged between messages of different listed pairs with different asks`,
  );
}

describe('near-duplicate messages on the labelled pairs', () => {
  it('holds at least 40 pairs, labelled consistently with their asks', () => {
    expect(pairs.length).toBeGreaterThanOrEqual(40);
    for (const pair of pairs) expect(pair.duplicate, pair.note).toBe(pair.a.ask === pair.b.ask);
    expect(heldOut.filter((pair) => pair.duplicate).length).toBeGreaterThan(0);
    expect(heldOut.filter((pair) => !pair.duplicate).length).toBeGreaterThan(0);
  });

  it('reaches precision and recall of 0.85 on the development pairs (tuned on them)', () => {
    const result = evaluate(development);
    report('Development pairs (tuned on)', result);
    expect(result.precision).toBeGreaterThanOrEqual(0.85);
    expect(result.recall).toBeGreaterThanOrEqual(0.85);
  });

  it('prints the held-out figure, and keeps it from falling below what was first measured', () => {
    // First run on these pairs, before any change informed by them: precision 0.89, recall 0.80.
    // Recall there is under the 0.85 the issue asks for; the floor below catches a regression only.
    const result = evaluate(heldOut);
    report('Held-out pairs', result);
    expect(result.precision).toBeGreaterThanOrEqual(0.85);
    expect(result.recall).toBeGreaterThanOrEqual(0.8);
  });
});
