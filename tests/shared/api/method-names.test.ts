// The schema-free method lists preload uses are exactly the contracts' methods.
import { describe, expect, it } from 'vitest';
import { METHOD_NAMES } from '../../../shared/api/contract.ts';
import { SHELL_METHOD_NAMES } from '../../../shared/api/shell-contract.ts';
import { CORE_METHODS, SHELL_METHODS } from '../../../shared/api/method-names.ts';

describe('method names', () => {
  it('match the core contract', () => expect([...CORE_METHODS].sort()).toEqual([...METHOD_NAMES].sort()));
  it('match the shell contract', () => expect([...SHELL_METHODS].sort()).toEqual([...SHELL_METHOD_NAMES].sort()));
  it('never overlap', () => expect(CORE_METHODS.filter((m) => (SHELL_METHODS as readonly string[]).includes(m))).toEqual([]));
});
