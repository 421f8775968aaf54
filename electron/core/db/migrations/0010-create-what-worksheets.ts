// File format 10: what the force will say and do — messages (English and Welsh text, each held to
// the six-point check), the community's priorities and what was done about them ("You said, we
// did"), and the activities of the action plan, with their links. A message's six-point check is one
// JSON object of six results, held by a CHECK to an object here and value by value by the value
// check on opening (shape, keys, pass yes/no/null, note length). Self-contained (no shared helpers),
// so the file's schema never changes once shipped.
import type { Migration } from './migration.ts';

export const createWhatWorksheets: Migration = {
  version: 10,
  name: 'create-what-worksheets',
  appVersion: '0.7.0',
  up(db) {
    const common = `
      id TEXT PRIMARY KEY NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      reviewed_at TEXT,
      shareable INTEGER NOT NULL DEFAULT 1 CHECK (shareable IN (0, 1)),
      notes TEXT NOT NULL DEFAULT ''`;
    const linkTable = (name: string, owner: string, target: string) => `
      CREATE TABLE ${name} (
        owner_id TEXT NOT NULL REFERENCES ${owner} (id) ON DELETE CASCADE,
        target_id TEXT NOT NULL REFERENCES ${target} (id) ON DELETE CASCADE,
        PRIMARY KEY (owner_id, target_id)
      ) STRICT;
      CREATE INDEX ${name}_by_target ON ${name} (target_id);`;
    db.exec(`
      CREATE TABLE message (${common},
        text TEXT NOT NULL,
        text_welsh TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL,
        frequency TEXT,
        last_used TEXT,
        owner TEXT NOT NULL DEFAULT '',
        quality_check TEXT NOT NULL CHECK (json_valid(quality_check) AND json_type(quality_check) = 'object')
      ) STRICT;
      ${linkTable('message_objective', 'message', 'objective')}
      ${linkTable('message_audience', 'message', 'audience')}
      ${linkTable('message_channel', 'message', 'channel')}

      CREATE TABLE community_priority (${common},
        concern TEXT NOT NULL,
        area_id TEXT REFERENCES area (id) ON DELETE SET NULL,
        raised_on TEXT,
        raised_how TEXT,
        audience_id TEXT REFERENCES audience (id) ON DELETE SET NULL,
        response TEXT NOT NULL DEFAULT '',
        feedback TEXT NOT NULL DEFAULT '',
        feedback_on TEXT,
        status TEXT NOT NULL
      ) STRICT;
      CREATE INDEX community_priority_by_area ON community_priority (area_id);
      CREATE INDEX community_priority_by_audience ON community_priority (audience_id);

      CREATE TABLE activity (${common},
        title TEXT NOT NULL,
        description TEXT NOT NULL DEFAULT '',
        depth TEXT,
        recurrence TEXT NOT NULL,
        start_date TEXT,
        end_date TEXT,
        owner TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL,
        flagship INTEGER NOT NULL DEFAULT 0 CHECK (flagship IN (0, 1)),
        pilot_plan TEXT NOT NULL DEFAULT '',
        rollout_plan TEXT NOT NULL DEFAULT ''
      ) STRICT;
      ${linkTable('activity_audience', 'activity', 'audience')}
      ${linkTable('activity_channel', 'activity', 'channel')}
      ${linkTable('activity_partner', 'activity', 'partner')}
      ${linkTable('activity_place', 'activity', 'place')}
      ${linkTable('activity_event', 'activity', 'community_event')}
      ${linkTable('activity_message', 'activity', 'message')}
      ${linkTable('activity_priority', 'activity', 'community_priority')}
      ${linkTable('activity_vulnerability', 'activity', 'vulnerability')}
      ${linkTable('activity_objective', 'activity', 'objective')}
    `);
  },
};
