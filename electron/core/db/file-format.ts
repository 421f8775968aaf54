// Constants that identify a workbook file on disk.

/** Our SQLite `application_id`: the ASCII bytes "EWB1", stored at header offset 68. */
export const APPLICATION_ID = 0x45574231;

export const WORKBOOK_EXTENSION = '.ewb';

export const APP_NAME = 'Engagement Workbook';
