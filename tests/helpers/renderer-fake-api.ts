// A stand-in for the renderer's API client: each method answers with what the test gave it (a
// value, or a function of the request), and every call is kept so a test can see what was sent.
import type { ApiClient } from '../../renderer/src/api/client.ts';
import type { Result } from '../../shared/api/result.ts';

type Answer = unknown | ((request: Record<string, unknown>) => Result<unknown> | Promise<Result<unknown>>);

/** What a workbook screen reads when it opens: nothing recorded yet. */
export const EMPTY_WORKBOOK_READS: Record<string, unknown> = {
  listRecords: { records: [] },
  listSectionStates: [],
  listGaps: [],
  getUndoState: { undoLabel: null, redoLabel: null },
};

/** What a write answers beside its result: nothing else changed. */
export const NO_EFFECTS = { sections: [], gaps: { added: [], removed: [] }, undo: { undoLabel: null, redoLabel: null } };

export function fakeRendererApi(answers: Record<string, Answer>, door: ApiClient['door'] = 'host') {
  const calls: Array<{ method: string; request: Record<string, unknown> }> = [];
  const api: ApiClient = {
    door,
    call: (async (method: string, request: Record<string, unknown>) => {
      calls.push({ method, request });
      if (!(method in answers)) return { ok: false, error: { code: 'internal', message: `The fake API has no answer for ${method}.` } };
      const answer = answers[method];
      return typeof answer === 'function' ? (answer as (r: Record<string, unknown>) => unknown)(request) : { ok: true, value: answer };
    }) as ApiClient['call'],
    pathForFile: () => null,
    download: async () => {},
    onMenuCommand: () => () => {},
  };
  return { api, calls };
}
