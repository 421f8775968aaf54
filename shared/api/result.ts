// How every API answer crosses a boundary: a value, never a thrown error.
import { z } from 'zod';

/** Error codes the renderer maps to plain-English guidance in one place. */
export const ERROR_CODES = [
  'invalid-input',
  'not-found',
  'not-a-workbook',
  'damaged',
  'too-new',
  'in-use',
  'in-use-elsewhere',
  'read-only',
  'already-exists',
  /** Writing would put something that is not a workbook over a workbook: needs its own confirmation. */
  'replaces-workbook',
  'io',
  'not-open',
  'cancelled',
  'forbidden',
  'internal',
] as const;
export const ErrorCodeSchema = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof ErrorCodeSchema>;

export const ApiErrorSchema = z.object({
  code: ErrorCodeSchema,
  message: z.string(),
  /** Form path (e.g. `title`, `period.end`) → message, for the renderer's error summary. */
  fields: z.record(z.string(), z.string()).optional(),
});
export type ApiError = z.infer<typeof ApiErrorSchema>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export function resultSchema<T extends z.ZodType>(value: T) {
  return z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), value }),
    z.object({ ok: z.literal(false), error: ApiErrorSchema }),
  ]);
}

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail<T = never>(error: ApiError): Result<T> {
  return { ok: false, error };
}

/** Turns zod issues into the `fields` map: one message per form path, first issue wins. */
export function fieldsFromIssues(issues: readonly z.core.$ZodIssue[]): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      // Each unknown key is named as the field at fault.
      for (const unknown of issue.keys) {
        const key = [...issue.path.map(String), unknown].join('.');
        if (!(key in fields)) fields[key] = `"${unknown}" is not something this can hold`;
      }
      continue;
    }
    const key = issue.path.map(String).join('.') || '(request)';
    if (!(key in fields)) fields[key] = issue.message;
  }
  return fields;
}

/** A zod failure as an `invalid-input` error whose message names the first problem and where it is. */
export function invalidInputError(error: z.ZodError, what: string): ApiError {
  const fields = fieldsFromIssues(error.issues);
  const [firstPath, firstMessage] = Object.entries(fields)[0] ?? ['', 'is not valid'];
  const where = firstPath && firstPath !== '(request)' ? ` (${firstPath})` : '';
  return { code: 'invalid-input', message: `${what}${where}: ${firstMessage}`, fields };
}
