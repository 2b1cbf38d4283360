import { describe, expect, it } from 'vitest';
import {
  APP_ENTRY_URL,
  APP_ORIGIN,
  CONTENT_SECURITY_POLICY,
  PRIVILEGED_SCHEMES,
  SECURE_WEB_PREFERENCES,
  isAllowedExternalUrl,
  isHideShortcut,
  isTrustedSender,
  webPreferences,
} from '../../main/shell/security';

describe('the security baseline as data', () => {
  it('isolates and sandboxes every page', () => {
    expect(webPreferences('/app/dist/preload/index.cjs', { devTools: false })).toEqual({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      navigateOnDragDrop: false,
      devTools: false,
      preload: '/app/dist/preload/index.cjs',
    });
    // Development runs and the e2e build (debuggingAllowed) keep DevTools; nothing else changes.
    expect(webPreferences('/p.cjs', { devTools: true })).toMatchObject({
      devTools: true,
      sandbox: true,
      contextIsolation: true,
    });
    expect(Object.isFrozen(SECURE_WEB_PREFERENCES)).toBe(true);
  });

  it('sends the strict CSP', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
        "connect-src 'none'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; " +
        "form-action 'none'",
    );
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe');
  });

  it('serves the app from a standard, secure custom scheme', () => {
    expect(PRIVILEGED_SCHEMES).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true } },
    ]);
    expect(APP_ENTRY_URL.startsWith(`${APP_ORIGIN}/`)).toBe(true);
  });
});

describe('isTrustedSender', () => {
  it('accepts the top frame of our origin', () => {
    expect(isTrustedSender({ url: 'app://bundle/index.html', isMainFrame: true }, APP_ORIGIN)).toBe(
      true,
    );
    expect(isTrustedSender({ url: 'app://bundle/#/settings', isMainFrame: true }, APP_ORIGIN)).toBe(
      true,
    );
  });

  it('refuses subframes, other origins and look-alikes', () => {
    const cases = [
      { url: 'app://bundle/index.html', isMainFrame: false },
      { url: 'https://bundle/index.html', isMainFrame: true },
      { url: 'file:///work/main/dist/renderer/index.html', isMainFrame: true },
      { url: 'app://bundle.evil.example/index.html', isMainFrame: true },
      { url: 'app://evil/index.html', isMainFrame: true },
      { url: 'app://bundle:8080/index.html', isMainFrame: true },
      { url: 'about:blank', isMainFrame: true },
      { url: 'not a url', isMainFrame: true },
      { url: '', isMainFrame: true },
    ];
    for (const frame of cases) expect(isTrustedSender(frame, APP_ORIGIN), frame.url).toBe(false);
    expect(isTrustedSender(null, APP_ORIGIN)).toBe(false);
    expect(isTrustedSender(undefined, APP_ORIGIN)).toBe(false);
  });
});

describe('isAllowedExternalUrl', () => {
  it('allows https Alibaba Cloud documentation and consoles', () => {
    expect(isAllowedExternalUrl('https://help.aliyun.com/zh/e-hpc/')).toBe(true);
    expect(isAllowedExternalUrl('https://ram.console.aliyun.com/manage/ak')).toBe(true);
    expect(isAllowedExternalUrl('https://www.alibabacloud.com/help/en/e-hpc')).toBe(true);
  });

  it('allows the download pages of the VNC viewers Connect links', () => {
    expect(isAllowedExternalUrl('https://tigervnc.org/')).toBe(true);
    expect(isAllowedExternalUrl('https://www.realvnc.com/en/connect/download/viewer/')).toBe(true);
    expect(isAllowedExternalUrl('https://www.tightvnc.com/download.php')).toBe(true);
    expect(isAllowedExternalUrl('http://www.tightvnc.com/download.php')).toBe(false);
    expect(isAllowedExternalUrl('https://tigervnc.org.evil.example/')).toBe(false);
  });

  it('refuses everything else', () => {
    for (const url of [
      'http://help.aliyun.com/',
      'https://help.aliyun.com.evil.example/',
      'https://evil.example/?https://help.aliyun.com',
      'https://user:pw@help.aliyun.com/',
      'https://help.aliyun.com:8443/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'app://bundle/index.html',
      'nonsense',
    ]) {
      expect(isAllowedExternalUrl(url), url).toBe(false);
    }
  });
});

describe('isHideShortcut', () => {
  it('is Esc pressed without modifiers', () => {
    expect(isHideShortcut({ type: 'keyDown', key: 'Escape' })).toBe(true);
    expect(isHideShortcut({ type: 'keyUp', key: 'Escape' })).toBe(false);
    expect(isHideShortcut({ type: 'keyDown', key: 'Escape', shift: true })).toBe(false);
    expect(isHideShortcut({ type: 'keyDown', key: 'Enter' })).toBe(false);
  });
});
