// The interchange format as JSON Schema, generated from the zod schemas so the two never drift.
// The committed copy lives in resources/interchange/; a test keeps it equal to this.
import { z } from 'zod';
import { INTERCHANGE_VERSION, InterchangeSchema } from './interchange.ts';

export function interchangeJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(InterchangeSchema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return {
    ...schema,
    $id: `https://engagement-workbook.invalid/schema/interchange-v${INTERCHANGE_VERSION}.json`,
    title: `Engagement Workbook interchange format, version ${INTERCHANGE_VERSION}`,
  };
}
