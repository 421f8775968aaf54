// Chapter 5, the action plan: the flagships first, each with what it is, when, its pilot and its
// roll-out plan; then the plan as a table by month (recurring activities under every month they fall
// in, with the days), flagships first in each month and marked in words as well as bold; then the
// activities not on the calendar, and why. A plan too long to list month by month (more than
// MONTH_ROWS_LIMIT rows) lists each activity once, under the month it starts, and says so.
import type { RecordValues } from '../../../shared/api/records.ts';
import type { RecordTypeDef } from '../../../shared/domain/record-types.ts';
import { describeSchedule, isRecurring, monthTitle, parseCalendarDay, parseMonth } from '../../../shared/domain/recurrence.ts';
import { ENGAGEMENT_DEPTHS, labelOf } from '../../../shared/domain/vocabularies.ts';
import type { FileChild } from 'docx';
import type { ExportData } from './export-data.ts';
import { countOf, field, gapLine, heading, intro, namesOf, para, prose, wholeNumber } from './word-blocks.ts';
import { table, type Cell, type Column, type Row, type Run } from './word-table.ts';
import { dayList, isFlagship, planByMonth, type PlanByMonth } from './action-plan-months.ts';

type Block = FileChild;

/** Above this many rows the table lists each activity once, under its first month, rather than under every month. */
export const MONTH_ROWS_LIMIT = 2_000;

/** A month of up to this many rows is kept on one page with its label (word-table.ts keeps a group of 12 whole). */
const MONTH_KEPT_WHOLE = 12;

/** More flagships than this (each a page or so) are not set out one by one: the method means one or two. */
export const FLAGSHIPS_IN_FULL_LIMIT = 100;

function vocabularyOf(def: RecordTypeDef, name: string) {
  return def.fields.find((f) => f.name === name)?.vocabulary ?? [];
}

function titleOf(activity: RecordValues): string {
  return field(activity, 'title').trim() || 'Untitled activity';
}

/** The activity's name with its marks: "★ Flagship:" in bold, and how often it recurs. */
function activityCell(activity: RecordValues): Cell {
  const runs: Array<string | Run> = [];
  if (isFlagship(activity)) runs.push({ text: '★ Flagship: ', bold: true });
  runs.push(isFlagship(activity) ? { text: titleOf(activity), bold: true } : titleOf(activity));
  if (isRecurring(activity)) runs.push({ text: ` (↻ ${String(activity.recurrence)})`, italics: true });
  return { runs };
}

function flagshipsPart(data: ExportData, def: RecordTypeDef, plan: PlanByMonth): Block[] {
  const flagships = plan.activities.filter(isFlagship);
  const blocks: Block[] = [heading('Flagship activities', 3)];
  if (flagships.length > FLAGSHIPS_IN_FULL_LIMIT) return [...blocks, para(`${countOf(flagships.length, 'activity is', 'activities are')} marked as flagships: too many to set out here, so each is in the plan with the rest. The method suggests starting with one or two.`)];
  if (flagships.length === 0) return [...blocks, gapLine('No activity is marked as a flagship yet: the method suggests starting with one or two.')];
  blocks.push(para(`${countOf(flagships.length, 'flagship activity', 'flagship activities')}, each piloted before it is rolled out:`));
  for (const activity of flagships) {
    blocks.push(heading(`★ ${titleOf(activity)}`, 4));
    const depth = labelOf(ENGAGEMENT_DEPTHS, activity.depth as string | null);
    const status = labelOf(vocabularyOf(def, 'status'), activity.status as string | null);
    blocks.push(para({ text: 'When: ', bold: true }, describeSchedule(activity), ...(depth ? [{ text: '. Depth: ', bold: true }, depth] : []), ...(status ? [{ text: '. Status: ', bold: true }, status] : [])));
    if (data.personal && field(activity, 'owner')) blocks.push(para({ text: 'Owner: ', bold: true }, field(activity, 'owner')));
    blocks.push(...prose(activity.description));
    const pilot = prose(activity.pilotPlan, 'Pilot');
    const rollout = prose(activity.rolloutPlan, 'Roll-out');
    blocks.push(...(pilot.length > 0 ? pilot : [gapLine('Pilot: to be planned.')]), ...(rollout.length > 0 ? rollout : [gapLine('Roll-out: to be planned.')]));
  }
  return blocks;
}

/**
 * The flagships in full, for the body of a plan too long to list there (word-registers.ts): they are
 * what the plan leads with, so they stay in chapter 5, first, however many activities there are.
 */
export function flagshipsInFull(data: ExportData, def: RecordTypeDef): Block[] {
  const activities = (data.records[def.type] ?? []).filter(isFlagship);
  return flagshipsPart(data, def, planByMonth(activities, data.meta, data.generatedAt.slice(0, 10), titleOf));
}

function monthTablePart(data: ExportData, def: RecordTypeDef, plan: PlanByMonth): Block[] {
  const columns: Column[] = [
    { title: 'Activity', width: 34 },
    { title: 'Days', width: 14 },
    { title: 'Depth', width: 13 },
    { title: 'Status', width: 13 },
    { title: 'With', width: data.personal ? 14 : 26 },
  ];
  if (data.personal) columns.push({ title: 'Owner', width: 12 });
  const statuses = vocabularyOf(def, 'status');
  const row = (activity: RecordValues, days: string): Cell[] => {
    const cells: Cell[] = [activityCell(activity), days, labelOf(ENGAGEMENT_DEPTHS, activity.depth as string | null), labelOf(statuses, activity.status as string | null), namesOf(activity.audienceIds, data.names)];
    if (data.personal) cells.push(field(activity, 'owner'));
    return cells;
  };
  const whole = plan.monthRows <= MONTH_ROWS_LIMIT;
  const rows: Row[] = [];
  for (const month of plan.months) {
    const inMonth = plan.activities.filter((activity) => {
      const byMonth = plan.days.get(activity.id);
      if (!byMonth?.has(month)) return false;
      // Listed once: under the first month it falls in.
      return whole || byMonth.keys().next().value === month;
    });
    if (inMonth.length === 0) continue;
    const title = monthTitle(parseMonth(month)!);
    rows.push({ group: title });
    // A month too long to keep on one page with its label runs on without it: each row then names its month.
    const named = whole && inMonth.length > MONTH_KEPT_WHOLE;
    for (const activity of inMonth) {
      const days = whole || !isRecurring(activity) ? dayList(plan.days.get(activity.id)?.get(month)) : describeSchedule(activity);
      rows.push(row(activity, named ? `${title}: ${days}` : days));
    }
  }
  const first = monthTitle(parseMonth(plan.span.first)!);
  const last = monthTitle(parseMonth(plan.span.last)!);
  const blocks: Block[] = [heading('The plan by month', 3)];
  if (rows.length === 0) return [...blocks, gapLine(`No activity falls between ${first} and ${last}.`)];
  blocks.push(
    intro(
      whole
        ? `Each month from ${first} to ${last}, the activities that take place in it and on which days; a recurring activity (↻) is listed in every month it falls in, and flagships (★) come first.`
        : `The plan has too many activities to list under every month they fall in (${wholeNumber(plan.monthRows)} rows), so each is listed once, under the month it first takes place between ${first} and ${last}, with how often it recurs.`,
    ),
    table(columns, rows),
  );
  return blocks;
}

function offCalendarPart(plan: PlanByMonth): Block[] {
  if (plan.offCalendar.length === 0) return [];
  const first = `${plan.span.first}-01`;
  const why = (activity: RecordValues): string => {
    if (!parseCalendarDay(activity.startDate)) return 'No start date yet';
    return String(activity.startDate) < first ? 'Ends before the plan’s first month' : 'Starts after the plan’s last month';
  };
  return [
    heading('Not on the calendar', 3),
    intro(`${countOf(plan.offCalendar.length, 'activity', 'activities')} of the plan ${plan.offCalendar.length === 1 ? 'falls' : 'fall'} on no day of the months above:`),
    table(
      [
        { title: 'Activity', width: 40 },
        { title: 'When', width: 35 },
        { title: 'Why', width: 25 },
      ],
      plan.offCalendar.map((activity): Cell[] => [activityCell(activity), describeSchedule(activity), why(activity)]),
    ),
  ];
}

/** The action plan's part of the document (the activity type's printer). */
export function actionPlanPart(data: ExportData, def: RecordTypeDef): Block[] {
  const activities = data.records[def.type] ?? [];
  const plan = planByMonth(activities, data.meta, data.generatedAt.slice(0, 10), titleOf);
  return [heading(def.print?.heading ?? def.plural, 2), ...flagshipsPart(data, def, plan), ...monthTablePart(data, def, plan), ...offCalendarPart(plan)];
}
