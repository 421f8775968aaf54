// Frozen snapshots of the schema each migration produces (tests/fixtures/schema/version-N.json), so
// each shipped migration is tested against the schema of its own time, not today's descriptors.
// `node tests/support/schema-snapshots.ts` writes the snapshot of any version that has none yet; it
// never rewrites one: a shipped migration's schema must not change.
import fs from 'node:fs';
import path from 'node:path';
import { expectedSchema, type SchemaEntry } from '../../electron/core/db/expected-schema.ts';
import { MIGRATIONS } from '../../electron/core/db/migrations/index.ts';

export const SNAPSHOT_DIR = path.resolve(import.meta.dirname, '../fixtures/schema');

export function snapshotPath(version: number): string {
  return path.join(SNAPSHOT_DIR, `version-${version}.json`);
}

export function readSnapshot(version: number): SchemaEntry[] | null {
  const file = snapshotPath(version);
  return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as SchemaEntry[]) : null;
}

function writeMissingSnapshots(): void {
  for (const { version } of MIGRATIONS) {
    if (readSnapshot(version)) continue;
    fs.writeFileSync(snapshotPath(version), `${JSON.stringify(expectedSchema(version), null, 2)}\n`);
    console.log(`wrote ${path.relative(process.cwd(), snapshotPath(version))}`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) writeMissingSnapshots();
