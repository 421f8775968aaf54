// The recent-workbooks list, kept in the app's own settings folder — never inside a workbook,
// so sharing a file never reveals what else its author has open.
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { writeFileDurably } from '../fs/durable-write.ts';
import type { RecentWorkbook } from '../../../shared/api/workbook.ts';
import type { Logger } from '../app-error.ts';

export const MAX_RECENT = 12;

const StoredSchema = z.object({
  version: z.literal(1),
  entries: z.array(z.object({ path: z.string(), title: z.string(), force: z.string(), lastOpened: z.string() })).max(100),
});
type Stored = z.infer<typeof StoredSchema>;

export class RecentWorkbooks {
  private readonly file: string;
  private readonly log: Logger;

  constructor(configDir: string, log: Logger) {
    this.file = path.join(configDir, 'recent-workbooks.json');
    this.log = log;
  }

  private read(): Stored {
    let text: string;
    try {
      text = fs.readFileSync(this.file, 'utf8');
    } catch {
      return { version: 1, entries: [] };
    }
    try {
      const parsed = StoredSchema.safeParse(JSON.parse(text));
      if (parsed.success) return parsed.data;
    } catch {
      // fall through: a damaged list is replaced, never fatal.
    }
    this.log.warn(`The recent-workbooks list at ${this.file} was damaged and has been started afresh.`);
    return { version: 1, entries: [] };
  }

  private write(stored: Stored): void {
    try {
      fs.mkdirSync(path.dirname(this.file), { recursive: true });
      writeFileDurably(this.file, `${JSON.stringify(stored, null, 2)}\n`);
    } catch (error) {
      // The list is a convenience: failing to save it must never stop the user's work.
      this.log.warn(`Could not save the recent-workbooks list: ${(error as Error).message}`);
    }
  }

  list(): RecentWorkbook[] {
    return this.read().entries.map((entry) => ({ ...entry, exists: fs.existsSync(entry.path) }));
  }

  remember(entry: { path: string; title: string; force: string; lastOpened: string }): void {
    const stored = this.read();
    const others = stored.entries.filter((existing) => existing.path !== entry.path);
    this.write({ version: 1, entries: [entry, ...others].slice(0, MAX_RECENT) });
  }

  forget(file: string): boolean {
    const stored = this.read();
    const kept = stored.entries.filter((entry) => entry.path !== file);
    if (kept.length === stored.entries.length) return false;
    this.write({ version: 1, entries: kept });
    return true;
  }
}
