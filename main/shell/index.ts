// The Electron main process: wires the core (AppService and its handler table) to a tray icon, a
// popover window and ipcMain, behind the security baseline in security.ts and content-guards.ts.
// Decisions live in the pure modules beside this file; this one only connects them.
import path from 'node:path';
import {
  app,
  clipboard,
  dialog,
  ipcMain,
  protocol,
  session,
  shell,
  type Rectangle,
} from 'electron';
import ElectronStore from 'electron-store';
import { STATE_CHANNEL } from '../../preload/shared/contract';
import { AppService } from '../core/app-service';
import { CONFIG_DIR_ENV, configDir } from '../core/config-dir';
import { createHandlerTable } from '../core/ipc-handlers';
import { keytarKeychain } from '../core/keychain';
import { Settings } from '../core/settings';
import { CredentialVault } from '../core/vault';
import { createAppProtocolHandler } from './app-protocol';
import { clipboardPort } from './clipboard-port';
import { guardWebContents, lockDownSession } from './content-guards';
import { registerIpcHandlers } from './ipc-registration';
import { createNotifier } from './notifier';
import { Popover } from './popover-window';
import { APP_ORIGIN, APP_SCHEME, PRIVILEGED_SCHEMES } from './security';
import {
  hasAction,
  launchData,
  parseSwitches,
  switchesFromSecondInstance,
  type Switches,
} from './switches';
import { createActionRunner } from './tray-actions';
import { TrayController } from './tray-controller';
import { trayIconPath } from './tray-icons';
import { trayLabelsFor, type Notice } from './tray-labels';
import type { TrayAction } from './tray-menu';
import { createTrayModelSource } from './tray-model-source';
import { installTestHook, testHookEnabled } from './test-hook';

const log = (line: string): void => console.log(`[ehpc-vnc] ${line}`);
const e2e = testHookEnabled(process.env);

// ---- Before `ready`: what Chromium must know at start-up.

// Tests (and portable setups) keep Chromium's profile beside the settings, so a test run never
// shares the single-instance lock or storage with the user's own running app.
if (process.env[CONFIG_DIR_ENV]) app.setPath('userData', path.join(configDir(), 'chromium'));
app.enableSandbox();
protocol.registerSchemesAsPrivileged(PRIVILEGED_SCHEMES);
app.on('web-contents-created', (_event, contents) => {
  guardWebContents(contents, { openExternal: (url) => void shell.openExternal(url), log });
});

// Later launches hand their switches over; those arriving while we start up wait their turn.
const earlyLaunches: Switches[] = [];
let runSecondLaunch = (switches: Switches): void => void earlyLaunches.push(switches);
app.on('second-instance', (_event, argv, _cwd, additionalData) => {
  runSecondLaunch(switchesFromSecondInstance(argv, additionalData));
});

if (!app.requestSingleInstanceLock(launchData(process.argv))) {
  // The first instance got our switches through `second-instance`; nothing left to do here.
  app.quit();
} else {
  void app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      // A tray app that cannot start must say so: there is no window to show it in yet.
      const message = error instanceof Error ? error.message : String(error);
      log(`start-up failed: ${message}`);
      dialog.showErrorBox('E-HPC VNC Tray could not start', message);
      app.exit(1);
    });
}

async function start(): Promise<void> {
  const appPath = app.getAppPath();
  const rendererDir = path.join(appPath, 'dist', 'renderer');
  const preloadPath = path.join(appPath, 'dist', 'preload', 'index.cjs');
  const platform = process.platform;

  protocol.handle(
    APP_SCHEME,
    createAppProtocolHandler({
      root: rendererDir,
      onRefused: (url, reason) => log(`app:// refused ${reason}: ${new URL(url).pathname}`),
    }),
  );
  lockDownSession(session.defaultSession, { log });
  if (platform === 'darwin') app.dock?.hide();

  // ---- The core, as the CLI and the tests build it, with Electron's store and clipboard.
  const settings = Settings.open({
    dir: configDir(),
    createStore: (options) => new ElectronStore(options),
    onWarning: log,
  });
  // electron-store answers a synchronous IPC message for renderer-side stores; we have none,
  // and no channel stays open that the sender check below does not cover.
  ipcMain.removeAllListeners('electron-store-get-data');
  const service = new AppService({
    vault: new CredentialVault({ keychain: keytarKeychain(), env: process.env }),
    settings,
    clipboard: clipboardPort(clipboard, log),
    env: process.env,
  });
  const table = createHandlerTable(service);

  // ---- What the tray shows, and the actions it and the switches start.
  // Built below, once the window exists; model changes before that have nothing to show on.
  const view: { tray?: TrayController } = {};
  const notices: Notice[] = [];
  const notify = createNotifier({
    log,
    ...(e2e ? { record: (n: Notice) => notices.push(n) } : {}),
  });
  const labels = () => trayLabelsFor(models.language(), app.getLocale());
  const models = createTrayModelSource({
    table,
    initialState: service.getState(),
    onChange: (model) => view.tray?.update(model, labels()),
  });
  const runner = createActionRunner({
    table,
    notify,
    labels,
    clusterName: (id) => models.clusterName(id),
    onOutcome: (ok) => models.setLastActionFailed(!ok),
  });

  // ---- Window and IPC.
  const popover = new Popover({
    preloadPath,
    platform,
    hideOnBlur: !e2e,
    showOnStart: e2e,
    onHidden: () => void models.refresh(),
    log,
  });
  popover.create();
  registerIpcHandlers({
    ipcMain,
    table,
    policy: { origin: APP_ORIGIN, webContentsId: () => popover.webContentsId() },
    log,
  });

  const dispatch = async (action: TrayAction): Promise<void> => {
    if (action.kind === 'open') return popover.show();
    if (action.kind === 'quit') return app.quit();
    await runner.run(action);
    await models.refresh();
  };

  const tray = new TrayController(
    {
      platform,
      iconPath: (name) =>
        trayIconPath(name, {
          platform,
          appPath,
          resourcesPath: process.resourcesPath,
          isPackaged: app.isPackaged,
        }),
      dispatch: (action) => void dispatch(action),
      onToggle: (bounds: Rectangle) => popover.toggle(bounds),
    },
    models.current(),
    labels(),
  );
  view.tray = tray;

  service.onState((state) => {
    popover.send(STATE_CHANNEL, state);
    models.applyState(state);
  });
  void models.refresh();

  // ---- Switches: this launch's, and every later launch's.
  const runSwitches = async (switches: Switches, showIfNothing: boolean): Promise<void> => {
    if (switches.invalid) {
      notify(labels().invalidSwitch);
      log(`ignored invalid switch(es): ${switches.invalid.join(', ')}`);
    }
    if (switches.show || (showIfNothing && !hasAction(switches))) popover.show();
    if (switches.stopAll) await dispatch({ kind: 'stopAll' });
    else if (switches.stop) await dispatch({ kind: 'stop', clusterId: switches.stop });
  };
  void runSwitches(parseSwitches(process.argv.slice(1)), false);
  runSecondLaunch = (switches) => void runSwitches(switches, true);
  for (const switches of earlyLaunches.splice(0)) runSecondLaunch(switches);

  // ---- Lifetime: the app lives in the tray; Quit waits for operations in flight.
  app.on('window-all-closed', () => {
    // Stay in the tray.
  });
  let drained = false;
  app.on('before-quit', (event) => {
    popover.allowClose();
    if (drained) return;
    event.preventDefault();
    void service.idle().finally(() => {
      drained = true;
      tray.destroy();
      app.quit();
    });
  });

  installTestHook(globalThis, process.env, {
    items: () => tray.currentItems(),
    dispatch,
    notifications: notices,
  });
}
