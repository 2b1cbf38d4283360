// The security baseline of the shell as data and pure predicates, so that tests can assert it
// and the Electron code only wires it up. Type-only imports from electron: nothing here runs
// Electron.
import type { CustomScheme, WebPreferences } from 'electron';

/** The app's own pages come from `app://bundle/…`, never `file://` and never the network. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'bundle';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * `standard` gives the scheme real origins and relative URL resolution; `secure` makes it a
 * secure context. Nothing else: no service workers, no CORS, no fetch() from other origins.
 * Must be registered before the app's `ready` event.
 */
export const PRIVILEGED_SCHEMES: CustomScheme[] = [
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true } },
];

/** Sent with every response of the app:// protocol. The page needs nothing remote at all. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');

/** Every BrowserWindow of the app uses exactly these, plus its preload. */
export const SECURE_WEB_PREFERENCES = Object.freeze({
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
} satisfies WebPreferences);

/**
 * `devTools` is false in packaged builds (debuggingAllowed in debug-switches.ts): nobody at the
 * keyboard, or a program sending it keystrokes, opens a console in the page holding the session.
 */
export function webPreferences(preload: string, options: { devTools: boolean }): WebPreferences {
  return { ...SECURE_WEB_PREFERENCES, devTools: options.devTools, preload };
}

/** A frame as far as the sender check cares: where it is, and whether it is the top frame. */
export interface FrameLike {
  url: string;
  isMainFrame: boolean;
}

function schemeAndHost(url: string): string | undefined {
  try {
    const u = new URL(url);
    // Node's URL gives custom schemes an opaque origin ("null"), so compare the parts.
    return `${u.protocol}//${u.host}`;
  } catch {
    return undefined;
  }
}

/** Whether an IPC message comes from our page itself: its origin, and its top frame only. */
export function isTrustedSender(
  frame: FrameLike | null | undefined,
  expectedOrigin: string,
): boolean {
  if (!frame || !frame.isMainFrame || typeof frame.url !== 'string') return false;
  const actual = schemeAndHost(frame.url);
  return actual !== undefined && actual === schemeAndHost(expectedOrigin);
}

/**
 * Links the page may open in the user's browser: Alibaba Cloud documentation, the consoles
 * where an AccessKey and its RAM policy are managed, and the download pages of the VNC viewers
 * Connect names when no viewer is registered (docs/INSTALL.md). Anything else is dropped.
 */
export const EXTERNAL_LINK_HOSTS: readonly string[] = [
  'help.aliyun.com',
  'www.alibabacloud.com',
  'ram.console.aliyun.com',
  'ram.console.alibabacloud.com',
  'ehpc.console.aliyun.com',
  'ehpc.console.alibabacloud.com',
  'tigervnc.org',
  'www.realvnc.com',
  'www.tightvnc.com',
];

export function isAllowedExternalUrl(url: string): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  return (
    u.protocol === 'https:' &&
    u.port === '' &&
    u.username === '' &&
    u.password === '' &&
    EXTERNAL_LINK_HOSTS.includes(u.hostname)
  );
}

/** Esc (no modifiers) hides the popover, like any tray popover. */
export function isHideShortcut(input: {
  type: string;
  key: string;
  alt?: boolean;
  control?: boolean;
  meta?: boolean;
  shift?: boolean;
}): boolean {
  return (
    input.type === 'keyDown' &&
    input.key === 'Escape' &&
    !input.alt &&
    !input.control &&
    !input.meta &&
    !input.shift
  );
}
