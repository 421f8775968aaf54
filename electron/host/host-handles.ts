// Which open workbook belongs to which page of the browser host, so a closed tab does not keep its
// workbook (and its lock) for ever. A page says it is still there with a heartbeat; when the beats
// stop, its handles are closed. A scripted client (no page) keeps its handle until it closes it or
// leaves it unused for 30 minutes.
import type { Result } from '../../shared/api/result.ts';

export interface HandleTimeouts {
  /** How long after a page's last sign of life its handles are closed. Background tabs beat at most once a minute. */
  pageGoneMs: number;
  /** How long a handle of a scripted client (no page) may go unused. */
  idleMs: number;
}

export const DEFAULT_HANDLE_TIMEOUTS: HandleTimeouts = { pageGoneMs: 3 * 60_000, idleMs: 30 * 60_000 };

/** The header a page sends with every request and heartbeat: its own random id for this load. */
export const PAGE_HEADER = 'x-ewb-page';

const OPENING_METHODS = new Set(['openWorkbook', 'createWorkbook', 'createWorkbookFromInterchange', 'createWorkedExample', 'rollForwardWorkbook']);

/** A page id as sent, or null if absent or not one we would make (a random UUID). */
export function pageIdFrom(header: string | string[] | undefined): string | null {
  return typeof header === 'string' && /^[A-Za-z0-9-]{8,64}$/.test(header) ? header : null;
}

function handleIn(value: unknown): string | null {
  if (!value || typeof value !== 'object') return null;
  const record = value as { handle?: unknown; info?: { handle?: unknown } };
  if (typeof record.handle === 'string') return record.handle;
  return typeof record.info?.handle === 'string' ? record.info.handle : null;
}

interface Tracked {
  page: string | null;
  lastUsed: number;
}

export class HandleTracker {
  private readonly handles = new Map<string, Tracked>();
  private readonly pages = new Map<string, number>();
  private readonly timeouts: HandleTimeouts;
  private readonly now: () => number;
  private readonly closeHandle: (handle: string) => Promise<unknown>;

  constructor(closeHandle: (handle: string) => Promise<unknown>, now: () => number = Date.now, timeouts: Partial<HandleTimeouts> = {}) {
    this.closeHandle = closeHandle;
    this.now = now;
    this.timeouts = { ...DEFAULT_HANDLE_TIMEOUTS, ...timeouts };
  }

  /** A heartbeat (or any request) from a page. */
  pageSeen(page: string): void {
    this.pages.set(page, this.now());
  }

  /** Notes what an API call did to handles: opened one, used one (a reloaded page adopts it), closed one. */
  noteCall(page: string | null, method: string, request: unknown, result: Result<unknown>): void {
    const at = this.now();
    if (page) this.pageSeen(page);
    if (method === 'closeWorkbook') {
      const handle = handleIn(request);
      if (handle) this.handles.delete(handle);
      return;
    }
    const used = handleIn(request);
    if (used && (result.ok || this.handles.has(used))) this.handles.set(used, { page, lastUsed: at });
    if (result.ok && OPENING_METHODS.has(method)) {
      const opened = handleIn(result.value);
      if (opened) this.handles.set(opened, { page, lastUsed: at });
    }
  }

  /** The handles that have outlived their page or their idle time. */
  expired(): string[] {
    const at = this.now();
    const out: string[] = [];
    for (const [handle, tracked] of this.handles) {
      const gone = tracked.page ? at - (this.pages.get(tracked.page) ?? tracked.lastUsed) > this.timeouts.pageGoneMs : at - tracked.lastUsed > this.timeouts.idleMs;
      if (gone) out.push(handle);
    }
    return out;
  }

  /** Closes every expired handle (releasing its lock); returns which. */
  async sweep(): Promise<string[]> {
    const expired = this.expired();
    for (const handle of expired) {
      this.handles.delete(handle);
      await this.closeHandle(handle);
    }
    const at = this.now();
    const pagesInUse = new Set([...this.handles.values()].map((tracked) => tracked.page));
    for (const [page, seen] of this.pages) {
      if (!pagesInUse.has(page) && at - seen > this.timeouts.pageGoneMs) this.pages.delete(page);
    }
    return expired;
  }
}
