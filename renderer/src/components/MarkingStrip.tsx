// The protective marking, in capitals, at the top and bottom of every screen. The strips sit in the
// page's banner and footer (see AppShell), so they add no landmarks of their own.
import type { ProtectiveMarking } from '../../../shared/domain/markings.ts';

export function MarkingStrip({ marking, position }: { marking: ProtectiveMarking; position: 'top' | 'bottom' }) {
  return (
    <p className={`marking-strip marking-strip--${position}`} data-testid={`marking-${position}`}>
      {marking}
    </p>
  );
}
