// What the ONS's geography codes look like at each level (a letter for the country, two digits for
// the kind of area, six digits), so a typo is caught as it is typed and a census table's level can
// be told from an area's codes. Census 2021 covers England (E) and Wales (W); wards and local
// authorities also take Scotland's (S) and Northern Ireland's (N) codes for forces there.

export interface OnsCodeForm {
  pattern: RegExp;
  /** "a ward code" */
  name: string;
  /** "E05 or W05 followed by 6 digits" */
  rule: string;
  example: string;
}

export const ONS_CODE_FORMS: Readonly<Record<'oa' | 'lsoa' | 'msoa' | 'ward' | 'la', OnsCodeForm>> = {
  oa: { pattern: /^[EW]00\d{6}$/, name: 'an output area code', rule: 'E00 or W00 followed by 6 digits', example: 'E00012345' },
  lsoa: { pattern: /^[EW]01\d{6}$/, name: 'an LSOA code', rule: 'E01 or W01 followed by 6 digits', example: 'E01024133' },
  msoa: { pattern: /^[EW]02\d{6}$/, name: 'an MSOA code', rule: 'E02 or W02 followed by 6 digits', example: 'E02004997' },
  ward: { pattern: /^(?:[EW]05|S13|N08)\d{6}$/, name: 'a ward code', rule: 'E05 or W05 followed by 6 digits (S13 in Scotland, N08 in Northern Ireland)', example: 'E05009317' },
  la: { pattern: /^(?:E0[6-9]|W06|S12|N09)\d{6}$/, name: 'a local authority code', rule: 'E06, E07, E08, E09 or W06 followed by 6 digits (S12 in Scotland, N09 in Northern Ireland)', example: 'E08000025' },
};

export type OnsCodeLevel = keyof typeof ONS_CODE_FORMS;

/** Any ONS geography code: a country letter and eight digits. */
const ANY_ONS_CODE = /^[EWSNK]\d{8}$/;

function isLevel(level: string | null | undefined): level is OnsCodeLevel {
  return typeof level === 'string' && Object.hasOwn(ONS_CODE_FORMS, level);
}

/** "“E0100A123” is not an LSOA code: LSOA codes are E01 or W01 followed by 6 digits, for example E01024133" */
export function notACodeOf(code: string, level: OnsCodeLevel): string {
  const form = ONS_CODE_FORMS[level];
  return `“${code.trim()}” is not ${form.name}: ${form.name.replace(/^an? /, '')}s are ${form.rule}, for example ${form.example}`;
}

/** Why `code` is not a code of `level` (or, with no level, not an ONS code at all), naming it; null when it is. */
export function onsCodeProblem(code: string, level: string | null | undefined): string | null {
  const upper = code.trim().toUpperCase();
  if (upper === '') return null;
  if (isLevel(level)) return ONS_CODE_FORMS[level].pattern.test(upper) ? null : notACodeOf(code, level);
  if (level === 'other') return null;
  return ANY_ONS_CODE.test(upper) ? null : `“${code.trim()}” is not an ONS code: ONS codes are a letter and 8 digits, for example E05009317`;
}

/** The level a code belongs to, from its form; null when it fits none of them. */
export function onsLevelOfCode(code: string): OnsCodeLevel | null {
  const upper = code.trim().toUpperCase();
  for (const level of Object.keys(ONS_CODE_FORMS) as OnsCodeLevel[]) if (ONS_CODE_FORMS[level].pattern.test(upper)) return level;
  return null;
}
