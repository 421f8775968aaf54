// The indicators that read the action plan and "You said, we did": flagships, depth, community
// priorities answered and fed back, regular activity for priority audiences, one-offs serving no
// objective, and activities run with a partner. They follow the activity and priority record types;
// until a workbook's app has them, there is nothing to count.
import type { ReadDb } from '../db/open-database.ts';
import type { Indicator } from '../../../shared/api/review.ts';

export function activityIndicators(_db: ReadDb): Indicator[] {
  return [];
}
