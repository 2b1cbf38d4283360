// The core (core/compose.ts) as the app builds it: with Electron's settings store, clipboard and
// login item, main's native confirmations, the vnc:// opener, and the endpoint the window may use.
import { app, clipboard, dialog, ipcMain, shell } from 'electron';
import type { ErrorLocale } from '../../preload/shared/error-registry';
import ElectronStore from 'electron-store';
import { endpointHost } from '../core/account-session';
import { createLoginItem, launchCommand, type LoginItemPort } from '../core/autostart';
import { createCore, type Core } from '../core/compose';
import { configDir } from '../core/config-dir';
import { clipboardPort } from './clipboard-port';
import { dialogConfirmations, type ConfirmDialogDeps } from './confirm-dialogs';
import { confirmLabelsFor } from './confirm-labels';
import { DEV_ENDPOINT_SWITCH, ENDPOINT_ENV, windowEndpoint } from './dev-endpoint';
import { vncOpener } from './vnc-opener';

export interface ShellCoreOptions {
  appPath: string;
  platform: NodeJS.Platform;
  /** The tray's language, read when a confirmation is asked. */
  locale: () => ErrorLocale;
  /** Parents a confirmation to the popover once there is one. */
  withWindow: ConfirmDialogDeps['withWindow'];
  log: (line: string) => void;
}

export interface ShellCore extends Core {
  loginItem: LoginItemPort;
  /** The clipboard as the core sees it; `settled()` once its writes and clears are done. */
  secretClipboard: ReturnType<typeof clipboardPort>;
}

export function buildShellCore(opts: ShellCoreOptions): ShellCore {
  const { appPath, platform, log } = opts;
  const loginItem = createLoginItem({
    platform,
    command: launchCommand({
      execPath: process.execPath,
      isPackaged: app.isPackaged,
      appPath,
      env: process.env,
    }),
    env: process.env,
    setLoginItemSettings: (item) => app.setLoginItemSettings(item),
  });
  // EHPC_VNC_ENDPOINT only with --dev-endpoint, and then with a badge in the window.
  const endpoint = windowEndpoint(process.argv, process.env);
  if (endpoint.ignored) log(`${ENDPOINT_ENV} ignored: start with ${DEV_ENDPOINT_SWITCH} to use it`);
  if (endpoint.endpoint) log(`developer endpoint in use: ${endpointHost(endpoint.endpoint)}`);
  const secretClipboard = clipboardPort(clipboard, log);
  // Main's own questions before VNC is exposed (core/confirmations.ts), in the tray's language.
  const confirm = dialogConfirmations({
    dialog,
    withWindow: opts.withWindow,
    labels: () => confirmLabelsFor(opts.locale()),
    log,
  });
  const core = createCore({
    confirm,
    settingsDir: configDir(),
    createStore: (options) => new ElectronStore(options),
    clipboard: secretClipboard,
    env: endpoint.env,
    ...(endpoint.endpoint ? { endpoint: endpoint.endpoint } : {}),
    opener: vncOpener(
      {
        applicationFor: (url) => app.getApplicationNameForProtocol(url),
        openExternal: (url) => shell.openExternal(url, { activate: true }),
      },
      log,
    ),
    platform,
    loginItem,
    onWarning: log,
  });
  // electron-store answers a synchronous IPC message for renderer-side stores; we have none,
  // and no channel stays open that the sender check in ipc-registration.ts does not cover.
  ipcMain.removeAllListeners('electron-store-get-data');
  return { ...core, loginItem, secretClipboard };
}
