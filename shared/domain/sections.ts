// The method's sections in the task list's order, the parts of the deliverables they belong to, and
// the chapters of the strategy document. Which sections are available, which can be marked
// completed and which parts can be exported all follow from the record-type descriptors: a new
// record type placed in a section makes that section (and its part of the exports) appear.
import { RECORD_TYPES, RECORD_TYPE_NAMES } from './record-type-descriptors.ts';

/** A part of the deliverables: what `--sections` and the Export screen choose between. */
export const EXPORT_PARTS = [
  { id: 'aims', title: 'Purpose: aims and objectives' },
  { id: 'who', title: 'Who we will engage' },
  { id: 'evidence', title: 'Evidence: census and crime' },
  { id: 'how', title: 'How we will reach them' },
  { id: 'what', title: 'What we will say' },
  { id: 'plan', title: 'Action plan' },
  { id: 'good', title: 'What good looks like' },
  { id: 'review', title: 'Review' },
] as const;
export type ExportPartId = (typeof EXPORT_PARTS)[number]['id'];

/** A screen that is not a worksheet of records. */
export type SectionScreen = 'overview' | 'details' | 'census' | 'crime' | 'receptivity' | 'practice' | 'good' | 'review' | 'export';

/** Screens of their own that can still be marked completed: census tables, crime evidence, the receptivity grid, the self-assessment and the review log. */
const COMPLETABLE_SCREENS: readonly SectionScreen[] = ['census', 'crime', 'receptivity', 'good', 'review'];

export interface MethodSection {
  readonly id: string;
  readonly title: string;
  readonly group?: 'Aims' | 'Who' | 'How' | 'What';
  /** The part of the deliverables its content goes into (none for details and export). */
  readonly part: ExportPartId | null;
  readonly screen?: SectionScreen;
}

export const METHOD_SECTIONS = [
  { id: 'overview', title: 'Overview', part: null, screen: 'overview' },
  { id: 'details', title: 'Workbook details', part: null, screen: 'details' },
  { id: 'aims', title: 'Aims and objectives', group: 'Aims', part: 'aims' },
  { id: 'areas', title: 'Areas', group: 'Who', part: 'who' },
  { id: 'audiences', title: 'Audiences', group: 'Who', part: 'who' },
  { id: 'assets', title: 'Assets', group: 'Who', part: 'who' },
  { id: 'vulnerabilities', title: 'Vulnerabilities', group: 'Who', part: 'who' },
  { id: 'places', title: 'Places', group: 'Who', part: 'who' },
  { id: 'census', title: 'Census evidence', group: 'Who', part: 'evidence', screen: 'census' },
  { id: 'channels', title: 'Channels', group: 'How', part: 'how' },
  { id: 'receptivity', title: 'Who listens where', group: 'How', part: 'how', screen: 'receptivity' },
  { id: 'partners', title: 'Partners', group: 'How', part: 'how' },
  { id: 'events', title: 'Community events', group: 'How', part: 'how' },
  { id: 'what-works', title: 'What works', group: 'How', part: 'how' },
  { id: 'messages', title: 'Messages', group: 'What', part: 'what' },
  { id: 'priorities', title: 'You said, we did', group: 'What', part: 'what' },
  { id: 'action-plan', title: 'Action plan', group: 'What', part: 'plan' },
  { id: 'good', title: 'What good looks like', part: 'good', screen: 'good' },
  { id: 'crime', title: 'Crime evidence', part: 'evidence', screen: 'crime' },
  { id: 'practice', title: 'Prior practice', part: 'how', screen: 'practice' },
  { id: 'review', title: 'Review', part: 'review', screen: 'review' },
  { id: 'export', title: 'Export', part: null, screen: 'export' },
] as const satisfies readonly MethodSection[];

export type SectionId = (typeof METHOD_SECTIONS)[number]['id'];

export interface DocumentChapter {
  readonly number: number;
  readonly title: string;
  readonly parts: readonly ExportPartId[];
  /** The order of its sections, where it is not the task list's. */
  readonly order?: readonly SectionId[];
  /** What it holds, for the line it shows while it has nothing: "To be completed: …". */
  readonly holds: string;
}

/** The strategy document's chapters, each printing the sections of its parts in `order`. */
export const DOCUMENT_CHAPTERS: readonly DocumentChapter[] = [
  { number: 1, title: 'Purpose', parts: ['aims'], holds: 'the aims of the strategy and the objectives that serve them' },
  // The census picture reads best straight after the audiences it backs up.
  { number: 2, title: 'Who we will engage', parts: ['who', 'evidence'], order: ['areas', 'audiences', 'census', 'crime', 'assets', 'vulnerabilities', 'places'], holds: 'the strategy area, the audiences we will engage and the evidence behind them, our assets, the vulnerable areas and groups, and the places people gather' },
  { number: 3, title: 'How we will reach them', parts: ['how'], holds: 'the channels we will use to reach each audience and how receptive each audience is to them, our partners, community events, and what has worked here and elsewhere' },
  { number: 4, title: 'What we will say', parts: ['what'], holds: 'the messages we will give each audience, and who will give them, and what the community raised with us and what we did about it' },
  { number: 5, title: 'Action plan', parts: ['plan'], holds: 'the activities that deliver the objectives: what will be done, by whom, with which audiences, and by when' },
  { number: 6, title: 'What good looks like', parts: ['good'], holds: 'what will be true at the end of the strategy period, and how our engagement measures up against the hallmarks of good engagement' },
  { number: 7, title: 'Review', parts: ['review'], holds: 'how and when the strategy will be reviewed, and what each review found' },
];

export function sectionById(id: string): MethodSection | undefined {
  return (METHOD_SECTIONS as readonly MethodSection[]).find((section) => section.id === id);
}

/** The record types a section holds, in the descriptors' order. */
export function recordTypeNamesInSection(section: string): Array<(typeof RECORD_TYPE_NAMES)[number]> {
  return RECORD_TYPE_NAMES.filter((type) => RECORD_TYPES[type].section === section);
}

/** A section can be opened when it has a screen of its own or holds a record type. */
export function isSectionAvailable(section: MethodSection): boolean {
  return section.screen !== undefined || recordTypeNamesInSection(section.id).length > 0;
}

/** Sections whose content can be marked completed: those holding records, census and crime evidence, and the receptivity grid. */
export const COMPLETABLE_SECTION_IDS = (METHOD_SECTIONS as readonly MethodSection[])
  .filter((section) => (section.screen !== undefined && COMPLETABLE_SCREENS.includes(section.screen)) || (section.screen === undefined && isSectionAvailable(section)))
  .map((section) => section.id as SectionId) as [SectionId, ...SectionId[]];

/** The sections whose content goes into a part, in the task list's order. */
export function sectionsOfPart(part: ExportPartId): MethodSection[] {
  return (METHOD_SECTIONS as readonly MethodSection[]).filter((section) => section.part === part && isSectionAvailable(section));
}

/** The part of the deliverables a record type goes out with: its descriptor's `print.part`, or its section's. */
export function exportPartOf(type: (typeof RECORD_TYPE_NAMES)[number]): ExportPartId | null {
  const def = RECORD_TYPES[type];
  return def.print?.part ?? sectionById(def.section)?.part ?? null;
}

/** The record types that go out with a part, in the descriptors' order. */
export function recordTypeNamesOfPart(part: ExportPartId): Array<(typeof RECORD_TYPE_NAMES)[number]> {
  return RECORD_TYPE_NAMES.filter((type) => exportPartOf(type) === part);
}

/** The chapter that prints a part. */
export function chapterOfPart(part: ExportPartId): DocumentChapter | undefined {
  return DOCUMENT_CHAPTERS.find((chapter) => chapter.parts.includes(part));
}

/** The parts that have something to export today, in the document's order. */
export const AVAILABLE_EXPORT_PARTS = EXPORT_PARTS.filter((part) => sectionsOfPart(part.id).length > 0 || recordTypeNamesOfPart(part.id).length > 0);
