// The guards installed on every webContents and on the session, driven with stand-ins that
// behave like Electron's (events with preventDefault, a window-open handler slot).
import { EventEmitter } from 'node:events';
import type { Session, WebContents } from 'electron';
import { describe, expect, it } from 'vitest';
import {
  guardWebContents,
  isAllowedPermission,
  lockDownSession,
} from '../../main/shell/content-guards';

class FakeEvent {
  defaultPrevented = false;
  constructor(readonly url: string) {}
  preventDefault(): void {
    this.defaultPrevented = true;
  }
}

class FakeWebContents extends EventEmitter {
  openHandler?: (details: { url: string }) => { action: string };
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.openHandler = handler;
  }
}

function guarded() {
  const contents = new FakeWebContents();
  const opened: string[] = [];
  const logged: string[] = [];
  guardWebContents(contents as unknown as WebContents, {
    openExternal: (url) => opened.push(url),
    log: (l) => logged.push(l),
  });
  return { contents, opened, logged };
}

describe('guardWebContents', () => {
  it('prevents every navigation, redirect, frame navigation and webview', () => {
    const { contents, opened } = guarded();
    for (const name of [
      'will-navigate',
      'will-redirect',
      'will-frame-navigate',
      'will-attach-webview',
    ]) {
      const event = new FakeEvent('https://evil.example/');
      contents.emit(name, event, event.url);
      expect(event.defaultPrevented, name).toBe(true);
    }
    expect(opened).toEqual([]);
  });

  it('opens an allow-listed link in the browser, but the page stays', () => {
    const { contents, opened } = guarded();
    const event = new FakeEvent('https://help.aliyun.com/zh/e-hpc/');
    contents.emit('will-navigate', event, event.url);
    expect(event.defaultPrevented).toBe(true);
    expect(opened).toEqual(['https://help.aliyun.com/zh/e-hpc/']);
  });

  it('denies every new window, opening only allow-listed https links outside', () => {
    const { contents, opened, logged } = guarded();
    expect(contents.openHandler?.({ url: 'https://ram.console.aliyun.com/manage/ak' })).toEqual({
      action: 'deny',
    });
    expect(contents.openHandler?.({ url: 'https://evil.example/steal?x=1' })).toEqual({
      action: 'deny',
    });
    expect(contents.openHandler?.({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(opened).toEqual(['https://ram.console.aliyun.com/manage/ak']);
    // Only the origin of a blocked link is logged, never its path or query.
    expect(logged.join('\n')).toContain('https://evil.example');
    expect(logged.join('\n')).not.toContain('steal');
  });
});

describe('isAllowedPermission', () => {
  it('allows only writing the clipboard, and only to our own page', () => {
    expect(isAllowedPermission('clipboard-sanitized-write', 'app://bundle/index.html')).toBe(true);
    expect(isAllowedPermission('clipboard-sanitized-write', 'https://evil.example/')).toBe(false);
    expect(isAllowedPermission('clipboard-sanitized-write', undefined)).toBe(false);
    expect(isAllowedPermission('clipboard-read', 'app://bundle/index.html')).toBe(false);
    expect(isAllowedPermission('media', 'app://bundle/index.html')).toBe(false);
  });
});

describe('lockDownSession', () => {
  it('denies every permission request and check, and every download', () => {
    const session = new EventEmitter() as EventEmitter & {
      request?: (
        wc: unknown,
        permission: string,
        cb: (granted: boolean) => void,
        details?: { requestingUrl?: string },
      ) => void;
      check?: (wc: unknown, permission: string, origin: string) => boolean;
      device?: () => boolean;
      setPermissionRequestHandler(h: typeof session.request): void;
      setPermissionCheckHandler(h: typeof session.check): void;
      setDevicePermissionHandler(h: typeof session.device): void;
    };
    session.setPermissionRequestHandler = (h) => (session.request = h);
    session.setPermissionCheckHandler = (h) => (session.check = h);
    session.setDevicePermissionHandler = (h) => (session.device = h);
    const logged: string[] = [];
    lockDownSession(session as unknown as Session, { log: (l) => logged.push(l) });

    const answers: boolean[] = [];
    for (const p of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      session.request?.({}, p, (granted) => answers.push(granted));
    }
    expect(answers).toEqual([false, false, false, false, false]);
    expect(session.check?.({}, 'media', 'app://bundle')).toBe(false);
    expect(session.check?.({}, 'clipboard-read', 'app://bundle')).toBe(false);
    expect(session.device?.()).toBe(false);
    expect(logged).toContain('denied permission request: media');

    const download = new FakeEvent('https://example/x.exe');
    session.emit('will-download', download);
    expect(download.defaultPrevented).toBe(true);
  });
});
