// What the value checks report and how a repair is written down: each problem carries, besides
// what the user is shown, the parameterised statements that would put it right (table and column
// names only ever from the record-type descriptors and our own schema), or null.

import type { ValueProblem } from '../../../shared/api/value-check.ts';

/** Stand-ins in a fix's parameters, filled in when the repair is applied. */
export const NOW = Symbol('the time of the repair');
export const NEW_ID = Symbol('a new id');

export interface FixStatement {
  sql: string;
  params: readonly unknown[];
}

/**
 * The statements that repair one problem. Phases run in order: 0 values and removals, 1 breaking
 * loops, 2 changing ids to lower case (last, since the other fixes find rows by their old id).
 */
export interface Fix {
  phase: 0 | 1 | 2;
  statements: readonly FixStatement[];
}

export interface FoundProblem extends ValueProblem {
  fix: Fix | null;
}

export type Emit = (problem: FoundProblem) => void;

/** What the user chose for values no repair can guess. */
export interface RepairChoices {
  /** The workbook's force (an id from the reference list), when the stored one is not a UK force. */
  force?: string;
}

/** Where a problem is: the record it belongs to. */
export type ProblemPlace = Pick<ValueProblem, 'recordType' | 'recordLabel' | 'recordId' | 'title'>;

export function fix(statements: FixStatement[], phase: Fix['phase'] = 0): Fix {
  return { phase, statements };
}

export function statement(sql: string, ...params: unknown[]): FixStatement {
  return { sql, params };
}

// The characters plainText() refuses: C0 controls except tab, LF and CR, and U+FFFE/FFFF.
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const LONE_SURROGATES = /\p{Cs}/gu;

/** `text` without control characters or unpaired surrogates, cut to at most `max` characters. */
export function cleanText(text: string, max: number): string {
  let clean = text.replace(CONTROL_CHARACTERS, '').replace(LONE_SURROGATES, '');
  if (clean.length > max) {
    clean = clean.slice(0, max);
    // Never end on the first half of a pair that the cut split.
    if (/[\uD800-\uDBFF]$/.test(clean)) clean = clean.slice(0, -1);
  }
  return clean;
}

/** What is wrong with a piece of text in words, or null: length, control characters, broken characters. */
export function describeText(value: unknown, max: number, required: boolean): string | null {
  if (typeof value !== 'string') return value === null ? 'is missing' : 'is not text';
  const parts: string[] = [];
  if (value.length > max) parts.push(`is ${count(value.length)} characters long (at most ${count(max)})`);
  if (new RegExp(CONTROL_CHARACTERS.source).test(value)) parts.push('holds control characters that cannot be printed');
  if (!value.isWellFormed()) parts.push('holds broken characters (unpaired surrogates)');
  if (required && value.trim() === '') parts.push('is empty');
  return parts.length > 0 ? parts.join(', and ') : null;
}

/** A record's name for the report: printable, on one line, at most `max` characters. */
export function printable(value: unknown, max = 80): string {
  if (typeof value !== 'string') return '';
  const flat = cleanText(value.slice(0, max * 4), max * 4).replace(/\s+/g, ' ').trim();
  const points = [...flat];
  return points.length > max ? `${points.slice(0, max - 1).join('')}…` : flat;
}

/** A stored value quoted in a message: short and printable, so a hostile value cannot flood the report. */
export function quoted(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (typeof value === 'string') return `“${printable(value, 40)}”`;
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') return String(value);
  return 'a value of the wrong kind';
}

export function count(n: number): string {
  return n.toLocaleString('en-GB');
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${count(n)} ${n === 1 ? one : many}`;
}
