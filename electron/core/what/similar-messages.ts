// The near-duplicate messages of an open workbook: its messages read in the order they were made and
// handed to the pure finder. One place for the gap rule and `ewb similar`, so they always agree.
import type { ReadDb } from '../db/open-database.ts';
import { findSimilarMessages, type SimilarPair } from './message-similarity.ts';

export function similarMessages(db: ReadDb): SimilarPair[] {
  const messages = db.prepare('SELECT id, text, created_at AS createdAt FROM message ORDER BY created_at, id').all() as Array<{ id: string; text: string; createdAt: string }>;
  return findSimilarMessages(messages);
}
