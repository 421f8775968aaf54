// The app's version, written into every workbook it saves. Kept equal to package.json by a test.
export const APP_VERSION = '0.7.0';
