// Each shipped migration against a frozen snapshot of the schema of its own time: a migration file
// edited after shipping (or a new one without its snapshot) fails here, whatever the descriptors
// say today. Snapshots are written once by `node tests/support/schema-snapshots.ts`.
import { describe, expect, it } from 'vitest';
import { expectedSchema } from '../../../electron/core/db/expected-schema.ts';
import { MIGRATIONS } from '../../../electron/core/db/migrations/index.ts';
import { readSnapshot, snapshotPath } from '../../support/schema-snapshots.ts';

describe('migrations against their frozen schemas', () => {
  for (const { version } of MIGRATIONS) {
    it(`version ${version} produces exactly the schema frozen when it shipped`, () => {
      const frozen = readSnapshot(version);
      expect(frozen, `no snapshot at ${snapshotPath(version)}: run node tests/support/schema-snapshots.ts once, when the migration is new`).not.toBeNull();
      expect(expectedSchema(version)).toEqual(frozen);
    });
  }

  it('would notice a changed migration: a snapshot differs from its neighbour', () => {
    const [before, last] = MIGRATIONS.slice(-2).map((m) => m.version) as [number, number];
    expect(readSnapshot(last)).not.toEqual(readSnapshot(before));
  });
});
