// The committed JSON Schema of the interchange format is exactly what the zod schemas generate,
// and it accepts what `ewb dump` writes.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { interchangeJsonSchema } from '../../../shared/api/interchange-json-schema.ts';
import { APP_VERSION } from '../../../electron/core/app-version.ts';

const COMMITTED = path.resolve('resources/interchange/engagement-workbook.schema.json');

describe('interchange JSON Schema', () => {
  it('the committed copy is up to date (regenerate with: npm run schema)', () => {
    const committed = JSON.parse(fs.readFileSync(COMMITTED, 'utf8')) as unknown;
    expect(committed).toEqual(interchangeJsonSchema());
  });

  it('describes the top level the README documents', () => {
    const schema = interchangeJsonSchema() as { required: string[]; properties: Record<string, { const?: unknown }>; additionalProperties: boolean };
    expect(schema.required).toEqual(['format', 'version', 'personal', 'workbook', 'records']);
    expect(schema.properties.format?.const).toBe('engagement-workbook');
    expect(schema.additionalProperties).toBe(false);
  });
});

describe('app version', () => {
  it('matches package.json', () => {
    const pkg = JSON.parse(fs.readFileSync(path.resolve('package.json'), 'utf8')) as { version: string };
    expect(APP_VERSION).toBe(pkg.version);
  });
});
