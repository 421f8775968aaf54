// How the self-assessment's indicators are put together and worded: a count over a count, with
// the words that say how it was counted.
import type { Indicator } from '../../../shared/api/review.ts';
import type { HallmarkId } from '../../../shared/domain/hallmarks.ts';

export function indicator(hallmark: HallmarkId, name: string, numerator: number, denominator: number, explanation: string): Indicator {
  return { hallmark, indicator: name, value: denominator === 0 ? null : numerator / denominator, numerator, denominator, explanation };
}

/** "1 audience", "3 audiences". */
export function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "a, b and c". */
export function listed(words: readonly string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

