// The share-copy methods of the contract: preview what a copy would leave out and keep, and save
// one, from an open workbook (the app) or a file (the CLI, which opens it read-only). Also the one
// line `checkWorkbook` says of a share copy's provenance.
import path from 'node:path';
import type { ApiHandlers } from '../../../shared/api/contract.ts';
import type { ShareCheck } from '../../../shared/api/share.ts';
import { forceById } from '../../../shared/domain/forces.ts';
import type { AppContext } from '../app-context.ts';
import { openReadOnly, type ReadDb } from '../db/open-database.ts';
import { guardWriteTarget } from '../workbook/guard-write-target.ts';
import { planShareCopy, writeShareCopy } from './write-share-copy.ts';
import { verifyProvenance, type ShareProvenance } from './provenance.ts';

function provenanceInfo(provenance: ShareProvenance) {
  const { provenance: _shape, ...rest } = provenance;
  return { ...rest, forceName: forceById(provenance.force)?.name ?? provenance.force };
}

/** What `ewb check` and the app say of a workbook's provenance; null when it is not a share copy. */
export function describeShareCheck(db: ReadDb): ShareCheck | null {
  const check = verifyProvenance(db);
  if (check.status === 'none') return null;
  const provenance = check.provenance ? provenanceInfo(check.provenance) : null;
  const from = provenance ? `share copy from ${provenance.forceName}, ${provenance.sharedAt.slice(0, 10)}` : 'share copy';
  if (check.status === 'verified') return { verified: true, reason: null, provenance, message: `${from}: provenance verified` };
  return { verified: false, reason: check.reason, provenance, message: `${from}: provenance does not verify: ${check.reason}` };
}

export function shareHandlers(ctx: AppContext): Pick<ApiHandlers, 'previewShareCopy' | 'saveShareCopy'> {
  const { deps, sessions, now } = ctx;
  /** Runs `work` on the workbook asked for: an open one's connection, or a file opened read-only for it. */
  const withSource = <T>(request: { handle?: string | undefined; path?: string | undefined }, work: (db: ReadDb, name: string, realPath: string) => T): T => {
    if (request.handle !== undefined) {
      const session = sessions.get(request.handle);
      return work(session.db, path.basename(session.realPath), session.realPath);
    }
    const file = path.resolve(request.path!);
    const db = openReadOnly(file);
    try {
      return work(db, path.basename(file), file);
    } finally {
      db.close();
    }
  };
  return {
    previewShareCopy: (request) => withSource(request, (db, name) => planShareCopy(db, name, request.keepNotes).summary),

    saveShareCopy: (request) =>
      withSource(request, (db, name, source) => {
        const target = path.resolve(request.destination);
        guardWriteTarget(target, { content: 'workbook', sources: [source] }, { isOpenHere: (file) => sessions.isOpenHere(file), identity: deps.identity });
        const { summary, provenance } = writeShareCopy(db, name, { destination: target, keepNotes: request.keepNotes, overwrite: request.overwrite, sharedAt: now(), appVersion: deps.appVersion, temporaries: ctx.temporaries });
        return { path: target, summary, provenance: provenanceInfo(provenance) };
      }),
  };
}
