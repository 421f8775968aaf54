// The task list: the method's sections in order (shared/domain/sections.ts). A section is available
// when it has a screen of its own or a record type lives in it; the others show as not yet available.
import { METHOD_SECTIONS, isSectionAvailable, type MethodSection } from '../../../shared/domain/sections.ts';

export interface SectionDef {
  id: string;
  title: string;
  group?: string;
  available: boolean;
  screen?: MethodSection['screen'];
}

export const SECTIONS: readonly SectionDef[] = (METHOD_SECTIONS as readonly MethodSection[]).map((section) => ({
  id: section.id,
  title: section.title,
  ...(section.group ? { group: section.group } : {}),
  available: isSectionAvailable(section),
  ...(section.screen ? { screen: section.screen } : {}),
}));
