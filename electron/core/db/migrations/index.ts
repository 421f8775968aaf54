// Every migration, in order. Listed explicitly so adding one is a reviewed, visible change.
import type { Migration } from './migration.ts';
import { createWorkbook } from './0001-create-workbook.ts';
import { createChangeLog } from './0002-create-change-log.ts';
import { createWorksheets } from './0003-create-worksheets.ts';
import { createCensus } from './0004-create-census.ts';
import { addWorkbookLogo } from './0005-add-workbook-logo.ts';
import { rebuildChangeLog } from './0006-rebuild-change-log.ts';
import { createHowWorksheets } from './0007-create-how-worksheets.ts';
import { createCrime } from './0008-create-crime.ts';
import { addDocumentControl } from './0009-add-document-control.ts';
import { createWhatWorksheets } from './0010-create-what-worksheets.ts';
import { createPracticeLibrary } from './0011-create-practice-library.ts';
import { createReviewCycle } from './0012-create-review-cycle.ts';

export const MIGRATIONS: readonly Migration[] = [createWorkbook, createChangeLog, createWorksheets, createCensus, addWorkbookLogo, rebuildChangeLog, createHowWorksheets, createCrime, addDocumentControl, createWhatWorksheets, createPracticeLibrary, createReviewCycle];

/**
 * The newest file format: the last migration's version. Versions only ever rise along the list; a
 * number may be missing while branches that each hold one of them are merged in turn.
 */
export const LATEST_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
