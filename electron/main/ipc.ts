// The one IPC channel the contract travels on. Every call is checked before anything runs: it must
// come from the top frame of our own page (app://ewb/), name a bridge method, and carry a request
// the contract accepts. Core methods go to the core's `call` boundary; shell methods to main's own
// handlers, through the dispatcher the browser host uses too. Every answer is a Result value:
// nothing thrown ever crosses to the page.
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { BRIDGE_METHODS, IPC_CHANNEL } from '../../shared/api/method-names.ts';
import { fail, type Result } from '../../shared/api/result.ts';
import { dispatchShellRequest } from '../../shared/api/dispatch-shell-request.ts';
import { isShellMethodName } from '../../shared/api/shell-contract.ts';
import { toApiError, type Logger, type AppCore } from '../core/index.ts';
import { isOwnPageUrl } from './app-url.ts';
import type { ShellHandlers } from './shell-handlers.ts';

export interface IpcHandlers {
  core: Pick<AppCore, 'call'>;
  shell: ShellHandlers;
  log: Logger;
  /** Told after each core call, for main's own bookkeeping (the Open Recent menu). */
  afterCoreCall?(method: string, result: Result<unknown>): void;
}

type SenderEvent = Pick<IpcMainInvokeEvent, 'senderFrame' | 'sender'>;

/** Why a sender may not call the API, or null when it is the top frame of our own page. */
export function senderRefusal(event: SenderEvent): string | null {
  const frame = event.senderFrame;
  if (!frame) return 'the sending frame is gone';
  const isTopFrame = frame === event.sender.mainFrame || frame.parent === null;
  if (!isTopFrame) return 'the sender is a subframe';
  if (!isOwnPageUrl(frame.url)) return `the sender is not our own page (${frame.url.slice(0, 200)})`;
  return null;
}

const FORBIDDEN_MESSAGE = 'Engagement Workbook answers only its own page. This request came from somewhere else and was refused.';

const bridgeMethods: readonly string[] = BRIDGE_METHODS;

/** The handler for IPC_CHANNEL: (event, method, request) in, a Result out, never a throw. */
export function createApiHandler(handlers: IpcHandlers): (event: IpcMainInvokeEvent, method: unknown, request: unknown) => Promise<Result<unknown>> {
  const { core, shell, log } = handlers;
  return async (event, method, request) => {
    try {
      const refusal = senderRefusal(event);
      if (refusal) {
        log.warn(`Refused an API call: ${refusal}`);
        return fail({ code: 'forbidden', message: FORBIDDEN_MESSAGE });
      }
      if (typeof method !== 'string' || !bridgeMethods.includes(method)) {
        const name = typeof method === 'string' ? method.slice(0, 100) : typeof method;
        return fail({ code: 'invalid-input', message: `There is no API method "${name}".` });
      }
      if (isShellMethodName(method)) return await dispatchShellRequest(shell, method, request, event.sender, (error) => toApiError(error, log));
      const result = await core.call(method, request);
      try {
        handlers.afterCoreCall?.(method, result);
      } catch (error) {
        log.error('After a core call', error);
      }
      return result;
    } catch (error) {
      return fail(toApiError(error, log));
    }
  };
}

/** Registers the one API handler on the one channel. */
export function registerApiHandler(ipcMain: Pick<IpcMain, 'handle'>, handlers: IpcHandlers): void {
  ipcMain.handle(IPC_CHANNEL, createApiHandler(handlers));
}
