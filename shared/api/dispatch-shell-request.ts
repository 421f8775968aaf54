// The one way a door answers a shell-contract request (choosing files, the host's folder browser):
// check the request against shellContract, hand the parsed request to the door's handler, and turn
// anything that goes wrong into an error value. Electron main and the browser host both use it, each
// with its own handlers, so the checking is written once.
import { fail, invalidInputError, type ApiError, type Result } from './result.ts';
import { shellContract, type ShellMethodName, type ShellParsedRequestOf, type ShellResponseOf } from './shell-contract.ts';

/** A door's answers to the shell contract; `Caller` is whatever the door knows of who asked. */
export type ShellHandlers<Caller> = {
  [M in ShellMethodName]: (request: ShellParsedRequestOf<M>, caller: Caller) => Promise<Result<ShellResponseOf<M>>> | Result<ShellResponseOf<M>>;
};

/**
 * Checks `request` against the method's schema and runs the door's handler on the parsed request;
 * never throws. `errorValue` is the door's way to turn a thrown error into an ApiError (the core's
 * toApiError, which logs the unexpected ones).
 */
export async function dispatchShellRequest<Caller>(
  handlers: ShellHandlers<Caller>,
  method: ShellMethodName,
  request: unknown,
  caller: Caller,
  errorValue: (error: unknown) => ApiError,
): Promise<Result<unknown>> {
  try {
    const parsed = shellContract[method].request.safeParse(request ?? {});
    if (!parsed.success) return fail(invalidInputError(parsed.error, `The request to ${method} is not valid`));
    const handler = handlers[method] as (request: unknown, caller: Caller) => Promise<Result<unknown>> | Result<unknown>;
    return await handler(parsed.data, caller);
  } catch (error) {
    return fail(errorValue(error));
  }
}
