// A list of gaps, each a link to the field or record concerned: the same list in a section's gaps
// and on the page of every gap.
import type { Gap } from '../../../shared/api/records.ts';

export function GapList({ gaps, onOpen }: { gaps: readonly Gap[]; onOpen: (gap: Gap) => void }) {
  return (
    <ul className="gap-list">
      {gaps.map((gap) => (
        <li key={gap.key}>
          <button type="button" className="link-button" onClick={() => onOpen(gap)}>{gap.message}</button>
        </li>
      ))}
    </ul>
  );
}
