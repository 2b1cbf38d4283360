// Guards for every webContents and the session, whatever created them: no navigation away from
// the app, no new windows, no webviews, no permissions, no downloads. Electron objects are passed
// in (type-only imports), so tests drive these with fakes.
import type { Session, WebContents } from 'electron';
import { APP_ORIGIN, isAllowedExternalUrl } from './security';

export interface GuardDeps {
  /** `shell.openExternal`: used only for links on the allow-list. */
  openExternal(url: string): void;
  log(line: string): void;
}

function openIfAllowed(url: string, deps: GuardDeps): void {
  if (isAllowedExternalUrl(url)) deps.openExternal(url);
  else deps.log(`blocked a link to ${safeOrigin(url)}`);
}

function safeOrigin(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}`;
  } catch {
    return '(unparsable URL)';
  }
}

/** Installed from `app.on('web-contents-created')`, so it covers every webContents. */
export function guardWebContents(contents: WebContents, deps: GuardDeps): void {
  // The page never navigates: it is one document. A link the user clicks may open in the
  // browser if it is on the allow-list; the app itself stays where it is.
  contents.on('will-navigate', (event) => {
    event.preventDefault();
    openIfAllowed(event.url, deps);
  });
  contents.on('will-frame-navigate', (event) => {
    event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    event.preventDefault();
    deps.log(`blocked a redirect to ${safeOrigin(event.url)}`);
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    openIfAllowed(url, deps);
    return { action: 'deny' };
  });
}

/**
 * The one permission the page gets: writing (never reading) the clipboard, for its Copy buttons
 * (RequestId, RAM policy), and only for our own app:// page. Secrets are copied through main.
 */
export function isAllowedPermission(
  permission: string,
  requestingUrl: string | undefined,
): boolean {
  return (
    permission === 'clipboard-sanitized-write' && safeOrigin(requestingUrl ?? '') === APP_ORIGIN
  );
}

/** No camera, notifications-from-page, clipboard reads, HID, USB, serial…: the page needs none. */
export function lockDownSession(session: Session, deps: Pick<GuardDeps, 'log'>): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    // `details` is typed as always present; a stand-in session in tests may omit it.
    const allowed = isAllowedPermission(permission, details?.requestingUrl);
    if (!allowed) deps.log(`denied permission request: ${permission}`);
    callback(allowed);
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    isAllowedPermission(permission, requestingOrigin),
  );
  session.setDevicePermissionHandler(() => false);
  session.on('will-download', (event) => {
    event.preventDefault();
  });
}
