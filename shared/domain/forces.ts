// Reference data for the UK police forces a workbook can belong to, with land-boundary neighbours and name look-up.

export type ForceKind = 'territorial' | 'national';

export interface Force {
  /** Stable lowercase kebab slug, e.g. `devon-and-cornwall`. */
  readonly id: string;
  /** The force's own current official name. */
  readonly name: string;
  /** The name data.police.uk uses in its forces list; null where police.uk does not publish the force. */
  readonly policeUkName: string | null;
  readonly country: 'England' | 'Wales' | 'Scotland' | 'Northern Ireland' | 'Great Britain';
  readonly kind: ForceKind;
  /** Ids of territorial forces whose area shares a land boundary with this one (sea and estuary crossings excluded). */
  readonly neighbours: readonly string[];
}

/*
 * The 43 territorial forces of England and Wales, Police Scotland, PSNI and British Transport Police, sorted by name.
 * Adjacency follows the police force areas (county and unitary boundaries), not ceremonial counties. Notable calls:
 *  - Kent–Essex, Avon and Somerset–Gwent, Avon and Somerset–South Wales and Merseyside–North Wales meet only across
 *    water (Thames estuary, Severn estuary / Bristol Channel, Dee estuary): not listed.
 *  - Lincolnshire Police's area (the non-metropolitan county) does not reach South Yorkshire; ceremonial Lincolnshire
 *    does, but through North Lincolnshire, which is Humberside's. North Lincolnshire does border Nottinghamshire.
 *  - Lincolnshire–Northamptonshire is a real, if famously short (about 19 m), land boundary.
 *  - Greater Manchester does not touch South Yorkshire, and Warwickshire does not touch Derbyshire.
 *  - South Wales Police borders no English force on land.
 *  - PSNI's only land border is with Ireland, so it has no neighbour here.
 */
export const FORCES: readonly Force[] = [
  {
    id: 'avon-and-somerset',
    name: 'Avon and Somerset Constabulary',
    policeUkName: 'Avon and Somerset Constabulary',
    country: 'England',
    kind: 'territorial',
    neighbours: ['devon-and-cornwall', 'dorset', 'gloucestershire', 'wiltshire'],
  },
  {
    id: 'bedfordshire',
    name: 'Bedfordshire Police',
    policeUkName: 'Bedfordshire Police',
    country: 'England',
    kind: 'territorial',
    neighbours: ['cambridgeshire', 'hertfordshire', 'northamptonshire', 'thames-valley'],
  },
  {
    id: 'btp',
    name: 'British Transport Police',
    policeUkName: 'British Transport Police',
    country: 'Great Britain',
    kind: 'national',
    neighbours: [],
  },
  {
    id: 'cambridgeshire',
    name: 'Cambridgeshire Constabulary',
    policeUkName: 'Cambridgeshire Constabulary',
    country: 'England',
    kind: 'territorial',
    neighbours: [
      'bedfordshire',
      'essex',
      'hertfordshire',
      'lincolnshire',
      'norfolk',
      'northamptonshire',
      'suffolk',
    ],
  },
  {
    id: 'cheshire',
    name: 'Cheshire Constabulary',
    policeUkName: 'Cheshire Constabulary',
    country: 'England',
    kind: 'territorial',
    neighbours: [
      'derbyshire',
      'greater-manchester',
      'merseyside',
      'north-wales',
      'staffordshire',
      'west-mercia',
    ],
  },
  {
    id: 'city-of-london',
    name: 'City of London Police',
    policeUkName: 'City of London Police',
    country: 'England',
    kind: 'territorial',
    neighbours: ['metropolitan'],
  },
  {
    id: 'cleveland',
    name: 'Cleveland Police',
    policeUkName: 'Cleveland Police',
    country: 'England',
    kind: 'territorial',
    neighbours: ['durham', 'north-yorkshire'],
  },
  {
    id: 'cumbria',
    name: 'Cumbria Constabulary',
    policeUkName: 'Cumbria Constabulary',
    country: 'England',
    kind: 'territorial',
    neighbours: ['durham', 'lancashire', 'north-yorkshire', 'northumbria', 'police-scotland'],
  },
  {
    id: 'derbyshire',
    name: 'Derbyshire Constabulary',
    policeUkName: 'Derbyshire Constabulary',
    country: 'England',
    kind: 'territorial',
    neighbours: [
      'cheshire',
      'greater-manchester',
      'leicestershire',
      'nottinghamshire',
      'south-yorkshire',
      'staffordshire',
      'west-yorkshire',
    ],
  },
  {
    id: 'devon-and-cornwall',
    name: 'Devon and Cornwall Police',
    policeUkName: 'Devon & Cornwall Police',
    country: 'England',
    kind: 'territorial',
    neighbours: ['avon-and-somerset', 'dorset'],
  },
  {
    id: 'dorset',
    name: 'Dorset Police',
    policeUkName: 'Dorset Police',
    country: 'England',
    kind: 'territorial',
    neighbours: ['avon-and-somerset', 'devon-and-cornwall', 'hampshire', 'wiltshire'],
  },
  {
    id: 'durham',
    name: 'Durham Constabulary',
    policeUkName: 'Durham Constabulary',
    country: 'England',
    kind: 'territorial',
    neighbours: ['cleveland', 'cumbria', 'north-yorkshire', 'northumbria'],
  },
  {
    id: 'dyfed-powys',
    name: 'Dyfed-Powys Police',
    policeUkName: 'Dyfed-Powys Police',
    country: 'Wales',
    kind: 'territorial',
    neighbours: ['gwent', 'north-wales', 'south-wales', 'west-mercia'],
  },
  {
    id: 'essex',
    name: 'Essex Police',
    policeUkName: 'Essex Police',
    country: 'England',
    kind: 'territorial',
    neighbours: ['cambridgeshire', 'hertfordshire', 'metropolitan', 'suffolk'],
  },
  {
    id: 'gloucestershire',
    name: 'Gloucestershire Constabulary',
    policeUkName: 'Gloucestershire Constabulary',
    country: 'England',
    kind: 'territorial',
    neighbours: [
      'avon-and-somerset',
      'gwent',
      'thames-valley',
      'warwickshire',
      'west-mercia',
      'wiltshire',
    ],
  },
  {
    id: 'greater-manchester',
    name: 'Greater Manchester Police',
    policeUkName: 'Greater Manchester Police',
    country: 'England',
    kind: 'territorial',
    neighbours: ['cheshire', 'derbyshire', 'lancashire', 'merseyside', 'west-yorkshire'],
  },
  {
    id: 'gwent',
    name: 'Gwent Police',
    policeUkName: 'Gwent Police',
    country: 'Wales',
    kind: 'territorial',
    neighbours: ['dyfed-powys', 'gloucestershire', 'south-wales', 'west-mercia'],
  },
  {
    id: 'hampshire',
    name: 'Hampshire and Isle of Wight Constabulary',
    policeUkName: 'Hampshire Constabulary',
    country: 'England',
    kind: 'territorial',
    neighbours: ['dorset', 'surrey', 'sussex', 'thames-valley', 'wiltshire'],
  },
  {
    id: 'hertfordshire',
    name: 'Hertfordshire Constabulary',
    policeUkName: 'Hertfordshire Constabulary',
    country: 'England',
    kind: 'territorial',
    neighbours: ['bedfordshire', 'cambridgeshire', 'essex', 'metropolitan', 'thames-valley'],
  },
  {
    id: 'humberside',
    name: 'Humberside Police',
    policeUkName: 'Humberside Police',
    country: 'England',
    kind: 'territorial',
    neighbours: ['lincolnshire', 'north-yorkshire', 'nottinghamshire', 'south-yorkshire'],
  },
  {
    id: 'kent',
    name: 'Kent Police',
    policeUkName: 'Kent Police',
    country: 'England',
    kind: 'territorial',
    neighbours: ['metropolitan', 'surrey', 'sussex'],
  },
  {
    id: 'lancashire',
    name: 'Lancashire Constabulary',
    policeUkName: 'Lancashire Constabulary',
    country: 'England',
    kind: 'territorial',
    neighbours: [
      'cumbria',
      'greater-manchester',
      'merseyside',
      'north-yorkshire',
      'west-yorkshire',
    ],
  },
  {
    id: 'leicestershire',
    name: 'Leicestershire Police',
    policeUkName: 'Leicestershire Police',
    country: 'England',
    kind: 'territorial',
    neighbours: [
      'derbyshire',
      'lincolnshire',
      'northamptonshire',
      'nottinghamshire',
      'staffordshire',
      'warwickshire',
    ],
  },
  {
    id: 'lincolnshire',
    name: 'Lincolnshire Police',
    policeUkName: 'Lincolnshire Police',
    country: 'England',
    kind: 'territorial',
    neighbours: [
      'cambridgeshire',
      'humberside',
      'leicestershire',
      'norfolk',
      'northamptonshire',
      'nottinghamshire',
    ],
  },
  {
    id: 'merseyside',
    name: 'Merseyside Police',
    policeUkName: 'Merseyside Police',
    country: 'England',
    kind: 'territorial',
    neighbours: ['cheshire', 'greater-manchester', 'lancashire'],
  },
  {
    id: 'metropolitan',
    name: 'Metropolitan Police Service',
    policeUkName: 'Metropolitan Police Service',
    country: 'England',
    kind: 'territorial',
    neighbours: ['city-of-london', 'essex', 'hertfordshire', 'kent', 'surrey', 'thames-valley'],
  },
  {
    id: 'norfolk',
    name: 'Norfolk Constabulary',
    policeUkName: 'Norfolk Constabulary',
    country: 'England',
    kind: 'territorial',
    neighbours: ['cambridgeshire', 'lincolnshire', 'suffolk'],
  },
  {
    id: 'north-wales',
    name: 'North Wales Police',
    policeUkName: 'North Wales Police',
    country: 'Wales',
    kind: 'territorial',
    neighbours: ['cheshire', 'dyfed-powys', 'west-mercia'],
  },
  {
    id: 'north-yorkshire',
    name: 'North Yorkshire Police',
    policeUkName: 'North Yorkshire Police',
    country: 'England',
    kind: 'territorial',
    neighbours: [
      'cleveland',
      'cumbria',
      'durham',
      'humberside',
      'lancashire',
      'south-yorkshire',
      'west-yorkshire',
    ],
  },
  {
    id: 'northamptonshire',
    name: 'Northamptonshire Police',
    policeUkName: 'Northamptonshire Police',
    country: 'England',
    kind: 'territorial',
    neighbours: [
      'bedfordshire',
      'cambridgeshire',
      'leicestershire',
      'lincolnshire',
      'thames-valley',
      'warwickshire',
    ],
  },
  {
    id: 'northumbria',
    name: 'Northumbria Police',
    policeUkName: 'Northumbria Police',
    country: 'England',
    kind: 'territorial',
    neighbours: ['cumbria', 'durham', 'police-scotland'],
  },
  {
    id: 'nottinghamshire',
    name: 'Nottinghamshire Police',
    policeUkName: 'Nottinghamshire Police',
    country: 'England',
    kind: 'territorial',
    neighbours: ['derbyshire', 'humberside', 'leicestershire', 'lincolnshire', 'south-yorkshire'],
  },
  {
    id: 'police-scotland',
    name: 'Police Scotland',
    policeUkName: null,
    country: 'Scotland',
    kind: 'territorial',
    neighbours: ['cumbria', 'northumbria'],
  },
  {
    id: 'psni',
    name: 'Police Service of Northern Ireland',
    policeUkName: 'Police Service of Northern Ireland',
    country: 'Northern Ireland',
    kind: 'territorial',
    neighbours: [],
  },
  {
    id: 'south-wales',
    name: 'South Wales Police',
    policeUkName: 'South Wales Police',
    country: 'Wales',
    kind: 'territorial',
    neighbours: ['dyfed-powys', 'gwent'],
  },
  {
    id: 'south-yorkshire',
    name: 'South Yorkshire Police',
    policeUkName: 'South Yorkshire Police',
    country: 'England',
    kind: 'territorial',
    neighbours: [
      'derbyshire',
      'humberside',
      'north-yorkshire',
      'nottinghamshire',
      'west-yorkshire',
    ],
  },
  {
    id: 'staffordshire',
    name: 'Staffordshire Police',
    policeUkName: 'Staffordshire Police',
    country: 'England',
    kind: 'territorial',
    neighbours: [
      'cheshire',
      'derbyshire',
      'leicestershire',
      'warwickshire',
      'west-mercia',
      'west-midlands',
    ],
  },
  {
    id: 'suffolk',
    name: 'Suffolk Constabulary',
    policeUkName: 'Suffolk Constabulary',
    country: 'England',
    kind: 'territorial',
    neighbours: ['cambridgeshire', 'essex', 'norfolk'],
  },
  {
    id: 'surrey',
    name: 'Surrey Police',
    policeUkName: 'Surrey Police',
    country: 'England',
    kind: 'territorial',
    neighbours: ['hampshire', 'kent', 'metropolitan', 'sussex', 'thames-valley'],
  },
  {
    id: 'sussex',
    name: 'Sussex Police',
    policeUkName: 'Sussex Police',
    country: 'England',
    kind: 'territorial',
    neighbours: ['hampshire', 'kent', 'surrey'],
  },
  {
    id: 'thames-valley',
    name: 'Thames Valley Police',
    policeUkName: 'Thames Valley Police',
    country: 'England',
    kind: 'territorial',
    neighbours: [
      'bedfordshire',
      'gloucestershire',
      'hampshire',
      'hertfordshire',
      'metropolitan',
      'northamptonshire',
      'surrey',
      'warwickshire',
      'wiltshire',
    ],
  },
  {
    id: 'warwickshire',
    name: 'Warwickshire Police',
    policeUkName: 'Warwickshire Police',
    country: 'England',
    kind: 'territorial',
    neighbours: [
      'gloucestershire',
      'leicestershire',
      'northamptonshire',
      'staffordshire',
      'thames-valley',
      'west-mercia',
      'west-midlands',
    ],
  },
  {
    id: 'west-mercia',
    name: 'West Mercia Police',
    policeUkName: 'West Mercia Police',
    country: 'England',
    kind: 'territorial',
    neighbours: [
      'cheshire',
      'dyfed-powys',
      'gloucestershire',
      'gwent',
      'north-wales',
      'staffordshire',
      'warwickshire',
      'west-midlands',
    ],
  },
  {
    id: 'west-midlands',
    name: 'West Midlands Police',
    policeUkName: 'West Midlands Police',
    country: 'England',
    kind: 'territorial',
    neighbours: ['staffordshire', 'warwickshire', 'west-mercia'],
  },
  {
    id: 'west-yorkshire',
    name: 'West Yorkshire Police',
    policeUkName: 'West Yorkshire Police',
    country: 'England',
    kind: 'territorial',
    neighbours: [
      'derbyshire',
      'greater-manchester',
      'lancashire',
      'north-yorkshire',
      'south-yorkshire',
    ],
  },
  {
    id: 'wiltshire',
    name: 'Wiltshire Police',
    policeUkName: 'Wiltshire Police',
    country: 'England',
    kind: 'territorial',
    neighbours: ['avon-and-somerset', 'dorset', 'gloucestershire', 'hampshire', 'thames-valley'],
  },
];

function normalise(value: string): string {
  return value.trim().toLowerCase().replace(/\s*&\s*/g, ' and ').replace(/\s+/g, ' ').trim();
}

const BY_ID: ReadonlyMap<string, Force> = new Map(FORCES.map((force) => [force.id, force]));

const BY_KEY: ReadonlyMap<string, Force> = (() => {
  const map = new Map<string, Force>();
  for (const force of FORCES) {
    for (const key of [force.id, force.name, force.policeUkName]) {
      if (key !== null) map.set(normalise(key), force);
    }
  }
  return map;
})();

/** Finds a force by id, official name or police.uk name; case-insensitive, '&' matches 'and', whitespace is trimmed. */
export function findForce(nameOrId: string): Force | undefined {
  return BY_KEY.get(normalise(nameOrId));
}

export function forceById(id: string): Force | undefined {
  return BY_ID.get(id);
}

/** The territorial forces sharing a land boundary with the given force; empty for an unknown id. */
export function neighboursOf(id: string): readonly Force[] {
  const force = BY_ID.get(id);
  if (force === undefined) return [];
  return force.neighbours.flatMap((neighbourId) => {
    const neighbour = BY_ID.get(neighbourId);
    return neighbour === undefined ? [] : [neighbour];
  });
}
