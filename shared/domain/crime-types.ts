// The crime types police.uk publishes street-level crime under, as one shared vocabulary: files
// name them in words, workbooks store the ids, so two forces' workbooks count the same things. The
// types police.uk used before May 2013 are kept (marked `legacy`) so older months still import.
import { findForce, type Force } from './forces.ts';

export interface CrimeType {
  readonly id: string;
  /** The name exactly as police.uk writes it in the "Crime type" column. */
  readonly label: string;
  /** Used by police.uk only before May 2013, when these were split into today's types. */
  readonly legacy?: true;
}

export const CRIME_TYPES: readonly CrimeType[] = [
  { id: 'anti-social-behaviour', label: 'Anti-social behaviour' },
  { id: 'bicycle-theft', label: 'Bicycle theft' },
  { id: 'burglary', label: 'Burglary' },
  { id: 'criminal-damage-arson', label: 'Criminal damage and arson' },
  { id: 'drugs', label: 'Drugs' },
  { id: 'other-theft', label: 'Other theft' },
  { id: 'possession-of-weapons', label: 'Possession of weapons' },
  { id: 'public-order', label: 'Public order' },
  { id: 'robbery', label: 'Robbery' },
  { id: 'shoplifting', label: 'Shoplifting' },
  { id: 'theft-from-the-person', label: 'Theft from the person' },
  { id: 'vehicle-crime', label: 'Vehicle crime' },
  { id: 'violence-and-sexual-offences', label: 'Violence and sexual offences' },
  { id: 'other-crime', label: 'Other crime' },
  { id: 'violent-crime', label: 'Violent crime', legacy: true },
  { id: 'public-disorder-weapons', label: 'Public disorder and weapons', legacy: true },
];

export const CRIME_TYPE_IDS = CRIME_TYPES.map((type) => type.id) as [string, ...string[]];

const BY_ID: ReadonlyMap<string, CrimeType> = new Map(CRIME_TYPES.map((type) => [type.id, type]));
const BY_LABEL: ReadonlyMap<string, CrimeType> = new Map(CRIME_TYPES.map((type) => [type.label.toLowerCase(), type]));

export function crimeTypeById(id: string): CrimeType | undefined {
  return BY_ID.get(id);
}

/** The type a file's "Crime type" names (any case, spaces trimmed). */
export function crimeTypeByLabel(label: string): CrimeType | undefined {
  return BY_LABEL.get(label.trim().toLowerCase());
}

/** The label of a stored type id (the id itself for one this version does not know). */
export function crimeTypeLabel(id: string): string {
  return BY_ID.get(id)?.label ?? id;
}

/**
 * The force a file's "Reported by" names. police.uk keeps some forces' earlier names after they
 * change ("Hampshire Constabulary" for Hampshire and Isle of Wight Constabulary) and writes others
 * with "&" ("Devon & Cornwall Police"): the forces reference data knows both the official and the
 * police.uk name, and the look-up treats "&" as "and".
 */
export function forceReportedBy(name: string): Force | undefined {
  return findForce(name);
}

/** A month as police.uk writes it: YYYY-MM. */
export const MONTH_PATTERN = /^(19|20)\d\d-(0[1-9]|1[0-2])$/;

/** An LSOA (or Welsh LSOA, or data zone) code: a letter and eight digits, of either the 2011 or 2021 vintage. */
export const LSOA_CODE_PATTERN = /^[EWSN]\d{8}$/;
