// How big the slow suites run: small seeded counts by default (CI), full counts with EWB_LONG=1.
// The same tests run either way; nothing is skipped in the short mode, only fewer cases are drawn.

/** True when the long mode was asked for (`EWB_LONG=1`). */
export const LONG = process.env.EWB_LONG === '1';

/** `ci` in the default mode, `long` with EWB_LONG=1. */
export function scaled(ci: number, long: number): number {
  return LONG ? long : ci;
}

/**
 * The seed for a suite's random choices: fixed so a failure reproduces, overridable with
 * EWB_SEED=<number> to explore (the seed is printed in every failure message).
 */
export function suiteSeed(fixed: number): number {
  const fromEnv = process.env.EWB_SEED;
  if (fromEnv !== undefined && fromEnv.trim() !== '') {
    const parsed = Number.parseInt(fromEnv, 10);
    if (Number.isSafeInteger(parsed)) return parsed >>> 0;
  }
  return fixed >>> 0;
}

/** A vitest timeout for a test doing `cases` units of work of about `msEach`, with head-room. */
export function timeoutFor(cases: number, msEach: number, minimum = 30_000): number {
  return Math.max(minimum, Math.ceil(cases * msEach * 3));
}
