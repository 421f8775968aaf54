// What goes into a share copy, decided on the interchange model of the workbook: personal and
// special-category fields (the descriptors' list, so a record type added later is covered with no
// change here), people's names and posts in the details, free-text notes the planner has not chosen
// to keep, records whose "Include in share copies" box is unticked (and what hangs on them, and
// every link to them). Lists this module does not know are left out, not passed through: a later
// kind of data has to be decided on here before it can travel (a test lists every list it knows).
import type { Interchange } from '../../../shared/api/interchange.ts';
import { SETTING_KEYS } from '../../../shared/api/settings.ts';
import type { ShareNote, ShareSummary } from '../../../shared/api/share.ts';
import { emptyValue } from '../../../shared/api/records.ts';
import { forceById } from '../../../shared/domain/forces.ts';
import { RECORD_TYPES, RECORD_TYPE_NAMES, personalFields, type RecordTypeName } from '../../../shared/domain/record-types.ts';
import { AppError } from '../app-error.ts';

type Row = Record<string, unknown> & { id: string };
type Records = Interchange['records'];

/**
 * Free text that is the substance of what is shared, and so goes without being chosen: what a
 * practice was and what came of it (issue 14). Every other long text is a note.
 */
export const SHARED_TEXT: Readonly<Partial<Record<RecordTypeName, readonly string[]>>> = { practice: ['description', 'outcomeNote'] };

/** The lists of the interchange format besides the record types, and what the copy does with each. */
export const SIDE_LISTS = {
  sectionCompletions: 'kept',
  censusTables: 'kept',
  evidenceLinks: 'kept while its audience and area are shared',
  receptivity: 'kept while its audience and channel are shared; its note only if chosen',
  crimeTrendLinks: 'kept while the audience or area citing it, and the area it is for, are shared',
  settings: 'the settings this version knows',
  libraryEntries: 'left out: other forces’ practice in our library is theirs to share (a practice we adopted from them is ours, and goes with the force and workbook it came from)',
} as const;

const PREVIEW = 160;

/** A note as the share dialog shows it: whole if short, else cut at a word's end (never mid-word or mid-character) with an ellipsis. */
export function notePreview(text: string): string {
  if (text.length <= PREVIEW) return text;
  const head = text.slice(0, PREVIEW);
  const space = head.search(/\s\S*$/);
  // A long run without spaces (a web address) is cut where it must be, but never inside a character.
  const cut = space > PREVIEW / 2 ? head.slice(0, space) : head.replace(/[\uD800-\uDBFF]$/, '');
  return `${cut.replace(/[\s,;:.–—-]+$/, '')}…`;
}

/**
 * The notes of a record type: its notes, every optional long text (a required one — a message's
 * words, what the community said — is the record itself, as a title is), and the notes of a
 * checklist's results.
 */
function noteFields(type: RecordTypeName): Array<{ name: string; label: string; checklist: boolean }> {
  const shared = SHARED_TEXT[type] ?? [];
  const texts = RECORD_TYPES[type].fields.filter((f) => ((f.kind === 'longText' && !f.required) || f.kind === 'checklist') && !f.personal && !f.specialCategory && !shared.includes(f.name));
  return [{ name: 'notes', label: 'Notes', checklist: false }, ...texts.map((f) => ({ name: f.name, label: f.label, checklist: f.kind === 'checklist' }))];
}

/** A checklist's notes as one text (for the summary), and the checklist with its notes emptied. */
function checklistNotes(value: unknown): { text: string; emptied: unknown } {
  if (value === null || typeof value !== 'object') return { text: '', emptied: value };
  const results = Object.entries(value as Record<string, { pass: unknown; note?: unknown }>);
  const text = results.map(([, result]) => (typeof result?.note === 'string' ? result.note.trim() : '')).filter(Boolean).join(' · ');
  return { text, emptied: Object.fromEntries(results.map(([check, result]) => [check, { ...result, note: '' }])) };
}

function titleOf(type: RecordTypeName, row: Row): string {
  const value = row[RECORD_TYPES[type].titleField];
  return typeof value === 'string' && value !== '' ? value : `(untitled ${RECORD_TYPES[type].label.toLowerCase()})`;
}

function filled(value: unknown): boolean {
  return !(value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0));
}

export interface StripResult {
  content: Pick<Interchange, 'workbook' | 'records'>;
  summary: ShareSummary;
}

/**
 * The content of a share copy and the summary the planner sees. `keepNotes` holds note keys or
 * record ids; one that names no note is refused, so a mistyped id never silently drops a note the
 * planner meant to keep.
 */
export function stripForSharing(data: Pick<Interchange, 'workbook' | 'records'>, keepNotes: readonly string[]): StripResult {
  const source = data.records as unknown as Record<string, Row[]>;
  const leftOutRecords: ShareSummary['leftOut']['records'] = [];
  const present = new Map<RecordTypeName, Map<string, Row>>();
  for (const type of RECORD_TYPE_NAMES) {
    const rows = new Map<string, Row>();
    for (const row of source[type] ?? []) {
      if (row.shareable === false) leftOutRecords.push({ recordType: type, label: RECORD_TYPES[type].label, recordId: row.id, title: titleOf(type, row), why: 'unticked' });
      else rows.set(row.id, row);
    }
    present.set(type, rows);
  }
  // A record whose required reference points at a record left out cannot stand without it (an
  // objective of an unshared aim): it is left out too, until nothing more changes.
  for (let changed = true; changed; ) {
    changed = false;
    for (const type of RECORD_TYPE_NAMES) {
      const required = RECORD_TYPES[type].fields.filter((f) => f.kind === 'ref' && f.required && f.target);
      for (const row of [...present.get(type)!.values()]) {
        if (required.some((f) => typeof row[f.name] === 'string' && !present.get(f.target!)!.has(row[f.name] as string))) {
          present.get(type)!.delete(row.id);
          leftOutRecords.push({ recordType: type, label: RECORD_TYPES[type].label, recordId: row.id, title: titleOf(type, row), why: 'depends' });
          changed = true;
        }
      }
    }
  }
  const has = (type: RecordTypeName, id: unknown) => typeof id === 'string' && present.get(type)!.has(id);

  const notes: ShareNote[] = [];
  const keep = new Set(keepNotes);
  const used = new Set<string>();
  const kept = (key: string, recordId: string) => {
    const yes = keep.has(key) || keep.has(recordId);
    if (keep.has(key)) used.add(key);
    if (keep.has(recordId)) used.add(recordId);
    return yes;
  };
  const personal: ShareSummary['leftOut']['personal'] = [];
  const records: Record<string, unknown[]> = {};
  for (const type of RECORD_TYPE_NAMES) {
    const def = RECORD_TYPES[type];
    const hidden = personalFields(type);
    const texts = noteFields(type);
    let personalValues = 0;
    records[type] = [...present.get(type)!.values()].map((row) => {
      const out: Record<string, unknown> = {};
      for (const [name, value] of Object.entries(row)) {
        if (hidden.includes(name)) {
          if (filled(value)) personalValues += 1;
          continue;
        }
        out[name] = value;
      }
      for (const field of def.fields) if (field.kind === 'ref' && field.target && filled(out[field.name]) && !has(field.target, out[field.name])) out[field.name] = null;
      for (const link of def.links) if (Array.isArray(out[link.name])) out[link.name] = (out[link.name] as unknown[]).filter((id) => has(link.target, id));
      for (const text of texts) {
        const checklist = text.checklist ? checklistNotes(out[text.name]) : null;
        const value = checklist ? checklist.text : out[text.name];
        if (typeof value !== 'string' || value.trim() === '') continue;
        const key = `${row.id}/${text.name}`;
        const keepIt = kept(key, row.id);
        notes.push({ key, recordType: type, recordLabel: def.label, recordId: row.id, title: titleOf(type, row), fieldLabel: text.label, preview: notePreview(value), kept: keepIt });
        if (!keepIt) out[text.name] = checklist ? checklist.emptied : text.name === 'notes' ? '' : emptyValue(def.fields.find((f) => f.name === text.name)!);
      }
      return out;
    });
    if (hidden.length > 0) personal.push({ recordType: type, label: def.plural, fields: def.fields.filter((f) => hidden.includes(f.name)).map((f) => f.label), values: personalValues });
  }

  const side = data.records as Records;
  const audiences = present.get('audience')!;
  const channels = present.get('channel')!;
  const receptivity = (side.receptivity ?? []).flatMap((cell) => {
    if (!has('audience', cell.audienceId) || !has('channel', cell.channelId)) return [];
    if (cell.note.trim() === '') return [cell];
    const key = `${cell.audienceId}/receptivity/${cell.channelId}`;
    const keepIt = kept(key, cell.audienceId);
    const channelName = String(channels.get(cell.channelId)!.name ?? '');
    notes.push({ key, recordType: 'audience', recordLabel: 'Audience', recordId: cell.audienceId, title: titleOf('audience', audiences.get(cell.audienceId)!), fieldLabel: `Who listens where: ${channelName}`, preview: notePreview(cell.note), kept: keepIt });
    if (keepIt) return [cell];
    // A cell that is unknown says nothing once its note is gone: the format leaves such cells out.
    return cell.value === 'unknown' ? [] : [{ ...cell, note: '' }];
  });
  const unknownKeeps = [...keep].filter((key) => !used.has(key));
  if (unknownKeeps.length > 0) {
    throw new AppError('invalid-input', `There is no note to keep called ${unknownKeeps.slice(0, 3).map((k) => `"${k}"`).join(', ')}${unknownKeeps.length > 3 ? ` (and ${unknownKeeps.length - 3} more)` : ''}. Give a record id, or a note's key as the summary lists it (record id/field).`, { keepNotes: 'Not a note of this workbook' });
  }

  const areaShared = (id: string | null) => id === null || has('area', id);
  const content: Records = {
    ...(records as unknown as Records),
    sectionCompletions: side.sectionCompletions ?? [],
    censusTables: side.censusTables ?? [],
    evidenceLinks: (side.evidenceLinks ?? []).filter((link) => has('audience', link.audienceId) && areaShared(link.areaId)),
    receptivity,
    crimeTrendLinks: (side.crimeTrendLinks ?? []).filter((link) => (link.audienceId === null || has('audience', link.audienceId)) && (link.citingAreaId === null || has('area', link.citingAreaId)) && areaShared(link.areaId)),
    settings: (side.settings ?? []).filter((entry) => (SETTING_KEYS as readonly string[]).includes(entry.key)),
  };

  const { author, owner, approver, ...workbook } = data.workbook;
  const details = [
    ...(filled(author) ? ['The author’s name'] : []),
    ...(filled(owner) ? ['The post that owns the strategy'] : []),
    ...(filled(approver) ? ['The post that approves it'] : []),
  ];
  const stays = [
    ...RECORD_TYPE_NAMES.map((type) => ({ label: RECORD_TYPES[type].plural, count: (content[type] as unknown[]).length })),
    { label: 'Census tables', count: content.censusTables.length },
    { label: 'Cells of who listens where', count: content.receptivity.length },
    { label: 'Evidence cited', count: content.evidenceLinks.length + content.crimeTrendLinks.length },
  ].filter((entry) => entry.count > 0);
  const summary: ShareSummary = {
    title: data.workbook.title,
    force: data.workbook.force,
    forceName: forceById(data.workbook.force)?.name ?? data.workbook.force,
    leftOut: { personal, details, records: leftOutRecords, libraryPractices: 0, history: true },
    notes,
    stays,
  };
  return { content: { workbook, records: content }, summary };
}
