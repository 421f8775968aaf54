// The task list: the method's sections in order. Sections of later milestones show as not yet available.
export interface SectionDef {
  id: string;
  title: string;
  group?: string;
  available: boolean;
}

export const SECTIONS: readonly SectionDef[] = [
  { id: 'details', title: 'Workbook details', available: true },
  { id: 'aims', title: 'Aims and objectives', group: 'Aims', available: true },
  { id: 'areas', title: 'Areas', group: 'Who', available: true },
  { id: 'audiences', title: 'Audiences', group: 'Who', available: true },
  { id: 'assets', title: 'Assets', group: 'Who', available: true },
  { id: 'vulnerabilities', title: 'Vulnerabilities', group: 'Who', available: true },
  { id: 'places', title: 'Places', group: 'Who', available: true },
  { id: 'census', title: 'Census evidence', group: 'Who', available: true },
  { id: 'channels', title: 'Channels', group: 'How', available: false },
  { id: 'receptivity', title: 'Receptivity', group: 'How', available: false },
  { id: 'partners', title: 'Partners', group: 'How', available: false },
  { id: 'events', title: 'Community events', group: 'How', available: false },
  { id: 'what-works', title: 'What works', group: 'How', available: false },
  { id: 'messages', title: 'Messages', group: 'What', available: false },
  { id: 'action-plan', title: 'Action plan', group: 'What', available: false },
  { id: 'good', title: 'What good looks like', available: false },
  { id: 'crime', title: 'Evidence (crime)', available: false },
  { id: 'practice', title: 'Prior practice', available: false },
  { id: 'review', title: 'Review', available: false },
  { id: 'export', title: 'Export', available: true },
];
