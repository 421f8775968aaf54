// The protective marking, in capitals, at the top and bottom of every screen.
import type { ProtectiveMarking } from '../../../shared/domain/markings.ts';

export function MarkingStrip({ marking, position }: { marking: ProtectiveMarking; position: 'top' | 'bottom' }) {
  return (
    <div className={`marking-strip marking-strip--${position}`} role={position === 'top' ? 'banner' : 'contentinfo'} aria-label={`Protective marking: ${marking}`} data-testid={`marking-${position}`}>
      {marking}
    </div>
  );
}
