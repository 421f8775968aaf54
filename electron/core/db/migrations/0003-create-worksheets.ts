// File format 3: the worksheet records of Aims and WHO (aims, objectives, what good will look
// like, areas, audiences, assets, vulnerabilities, places), their links, section completion, and
// the change log's undo state. A test checks these tables match shared/domain/record-types.ts.
import type { Migration } from './migration.ts';

const COMMON = `
  id TEXT PRIMARY KEY NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  reviewed_at TEXT,
  shareable INTEGER NOT NULL DEFAULT 1 CHECK (shareable IN (0, 1)),
  notes TEXT NOT NULL DEFAULT ''`;

function linkTable(name: string, owner: string, target: string): string {
  return `
    CREATE TABLE ${name} (
      owner_id TEXT NOT NULL REFERENCES ${owner} (id) ON DELETE CASCADE,
      target_id TEXT NOT NULL REFERENCES ${target} (id) ON DELETE CASCADE,
      PRIMARY KEY (owner_id, target_id)
    ) STRICT;
    CREATE INDEX ${name}_by_target ON ${name} (target_id);`;
}

export const createWorksheets: Migration = {
  version: 3,
  name: 'create-worksheets',
  appVersion: '0.2.0',
  up(db) {
    db.exec(`
      CREATE TABLE aim (${COMMON},
        title TEXT NOT NULL,
        description TEXT NOT NULL DEFAULT ''
      ) STRICT;

      CREATE TABLE objective (${COMMON},
        title TEXT NOT NULL,
        aim_id TEXT NOT NULL REFERENCES aim (id) ON DELETE RESTRICT,
        measure TEXT NOT NULL DEFAULT '',
        baseline TEXT NOT NULL DEFAULT '',
        target TEXT NOT NULL DEFAULT '',
        target_date TEXT,
        owner TEXT NOT NULL DEFAULT ''
      ) STRICT;
      CREATE INDEX objective_by_aim ON objective (aim_id);

      CREATE TABLE good_statement (${COMMON},
        statement TEXT NOT NULL
      ) STRICT;

      CREATE TABLE area (${COMMON},
        name TEXT NOT NULL,
        ons_code TEXT NOT NULL DEFAULT '',
        ons_level TEXT,
        parent_id TEXT REFERENCES area (id) ON DELETE SET NULL,
        lsoa_codes TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(lsoa_codes) AND json_type(lsoa_codes) = 'array')
      ) STRICT;
      CREATE INDEX area_by_parent ON area (parent_id);

      CREATE TABLE audience (${COMMON},
        name TEXT NOT NULL,
        kind TEXT NOT NULL,
        size_estimate INTEGER CHECK (size_estimate IS NULL OR size_estimate >= 0),
        size_evidence TEXT NOT NULL DEFAULT '',
        evidence_note TEXT NOT NULL DEFAULT '',
        evidence_source TEXT NOT NULL DEFAULT '',
        engagement_state TEXT NOT NULL,
        priority TEXT NOT NULL,
        what_we_know TEXT NOT NULL DEFAULT '',
        owner TEXT NOT NULL DEFAULT ''
      ) STRICT;
      ${linkTable('audience_area', 'audience', 'area')}

      CREATE TABLE asset (${COMMON},
        kind TEXT NOT NULL,
        name TEXT NOT NULL,
        role TEXT NOT NULL DEFAULT '',
        person_name TEXT NOT NULL DEFAULT '',
        phone TEXT NOT NULL DEFAULT '',
        email TEXT NOT NULL DEFAULT '',
        special_category_note TEXT NOT NULL DEFAULT '',
        relationship TEXT NOT NULL,
        last_contact TEXT
      ) STRICT;
      ${linkTable('asset_audience', 'asset', 'audience')}
      ${linkTable('asset_area', 'asset', 'area')}

      CREATE TABLE vulnerability (${COMMON},
        name TEXT NOT NULL,
        kind TEXT NOT NULL,
        barriers TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(barriers) AND json_type(barriers) = 'array'),
        why_it_matters TEXT NOT NULL DEFAULT '',
        priority TEXT NOT NULL,
        response_note TEXT NOT NULL DEFAULT ''
      ) STRICT;
      ${linkTable('vulnerability_audience', 'vulnerability', 'audience')}
      ${linkTable('vulnerability_area', 'vulnerability', 'area')}

      CREATE TABLE place (${COMMON},
        name TEXT NOT NULL,
        kind TEXT NOT NULL,
        area_id TEXT REFERENCES area (id) ON DELETE SET NULL,
        address TEXT NOT NULL DEFAULT '',
        gathering_times TEXT NOT NULL DEFAULT ''
      ) STRICT;
      CREATE INDEX place_by_area ON place (area_id);
      ${linkTable('place_audience', 'place', 'audience')}

      CREATE TABLE section_state (
        section TEXT PRIMARY KEY NOT NULL,
        completed_at TEXT
      ) STRICT;

      ALTER TABLE change_log ADD COLUMN undone INTEGER NOT NULL DEFAULT 0;
    `);
  },
};
