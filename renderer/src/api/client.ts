// The one API client, for both doors: Electron's preload bridge when it is there, otherwise the
// loopback host over HTTP with the run's token. Every answer is a Result value.
import type { AnyMethodName, AnyRequestOf, AnyResponseOf, ApiBridge } from '../../../shared/api/all-methods.ts';
import type { Result } from '../../../shared/api/result.ts';
import type { MenuCommandListener } from './menu-bridge.ts';

type Bridge = ApiBridge<File> & { onMenuCommand?: (listener: MenuCommandListener) => () => void };

declare global {
  interface Window {
    ewb?: Bridge;
  }
}

const TOKEN_KEY = 'ewb-host-token';
/**
 * How often a page of the browser host says it is still open. The host closes the workbooks of a
 * page that has gone quiet for three minutes; browsers slow timers in background tabs to about
 * once a minute, which stays well inside that.
 */
const HEARTBEAT_MS = 20_000;

/** This load of the page, as the host knows it: the workbooks it opens are released when it goes. */
const PAGE_ID = crypto.randomUUID();
let heartbeat: ReturnType<typeof setInterval> | null = null;

/** Starts the heartbeat with the page's first call (the call itself tells the host the page is there). */
function keepPageAlive(headers: Record<string, string>): void {
  if (heartbeat !== null) return;
  heartbeat = setInterval(() => void fetch('/page-alive', { method: 'POST', headers }).catch(() => {}), HEARTBEAT_MS);
}

/**
 * The most a request sent as the page goes may carry: browsers keep a "keepalive" request going
 * after the page has gone only within 64 kB (for all such requests together).
 */
const KEEPALIVE_MAX_BYTES = 60_000;
/** The page is being hidden, reloaded or closed: a save sent now must outlive it. */
let leaving = false;
let watching = false;

/** Set before any form's own listeners run (the client is made first), so their last saves are sent to outlive the page. */
function watchLeaving(): void {
  if (watching) return;
  watching = true;
  window.addEventListener('pagehide', () => (leaving = true));
  window.addEventListener('pageshow', () => (leaving = false));
  document.addEventListener('visibilitychange', () => (leaving = document.visibilityState === 'hidden'));
  window.addEventListener('beforeunload', () => {
    leaving = true;
    // The planner may choose to stay: from the next task on, the page is not going after all.
    setTimeout(() => (leaving = document.visibilityState === 'hidden'), 0);
  });
}

function outlivesPage(body: string): boolean {
  return leaving && new TextEncoder().encode(body).length <= KEEPALIVE_MAX_BYTES;
}

/** The host's token arrives in the address's fragment once; it is kept for the tab and removed from view. */
function hostToken(): string {
  const match = /(?:^#|&)token=([^&]+)/.exec(window.location.hash);
  if (match?.[1]) {
    sessionStorage.setItem(TOKEN_KEY, decodeURIComponent(match[1]));
    history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

export type Door = 'electron' | 'host';

export interface ApiClient {
  door: Door;
  call<M extends AnyMethodName>(method: M, request: AnyRequestOf<M>): Promise<Result<AnyResponseOf<M>>>;
  /** The file-system path of a dropped file, in Electron; null on the host (it uploads instead). */
  pathForFile(file: File): string | null;
  /** Downloads a file from the host's workbooks folder (the host's stand-in for "Open folder"). */
  download(path: string): Promise<void>;
  onMenuCommand(listener: MenuCommandListener): () => void;
}

function transportError<T>(message: string): Result<T> {
  return { ok: false, error: { code: 'internal', message } };
}

const UNREADABLE = 'Engagement Workbook sent an answer this page could not read. Try again; if it keeps happening, restart Engagement Workbook (your saved work is safe).';

/** Only a success or an error with a code and a message is passed on; anything else is unreadable. */
function isResult(body: unknown): body is Result<never> {
  if (typeof body !== 'object' || body === null) return false;
  const { ok, error } = body as { ok?: unknown; error?: { code?: unknown; message?: unknown } | null };
  if (ok === true) return true;
  return ok === false && typeof error === 'object' && error !== null && typeof error.code === 'string' && typeof error.message === 'string';
}

export function createApiClient(): ApiClient {
  const bridge = window.ewb;
  if (bridge) {
    return {
      door: 'electron',
      async call(method, request) {
        try {
          return await (bridge[method] as (r: unknown) => Promise<Result<never>>)(request);
        } catch {
          // The main process answers with Result values; a throw here is the bridge itself failing.
          return transportError('Engagement Workbook could not carry out that request. Try again; if it keeps happening, restart Engagement Workbook (your saved work is safe).');
        }
      },
      pathForFile: (file) => bridge.pathForFile(file) || null,
      download: async () => {},
      onMenuCommand: (listener) => bridge.onMenuCommand?.(listener) ?? (() => {}),
    };
  }
  const token = hostToken();
  const headers = { 'x-ewb-token': token, 'x-ewb-page': PAGE_ID };
  watchLeaving();
  return {
    door: 'host',
    async call(method, request) {
      keepPageAlive(headers);
      const body = JSON.stringify(request ?? {});
      let response: Response;
      try {
        // Sent before the first await, so a save flushed as the page goes is on its way before it has gone.
        response = await fetch(`/api/${method}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', ...headers },
          body,
          keepalive: outlivesPage(body),
        });
      } catch {
        return transportError('Engagement Workbook is not answering. If you closed the window where it runs, start it again; your saved work is safe.');
      }
      if (response.status === 401 || response.status === 403) {
        return transportError('This page is not connected to Engagement Workbook. Open the address it printed when it started (it includes a token).');
      }
      if (!response.ok) return transportError(`Engagement Workbook answered with an error (${response.status}).`);
      let answer: unknown;
      try {
        answer = await response.json();
      } catch {
        return transportError(UNREADABLE);
      }
      return isResult(answer) ? answer : transportError(UNREADABLE);
    },
    pathForFile: () => null,
    async download(path) {
      const response = await fetch(`/download/${path.split('/').map(encodeURIComponent).join('/')}`, { headers: { 'x-ewb-token': token } });
      if (!response.ok) throw new Error(`The file could not be downloaded (${response.status}).`);
      const blob = await response.blob();
      const link = document.createElement('a');
      link.href = URL.createObjectURL(blob);
      link.download = path.split('/').pop() ?? 'download';
      link.click();
      setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
    },
    onMenuCommand: () => () => {},
  };
}
