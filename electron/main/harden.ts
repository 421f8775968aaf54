// Hardening applied to every session and every webContents the app ever creates: no navigation
// away from our own page, no new windows, no <webview>, no permissions, no network, and the one
// Content Security Policy on every response (Electron's security checklist).
import type { App, Session, WebContents } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../core/index.ts';
import { isOwnPageUrl } from './app-url.ts';

/**
 * Where Electron fetches Hunspell spell-check dictionaries (by default Google's CDN; Linux always,
 * Windows when it cannot use the system checker, macOS never). A closed port on the loopback
 * interface: the fetch fails on this machine and nothing leaves it.
 */
export const OFFLINE_DICTIONARY_URL = 'http://127.0.0.1:9/';

/** The only requests a page may make: our own page, DevTools' own pages, and inline data. */
export function isAllowedRequestUrl(url: string): boolean {
  let protocol: string;
  try {
    protocol = new URL(url).protocol;
  } catch {
    return false;
  }
  if (protocol === 'app:') return isOwnPageUrl(url);
  return protocol === 'devtools:' || protocol === 'data:';
}

interface NavigationEvent {
  readonly url: string;
  preventDefault(): void;
}

function refuseForeignNavigation(event: NavigationEvent): void {
  if (!isOwnPageUrl(event.url)) event.preventDefault();
}

/** Navigation stays on our own page; window.open and <webview> are refused outright. */
export function hardenWebContents(contents: WebContents): void {
  contents.on('will-navigate', refuseForeignNavigation);
  // 'will-navigate' covers the main frame only; subframes (which the CSP forbids anyway) too.
  contents.on('will-frame-navigate', refuseForeignNavigation);
  contents.on('will-redirect', refuseForeignNavigation);
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** Every permission refused, every request off our own page cancelled, the CSP on every response. */
export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isAllowedRequestUrl(details.url) }));
  session.webRequest.onHeadersReceived((details, callback) => {
    // DevTools ships its own policy; ours would break it, and it never shows workbook content.
    if (details.url.startsWith('devtools:')) return callback({});
    // Written in the form Electron's documentation uses, which is also the form Electronegativity
    // recognises. A policy already sent under another spelling still applies: policies only tighten.
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
  // Files are written by the core after a save dialog, never downloaded by the page.
  session.on('will-download', (event) => event.preventDefault());
  session.setSpellCheckerDictionaryDownloadURL(OFFLINE_DICTIONARY_URL);
}

/** Applies the hardening to every webContents and every session, now and later. */
export function hardenApp(app: App): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  app.on('session-created', (session) => hardenSession(session));
}
