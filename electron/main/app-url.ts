// Where the app's own page lives: the privileged `app:` scheme, host `ewb`, served from out/renderer.
// Navigation, IPC and request checks all compare against these, so they live in one place.

export const APP_SCHEME = 'app';
export const APP_HOST = 'ewb';
/** Every URL of our own page starts with this (the trailing slash pins the host exactly). */
export const APP_URL_PREFIX = `${APP_SCHEME}://${APP_HOST}/`;
/** What the window loads. */
export const APP_ENTRY_URL = `${APP_URL_PREFIX}index.html`;

/** True for a URL of our own page, `app://ewb/…`; false for anything else, including `app://other/`. */
export function isOwnPageUrl(url: string): boolean {
  return typeof url === 'string' && url.startsWith(APP_URL_PREFIX);
}
