// Government Security Classifications used on workbooks: OFFICIAL, with the OFFICIAL-SENSITIVE caveat.
export const PROTECTIVE_MARKINGS = ['OFFICIAL', 'OFFICIAL-SENSITIVE'] as const;
export type ProtectiveMarking = (typeof PROTECTIVE_MARKINGS)[number];
export const DEFAULT_MARKING: ProtectiveMarking = 'OFFICIAL-SENSITIVE';
