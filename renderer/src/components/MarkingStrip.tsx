// The protective marking, in capitals, at the top and bottom of every screen. The top strip is a
// labelled region, not a banner: the workbook's title bar is the page's one banner landmark.
import type { ProtectiveMarking } from '../../../shared/domain/markings.ts';

export function MarkingStrip({ marking, position }: { marking: ProtectiveMarking; position: 'top' | 'bottom' }) {
  return (
    <div className={`marking-strip marking-strip--${position}`} role={position === 'top' ? 'region' : 'contentinfo'} aria-label={`Protective marking: ${marking}`} data-testid={`marking-${position}`}>
      {marking}
    </div>
  );
}
