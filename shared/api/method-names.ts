// The method names alone, with no schemas, for the sandboxed preload (which must stay tiny and
// dependency-free). A test keeps these lists equal to the contracts' keys.

export const CORE_METHODS = [
  'listForces',
  'createWorkbook',
  'openWorkbook',
  'closeWorkbook',
  'getWorkbook',
  'updateWorkbookDetails',
  'saveWorkbookCopy',
  'previewShareCopy',
  'saveShareCopy',
  'checkWorkbook',
  'repairWorkbook',
  'getWorkbookLock',
  'clearWorkbookLock',
  'listRecentWorkbooks',
  'forgetRecentWorkbook',
  'dumpWorkbook',
  'createWorkbookFromInterchange',
  'createWorkedExample',
  'listRecords',
  'createRecord',
  'updateRecord',
  'deleteRecord',
  'getUndoState',
  'undo',
  'redo',
  'listSectionStates',
  'setSectionCompleted',
  'listGaps',
  'listSimilarMessages',
  'importAreaLookup',
  'importCensus',
  'listCensusTables',
  'deleteCensusTable',
  'listCensusFigures',
  'getAreaCensus',
  'listEvidenceLinks',
  'linkEvidence',
  'unlinkEvidence',
  'getWhoIsMissingThreshold',
  'setWhoIsMissingThreshold',
  'getSettings',
  'changeSettings',
  'previewTabularFile',
  'importMappedTable',
  'getJobProgress',
  'cancelJob',
  'importCrime',
  'getCrimeSummary',
  'getAreaCrime',
  'listLsoaCrimeCounts',
  'listAreaCrimeCounts',
  'listCrimeTrendLinks',
  'linkCrimeTrend',
  'unlinkCrimeTrend',
  'exportWorkbook',
  'getWorkbookLogo',
  'setWorkbookLogo',
  'listReceptivity',
  'setReceptivity',
  'importContacts',
  'addToLibrary',
  'listLibrary',
  'removeFromLibrary',
  'comparePractice',
  'countPracticeByDepth',
  'adoptPractice',
] as const;

export const SHELL_METHODS = ['chooseFile', 'showInFolder', 'getEnvironment', 'listFolder', 'uploadFile'] as const;

/** Everything preload exposes on `window.ewb`, besides `pathForFile`. */
export const BRIDGE_METHODS = [...CORE_METHODS, ...SHELL_METHODS] as const;

/** The one IPC channel the contract travels on. */
export const IPC_CHANNEL = 'ewb:api';

/** The name of the object preload puts on `window`. */
export const BRIDGE_KEY = 'ewb';
