// "Same old output": each pair of near-duplicate messages is a gap on the later message, naming the
// earlier one, so the planner merges them or makes each ask something different.
import type { WorkbookRule } from './gap-rules.ts';
import { RECORD_TYPES } from '../../../shared/domain/record-types.ts';
import { titleOf } from '../records/record-store.ts';
import { similarMessages } from '../what/similar-messages.ts';

function named(text: string): string {
  return `${RECORD_TYPES.message.label} “${titleOf({ text }, 'message')}”`;
}

export const messageNearDuplicate: WorkbookRule = {
  rule: 'message-near-duplicate',
  title: 'A message says much the same as an earlier one',
  // Only a message's text (and its coming or going) moves the pairs: every message's terms are
  // weighed by how many others hold them, so any text can change any pair.
  dependsOn: [{ kind: 'message', fields: ['text'] }],
  compute(db) {
    const pairs = similarMessages(db);
    if (pairs.length === 0) return [];
    const texts = new Map((db.prepare('SELECT id, text FROM message').all() as Array<{ id: string; text: string }>).map((row) => [row.id, row.text]));
    return pairs.map((pair) => ({
      section: RECORD_TYPES.message.section,
      rule: 'message-near-duplicate',
      recordType: 'message',
      recordId: pair.b,
      message: `${named(texts.get(pair.b) ?? '')} says much the same as the earlier ${named(texts.get(pair.a) ?? '')} (similarity ${pair.score.toFixed(2)}): merge them, or make each ask something different.`,
    }));
  },
};
