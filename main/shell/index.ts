// The Electron main process: wires the core (built by core/compose.ts) to a tray icon, a
// popover window and ipcMain, behind the security baseline in security.ts and content-guards.ts.
// Decisions live in the pure modules beside this file; this one only connects them.
import path from 'node:path';
import {
  app,
  dialog,
  ipcMain,
  net,
  powerMonitor,
  protocol,
  session,
  shell,
  type Rectangle,
} from 'electron';
import { STATE_CHANNEL } from '../../preload/shared/contract';
import type { AutoStopOutcome } from '../core/auto-stop';
import { CONFIG_DIR_ENV, configDir } from '../core/config-dir';
import { QuitCoordinator } from '../core/quit-coordinator';
import type { LoginItemPort } from '../core/autostart';
import { createAppProtocolHandler } from './app-protocol';
import { readBuildProfile, refuseDebugSwitches } from './debug-switches';
import { guardWebContents, lockDownSession } from './content-guards';
import { registerIpcHandlers } from './ipc-registration';
import { createNotifier } from './notifier';
import { Popover } from './popover-window';
import { wirePowerEvents } from './power-events';
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
import { buildShellCore } from './shell-core';
import { createTrayModelSource } from './tray-model-source';
import { covers, createLeavingSafely } from './leaving-wiring';
import { startupFailure } from './startup-failure';
import { installTestHook, testHookEnabled } from './test-hook';

const log = (line: string): void => console.log(`[ehpc-vnc] ${line}`);
// The e2e door (test-hook.ts) opens only in a build that allows debugging, never in a release.
const buildProfile = readBuildProfile(app);
const e2e = testHookEnabled(process.env, buildProfile);

// ---- Before `ready`: what Chromium must know at start-up.
// A packaged build refuses debugging switches (debug-switches.ts), before anything else runs.
if (refuseDebugSwitches({ app, dialog })) process.exit(1);

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
      const { title, content } = startupFailure(error, app.getLocale());
      log(`start-up failed: ${content.replace(/\n+/g, ' ')}`);
      dialog.showErrorBox(title, content);
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

  // ---- The core, as the CLI and the tests build it, with Electron's ports (shell-core.ts).
  // Confirmations are parented to the popover once it exists (below), in the tray's language.
  const dialogHost: { popover?: Popover } = {};
  const {
    settings,
    service,
    handlers: table,
    loginItem,
    secretClipboard,
  } = buildShellCore({
    appPath,
    platform,
    locale: () => labels().locale,
    withWindow: (ask) =>
      dialogHost.popover ? dialogHost.popover.whileDialog(ask) : ask(undefined),
    log,
  });

  // ---- What the tray shows, and the actions it and the switches start.
  // Built below; model changes before that have nothing to show on.
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

  // ---- Leaving safely: automatic stops and the pending-stop journal (started further down).
  const { autoStop, retries } = createLeavingSafely({
    settings,
    service,
    notify,
    labels,
    clusterName: (id) => models.clusterName(id),
    idleSeconds: () => powerMonitor.getSystemIdleTime(),
    isOnline: () => net.isOnline(),
    log,
  });

  // ---- Window and IPC.
  const popover = new Popover({
    preloadPath,
    platform,
    hideOnBlur: !e2e,
    showOnStart: e2e,
    log,
  });
  dialogHost.popover = popover;

  const dispatch = async (action: TrayAction): Promise<void> => {
    if (action.kind === 'open') {
      void service.exposureWatch.popoverOpened();
      return popover.show();
    }
    if (action.kind === 'quit') return app.quit();
    if (action.kind === 'retryPending') return retries.retryNow('user');
    await runner.run(action);
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
      onToggle: (bounds: Rectangle) => {
        void service.exposureWatch.popoverOpened();
        popover.toggle(bounds);
      },
    },
    models.current(),
    labels(),
  );
  view.tray = tray;

  // The window (and its renderer) only now: the tray is on screen first. Nothing can ask for
  // the window in between, since this all runs in one turn of the event loop.
  const popoverWindow = popover.create();
  registerIpcHandlers({
    ipcMain,
    table,
    policy: { origin: APP_ORIGIN, webContentsId: () => popover.webContentsId() },
    log,
  });

  service.onState((state) => {
    popover.send(STATE_CHANNEL, state);
    models.applyState(state);
    retries.update();
  });
  // Who is signed in, asked once; from then on every change arrives pushed.
  void models.start();

  // ---- Automatic stops, the journal's retries, launch at login.
  autoStop.start();
  // Stops cut off last time (offline, quit, shutdown, a crash) go out again now.
  void retries.retryNow('launch');
  // Is VNC open anywhere? Checked now, then on popover, wake and every N minutes.
  void service.exposureWatch.start();
  /** The shutdown stop, when shutdown is what quits the app: the on-quit stop does not repeat it. */
  let shutdownStop: Promise<AutoStopOutcome | null> | undefined;
  wirePowerEvents({
    powerMonitor,
    sessionWindow: popoverWindow,
    autoStop,
    onWake: () => {
      void retries.retryNow('wake');
      void service.exposureWatch.woke();
    },
    onSessionEnd: (stop, { quit }) => {
      // Windows' query-session-end may yet be cancelled (another app refuses): no quit, and a
      // later quit still runs its own stop. A shutdown quits now, under the quit's deadline.
      if (!quit) return;
      shutdownStop = stop;
      app.quit();
    },
  });
  if (settings.peek().autoStop.launchAtLogin) void restoreLoginItem(loginItem);

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

  // ---- Lifetime: the app lives in the tray; quitting waits (boundedly) for stops in flight and
  // the on-quit stop, and journals what the deadline cuts off (main/core/quit-coordinator.ts).
  app.on('window-all-closed', () => {
    // Stay in the tray.
  });
  const quitting = new QuitCoordinator({
    // The clipboard's conditional clear (started at before-quit) finishes before the process ends.
    drain: async () => void (await Promise.all([service.idle(), secretClipboard.settled()])),
    autoStopOnQuit: async () => {
      const shutdown = shutdownStop && (await shutdownStop);
      if (shutdown && !shutdown.error && covers(shutdown, settings.peek().autoStop)) return;
      await autoStop.handle('quit');
    },
    journalInterrupted: () => service.recordInterruptedStops(),
    quit: () => {
      autoStop.dispose();
      retries.dispose();
      tray.destroy();
      app.quit();
    },
    log,
  });
  app.on('before-quit', (event) => {
    // From now on closing the window closes it (until then it only hides).
    popover.allowClose();
    // A password we copied does not outlive the app (issue #14): cleared if still there.
    service.clearCopiedSecret();
    quitting.onBeforeQuit(event);
  });

  installTestHook(globalThis, process.env, buildProfile, {
    items: () => tray.currentItems(),
    dispatch,
    notifications: notices,
  });
}

/**
 * The setting is the user's word: an entry removed behind the app's back (a cleanup tool, an
 * AppImage moved, a reinstall) is written again, with today's path. Off leaves the OS alone: an
 * entry the user made by hand is not the app's to remove.
 */
async function restoreLoginItem(loginItem: LoginItemPort): Promise<void> {
  try {
    await loginItem.set(true);
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? String(error.code) : 'unexpected';
    log(`could not restore launch at login (${code})`);
  }
}
