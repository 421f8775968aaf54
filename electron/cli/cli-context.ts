// What every `ewb` command is given: output, the core behind its boundary, and a way to refuse.
import type { MethodName, ResponseOf } from '../../shared/api/contract.ts';
import type { ApiError } from '../../shared/api/result.ts';

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

/** Thrown by a command to end with exit code 1 once its one error line is printed. */
export class Refused extends Error {}

export interface CliContext {
  io: CliIo;
  /**
   * Calls the core through its boundary; prints the error and throws Refused on failure.
   * `reword` may give a command-line wording for an error (e.g. naming the flag that confirms).
   */
  call<M extends MethodName>(method: M, request: unknown, reword?: (error: ApiError) => string | undefined): Promise<ResponseOf<M>>;
  /** Prints `error: <message>` and ends the command with exit code 1. */
  refuse(message: string): never;
  /** Ends with exit code 1 without printing (the command has printed its own report). */
  failQuietly(reason: string): never;
  json(value: unknown): void;
}

export function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}
