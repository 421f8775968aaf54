// Checks the workbook's own details (its one row, against the contract's details schema, with its
// logo), section completions, settings and audiences' evidence links.
import type { z } from 'zod';
import { findForce, forceById } from '../../../shared/domain/forces.ts';
import { SectionIdSchema } from '../../../shared/api/records.ts';
import { EvidenceLinkSchema } from '../../../shared/api/census.ts';
import { SettingSchema } from '../../../shared/api/interchange.ts';
import { TimestampSchema } from '../../../shared/api/fields.ts';
import { WorkbookMetaSchema } from '../../../shared/api/workbook.ts';
import { APP_VERSION } from '../app-version.ts';
import { SETTINGS, SETTING_KEYS, isSettingKey } from '../../../shared/api/settings.ts';
import { checkLogo } from '../workbook/workbook-logo.ts';
import type { ReadDb } from './open-database.ts';
import { NEW_ID, NOW, cleanText, count, describeText, fix, printable, quoted, statement, type Emit, type Fix, type ProblemPlace, type RepairChoices } from './value-problem.ts';

type Row = Record<string, unknown>;

/** The details' columns as the contract names them, with their limits for text. */
const DETAILS: ReadonlyArray<{ name: keyof z.infer<typeof WorkbookMetaSchema>; column: string; label: string; text?: { max: number; required: boolean } }> = [
  { name: 'id', column: 'id', label: 'Workbook id' },
  { name: 'force', column: 'force_id', label: 'Force' },
  { name: 'title', column: 'title', label: 'Title', text: { max: 200, required: true } },
  { name: 'periodStart', column: 'period_start', label: 'Strategy period starts' },
  { name: 'periodEnd', column: 'period_end', label: 'Strategy period ends' },
  { name: 'author', column: 'author', label: 'Author', text: { max: 200, required: false } },
  { name: 'versionLabel', column: 'version_label', label: 'Version label', text: { max: 50, required: false } },
  { name: 'marking', column: 'marking', label: 'Protective marking' },
  { name: 'reviewDate', column: 'review_date', label: 'Review date' },
  { name: 'owner', column: 'owner', label: 'Owner', text: { max: 200, required: false } },
  { name: 'approver', column: 'approver', label: 'Approved by', text: { max: 200, required: false } },
  { name: 'appVersion', column: 'app_version', label: 'Last saved by version' },
  { name: 'createdAt', column: 'created_at', label: 'Created' },
  { name: 'modifiedAt', column: 'modified_at', label: 'Last changed' },
];

const MAX_SETTINGS = 100;
const KNOWN_SETTINGS: readonly string[] = SETTING_KEYS;
/** As the contract's setWhoIsMissingThreshold allows. */

function setDetail(column: string, value: unknown): Fix {
  return fix([statement(`UPDATE workbook SET ${column} = ? WHERE singleton = 1`, value)]);
}

function repairDetail(name: string, column: string, value: unknown, choices: RepairChoices, text?: { max: number; required: boolean }): { repair: string; fix: Fix } | null {
  if (text && typeof value === 'string') {
    const clean = cleanText(value, text.max);
    if (text.required && clean.trim() === '') return { repair: 'Set it to “Untitled strategy”', fix: setDetail(column, 'Untitled strategy') };
    return { repair: value.length > text.max ? `Cut it to ${count(text.max)} characters` : 'Remove the characters that cannot be printed', fix: setDetail(column, clean) };
  }
  switch (name) {
    case 'id':
      return typeof value === 'string' && value.toLowerCase() !== value && /^[0-9a-f-]{36}$/i.test(value)
        ? { repair: 'Write it in lower case', fix: setDetail(column, value.toLowerCase()) }
        : { repair: 'Give the workbook a new id', fix: setDetail(column, NEW_ID) };
    case 'force': {
      // A force typed by name ("Kent Police", "KENT") is put right; anything else needs a person to choose.
      const force = (typeof value === 'string' ? findForce(value.trim()) : undefined) ?? (choices.force ? forceById(choices.force) : undefined);
      return force ? { repair: `Set it to ${force.name}`, fix: setDetail(column, force.id) } : null;
    }
    case 'periodStart':
    case 'periodEnd':
    case 'reviewDate':
      return { repair: 'Clear it', fix: setDetail(column, null) };
    case 'createdAt':
    case 'modifiedAt':
      return { repair: 'Set it to the time of the repair', fix: setDetail(column, NOW) };
    default:
      return null;
  }
}

function checkDetails(db: ReadDb, emit: Emit, choices: RepairChoices): void {
  const row = db.prepare('SELECT * FROM workbook WHERE singleton = 1').get() as Row | undefined;
  if (!row) return;
  const shape = WorkbookMetaSchema.shape as Record<string, z.ZodType>;
  const place: ProblemPlace = { recordType: 'workbook', recordLabel: 'Workbook details', recordId: typeof row.id === 'string' ? row.id : null, title: printable(row.title) || '(untitled workbook)' };
  const valid = new Set<string>();
  for (const detail of DETAILS) {
    const value = row[detail.column];
    const schema = shape[detail.name];
    if (!schema) continue;
    const parsed = schema.safeParse(value);
    const upperId = detail.name === 'id' && typeof value === 'string' && value !== value.toLowerCase();
    const tooLongVersion = detail.name === 'appVersion' && typeof value === 'string' && value.length > 50;
    if (parsed.success && !upperId && !tooLongVersion) {
      valid.add(detail.name);
      continue;
    }
    const message = detail.text
      ? (describeText(value, detail.text.max, detail.text.required) ?? 'is not valid')
      : upperId
        ? 'has capital letters (ids are lower case)'
        : detail.name === 'force'
          ? `${quoted(value)} is not one of the 46 UK police forces`
          : tooLongVersion
            ? 'is too long to be a version number'
            : `${quoted(value)} is not valid here (${parsed.error?.issues[0]?.message ?? 'wrong kind of value'})`;
    const repair = tooLongVersion ? { repair: `Set it to ${APP_VERSION}, this version`, fix: setDetail(detail.column, APP_VERSION) } : repairDetail(detail.name, detail.column, value, choices, detail.text);
    const choose = detail.name === 'force' && !repair ? { choose: 'force' as const } : {};
    emit({ ...place, field: detail.name, fieldLabel: detail.label, message, repair: repair?.repair ?? null, fix: repair?.fix ?? null, ...choose });
  }
  if (valid.has('periodStart') && valid.has('periodEnd') && typeof row.period_start === 'string' && typeof row.period_end === 'string' && row.period_start >= row.period_end) {
    emit({ ...place, field: 'periodEnd', fieldLabel: 'Strategy period ends', message: `${quoted(row.period_end)} is not after the start, ${quoted(row.period_start)}`, repair: 'Clear the end of the period', fix: setDetail('period_end', null) });
  }
  checkStoredLogo(db, place, emit);
}

function checkStoredLogo(db: ReadDb, place: ProblemPlace, emit: Emit): void {
  const logo = db.prepare('SELECT logo, logo_type AS type FROM workbook WHERE singleton = 1').get() as { logo: Buffer | null; type: string | null } | undefined;
  if (!logo || (logo.logo === null && logo.type === null)) return;
  const remove = fix([statement('UPDATE workbook SET logo = NULL, logo_type = NULL WHERE singleton = 1')]);
  if (logo.logo === null || logo.type === null) {
    emit({ ...place, field: 'logo', fieldLabel: 'Logo', message: 'is only half there (an image without its type, or a type without an image)', repair: 'Remove the logo', fix: remove });
    return;
  }
  try {
    const checked = checkLogo(Buffer.from(logo.logo), 'the logo');
    if (checked.mediaType !== logo.type) {
      emit({ ...place, field: 'logo', fieldLabel: 'Logo', message: `is a ${checked.mediaType === 'image/png' ? 'PNG' : 'JPEG'} image recorded as ${quoted(logo.type)}`, repair: 'Record its type as it is', fix: fix([statement('UPDATE workbook SET logo_type = ? WHERE singleton = 1', checked.mediaType)]) });
    }
  } catch {
    emit({ ...place, field: 'logo', fieldLabel: 'Logo', message: 'is not a PNG or JPEG image (or it is damaged)', repair: 'Remove the logo (choose it again afterwards)', fix: remove });
  }
}

function checkSections(db: ReadDb, emit: Emit): void {
  for (const row of db.prepare('SELECT section, completed_at AS completedAt FROM section_state').iterate() as Iterable<{ section: string; completedAt: unknown }>) {
    const place: ProblemPlace = { recordType: 'section', recordLabel: 'Section', recordId: null, title: printable(row.section) };
    if (!SectionIdSchema.safeParse(row.section).success) {
      emit({ ...place, field: 'section', fieldLabel: 'Section', message: `${quoted(row.section)} is not a section of the workbook`, repair: 'Remove it', fix: fix([statement('DELETE FROM section_state WHERE section = ?', row.section)]) });
    } else if (row.completedAt !== null && !TimestampSchema.safeParse(row.completedAt).success) {
      emit({ ...place, field: 'completedAt', fieldLabel: 'Completed', message: `${quoted(row.completedAt)} is not a time`, repair: 'Mark the section not completed', fix: fix([statement('DELETE FROM section_state WHERE section = ?', row.section)]) });
    }
  }
}

function checkSettings(db: ReadDb, emit: Emit): void {
  let settings = 0;
  for (const row of db.prepare('SELECT key, value FROM workbook_setting').iterate() as Iterable<{ key: string; value: string }>) {
    settings += 1;
    const place: ProblemPlace = { recordType: 'setting', recordLabel: 'Setting', recordId: null, title: printable(row.key, 60) };
    const remove = fix([statement('DELETE FROM workbook_setting WHERE key = ?', row.key)]);
    const parsed = SettingSchema.safeParse({ key: row.key, value: row.value });
    if (!parsed.success) {
      emit({ ...place, field: 'value', fieldLabel: 'Setting', message: `${describeText(row.key, 100, true) ?? describeText(row.value, 1000, false) ?? 'is not a valid setting'}`, repair: 'Remove it', fix: remove });
      continue;
    }
    // Each known setting against its own schema; one this version does not know is left alone.
    if (isSettingKey(row.key) && !SETTINGS[row.key].schema.safeParse(Number(row.value)).success) {
      const setting = SETTINGS[row.key];
      emit({ ...place, title: setting.title, field: 'value', fieldLabel: 'Value', message: `${quoted(row.value)} is not ${setting.valid}`, repair: `Go back to the default of ${setting.defaultText}`, fix: remove });
    }
  }
  if (settings > MAX_SETTINGS) {
    const unknown = KNOWN_SETTINGS.map(() => '?').join(', ');
    emit({ recordType: 'setting', recordLabel: 'Setting', recordId: null, title: 'Settings', field: 'key', fieldLabel: 'Settings', message: `there are ${count(settings)} settings (at most ${MAX_SETTINGS})`, repair: 'Remove the settings this version does not use', fix: fix([statement(`DELETE FROM workbook_setting WHERE key NOT IN (${unknown})`, ...KNOWN_SETTINGS)]) });
  }
}

interface LinkRow {
  id: string;
  audienceId: string;
  tableId: string;
  areaId: string | null;
  category: unknown;
  createdAt: unknown;
  audienceName: string | null;
  categoryTotal: number | null;
}

function checkEvidenceLinks(db: ReadDb, emit: Emit): void {
  const rows = db
    .prepare(
      `SELECT l.id, l.audience_id AS audienceId, l.table_id AS tableId, l.area_id AS areaId, l.category_name AS category, l.created_at AS createdAt,
         substr(a.name, 1, 400) AS audienceName, c.is_total AS categoryTotal
       FROM evidence_link l LEFT JOIN audience a ON a.id = l.audience_id
       LEFT JOIN census_category c ON c.table_id = l.table_id AND c.name = l.category_name`,
    )
    .iterate() as Iterable<LinkRow>;
  for (const row of rows) {
    const place: ProblemPlace = { recordType: 'evidenceLink', recordLabel: 'Evidence link', recordId: row.id, title: `${printable(row.audienceName, 50) || 'an audience'} → ${printable(row.category, 50)}` };
    const remove = fix([statement('DELETE FROM evidence_link WHERE id = ?', row.id)]);
    const parsed = EvidenceLinkSchema.safeParse({ id: row.id, audienceId: row.audienceId, tableId: row.tableId, areaId: row.areaId, category: row.category, createdAt: row.createdAt });
    const fields = new Set(parsed.success ? [] : parsed.error.issues.map((issue) => String(issue.path[0])));
    if (fields.has('id') || (typeof row.id === 'string' && row.id !== row.id.toLowerCase())) {
      const lower = typeof row.id === 'string' && !fields.has('id');
      emit({ ...place, field: 'id', fieldLabel: 'Id', message: lower ? 'has capital letters (ids are lower case)' : `${quoted(row.id)} is not a valid id`, repair: lower ? 'Write it in lower case' : 'Give it a new id', fix: fix([statement('UPDATE evidence_link SET id = ? WHERE id = ?', lower ? row.id.toLowerCase() : NEW_ID, row.id)], 2) });
    }
    if (fields.has('category')) {
      emit({ ...place, field: 'category', fieldLabel: 'Census figure', message: describeText(row.category, 500, true) ?? 'is not a valid category name', repair: 'Remove the link', fix: remove });
    } else if (row.categoryTotal !== 0) {
      emit({ ...place, field: 'category', fieldLabel: 'Census figure', message: row.categoryTotal === 1 ? "cites the table's total, not one of its figures" : 'cites a figure that is not in its table', repair: 'Remove the link', fix: remove });
    } else if (fields.has('audienceId') || fields.has('tableId') || fields.has('areaId')) {
      emit({ ...place, field: 'audienceId', fieldLabel: 'What it links', message: 'points at a record whose id is not valid', repair: 'Remove the link', fix: remove });
    }
    if (fields.has('createdAt')) emit({ ...place, field: 'createdAt', fieldLabel: 'Created', message: `${quoted(row.createdAt)} is not a time`, repair: 'Set it to the time of the repair', fix: fix([statement('UPDATE evidence_link SET created_at = ? WHERE id = ?', NOW, row.id)]) });
  }
}

/** The workbook's details, section completions, settings and evidence links. */
export function checkWorkbookValues(db: ReadDb, emit: Emit, choices: RepairChoices = {}): void {
  checkDetails(db, emit, choices);
  checkSections(db, emit);
  checkSettings(db, emit);
  checkEvidenceLinks(db, emit);
}

