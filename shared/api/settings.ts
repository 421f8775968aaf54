// The workbook's settings: each with its schema, its default and how a change to it reads in the
// history. Kept in the workbook (table workbook_setting), changed through the change log like
// everything else, carried by the interchange format.
import { z } from 'zod';

export const SETTINGS = {
  /** The share of an area's residents (1 % to 50 %) from which an unlinked census group is a gap. */
  whoIsMissingThreshold: {
    schema: z.number().min(0.01, 'At least 1 %').max(0.5, 'At most 50 %'),
    default: 0.05,
    what: 'the “who is missing” threshold',
    title: '“Who is missing” threshold',
    valid: 'a share from 1 % to 50 %',
    defaultText: '5 %',
  },
  /**
   * Whether "who is missing" reports each area's largest group (and the largest subgroup within
   * it): 0 no (the default: the majority is rarely who a strategy misses), 1 yes.
   */
  whoIsMissingLargestGroup: {
    schema: z.number().int('Enter 0 or 1').min(0, 'Enter 0 (no) or 1 (yes)').max(1, 'Enter 0 (no) or 1 (yes)'),
    default: 0,
    what: 'whether “who is missing” checks each area’s largest group',
    title: '“Who is missing” checks each area’s largest group',
    valid: '0 (no) or 1 (yes)',
    defaultText: '0 (no)',
  },
  /**
   * How many days undo reaches back, and so how long the history keeps personal and
   * special-category values (names, contact details) before removing them from the file.
   */
  changeRetentionDays: {
    schema: z.number().int('Enter a whole number of days').min(1, 'At least 1 day').max(3650, 'At most 3,650 days (ten years)'),
    default: 30,
    what: 'how long the history keeps personal details',
    title: 'Days the history keeps personal details',
    valid: 'a whole number of days from 1 to 3,650',
    defaultText: '30 days',
  },
} as const;

export type SettingKey = keyof typeof SETTINGS;
export const SETTING_KEYS = Object.keys(SETTINGS) as SettingKey[];

export function isSettingKey(key: string): key is SettingKey {
  return Object.hasOwn(SETTINGS, key);
}

/** A stored setting's value, or its default when it is missing or not valid. */
export function settingValue(key: SettingKey, stored: string | null | undefined): number {
  if (stored === null || stored === undefined) return SETTINGS[key].default;
  const parsed = SETTINGS[key].schema.safeParse(Number(stored));
  return parsed.success ? parsed.data : SETTINGS[key].default;
}
