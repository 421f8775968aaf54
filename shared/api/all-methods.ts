// Every method name any door exposes: the core's contract plus the doors' own file methods.
// Preload exposes exactly these; the renderer's client is typed over them.
import type { z } from 'zod';
import { METHOD_NAMES, contract, type MethodName, type RequestOf, type ResponseOf } from './contract.ts';
import { SHELL_METHOD_NAMES, shellContract, type ShellMethodName, type ShellRequestOf, type ShellResponseOf } from './shell-contract.ts';
import type { Result } from './result.ts';

export type AnyMethodName = MethodName | ShellMethodName;
export const ALL_METHOD_NAMES: readonly AnyMethodName[] = [...METHOD_NAMES, ...SHELL_METHOD_NAMES];

export type AnyRequestOf<M extends AnyMethodName> = M extends MethodName ? RequestOf<M> : M extends ShellMethodName ? ShellRequestOf<M> : never;
export type AnyResponseOf<M extends AnyMethodName> = M extends MethodName ? ResponseOf<M> : M extends ShellMethodName ? ShellResponseOf<M> : never;

/**
 * The bridge preload puts on `window.ewb`: one function per method, each answering a Result. The
 * page names its DOM `File` type as `DroppedFile`: shared/ is checked without the DOM.
 */
export type ApiBridge<DroppedFile> = { [M in AnyMethodName]: (request: AnyRequestOf<M>) => Promise<Result<AnyResponseOf<M>>> } & {
  /** The file-system path of a dropped file (Electron's webUtils.getPathForFile). */
  pathForFile(file: DroppedFile): string;
};

export function requestSchemaOf(method: AnyMethodName): z.ZodType {
  return (Object.hasOwn(contract, method) ? contract[method as MethodName] : shellContract[method as ShellMethodName]).request;
}

export { IPC_CHANNEL, BRIDGE_KEY } from './method-names.ts';
