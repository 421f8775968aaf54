// The interchange format's version moves with its shape: each version's JSON Schema is recorded by
// its hash (tests/fixtures/interchange/schema-versions.json), so a record type or field added to the
// descriptors — which changes what `ewb dump` writes — fails here until the version is bumped and
// the new version's hash recorded beside the old ones (which are never changed).
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { interchangeJsonSchema } from '../../../shared/api/interchange-json-schema.ts';
import { INTERCHANGE_VERSION, InterchangeSchema } from '../../../shared/api/interchange.ts';

const RECORDED = path.resolve(import.meta.dirname, '../../fixtures/interchange/schema-versions.json');

/** Sizes and wording a reader may tighten without the format changing shape. */
const NOT_SHAPE = new Set(['description', 'maxLength', 'minLength', 'maxItems', 'minItems', 'maximum', 'minimum', 'exclusiveMaximum', 'exclusiveMinimum', 'maxProperties']);

function shapeOf(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(shapeOf);
  if (schema === null || typeof schema !== 'object') return schema;
  return Object.fromEntries(Object.entries(schema).filter(([key]) => !NOT_SHAPE.has(key)).map(([key, value]) => [key, shapeOf(value)]));
}

/** The hash of what a file holds (its workbook and records, field by field), not of the versions it may carry. */
function shapeHash(): string {
  const { properties } = interchangeJsonSchema() as { properties: Record<string, unknown> };
  return crypto.createHash('sha256').update(JSON.stringify(shapeOf({ workbook: properties.workbook, records: properties.records }))).digest('hex');
}

describe('the interchange version', () => {
  it('is the version whose recorded shape this is (bump INTERCHANGE_VERSION when the shape changes)', () => {
    const recorded = JSON.parse(fs.readFileSync(RECORDED, 'utf8')) as Record<string, string>;
    const now = shapeHash();
    const owner = Object.entries(recorded).find(([, hash]) => hash === now)?.[0];
    expect(
      recorded[String(INTERCHANGE_VERSION)],
      owner === undefined
        ? `the interchange format's shape changed: set INTERCHANGE_VERSION to ${INTERCHANGE_VERSION + 1}, keep reading the older versions, and add "${INTERCHANGE_VERSION + 1}": "${now}" to ${path.relative(process.cwd(), RECORDED)}`
        : `the shape is that of version ${owner}`,
    ).toBe(now);
  });

  it('is read along with every earlier version, and nothing newer', () => {
    const recorded = JSON.parse(fs.readFileSync(RECORDED, 'utf8')) as Record<string, string>;
    const accepted = Object.keys(recorded).map(Number);
    for (const version of accepted) expect(InterchangeSchema.shape.version.safeParse(version).success, `version ${version}`).toBe(true);
    expect(InterchangeSchema.shape.version.safeParse(INTERCHANGE_VERSION + 1).success).toBe(false);
    expect(Math.max(...accepted)).toBe(INTERCHANGE_VERSION);
  });
});
