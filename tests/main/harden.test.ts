// The hardening every session and webContents gets: navigation, new windows, webviews,
// permissions, network requests and the CSP, each exercised through fake Electron objects.
import { EventEmitter } from 'node:events';
import type { App, Session, WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../electron/core/content-security-policy.ts';
import {
  OFFLINE_DICTIONARY_URL,
  hardenApp,
  hardenSession,
  hardenWebContents,
  isAllowedRequestUrl,
} from '../../electron/main/harden.ts';

vi.mock('electron', () => ({}));

type Handler = (...args: unknown[]) => unknown;

class FakeWebContents extends EventEmitter {
  windowOpenHandler: Handler | null = null;
  setWindowOpenHandler(handler: Handler): void {
    this.windowOpenHandler = handler;
  }
}

function navigationEvent(url: string) {
  return { url, preventDefault: vi.fn() };
}

function hardenedContents(): FakeWebContents {
  const contents = new FakeWebContents();
  hardenWebContents(contents as unknown as WebContents);
  return contents;
}

class FakeSession extends EventEmitter {
  permissionRequest: Handler | null = null;
  permissionCheck: Handler | null = null;
  devicePermission: Handler | null = null;
  dictionaryUrl: string | null = null;
  beforeRequest: Handler | null = null;
  headersReceived: Handler | null = null;
  webRequest = {
    onBeforeRequest: (listener: Handler) => {
      this.beforeRequest = listener;
    },
    onHeadersReceived: (listener: Handler) => {
      this.headersReceived = listener;
    },
  };
  setPermissionRequestHandler(handler: Handler): void {
    this.permissionRequest = handler;
  }
  setPermissionCheckHandler(handler: Handler): void {
    this.permissionCheck = handler;
  }
  setDevicePermissionHandler(handler: Handler): void {
    this.devicePermission = handler;
  }
  setSpellCheckerDictionaryDownloadURL(url: string): void {
    this.dictionaryUrl = url;
  }
}

function hardenedSession(): FakeSession {
  const session = new FakeSession();
  hardenSession(session as unknown as Session);
  return session;
}

function requestVerdict(session: FakeSession, url: string): unknown {
  const callback = vi.fn();
  session.beforeRequest?.({ url, method: 'GET', resourceType: 'xhr' }, callback);
  expect(callback).toHaveBeenCalledTimes(1);
  return callback.mock.calls[0]?.[0];
}

describe('hardenWebContents', () => {
  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect'])('%s to a foreign URL is prevented', (eventName) => {
    const contents = hardenedContents();
    for (const url of ['https://example.com/', 'http://127.0.0.1:8080/', 'file:///etc/passwd', 'app://other/index.html', 'javascript:alert(1)', 'app://ewb.evil/']) {
      const event = navigationEvent(url);
      contents.emit(eventName, event, url);
      expect(event.preventDefault, url).toHaveBeenCalled();
    }
  });

  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect'])('%s within our own page is allowed', (eventName) => {
    const contents = hardenedContents();
    const event = navigationEvent('app://ewb/index.html');
    contents.emit(eventName, event, event.url);
    expect(event.preventDefault).not.toHaveBeenCalled();
  });

  it('denies every window.open', () => {
    const contents = hardenedContents();
    expect(contents.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: 'app://ewb/index.html' })).toEqual({ action: 'deny' });
  });

  it('blocks every <webview>', () => {
    const contents = hardenedContents();
    const event = { preventDefault: vi.fn() };
    contents.emit('will-attach-webview', event, {}, { src: 'https://example.com/' });
    expect(event.preventDefault).toHaveBeenCalled();
  });
});

describe('hardenSession', () => {
  it('denies every permission request and check', () => {
    const session = hardenedSession();
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read', 'fullscreen', 'unknown']) {
      const callback = vi.fn();
      session.permissionRequest?.({}, permission, callback, {});
      expect(callback, permission).toHaveBeenCalledWith(false);
      expect(session.permissionCheck?.({}, permission, 'app://ewb', {}), permission).toBe(false);
    }
    expect(session.devicePermission?.({ deviceType: 'usb' })).toBe(false);
  });

  it('cancels every network request', () => {
    const session = hardenedSession();
    for (const url of ['https://example.com/a.js', 'http://localhost:5173/', 'ws://127.0.0.1/', 'file:///etc/passwd', 'ftp://x/', 'blob:app://ewb/1', 'app://other/x.js', 'not a url']) {
      expect(requestVerdict(session, url), url).toEqual({ cancel: true });
    }
  });

  it('lets our own page, DevTools and data: URLs through', () => {
    const session = hardenedSession();
    for (const url of ['app://ewb/index.html', 'app://ewb/assets/index-abc.js', 'devtools://devtools/bundled/devtools_app.html', 'data:image/png;base64,AAAA']) {
      expect(requestVerdict(session, url), url).toEqual({ cancel: false });
    }
  });

  it('adds the CSP to every response', () => {
    const session = hardenedSession();
    const callback = vi.fn();
    session.headersReceived?.({ url: 'app://ewb/index.html', responseHeaders: { 'Content-Type': ['text/html'] } }, callback);
    expect(callback).toHaveBeenCalledWith({
      responseHeaders: { 'Content-Type': ['text/html'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    });
  });

  it('keeps a CSP already sent under another spelling (policies only tighten)', () => {
    const session = hardenedSession();
    const callback = vi.fn();
    session.headersReceived?.({ url: 'app://ewb/index.html', responseHeaders: { 'content-security-policy': ["default-src 'none'"] } }, callback);
    expect(callback).toHaveBeenCalledWith({
      responseHeaders: { 'content-security-policy': ["default-src 'none'"], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    });
  });

  it('leaves DevTools its own policy', () => {
    const session = hardenedSession();
    const callback = vi.fn();
    session.headersReceived?.({ url: 'devtools://devtools/bundled/devtools_app.html', responseHeaders: {} }, callback);
    expect(callback).toHaveBeenCalledWith({});
  });

  it('refuses downloads and keeps the spell checker off the network', () => {
    const session = hardenedSession();
    const event = { preventDefault: vi.fn() };
    session.emit('will-download', event, {}, {});
    expect(event.preventDefault).toHaveBeenCalled();
    expect(session.dictionaryUrl).toBe(OFFLINE_DICTIONARY_URL);
    expect(new URL(OFFLINE_DICTIONARY_URL).hostname).toBe('127.0.0.1');
  });
});

describe('hardenApp', () => {
  it('hardens every webContents and every session created later', () => {
    const app = new EventEmitter();
    hardenApp(app as unknown as App);
    const contents = new FakeWebContents();
    app.emit('web-contents-created', {}, contents);
    expect(contents.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    const session = new FakeSession();
    app.emit('session-created', session);
    expect(requestVerdict(session, 'https://example.com/')).toEqual({ cancel: true });
  });
});

describe('isAllowedRequestUrl', () => {
  it('accepts only app://ewb/, devtools: and data:', () => {
    expect(isAllowedRequestUrl('app://ewb/')).toBe(true);
    expect(isAllowedRequestUrl('https://ewb/')).toBe(false);
  });
});
