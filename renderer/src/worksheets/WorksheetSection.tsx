// A worksheet section: guidance, then for each record type its list with the selected record's
// form beside it, then the section's gaps (each a link to its record) and "Mark as completed".
import { useCallback, useEffect, useMemo, useState } from 'react';
import { recordTypesInSection, type RecordTypeName, type SectionId } from '../../../shared/domain/record-types.ts';
import type { Gap, RecordValues } from '../../../shared/api/records.ts';
import { RecordList } from '../components/RecordList.tsx';
import type { SaveState } from './use-autosave.ts';
import { columnsFor } from './record-columns.ts';
import { RecordForm } from './RecordForm.tsx';
import { titleOf } from './record-titles.ts';
import { GuidancePanel } from './GuidancePanel.tsx';
import { SectionGaps } from './SectionGaps.tsx';
import { useWorkbookData } from './workbook-data.tsx';
import { AreaLookupImport } from './AreaLookupImport.tsx';
import { gapFieldName, type FocusRequest, type GapRequest } from './gap-targets.ts';

/**
 * Which record's form is open. `formKey` stays the same when a new record is created, so the form
 * the planner is typing in is not replaced (and their typing not lost) at that moment.
 */
type Selection = { type: RecordTypeName; id: string | 'new'; formKey: string; focus?: FocusRequest } | null;

let newFormCounter = 0;

interface WorksheetSectionProps {
  section: SectionId;
  onSaveState: (state: SaveState) => void;
  /** A gap chosen in this section or in the list of all gaps: its record opens, the field concerned focused. */
  gapRequest: GapRequest | null;
  onOpenGap: (gap: Gap) => void;
}

export function WorksheetSection({ section, onSaveState, gapRequest, onOpenGap }: WorksheetSectionProps) {
  const data = useWorkbookData();
  const [selection, setSelection] = useState<Selection>(null);
  const types = recordTypesInSection(section);

  const titles = useMemo(() => {
    const map = new Map<string, string>();
    for (const [type, records] of Object.entries(data.records) as Array<[RecordTypeName, RecordValues[]]>) for (const record of records) map.set(record.id, titleOf(type, record));
    return map;
  }, [data.records]);
  const lookup = useCallback((_type: RecordTypeName, id: unknown) => (typeof id === 'string' ? (titles.get(id) ?? '') : ''), [titles]);
  const objectiveCounts = useMemo(() => {
    const counts = new Map<string, number>();
    for (const objective of data.records.objective) counts.set(String(objective.aimId), (counts.get(String(objective.aimId)) ?? 0) + 1);
    return counts;
  }, [data.records.objective]);

  useEffect(() => {
    if (!gapRequest || gapRequest.gap.section !== section) return;
    const { recordType, recordId } = gapRequest.gap;
    if (!recordType || !recordId || !types.some((def) => def.type === recordType)) return;
    setSelection({ type: recordType as RecordTypeName, id: recordId, formKey: recordId, focus: { field: gapFieldName(gapRequest.gap), at: gapRequest.at } });
    // `types` follows from `section`, so the request alone decides.
  }, [gapRequest, section]);

  return (
    <div className="worksheet">
      <GuidancePanel section={section} />
      {section === 'areas' && !data.readOnly && <AreaLookupImport />}
      {types.map((def) => {
        const records = data.records[def.type];
        const selected = selection?.type === def.type ? selection.id : null;
        const record = selected && selected !== 'new' ? (records.find((r) => r.id === selected) ?? null) : null;
        const showForm = selected === 'new' || record !== null;
        return (
          <section key={def.type} className="worksheet__block" aria-labelledby={`${def.type}-heading`}>
            <div className="worksheet__block-head">
              <h3 id={`${def.type}-heading`} className="worksheet__block-title">{def.plural}</h3>
              {!data.readOnly && (
                <button type="button" className="button button--small" onClick={() => setSelection({ type: def.type, id: 'new', formKey: `new-${(newFormCounter += 1)}` })}>
                  Add {def.label.toLowerCase()}
                </button>
              )}
            </div>
            <div className={`worksheet__split${showForm ? ' worksheet__split--with-form' : ''}`}>
              <RecordList
                id={`${def.type}-list`}
                label={def.plural}
                records={records}
                // Beside an open form there is room for the name and one more column.
                columns={columnsFor(def.type, lookup, { objectivesOf: (aimId) => objectiveCounts.get(aimId) ?? 0 }).slice(0, showForm ? 2 : undefined)}
                selectedId={record?.id ?? null}
                onSelect={(id) => setSelection({ type: def.type, id, formKey: id })}
                emptyText={def.type === 'objective' && data.records.aim.length === 0 ? 'Add an aim first: each objective serves an aim.' : `No ${def.plural.toLowerCase()} yet. Choose "Add ${def.label.toLowerCase()}" to record the first.`}
              />
              {showForm && (
                <div className="worksheet__form">
                  <RecordForm
                    key={`${selection?.formKey ?? ''}:${data.generation}`}
                    type={def.type}
                    record={record}
                    focus={selection?.focus ?? null}
                    onCreated={(id) => setSelection((current) => (current ? { ...current, id } : current))}
                    onDeleted={() => setSelection(null)}
                    onSaveState={onSaveState}
                  />
                  <button type="button" className="link-button" onClick={() => setSelection(null)}>Close the form</button>
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
