// The per-area census view, audiences' evidence links, and the "who is missing" threshold.
import type { ApiHandlers } from '../../../shared/api/contract.ts';
import type { AppContext } from '../app-context.ts';
import { appendChange } from '../workbook/change-log.ts';
import { areaCensus } from './area-census.ts';
import { THRESHOLD_KEY, linkEvidence, listEvidenceLinks, readThreshold, unlinkEvidence, writeSetting } from './evidence-links.ts';

type LinkMethods = 'getAreaCensus' | 'listEvidenceLinks' | 'linkEvidence' | 'unlinkEvidence' | 'getWhoIsMissingThreshold' | 'setWhoIsMissingThreshold';

export function evidenceLinkHandlers(ctx: AppContext): Pick<ApiHandlers, LinkMethods> {
  const { sessions } = ctx;
  return {
    getAreaCensus: ({ handle, tableId, areaId }) => areaCensus(sessions.get(handle).db, tableId, areaId),

    listEvidenceLinks: ({ handle }) => listEvidenceLinks(sessions.get(handle).db),

    linkEvidence: ({ handle, ...request }) => linkEvidence(sessions.writableOf(handle).db, ctx.changeContext(), request),

    unlinkEvidence: ({ handle, id }) => ({ unlinked: unlinkEvidence(sessions.writableOf(handle).db, ctx.changeContext(), id) }),

    getWhoIsMissingThreshold: ({ handle }) => ({ threshold: readThreshold(sessions.get(handle).db) }),

    setWhoIsMissingThreshold: ({ handle, threshold }) => {
      const { db } = sessions.writableOf(handle);
      const change = ctx.changeContext();
      db.transaction(() => {
        const before = readThreshold(db);
        if (before === threshold) return;
        writeSetting(db, THRESHOLD_KEY, String(threshold));
        appendChange(db, { id: change.newId(), at: change.now(), who: change.who, recordType: 'setting', recordId: THRESHOLD_KEY, action: 'update', before: { value: String(before) }, after: { value: String(threshold) } });
      }).immediate();
      return { threshold: readThreshold(db) };
    },
  };
}
