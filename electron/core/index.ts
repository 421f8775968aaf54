// The core's one public entry: what the doors (Electron main, the browser host, the CLI) may use.
// The linter refuses a door's import of any other core file, so the core can rearrange its rooms
// without a door noticing; export something here only when a door needs it.
export { createAppCore, type AppCore, type AppCoreDeps, type MethodName } from './create-app-core.ts';
export { defaultConfigDir, defaultDeps } from './default-deps.ts';
export { APP_VERSION } from './app-version.ts';
export { AppError, invalidInput, isAppError, toApiError, type Logger } from './app-error.ts';
export { CONTENT_SECURITY_POLICY } from './content-security-policy.ts';
/** Crash-safe file writing, for the host's uploads: the same durability as the core's own files. */
export { createFileSynced, publishFile, removeQuietly, temporaryPathBeside } from './fs/durable-write.ts';
export { fileSystemError } from './db/inspect-header.ts';
/** For the host's uploads: what a workbook's header carries, and the guard every write passes. */
export { APPLICATION_ID } from './db/file-format.ts';
export type { WriteIntent } from './workbook/guard-write-target.ts';
