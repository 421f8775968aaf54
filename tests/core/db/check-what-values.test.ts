// The values of the WHAT records an opened file may hold wrongly: a message's six-point check is a
// JSON object in its row, so the value check must look inside it (a missing or unknown point, a
// result that is not yes/no/null, a note too long, not an object at all), and a flagship mark that
// is not 0 or 1 cannot be stored at all. Each is named, and the repair keeps what can be read.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { runMigrations } from '../../../electron/core/db/run-migrations.ts';
import { findValueProblems } from '../../../electron/core/db/check-values.ts';
import type { FoundProblem } from '../../../electron/core/db/value-problem.ts';
import { listRecords } from '../../../electron/core/records/record-store.ts';

const AT = '2026-11-20T10:00:00.000Z';
const CHECKS = ['consistent', 'appropriate', 'challenging', 'tailored', 'specific', 'interesting'];
const full = (pass: boolean | null) => Object.fromEntries(CHECKS.map((id) => [id, { pass, note: '' }]));

function workbookWith(checks: Record<string, unknown>): Database.Database {
  const db = new Database(':memory:');
  runMigrations(db);
  const insert = db.prepare(`INSERT INTO message (id, created_at, updated_at, text, status, quality_check) VALUES (?, ?, ?, ?, 'draft', ?)`);
  let n = 0;
  for (const [text, value] of Object.entries(checks)) {
    n += 1;
    insert.run(`00000000-0000-4000-8000-${String(n).padStart(12, '0')}`, AT, AT, text, typeof value === 'string' ? value : JSON.stringify(value));
  }
  return db;
}

function problemsOf(db: Database.Database): FoundProblem[] {
  const found: FoundProblem[] = [];
  findValueProblems(db as never, (problem) => found.push(problem));
  return found;
}

describe('the value check of the WHAT records', () => {
  it('looks inside a message’s six-point check and names what is wrong, point by point', () => {
    const db = workbookWith({
      Sound: full(true),
      'Missing a point': Object.fromEntries(CHECKS.slice(0, 5).map((id) => [id, { pass: true, note: '' }])),
      'An unknown point': { ...full(true), memorable: { pass: true, note: '' } },
      'Not yes or no': { ...full(true), specific: { pass: 'yes', note: 'Place and time' } },
      'A note too long': { ...full(null), tailored: { pass: false, note: 'x'.repeat(2001) } },
      'Not an object': '{"consistent": [1, 2]}',
    });
    const found = problemsOf(db).map((p) => [p.title, p.field, p.message]);
    expect(found).toEqual([
      ['Missing a point', 'qualityCheck', 'has no result for “Interesting”'],
      ['An unknown point', 'qualityCheck', 'holds a result for “memorable”, which is not one of the checks'],
      ['Not yes or no', 'qualityCheck', 'says “yes” for “Specific” (it should be pass, not yet or not checked)'],
      ['A note too long', 'qualityCheck', 'has a note for “Tailored” that is 2,001 characters long (at most 2,000)'],
      ['Not an object', 'qualityCheck', 'has no result for “Consistent”'],
    ]);
  });

  it('repairs a check by keeping every readable result and setting the rest to not checked', () => {
    const db = workbookWith({ 'Not yes or no': { ...full(true), specific: { pass: 'yes', note: 'Place and time' }, memorable: { pass: true, note: '' } } });
    const [problem] = problemsOf(db);
    expect(problem?.repair).toBe('Keep the results that can be read and set the rest to not checked');
    for (const { sql, params } of problem!.fix!.statements) db.prepare(sql).run(...params);
    expect(problemsOf(db)).toEqual([]);
    expect(listRecords(db as never, 'message')[0]!.qualityCheck).toEqual({ ...full(true), specific: { pass: null, note: 'Place and time' } });
  });

  it('cannot store a flagship mark other than yes or no', () => {
    const db = workbookWith({});
    expect(() => db.prepare(`INSERT INTO activity (id, created_at, updated_at, title, recurrence, status, flagship) VALUES ('a', ?, ?, 'Surgery', 'monthly', 'planned', 'yes')`).run(AT, AT)).toThrow();
  });
});
