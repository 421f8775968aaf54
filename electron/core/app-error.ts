// The one error the core throws on purpose; the boundary turns it (and anything else) into a value.
import { z } from 'zod';
import { invalidInputError, type ApiError, type ErrorCode } from '../../shared/api/result.ts';

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields: Record<string, string> | undefined;

  constructor(code: ErrorCode, message: string, fields?: Record<string, string>) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.fields = fields;
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

/** A zod failure as an `invalid-input` AppError whose message names the first problem. */
export function invalidInput(error: z.ZodError, what: string): AppError {
  const { message, fields } = invalidInputError(error, what);
  return new AppError('invalid-input', message, fields);
}

export interface Logger {
  error(message: string, detail?: unknown): void;
  warn(message: string, detail?: unknown): void;
  info(message: string, detail?: unknown): void;
}

/**
 * A message made fit to show: control characters (a message may quote a line of a hostile or
 * damaged file) written as the visible symbols for them, so they neither vanish nor garble the
 * screen or the terminal. Line breaks and tabs are kept.
 */
export function printableMessage(message: string): string {
  return message.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, (char) => (char === '\u007F' ? '\u2421' : String.fromCharCode(0x2400 + char.charCodeAt(0))));
}

/** Any thrown value as an ApiError; unknown errors are logged and hidden behind `internal`. */
export function toApiError(error: unknown, log: Logger): ApiError {
  if (isAppError(error)) {
    const message = printableMessage(error.message);
    return error.fields ? { code: error.code, message, fields: error.fields } : { code: error.code, message };
  }
  if (error instanceof z.ZodError) {
    const app = invalidInput(error, 'The request is not valid');
    return { code: app.code, message: app.message, ...(app.fields ? { fields: app.fields } : {}) };
  }
  log.error('Unexpected error', error);
  return {
    code: 'internal',
    // No promise that work is safe: an unexpected error says nothing about what happened to the file.
    message: 'Something went wrong inside Engagement Workbook, and what you were doing may not have been saved. Try again; if it keeps happening, note what you did and tell your support team.',
  };
}
