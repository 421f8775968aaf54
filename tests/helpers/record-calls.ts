// Worksheet records through the core's boundary, as a door would ask for them: a new workbook, a
// record created, edited or listed (each expected to succeed), a refusal expected, and the count of
// changes in the history. Shared by the record and undo tests.
import path from 'node:path';
import type { AppCore } from '../../electron/core/create-app-core.ts';
import type { ApiError } from '../../shared/api/result.ts';
import type { WorkbookInfo } from '../../shared/api/workbook.ts';
import { RECORD_TYPE_NAMES, type RecordTypeName } from '../../shared/domain/record-types.ts';
import type { Snapshot, Values } from './record-ops.ts';
import { tempDir } from './temp-dir.ts';
import { SAMPLE_DETAILS, expectOk, expectWritten } from './test-core.ts';

/** A new workbook with the sample details, in a folder of its own. */
export async function newWorkbook(core: AppCore, name = 'Riverside plan.ewb'): Promise<WorkbookInfo> {
  return expectOk<WorkbookInfo>(core, 'createWorkbook', { path: path.join(tempDir(), name), details: SAMPLE_DETAILS });
}

export function create(core: AppCore, handle: string, type: RecordTypeName, values: Record<string, unknown>): Promise<Values> {
  return expectWritten<Values>(core, 'createRecord', { handle, type, values });
}

export function update(core: AppCore, handle: string, type: RecordTypeName, id: string, changes: Record<string, unknown>): Promise<Values> {
  return expectWritten<Values>(core, 'updateRecord', { handle, type, id, changes });
}

export async function list(core: AppCore, handle: string, type: RecordTypeName): Promise<Values[]> {
  return (await expectOk<{ records: Values[] }>(core, 'listRecords', { handle, type })).records;
}

/** Every record of every type. */
export async function listAll(core: AppCore, handle: string): Promise<Snapshot> {
  const all = {} as Snapshot;
  for (const type of RECORD_TYPE_NAMES) all[type] = await list(core, handle, type);
  return all;
}

/** Calls the core expecting a refusal, and returns it. */
export async function refusal(core: AppCore, method: string, request: unknown): Promise<ApiError> {
  const result = await core.call(method, request);
  if (result.ok) throw new Error(`${method} was expected to be refused but returned ${JSON.stringify(result.value)}`);
  return result.error;
}

export async function changeCount(core: AppCore, handle: string): Promise<number> {
  return (await expectOk<WorkbookInfo>(core, 'getWorkbook', { handle })).counts.changes ?? -1;
}
