// The whole project type-checks under strict TypeScript (the contract's `satisfies` included).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

describe('TypeScript', () => {
  it('tsc --noEmit reports no errors', () => {
    const tsc = path.resolve('node_modules/typescript/bin/tsc');
    const result = spawnSync(process.execPath, [tsc, '--noEmit', '-p', 'tsconfig.json'], { encoding: 'utf8' });
    expect(result.stdout + result.stderr).toBe('');
    expect(result.status).toBe(0);
  }, 180_000);
});
