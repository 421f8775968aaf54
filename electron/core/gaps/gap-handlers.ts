// Gaps and section states: worked out once for an open workbook and kept up to date by its writes.
import type { ApiHandlers } from '../../../shared/api/contract.ts';
import type { AppContext } from '../app-context.ts';
import { setCompletion } from './section-completion.ts';
import { similarMessages } from '../what/similar-messages.ts';

export function gapHandlers(ctx: AppContext): Pick<ApiHandlers, 'listGaps' | 'listSimilarMessages' | 'listSectionStates' | 'setSectionCompleted'> {
  const { sessions } = ctx;
  return {
    listGaps: ({ handle }) => ctx.derivedOf(sessions.get(handle)).listGaps(),

    listSimilarMessages: ({ handle }) => similarMessages(sessions.get(handle).db),

    listSectionStates: ({ handle }) => ctx.derivedOf(sessions.get(handle)).listSectionStates(),

    setSectionCompleted: ({ handle, section, completed }) => {
      const { effects } = ctx.write(handle, (db, change) => setCompletion(db, change, section, completed));
      const state = ctx.derivedOf(sessions.get(handle)).listSectionStates().find((s) => s.section === section);
      if (!state) throw new Error(`Unknown section ${section}`);
      return { ...state, effects };
    },
  };
}
