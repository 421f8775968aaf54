// What a record-type descriptor says: its table and fields, its links, its section, and how it
// prints. Everything that handles records — storage, validation, forms, lists, undo, gaps, the
// interchange format, share copies and both exports — is driven from these.
import type { RecordTypeName } from './record-type-descriptors.ts';
import type { ExportPartId, SectionId } from './sections.ts';
import type { VocabItem } from './vocabularies.ts';

/**
 * `boolean` is a yes/no mark (stored 0 or 1); `checklist` is one result per item of `checks`, each
 * `{ pass: true | false | null, note }` (null: not checked yet), stored as a JSON object whose every
 * key and value the value check holds to the schema.
 */
export type FieldKind = 'text' | 'longText' | 'date' | 'enum' | 'enumList' | 'integer' | 'ref' | 'codeList' | 'boolean' | 'checklist';

export interface FieldDef {
  /** The API and interchange name (camelCase). */
  readonly name: string;
  readonly column: string;
  readonly label: string;
  readonly kind: FieldKind;
  readonly required?: boolean;
  /** For text: the most characters; for an integer: the largest value (default 100,000,000). */
  readonly max?: number;
  /** For an integer: the smallest value (default 0). */
  readonly min?: number;
  readonly vocabulary?: readonly VocabItem[];
  /** For `checklist`: the checks, in order (their ids are the value's keys). */
  readonly checks?: readonly VocabItem[];
  /** The language of a text field when it is not English: `cy` for Welsh text, so screen readers and Word read it as Welsh. */
  readonly lang?: 'cy';
  /** For `ref`: the record type it points at. */
  readonly target?: RecordTypeName;
  /**
   * For `ref`: only target records whose field has one of these values may be chosen (an event's
   * organiser among the assets is a group). Checked when the reference is set, since the target can
   * change later.
   */
  readonly targetWhere?: { readonly field: string; readonly oneOf: readonly string[] };
  /**
   * No two records of the type may hold the same value (a hallmark is rated once): checked when a
   * record is made or changed and when an interchange file is read.
   */
  readonly unique?: boolean;
  /** Names or contacts a person: left out of share copies, and of exports unless asked for. */
  readonly personal?: boolean;
  /** Special-category data (faith, ethnicity, health) about a named person; always personal too. */
  readonly specialCategory?: boolean;
  readonly hint?: string;
  /** For `codeList`: what each code must look like. */
  readonly codePattern?: RegExp;
  /**
   * What a value must look like when it is typed in (checked on entry only, so a value already in a
   * file stays readable): an e-mail address, a phone number, an ONS code of a given level (each code
   * of a `codeList`), or an ONS code of the level another field of the record names.
   */
  readonly format?: 'email' | 'phone' | { readonly onsLevel: string } | { readonly onsLevelField: string };
  /** Shown in forms only when another field has one of these values (e.g. a person's details for individuals). */
  readonly showWhen?: { readonly field: string; readonly oneOf: readonly string[] };
  /**
   * Optional for saving, expected for a finished strategy: left empty, the record shows a gap.
   * `says` follows the record's name: "has no measure: say how you will know it has been met."
   */
  readonly gapWhenEmpty?: { readonly rule: string; readonly title: string; readonly says: string };
}

export interface LinkDef {
  readonly name: string;
  readonly label: string;
  readonly target: RecordTypeName;
  /** Link table: (owner_id, target_id). */
  readonly table: string;
}

/** Printers the strategy document has for record types that read better than a plain table. */
export type DocumentPrinter = 'aims' | 'objectives' | 'goodStatements' | 'areas' | 'audiences' | 'assets' | 'vulnerabilities' | 'places' | 'channels' | 'partners' | 'communityEvents' | 'practices' | 'messages' | 'priorities' | 'activities';

export interface PrintSpec {
  /** The heading over this type in the document (default: its plural). */
  readonly heading?: string;
  /** A printer of its own; without one the type prints as a table of its fields. */
  readonly printer?: DocumentPrinter;
  /** For the plain table: the fields to show, in order (default: the naming field and the short ones). */
  readonly columns?: readonly string[];
  /** For the plain table: the links to show, in order (default: all of them). */
  readonly links?: readonly string[];
  /**
   * The part of the deliverables the type is exported and printed with, when it is not its
   * section's: the statements of what good will look like are written with the aims but printed,
   * once, in "What good looks like". The section's own chapter then points to it.
   */
  readonly part?: ExportPartId;
  /** What the type's part of the document holds, for the line shown while it has no records: "To be completed: …". */
  readonly holds?: string;
  /** The order its records print and export in: choice fields by their vocabulary's order, others alphabetically (default: as added). */
  readonly sortBy?: readonly string[];
  /**
   * Choice fields a long list is summarised by: above the register threshold the document's body
   * shows counts by each of these (split by priority when the type has one, and the high-priority
   * records in full) and the full list moves to an appendix.
   */
  readonly summaryBy?: readonly string[];
}

export interface RecordTypeDef {
  readonly type: RecordTypeName;
  readonly table: string;
  readonly label: string;
  readonly plural: string;
  /** The worksheet section it appears in. */
  readonly section: SectionId;
  /** The field that names a record in lists and link pickers. */
  readonly titleField: string;
  readonly fields: readonly FieldDef[];
  readonly links: readonly LinkDef[];
  /** The Excel sheet's name (default: the plural). */
  readonly sheetName?: string;
  readonly print?: PrintSpec;
}
