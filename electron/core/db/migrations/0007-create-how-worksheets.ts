// File format 7: how the force will reach its audiences — channels, partners, community events and
// what works (practice records) with their links, and the receptivity grid: for each audience and
// channel, whether the audience listens there. A grid cell is not a record: it is keyed by its
// audience and channel, and goes with either of them. Self-contained (no shared helpers), so the
// file's schema never changes once shipped.
import type { Migration } from './migration.ts';

export const createHowWorksheets: Migration = {
  version: 7,
  name: 'create-how-worksheets',
  appVersion: '0.6.0',
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
      CREATE TABLE channel (${common},
        name TEXT NOT NULL,
        kind TEXT NOT NULL,
        platform TEXT,
        status TEXT NOT NULL,
        owner TEXT NOT NULL DEFAULT '',
        reach INTEGER CHECK (reach IS NULL OR reach >= 0),
        reach_measure TEXT NOT NULL DEFAULT '',
        cost TEXT NOT NULL DEFAULT ''
      ) STRICT;

      CREATE TABLE partner (${common},
        organisation TEXT NOT NULL,
        sector TEXT NOT NULL,
        contact_name TEXT NOT NULL DEFAULT '',
        contact_role TEXT NOT NULL DEFAULT '',
        phone TEXT NOT NULL DEFAULT '',
        email TEXT NOT NULL DEFAULT '',
        relationship TEXT NOT NULL,
        last_contact TEXT,
        what_they_bring TEXT NOT NULL DEFAULT ''
      ) STRICT;
      ${linkTable('partner_audience', 'partner', 'audience')}

      CREATE TABLE community_event (${common},
        name TEXT NOT NULL,
        organiser_asset_id TEXT REFERENCES asset (id) ON DELETE SET NULL,
        organiser_partner_id TEXT REFERENCES partner (id) ON DELETE SET NULL,
        recurrence TEXT NOT NULL,
        next_date TEXT,
        place_id TEXT REFERENCES place (id) ON DELETE SET NULL,
        location TEXT NOT NULL DEFAULT '',
        police_role TEXT,
        status TEXT NOT NULL,
        owner TEXT NOT NULL DEFAULT ''
      ) STRICT;
      CREATE INDEX community_event_by_asset ON community_event (organiser_asset_id);
      CREATE INDEX community_event_by_partner ON community_event (organiser_partner_id);
      CREATE INDEX community_event_by_place ON community_event (place_id);
      ${linkTable('community_event_audience', 'community_event', 'audience')}

      CREATE TABLE practice (${common},
        title TEXT NOT NULL,
        description TEXT NOT NULL DEFAULT '',
        audience_kinds TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(audience_kinds) AND json_type(audience_kinds) = 'array'),
        channel_kinds TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(channel_kinds) AND json_type(channel_kinds) = 'array'),
        depth TEXT,
        origin TEXT NOT NULL,
        origin_force TEXT,
        origin_partner_id TEXT REFERENCES partner (id) ON DELETE SET NULL,
        year INTEGER CHECK (year IS NULL OR year BETWEEN 1990 AND 2100),
        outcome TEXT,
        outcome_note TEXT NOT NULL DEFAULT '',
        evidence_strength TEXT,
        verdict TEXT
      ) STRICT;
      CREATE INDEX practice_by_partner ON practice (origin_partner_id);

      -- One row per cell of the receptivity grid that says something: a cell with no row is
      -- "unknown" with no note. Deleting an audience or a channel takes its cells with it (the
      -- deletion's change keeps them, so undo puts them back).
      CREATE TABLE receptivity (
        audience_id TEXT NOT NULL REFERENCES audience (id) ON DELETE CASCADE,
        channel_id TEXT NOT NULL REFERENCES channel (id) ON DELETE CASCADE,
        value TEXT NOT NULL CHECK (value IN ('yes', 'partly', 'no', 'unknown')),
        note TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 2000),
        CHECK (value <> 'unknown' OR note <> ''),
        PRIMARY KEY (audience_id, channel_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX receptivity_by_channel ON receptivity (channel_id);
    `);
  },
};
