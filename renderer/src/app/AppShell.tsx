// The frame every screen sits in: one banner (the top marking strip and, in a workbook, its title
// bar), the screen's body, and the bottom marking strip as the footer. The frame is exactly the
// window's height and never scrolls: only the regions inside the body do, so the strips and the
// title bar stay on screen.
import type { ReactNode } from 'react';
import type { ProtectiveMarking } from '../../../shared/domain/markings.ts';
import { MarkingStrip } from '../components/MarkingStrip.tsx';

export function AppShell({ marking, bar, children }: { marking: ProtectiveMarking; bar?: ReactNode; children: ReactNode }) {
  return (
    <div className="app">
      <header className="app__header">
        <MarkingStrip marking={marking} position="top" />
        {bar}
      </header>
      <div className="app__body">{children}</div>
      <footer className="app__footer">
        <MarkingStrip marking={marking} position="bottom" />
      </footer>
    </div>
  );
}
