// "Compare by" lists our audiences by name, as a planner reads: numbers in order, case ignored, ties in recorded order.
import { describe, expect, it } from 'vitest';
import { audienceChoices } from '../../../../renderer/src/worksheets/practice/compare-choices.ts';

const audience = (id: string, name: string, kind = 'faith') => ({ id, name, kind }) as unknown as Parameters<typeof audienceChoices>[0][number];

describe('audienceChoices', () => {
  it('sorts by name with numbers in order and case ignored, and names each audience with its kind', () => {
    const choices = audienceChoices([audience('a', 'Students 10'), audience('b', 'older people'), audience('c', 'Students 9'), audience('d', 'Faith groups', 'young-people')]);
    expect(choices.map((c) => c.value)).toEqual(['audience:d', 'audience:b', 'audience:c', 'audience:a']);
    expect(choices[0]!.label).toBe('Faith groups (Young people)');
  });

  it('keeps audiences of the same name in the order they were recorded', () => {
    expect(audienceChoices([audience('x', 'Riverside'), audience('y', 'riverside'), audience('z', 'Riverside')]).map((c) => c.value)).toEqual(['audience:x', 'audience:y', 'audience:z']);
  });
});
