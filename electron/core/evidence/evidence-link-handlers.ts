// The per-area census view, audiences' evidence links, and the workbook's settings (the "who is
// missing" threshold among them).
import type { ApiHandlers } from '../../../shared/api/contract.ts';
import { SETTING_KEYS, type SettingKey } from '../../../shared/api/settings.ts';
import type { AppContext } from '../app-context.ts';
import type { ReadDb } from '../db/open-database.ts';
import { changeSetting, readSetting } from '../workbook/workbook-settings.ts';
import { areaCensus } from './area-census.ts';
import { linkEvidence, listEvidenceLinks, readThreshold, unlinkEvidence } from './evidence-links.ts';

type LinkMethods = 'getAreaCensus' | 'listEvidenceLinks' | 'linkEvidence' | 'unlinkEvidence' | 'getWhoIsMissingThreshold' | 'setWhoIsMissingThreshold' | 'getSettings' | 'changeSettings';

function allSettings(db: ReadDb): Record<SettingKey, number> {
  return Object.fromEntries(SETTING_KEYS.map((key) => [key, readSetting(db, key)])) as Record<SettingKey, number>;
}

export function evidenceLinkHandlers(ctx: AppContext): Pick<ApiHandlers, LinkMethods> {
  const { sessions } = ctx;
  return {
    getAreaCensus: ({ handle, tableId, areaId }) => areaCensus(sessions.get(handle).db, tableId, areaId),

    listEvidenceLinks: ({ handle }) => listEvidenceLinks(sessions.get(handle).db),

    linkEvidence: ({ handle, ...request }) => {
      const { result, effects } = ctx.write(handle, (db, change) => linkEvidence(db, change, request));
      return { ...result, effects };
    },

    unlinkEvidence: ({ handle, id }) => {
      const { result, effects } = ctx.write(handle, (db, change) => unlinkEvidence(db, change, id));
      return { unlinked: result, effects };
    },

    getWhoIsMissingThreshold: ({ handle }) => ({ threshold: readThreshold(sessions.get(handle).db) }),

    setWhoIsMissingThreshold: ({ handle, threshold }) => {
      const { result, effects } = ctx.write(handle, (db, change) => changeSetting(db, change, 'whoIsMissingThreshold', threshold));
      return { threshold: result, effects };
    },

    getSettings: ({ handle }) => allSettings(sessions.get(handle).db),

    changeSettings: ({ handle, changes }) => {
      const { effects } = ctx.write(handle, (db, change) => {
        for (const key of SETTING_KEYS) {
          const value = changes[key];
          if (value !== undefined) changeSetting(db, change, key, value);
        }
      });
      return { ...allSettings(sessions.get(handle).db), effects };
    },
  };
}
