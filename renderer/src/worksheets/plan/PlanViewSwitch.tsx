// "List | Calendar": how the action plan is shown, two toggle buttons (aria-pressed) rather than
// tabs, since each view is the whole of the block; the choice is kept for the tab, so a reload
// comes back to the same view.
import { useState } from 'react';

export type PlanView = 'list' | 'calendar';

function keptView(handle: string): PlanView {
  try {
    return sessionStorage.getItem(`ewb-plan-view:${handle}`) === 'calendar' ? 'calendar' : 'list';
  } catch {
    return 'list';
  }
}

export function usePlanView(handle: string): [PlanView, (view: PlanView) => void] {
  const [view, setView] = useState<PlanView>(() => keptView(handle));
  const choose = (next: PlanView) => {
    setView(next);
    try {
      sessionStorage.setItem(`ewb-plan-view:${handle}`, next);
    } catch {
      // Not kept: a reload shows the list.
    }
  };
  return [view, choose];
}

export function PlanViewSwitch({ view, onChange }: { view: PlanView; onChange: (view: PlanView) => void }) {
  return (
    <div className="view-switch" role="group" aria-label="Show the action plan as">
      <button type="button" className="button button--secondary button--small" aria-pressed={view === 'list'} onClick={() => onChange('list')}>
        List
      </button>
      <button type="button" className="button button--secondary button--small" aria-pressed={view === 'calendar'} onClick={() => onChange('calendar')}>
        Calendar
      </button>
    </div>
  );
}
