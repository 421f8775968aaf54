// The receptivity grid's methods: read every cell that says something, and set one cell as one
// undoable change (answered with the write's effects, like every write).
import type { ApiHandlers } from '../../../shared/api/contract.ts';
import type { AppContext } from '../app-context.ts';
import { setReceptivity } from './receptivity-changes.ts';
import { listReceptivity } from './receptivity-store.ts';

export function receptivityHandlers(ctx: AppContext): Pick<ApiHandlers, 'listReceptivity' | 'setReceptivity'> {
  return {
    listReceptivity: ({ handle }) => listReceptivity(ctx.sessions.get(handle).db),

    setReceptivity: ({ handle, audienceId, channelId, value, note }) => {
      const { result, effects } = ctx.write(handle, (db, change) => setReceptivity(db, change, { audienceId, channelId, value, note }));
      return { ...result, effects };
    },
  };
}
