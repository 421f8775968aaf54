// Gaps and section statuses: computed from the records each time they are asked for.
import type { ApiHandlers } from '../../../shared/api/contract.ts';
import type { AppContext } from '../app-context.ts';
import { computeGaps, sectionStates } from './compute-gaps.ts';
import { setCompletion } from './section-completion.ts';

export function gapHandlers(ctx: AppContext): Pick<ApiHandlers, 'listGaps' | 'listSectionStates' | 'setSectionCompleted'> {
  const { sessions } = ctx;
  return {
    listGaps: ({ handle }) => computeGaps(sessions.get(handle).db, ctx.deps.clock()),

    listSectionStates: ({ handle }) => {
      const { db } = sessions.get(handle);
      return sectionStates(db, computeGaps(db, ctx.deps.clock()));
    },

    setSectionCompleted: ({ handle, section, completed }) => {
      const { db } = sessions.writableOf(handle);
      setCompletion(db, ctx.changeContext(), section, completed);
      const state = sectionStates(db, computeGaps(db, ctx.deps.clock())).find((s) => s.section === section);
      if (!state) throw new Error(`Unknown section ${section}`);
      return state;
    },
  };
}
