// Which section of a workbook is showing, kept for the browser tab so a reload comes back to it;
// each choice is a new visit, so choosing the section already shown still moves focus to it.
import { useCallback, useState } from 'react';

export interface SectionPlace {
  section: string;
  /** Goes up with every choice, even of the section already showing. */
  visit: number;
  /** Whether focus should move to the section's heading (a choice from the menu), or stays where the planner put it. */
  focusHeading: boolean;
}

const key = (handle: string) => `ewb-section:${handle}`;

export function useSectionPlace(handle: string, valid: (section: string) => boolean, first = 'details'): [SectionPlace, (section: string, focusHeading?: boolean) => void] {
  const [place, setPlace] = useState<SectionPlace>(() => {
    const kept = sessionStorage.getItem(key(handle));
    return { section: kept && valid(kept) ? kept : first, visit: 0, focusHeading: false };
  });
  const choose = useCallback(
    (section: string, focusHeading = true) => {
      sessionStorage.setItem(key(handle), section);
      setPlace((current) => ({ section, visit: current.visit + 1, focusHeading }));
    },
    [handle],
  );
  return [place, choose];
}
