// Consistency checks for the UK police forces reference data: membership, names, look-up and land adjacency.
import { describe, it, expect } from 'vitest';
import { FORCES, findForce, forceById, neighboursOf } from '../../../shared/domain/forces.ts';

const ids = FORCES.map((force) => force.id);

function borders(a: string, b: string): boolean {
  return forceById(a)?.neighbours.includes(b) ?? false;
}

describe('FORCES membership', () => {
  it('has 46 forces', () => {
    expect(FORCES).toHaveLength(46);
  });

  it('has the 43 territorial forces of England and Wales, Police Scotland, PSNI and BTP', () => {
    const englandAndWales = FORCES.filter(
      (force) => force.kind === 'territorial' && (force.country === 'England' || force.country === 'Wales'),
    );
    expect(englandAndWales).toHaveLength(43);
    expect(englandAndWales.filter((force) => force.country === 'Wales').map((force) => force.id).sort()).toEqual([
      'dyfed-powys',
      'gwent',
      'north-wales',
      'south-wales',
    ]);
    expect(FORCES.filter((force) => force.country === 'Scotland').map((force) => force.id)).toEqual([
      'police-scotland',
    ]);
    expect(FORCES.filter((force) => force.country === 'Northern Ireland').map((force) => force.id)).toEqual([
      'psni',
    ]);
    const national = FORCES.filter((force) => force.kind === 'national');
    expect(national.map((force) => force.id)).toEqual(['btp']);
    expect(national[0]?.country).toBe('Great Britain');
    expect(FORCES.filter((force) => force.kind === 'territorial')).toHaveLength(45);
  });

  it('uses lowercase kebab-case ids', () => {
    for (const id of ids) expect(id).toMatch(/^[a-z]+(-[a-z]+)*$/);
  });

  it('is sorted by name', () => {
    const names = FORCES.map((force) => force.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en-GB')));
  });
});

describe('FORCES names', () => {
  it('has unique ids', () => {
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('has unique names and police.uk names, also across the two fields', () => {
    const owners = new Map<string, string>();
    for (const force of FORCES) {
      const keys = new Set([force.name, force.policeUkName].filter((key) => key !== null).map((key) => key.toLowerCase()));
      for (const key of keys) {
        expect(owners.get(key) ?? force.id, `"${key}" is used by two forces`).toBe(force.id);
        owners.set(key, force.id);
      }
    }
  });

  it('has no police.uk name for Police Scotland', () => {
    expect(forceById('police-scotland')?.policeUkName).toBeNull();
  });

  it('has a police.uk name for every territorial England and Wales force', () => {
    for (const force of FORCES) {
      if (force.kind === 'territorial' && (force.country === 'England' || force.country === 'Wales')) {
        expect(force.policeUkName, force.id).not.toBeNull();
      }
    }
  });

  it('records the names that differ between the force and police.uk', () => {
    expect(forceById('hampshire')).toMatchObject({
      name: 'Hampshire and Isle of Wight Constabulary',
      policeUkName: 'Hampshire Constabulary',
    });
    expect(forceById('devon-and-cornwall')).toMatchObject({
      name: 'Devon and Cornwall Police',
      policeUkName: 'Devon & Cornwall Police',
    });
  });
});

describe('FORCES adjacency', () => {
  it('lists only existing territorial forces as neighbours', () => {
    for (const force of FORCES) {
      for (const neighbourId of force.neighbours) {
        expect(forceById(neighbourId)?.kind, `${force.id} -> ${neighbourId}`).toBe('territorial');
      }
    }
  });

  it('never lists a force as its own neighbour', () => {
    for (const force of FORCES) expect(force.neighbours).not.toContain(force.id);
  });

  it('has no duplicate neighbour entries', () => {
    for (const force of FORCES) expect(new Set(force.neighbours).size, force.id).toBe(force.neighbours.length);
  });

  it('is symmetric', () => {
    for (const force of FORCES) {
      for (const neighbourId of force.neighbours) {
        expect(borders(neighbourId, force.id), `${neighbourId} should list ${force.id}`).toBe(true);
      }
    }
  });

  it('has 101 undirected land-boundary pairs', () => {
    const total = FORCES.reduce((sum, force) => sum + force.neighbours.length, 0);
    expect(total / 2).toBe(101);
  });

  it('gives every force but PSNI and BTP at least one neighbour', () => {
    for (const force of FORCES) {
      if (force.id === 'psni' || force.id === 'btp') expect(force.neighbours, force.id).toEqual([]);
      else expect(force.neighbours.length, force.id).toBeGreaterThan(0);
    }
  });

  it.each([
    ['kent', 'sussex'],
    ['kent', 'metropolitan'],
    ['cumbria', 'police-scotland'],
    ['northumbria', 'police-scotland'],
    ['gwent', 'gloucestershire'],
    ['north-wales', 'cheshire'],
    ['hampshire', 'dorset'],
    ['lincolnshire', 'northamptonshire'],
    ['humberside', 'nottinghamshire'],
  ])('has the land boundary %s–%s', (a, b) => {
    expect(borders(a, b)).toBe(true);
  });

  it.each([
    ['devon-and-cornwall', 'kent'],
    // The Thames estuary lies between them.
    ['essex', 'kent'],
    // The Severn estuary lies between them.
    ['avon-and-somerset', 'gwent'],
    // Ceremonial Lincolnshire meets Doncaster only through North Lincolnshire, which Humberside polices.
    ['lincolnshire', 'south-yorkshire'],
  ])('has no land boundary %s–%s', (a, b) => {
    expect(borders(a, b)).toBe(false);
    expect(borders(b, a)).toBe(false);
  });

  it('gives City of London Police the Met as its only neighbour', () => {
    expect(forceById('city-of-london')?.neighbours).toEqual(['metropolitan']);
  });

  it('gives Police Scotland only Cumbria and Northumbria', () => {
    expect([...(forceById('police-scotland')?.neighbours ?? [])].sort()).toEqual(['cumbria', 'northumbria']);
  });

  it('has every Welsh force border an English force except South Wales', () => {
    const bordersEngland = (id: string) => neighboursOf(id).some((force) => force.country === 'England');
    expect(bordersEngland('dyfed-powys')).toBe(true);
    expect(bordersEngland('gwent')).toBe(true);
    expect(bordersEngland('north-wales')).toBe(true);
    expect(bordersEngland('south-wales')).toBe(false);
  });
});

describe('look-up helpers', () => {
  it.each([
    ['kent police', 'kent'],
    ['Hampshire Constabulary', 'hampshire'],
    ['HAMPSHIRE AND ISLE OF WIGHT CONSTABULARY', 'hampshire'],
    ['Devon & Cornwall Police', 'devon-and-cornwall'],
    ['devon and cornwall police', 'devon-and-cornwall'],
    ['  Devon&Cornwall   Police ', 'devon-and-cornwall'],
    ['metropolitan', 'metropolitan'],
    ['Police Scotland', 'police-scotland'],
    ['Police Service of Northern Ireland', 'psni'],
    ['british transport police', 'btp'],
  ])('findForce(%j) resolves to %s', (query, id) => {
    expect(findForce(query)?.id).toBe(id);
  });

  it('findForce resolves every id, name and police.uk name to its own force', () => {
    for (const force of FORCES) {
      for (const key of [force.id, force.name, force.policeUkName]) {
        if (key !== null) expect(findForce(key)?.id, key).toBe(force.id);
      }
    }
  });

  it('findForce returns undefined for unknown names', () => {
    expect(findForce('Gotham City Police')).toBeUndefined();
    expect(findForce('')).toBeUndefined();
  });

  it('forceById matches ids exactly', () => {
    expect(forceById('kent')?.name).toBe('Kent Police');
    expect(forceById('Kent Police')).toBeUndefined();
    expect(forceById('nowhere')).toBeUndefined();
  });

  it('neighboursOf returns the neighbouring Force records', () => {
    expect(neighboursOf('city-of-london').map((force) => force.name)).toEqual(['Metropolitan Police Service']);
    expect(neighboursOf('kent').map((force) => force.id).sort()).toEqual(['metropolitan', 'surrey', 'sussex']);
    expect(neighboursOf('btp')).toEqual([]);
    expect(neighboursOf('nowhere')).toEqual([]);
  });
});
