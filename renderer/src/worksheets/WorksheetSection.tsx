// A worksheet section: guidance, then for each record type its list with the selected record's
// form beside it and the unfinished records kept as drafts, then the section's gaps (each a link to
// its record) and "Mark as completed".
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { RECORD_TYPES, recordTypesInSection, type RecordTypeName, type SectionId } from '../../../shared/domain/record-types.ts';
import type { Gap, RecordValues } from '../../../shared/api/records.ts';
import { RecordList } from '../components/RecordList.tsx';
import type { SaveState } from './use-autosave.ts';
import { columnsByType } from './record-columns.ts';
import { RecordForm } from './RecordForm.tsx';
import { titleOf } from './record-titles.ts';
import { GuidancePanel } from './GuidancePanel.tsx';
import { SectionGaps } from './SectionGaps.tsx';
import { useWorkbookData } from './workbook-data.tsx';
import { AreaLookupImport } from './AreaLookupImport.tsx';
import { ContactListImport } from './how/ContactListImport.tsx';
import { gapFieldName, type FocusRequest, type GapRequest } from './gap-targets.ts';
import { missingPrerequisite } from './record-draft.ts';
import { KeptDrafts, draftTitle } from './KeptDrafts.tsx';
import { ActionPlanCalendar } from './plan/ActionPlanCalendar.tsx';
import { PlanViewSwitch, usePlanView } from './plan/PlanViewSwitch.tsx';
import { useDraftShelf, useKeptDrafts } from './drafts-context.tsx';

/**
 * Which record's form is open. `formKey` stays the same when a new record is created, so the form
 * the planner is typing in is not replaced (and their typing not lost) at that moment; for a new
 * record it is also the key of its kept draft. `focusFirst`: the planner asked for the form (Add,
 * Continue), so focus goes to its first field; a form shown again after a reload does not take focus.
 */
type Selection = { type: RecordTypeName; id: string | 'new'; formKey: string; focus?: FocusRequest; focusFirst?: boolean } | null;

/** The form open in each section is remembered for the tab, so switching section or reloading comes back to it. */
function rememberedSelection(handle: string, section: string): Selection {
  try {
    const kept = JSON.parse(sessionStorage.getItem(`ewb-form:${handle}:${section}`) ?? 'null') as Selection;
    return kept && typeof kept.type === 'string' && typeof kept.id === 'string' && typeof kept.formKey === 'string' ? { type: kept.type, id: kept.id, formKey: kept.formKey } : null;
  } catch {
    return null;
  }
}

function remember(handle: string, section: string, selection: Selection): void {
  try {
    if (selection) sessionStorage.setItem(`ewb-form:${handle}:${section}`, JSON.stringify({ type: selection.type, id: selection.id, formKey: selection.formKey }));
    else sessionStorage.removeItem(`ewb-form:${handle}:${section}`);
  } catch {
    // Not remembered: the section opens with no form, as it did before.
  }
}

interface WorksheetSectionProps {
  section: SectionId;
  onSaveState: (state: SaveState) => void;
  /** A gap chosen in this section or in the list of all gaps: its record opens, the field concerned focused. */
  gapRequest: GapRequest | null;
  onOpenGap: (gap: Gap) => void;
  /** The strategy period and marking, for the action plan's calendar. */
  plan?: { periodStart: string | null; periodEnd: string | null; marking: string };
}

export function WorksheetSection({ section, onSaveState, gapRequest, onOpenGap, plan }: WorksheetSectionProps) {
  const data = useWorkbookData();
  const shelf = useDraftShelf();
  const drafts = useKeptDrafts();
  const [selection, setSelectionState] = useState<Selection>(() => rememberedSelection(data.handle, section));
  /** Said when an unfinished record is put aside, so the planner knows where it went. */
  const [keptNotice, setKeptNotice] = useState<{ type: RecordTypeName; text: string } | null>(null);
  const types = recordTypesInSection(section);
  const [planView, setPlanView] = usePlanView(data.handle);
  const period = useMemo(() => ({ start: plan?.periodStart ?? null, end: plan?.periodEnd ?? null }), [plan?.periodStart, plan?.periodEnd]);

  const setSelection = useCallback(
    (next: Selection | ((current: Selection) => Selection)) => {
      setSelectionState((current) => {
        const value = typeof next === 'function' ? next(current) : next;
        remember(data.handle, section, value);
        return value;
      });
    },
    [data.handle, section],
  );

  /** Leaving the open form: a new record with something typed stays on the shelf, and the planner is told. */
  function putAside(): void {
    if (!selection || selection.id !== 'new') return;
    const kept = shelf.get(selection.formKey);
    if (kept) setKeptNotice({ type: selection.type, text: `Your unfinished ${RECORD_TYPES[selection.type].label.toLowerCase()} ${draftTitle(kept)} is kept as a draft below the list: choose Continue to finish it.` });
  }

  function add(type: RecordTypeName): void {
    putAside();
    setSelection({ type, id: 'new', formKey: `new-${crypto.randomUUID()}`, focusFirst: true });
  }

  function close(): void {
    putAside();
    setSelection(null);
  }

  const titles = useMemo(() => {
    const map = new Map<string, string>();
    for (const [type, records] of Object.entries(data.records) as Array<[RecordTypeName, RecordValues[]]>) for (const record of records) map.set(record.id, titleOf(type, record));
    return map;
  }, [data.records]);
  const titleOfActivity = useCallback((record: RecordValues) => titles.get(record.id) ?? '', [titles]);
  const lookup = useCallback((_type: RecordTypeName, id: unknown) => (typeof id === 'string' ? (titles.get(id) ?? '') : ''), [titles]);
  const objectiveCounts = useMemo(() => {
    const counts = new Map<string, number>();
    for (const objective of data.records.objective) counts.set(String(objective.aimId), (counts.get(String(objective.aimId)) ?? 0) + 1);
    return counts;
  }, [data.records.objective]);
  // Made once for the section's records, not on each render: a list's row texts are worked out again
  // whenever its columns are new, so new columns on every selection made each arrow key rework them all.
  const columns = useMemo(() => columnsByType(section, lookup, objectiveCounts), [section, lookup, objectiveCounts]);

  const startedFor = useRef<number | null>(null);
  useEffect(() => {
    if (!gapRequest || gapRequest.gap.section !== section) return;
    const { recordType, recordId } = gapRequest.gap;
    if (!recordType || !recordId) return;
    if (types.some((def) => def.type === recordType)) {
      setSelection({ type: recordType as RecordTypeName, id: recordId, formKey: recordId, focus: { field: gapFieldName(gapRequest.gap), at: gapRequest.at } });
      return;
    }
    // A gap about a record of another section that a record here would close (a priority audience no
    // partner reaches): a new record starts with it already linked, ready for its name.
    const linking = types.map((def) => ({ type: def.type, link: RECORD_TYPES[def.type].links.find((l) => l.target === recordType) })).find((candidate) => candidate.link);
    // Once for each request, however often the effect runs.
    if (!linking?.link || startedFor.current === gapRequest.at) return;
    startedFor.current = gapRequest.at;
    const formKey = `new-${crypto.randomUUID()}`;
    shelf.keep({ key: formKey, type: linking.type, recordId: null, values: { [linking.link.name]: [recordId] }, touched: [] });
    setSelection({ type: linking.type, id: 'new', formKey, focusFirst: true });
    // `types` follows from `section`, so the request alone decides.
  }, [gapRequest, section, setSelection, shelf]);

  return (
    <div className="worksheet">
      <GuidancePanel section={section} />
      {section === 'areas' && !data.readOnly && <AreaLookupImport />}
      {(section === 'partners' || section === 'assets') && !data.readOnly && <ContactListImport target={section === 'partners' ? 'partner' : 'asset'} />}
      {types.map((def) => {
        const records = data.records[def.type];
        const selected = selection?.type === def.type ? selection.id : null;
        const record = selected && selected !== 'new' ? (records.find((r) => r.id === selected) ?? null) : null;
        const showForm = selected === 'new' || record !== null;
        const formKey = showForm ? selection!.formKey : null;
        const blocked = missingPrerequisite(def.type, data.records);
        const shelved = drafts.filter((draft) => draft.type === def.type && draft.key !== formKey && !(draft.recordId && draft.recordId === record?.id));
        const label = def.label.toLowerCase();
        return (
          <section key={def.type} className="worksheet__block" aria-labelledby={`${def.type}-heading`}>
            <div className="worksheet__block-head">
              <h3 id={`${def.type}-heading`} className="worksheet__block-title">{def.plural}</h3>
              {!data.readOnly && (
                <span className="worksheet__add">
                  {blocked && <span className="field__hint worksheet__add-reason" id={`${def.type}-add-reason`}>{blocked}</span>}
                  <button type="button" className="button button--small" disabled={blocked !== null} aria-describedby={blocked ? `${def.type}-add-reason` : undefined} onClick={() => add(def.type)}>
                    Add {label}
                  </button>
                </span>
              )}
            </div>
            <p className="worksheet__kept" role="status">{keptNotice?.type === def.type ? keptNotice.text : ''}</p>
            <div className={`worksheet__split${showForm ? ' worksheet__split--with-form' : ''}`}>
              <div className="worksheet__records">
                {def.type === 'activity' && <PlanViewSwitch view={planView} onChange={setPlanView} />}
                {def.type === 'activity' && planView === 'calendar' ? (
                  <ActionPlanCalendar
                    handle={data.handle}
                    records={records}
                    titleOf={titleOfActivity}
                    period={period}
                    marking={plan?.marking ?? ''}
                    onOpenActivity={(id) => {
                      putAside();
                      setSelection({ type: def.type, id, formKey: id, focusFirst: true });
                    }}
                  />
                ) : (
                  <RecordList
                    id={`${def.type}-list`}
                    label={def.plural}
                    records={records}
                    // Beside an open form there is room for the name and one more column.
                    columns={showForm ? columns.get(def.type)!.beside : columns.get(def.type)!.all}
                    selectedId={record?.id ?? null}
                    onSelect={(id) => {
                      putAside();
                      setSelection({ type: def.type, id, formKey: id });
                    }}
                    emptyText={blocked ?? `None recorded yet. Choose "Add ${label}" to record the first.`}
                  />
                )}
                <KeptDrafts
                  type={def.type}
                  drafts={shelved}
                  titleOfRecord={(id) => titles.get(id)}
                  onContinue={(draft) => {
                    putAside();
                    setKeptNotice(null);
                    setSelection({ type: draft.type, id: draft.recordId ?? 'new', formKey: draft.key, focusFirst: true });
                  }}
                />
              </div>
              {showForm && formKey && (
                <div className="worksheet__form">
                  <RecordForm
                    key={`${formKey}:${data.generation}`}
                    type={def.type}
                    record={record}
                    draftKey={formKey}
                    focus={selection?.focus ?? null}
                    focusFirst={selection?.focusFirst ?? false}
                    onCreated={(id) => setSelection((current) => (current && current.formKey === formKey ? { ...current, id } : current))}
                    onDeleted={() => setSelection(null)}
                    onDiscarded={() => {
                      setKeptNotice(null);
                      setSelection(null);
                    }}
                    onSaveState={onSaveState}
                  />
                  <button type="button" className="link-button" onClick={close}>Close the form</button>
                </div>
              )}
            </div>
          </section>
        );
      })}
      <SectionGaps section={section} onOpen={onOpenGap} />
    </div>
  );
}
