// The near-duplicate finder's contract: earlier message first, the same answer whatever the input's
// order, rewordings found and different asks left alone, bounded output and bounded work on hostile input.
import { describe, expect, it } from 'vitest';
import { MAX_MATCHES_PER_MESSAGE, findSimilarMessages, type SimilarityMessage } from '../../../electron/core/what/message-similarity.ts';
import { MAX_COMPARED_CHARS, messageTerms, stem } from '../../../electron/core/what/message-terms.ts';

function at(n: number): string {
  return new Date(Date.UTC(2026, 0, 1, 0, 0, n)).toISOString();
}

const LOCK = 'Burglaries are up in Hythe. Please lock all doors and windows, even when you are at home.';
const LOCK_AGAIN = "Even when you're in, keep your doors and windows locked – there have been more break-ins in Hythe recently.";
const MARKING = 'Book a free property marking session at Hythe library this Saturday and mark your valuables.';
const SPEED = 'Volunteers wanted for Community Speedwatch on Lydd High Street.';

describe('findSimilarMessages', () => {
  it('pairs a rewording with the earlier message as a, and leaves a different ask alone', () => {
    const messages: SimilarityMessage[] = [
      { id: 'later', text: LOCK_AGAIN, createdAt: at(5) },
      { id: 'marking', text: MARKING, createdAt: at(2) },
      { id: 'earlier', text: LOCK, createdAt: at(1) },
      { id: 'speed', text: SPEED, createdAt: at(3) },
    ];
    const pairs = findSimilarMessages(messages);
    expect(pairs.map(({ a, b }) => ({ a, b }))).toEqual([{ a: 'earlier', b: 'later' }]);
    expect(pairs[0]!.score).toBeGreaterThan(0);
    expect(pairs[0]!.score).toBeLessThanOrEqual(1);
  });

  it('gives the same answer whatever order the messages come in', () => {
    const messages: SimilarityMessage[] = [LOCK, LOCK_AGAIN, MARKING, SPEED, LOCK, `${MARKING} Free kits.`].map((text, n) => ({ id: `m${n}`, text, createdAt: at(n % 3) }));
    const reversed = [...messages].reverse();
    expect(findSimilarMessages(reversed)).toEqual(findSimilarMessages(messages));
  });

  it('scores copies 1 and names at most a few earlier messages for each later one', () => {
    const copies = Array.from({ length: 20 }, (_, n) => ({ id: `c${String(n).padStart(2, '0')}`, text: LOCK, createdAt: at(n) }));
    const pairs = findSimilarMessages(copies);
    expect(pairs.every((pair) => pair.score === 1)).toBe(true);
    const perLater = new Map<string, number>();
    for (const pair of pairs) perLater.set(pair.b, (perLater.get(pair.b) ?? 0) + 1);
    expect(Math.max(...perLater.values())).toBe(MAX_MATCHES_PER_MESSAGE);
    // Ties go to the earliest messages.
    expect(pairs.filter((pair) => pair.b === 'c19').map((pair) => pair.a)).toEqual(['c00', 'c01', 'c02', 'c03', 'c04']);
  });

  it('reads words that name Object properties as words', () => {
    const messages = ['constructor toString __proto__ hasOwnProperty', 'constructor toString __proto__ hasOwnProperty valueOf'].map((text, n) => ({ id: `o${n}`, text, createdAt: at(n) }));
    expect(findSimilarMessages(messages).map(({ a, b }) => `${a}|${b}`)).toEqual(['o0|o1']);
  });

  it('finds nothing in empty, blank or punctuation-only texts', () => {
    const messages = ['', '   ', '!!! ... ???', 'the and of'].map((text, n) => ({ id: `e${n}`, text, createdAt: at(n) }));
    expect(findSimilarMessages(messages)).toEqual([]);
    expect(findSimilarMessages([])).toEqual([]);
  });

  it('misses no pair the plain comparison of every pair would flag (the index is exact)', () => {
    // A seeded mix of phrases, so many pairs sit near the threshold.
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const phrases = ['lock your doors', 'call 101', 'report it online', 'burglaries in Hythe', 'mark your valuables', 'come to the beat surgery', 'scam calls', 'keep valuables out of sight', 'speeding on the High Street', 'join Speedwatch'];
    const messages = Array.from({ length: 120 }, (_, n) => ({ id: `r${n}`, createdAt: at(n), text: Array.from({ length: 2 + Math.floor(random() * 3) }, () => phrases[Math.floor(random() * phrases.length)]).join('. ') }));
    const indexed = findSimilarMessages(messages);
    expect(indexed.length).toBeGreaterThan(0);
    expect(indexed).toEqual(findSimilarMessages(messages, { exhaustive: true }));
  });

  it('reads only the opening of a very long text, and stays bounded on thousands of copies of one', () => {
    const long = `${LOCK} ${'word '.repeat(200_000)}`;
    expect(messageTerms(long).length).toBeLessThan(MAX_COMPARED_CHARS);
    const count = process.env.EWB_LONG === '1' ? 2000 : 200;
    const messages = Array.from({ length: count }, (_, n) => ({ id: `h${n}`, text: `${long}${n}`, createdAt: at(n) }));
    const started = Date.now();
    const pairs = findSimilarMessages(messages);
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(pairs.length).toBeLessThanOrEqual(count * MAX_MATCHES_PER_MESSAGE);
  });
});

describe('message terms', () => {
  it('stems inflections to one form and turns phrases into one idea', () => {
    expect(new Set(['lock', 'locks', 'locked', 'locking'].map(stem)).size).toBe(1);
    expect(new Set(['morning', 'mornings'].map(stem)).size).toBe(1);
    expect(messageTerms('Ring the non-emergency number').map((t) => t.term)).toEqual(['call', '101']);
    expect(messageTerms('Pls lock ur car').map((t) => t.term)).toEqual(['lock', 'vehicle']);
  });

  it('marks the clauses that ask something of the reader', () => {
    const terms = messageTerms('Burglaries are up in Hythe. Please lock your doors.');
    expect(terms.filter((t) => t.ask).map((t) => t.term)).toEqual(['lock', 'door']);
    expect(terms.filter((t) => !t.ask).map((t) => t.term)).toContain('burglary');
  });
});
