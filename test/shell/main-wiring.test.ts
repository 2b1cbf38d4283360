// The real main/shell/index.ts, started in plain Node with Electron's modules replaced by the
// recording stand-ins of fake-electron.ts, and the real core behind it (emulator over HTTP,
// settings file through electron-store). Checks the wiring the pure tests cannot: what runs
// before `ready`, the window's options, the guards on it, ipcMain, the tray, switches, the
// automatic stops on power events, the pending-stop journal's retries, and quitting.
// Waits follow events (fake.until), never a fixed sleep or a short polling limit.
import path from 'node:path';
import type { WebContents } from 'electron';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { contract, operations, STATE_CHANNEL, channelOf } from '../../preload/shared/contract';
import { CONTENT_SECURITY_POLICY, webPreferences } from '../../main/shell/security';
import type { TestHook } from '../../main/shell/test-hook';
import { clusterIdFor, gate } from '../emulator';
import { ensureRendererBuilt } from '../ui/harness';
import * as fake from './fake-electron';
import { loadShell, started, type ShellHarness } from './shell-harness';

vi.mock('electron', async () => {
  const m = await import('./fake-electron');
  return { ...m.electronModule, default: m.electronModule };
});
vi.mock('electron-store', async () => (await import('./fake-electron')).electronStoreModule());

const farm = clusterIdFor('cn-hangzhou', 2); // render-farm-01, VNC stopped at the start
const cfd = clusterIdFor('cn-hangzhou', 1); // cfd-prod-001, VNC running at the start
const CIDR = '203.0.113.7';
let shell: ShellHarness;
let hook: TestHook;

const emulator = () => shell.emulator;
const vncOf = (id: string) => emulator().cluster(id)?.vnc;
const window = () => fake.FakeBrowserWindow.instances[0] as fake.FakeBrowserWindow;
const tray = () => fake.FakeTray.instances[0] as fake.FakeTray;
const fromWindow = () => ({
  sender: { id: window().webContents.id },
  senderFrame: { url: 'app://bundle/index.html', parent: null },
});
/** The page's ipcRenderer.invoke: payload and answer cross IPC's structured clone. */
const invoke = (channel: string, payload: unknown, event: unknown = fromWindow()) =>
  fake.ipcMain.invoke(channel, event, payload);
const notified = (title: string, body?: string, since = 0) =>
  fake.notifications
    .slice(since)
    .some((n) => n.title === title && (body === undefined || n.body === body));
/** The user starts VNC, and says yes if main asks (the first start to CIDR on this cluster). */
const startVnc = async (clusterId: string) => {
  fake.messageBoxAnswers.splice(0, Infinity, 0);
  await expect(invoke(channelOf('startVnc'), { clusterId, cidrIp: CIDR })).resolves.toMatchObject({
    ok: true,
  });
  fake.messageBoxAnswers.length = 0;
  // Main asked, natively, over the popover (the page cannot answer it).
  expect(fake.messageBoxes.length).toBeGreaterThan(0);
  expect(fake.messageBoxes.every((box) => box.parented)).toBe(true);
  expect(vncOf(clusterId)).toBe('running');
};
/** A stop that E-HPC cannot confirm now (a proxy's error page): it stays in the journal. */
const leavePending = async (clusterId: string) => {
  emulator().inject({
    action: 'StopVisualService',
    times: 1,
    fault: { kind: 'html', status: 502 },
  });
  await expect(invoke(channelOf('stopVnc'), { clusterId })).resolves.toMatchObject({
    ok: false,
    error: { code: 'BadResponse', pendingStop: true },
  });
  await fake.until(() => tray().item('retry-pending') !== undefined, 'the tray offers a retry');
};

beforeAll(async () => {
  ensureRendererBuilt();
  shell = await loadShell({
    // Last time, a stop on cfd-prod-001 was cut off (the network went down).
    seed: (settings) => {
      settings.addPendingStop({ clusterId: cfd, regionId: 'cn-hangzhou', cidrIp: '203.0.113.9' });
      settings.recordPendingStopAttempt(cfd, 'Network.Timeout');
    },
  });
}, 120_000);

afterAll(async () => {
  await shell?.close();
});

describe('main process wiring', () => {
  it('sets up sandbox, scheme and single-instance lock before ready, nothing else', () => {
    expect(fake.calls).toEqual([
      'setPath:userData',
      'enableSandbox',
      'registerSchemesAsPrivileged',
      'requestSingleInstanceLock',
    ]);
    expect(fake.app.paths.userData).toBe(path.join(shell.configDir, 'chromium'));
    expect(fake.privilegedSchemes).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true } },
    ]);
    expect(fake.app.lockData).toMatchObject({ argv: expect.any(Array) });
  });

  it('starts once ready: protocol, tray, then window and IPC, test hook', async () => {
    fake.app.becomeReady();
    hook = await started();
    expect(fake.calls).toContain('protocol.handle:app');
    // The tray is on screen before the window (and its renderer) is built.
    expect(fake.calls.indexOf('new Tray')).toBeGreaterThan(-1);
    expect(fake.calls.indexOf('new Tray')).toBeLessThan(fake.calls.indexOf('new BrowserWindow'));
    expect(fake.calls).toContain('loadURL:app://bundle/index.html');
    expect(fake.errorBoxes).toEqual([]);
  });

  it('opens one compact, frameless, sandboxed popover', () => {
    expect(fake.FakeBrowserWindow.instances).toHaveLength(1);
    expect(window().options).toMatchObject({
      width: 380,
      height: 600,
      frame: false,
      resizable: false,
      skipTaskbar: true,
      show: false,
      // Unpackaged (a development run): DevTools stay available.
      webPreferences: webPreferences(path.join(fake.ROOT, 'dist', 'preload', 'index.cjs'), {
        devTools: true,
      }),
    });
    // Shown at once only in the e2e run.
    window().emit('ready-to-show');
    expect(window().visible).toBe(true);
  });

  it('guards the window’s webContents and the session', () => {
    const nav = new fake.PreventableEvent('https://evil.example/');
    window().webContents.emit('will-navigate', nav, nav.url);
    expect(nav.defaultPrevented).toBe(true);
    expect(window().webContents.openHandler?.({ url: 'https://evil.example/' })).toEqual({
      action: 'deny',
    });
    const granted: boolean[] = [];
    const contents = window().webContents as unknown as WebContents;
    fake.defaultSession.permissionRequest?.(contents, 'media', (ok) => granted.push(ok), {
      requestingUrl: 'app://bundle/index.html',
      isMainFrame: true,
    });
    expect(granted).toEqual([false]);
    const check = fake.defaultSession.permissionCheck;
    expect(check?.(contents, 'media', 'app://bundle', { isMainFrame: true })).toBe(false);
    expect(
      check?.(contents, 'clipboard-sanitized-write', 'app://bundle', { isMainFrame: true }),
    ).toBe(true);
  });

  it('serves dist/renderer over app:// with the CSP, and nothing outside it', async () => {
    const handle = fake.protocolHandlers.get('app');
    const page = await handle?.(new Request('app://bundle/index.html'));
    expect(page?.status).toBe(200);
    expect(page?.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    const escape = await handle?.(new Request('app://bundle/..%2f..%2fpackage.json'));
    expect(escape?.status).toBe(403);
  });

  it('answers the window on every channel, and no one else', async () => {
    expect([...fake.ipcMain.handlers.keys()].sort()).toEqual(
      operations.map((op) => contract[op].channel).sort(),
    );
    expect(fake.ipcMain.listenerCount('electron-store-get-data')).toBe(0);
    await expect(invoke(channelOf('getPreferences'), {})).resolves.toMatchObject({
      ok: true,
      value: { regionId: 'cn-hangzhou' },
    });
    const stranger = { sender: { id: 999 }, senderFrame: { url: 'app://bundle/', parent: null } };
    await expect(invoke(channelOf('getPreferences'), {}, stranger)).resolves.toMatchObject({
      ok: false,
      error: { code: 'Ipc.UntrustedSender' },
    });
  });

  it('retries the stop left pending last time, at launch, and says so', async () => {
    await fake.until(
      () => vncOf(cfd) === 'stopped' && notified('Pending VNC stop done'),
      'the pending stop has gone out and been reported',
    );
    // Sent with the CidrIp the journal kept, and the entry is gone once E-HPC confirmed it.
    expect(emulator().cluster(cfd)?.stopCidrIp).toBe('203.0.113.9');
    expect(fake.notifications).toContainEqual({
      title: 'Pending VNC stop done',
      // By name once the launch's exposure check has listed the clusters, else by ID.
      body: expect.stringMatching(new RegExp(`^VNC on (${cfd}|cfd-prod-001) is stopped\\.$`)),
    });
    expect((await shell.settingsFile()).pendingStops).toEqual([]);
  });

  it('pushes state to the window and rebuilds the tray when a cluster is selected', async () => {
    await expect(invoke(channelOf('selectCluster'), { clusterId: farm })).resolves.toMatchObject({
      ok: true,
    });
    // State goes out once per turn of the event loop: wait for the push, not a time.
    await fake.until(
      () =>
        window().webContents.sent.some(
          (m) =>
            m.channel === STATE_CHANNEL &&
            (m.payload as { selectedClusterId?: string }).selectedClusterId === farm,
        ),
      'the window got a state push with render-farm-01 selected',
    );
    // The name comes from the cluster list, read after the state push: wait for that, not a time.
    await fake.until(
      () => tray().tooltip.includes('render-farm-01'),
      'the tray tooltip names render-farm-01',
    );
    const stop = tray().item('stop-selected');
    expect(stop?.label).toBe('Stop VNC on render-farm-01');
    expect(typeof stop?.click).toBe('function');
  });

  it('stops VNC from the tray menu in one click, with a notification', async () => {
    await startVnc(farm);
    await fake.until(
      () => tray().item('stop-selected')?.enabled !== false,
      'the tray offers to stop VNC on render-farm-01',
    );
    await hook.clickTrayItem('stop-selected');
    expect(vncOf(farm)).toBe('stopped');
    expect(fake.notifications).toContainEqual({
      title: 'VNC stopped',
      body: 'VNC on render-farm-01 is stopped.',
    });
    // The sample set has VNC open on another cluster (legacy-md): the icon and tooltip say so.
    await fake.until(
      () =>
        /VNC open on \d+ clusters? in 1 region/.test(tray().tooltip) &&
        /build[/\\]tray[/\\]running\.png$/.test(tray().image.path),
      'the tray shows the VNCs still open elsewhere',
    );
  });

  it('runs a second launch’s --stop in this instance, and shows the window for a bare one', async () => {
    await startVnc(farm);
    fake.app.emit('second-instance', {}, ['electron', '.'], '/', { argv: ['--stop', farm] });
    await fake.until(() => vncOf(farm) === 'stopped', 'the second launch’s stop is done');

    window().hide();
    fake.app.emit('second-instance', {}, ['electron', '.'], '/', { argv: [] });
    expect(window().visible).toBe(true);
  });

  it('hides the popover on Esc', () => {
    window().show();
    window().webContents.emit('before-input-event', new fake.PreventableEvent(), {
      type: 'keyDown',
      key: 'Escape',
    });
    expect(window().visible).toBe(false);
  });

  it('stops VNC when the screen locks or the computer sleeps, as configured, and says so', async () => {
    await expect(
      invoke(channelOf('setAutoStop'), { onLock: true, onSuspend: true }),
    ).resolves.toMatchObject({
      ok: true,
      value: { settings: { onLock: true, onSuspend: true } },
    });
    for (const [event, reason] of [
      ['lock-screen', 'Screen locked'],
      ['suspend', 'Going to sleep'],
    ] as const) {
      await startVnc(farm);
      const since = fake.notifications.length;
      fake.powerMonitor.emit(event);
      const body = `${reason}: VNC on render-farm-01 is stopped.`;
      await fake.until(
        () => vncOf(farm) === 'stopped' && notified('VNC stopped automatically', body, since),
        `the ${event} stop is done and reported`,
      );
    }
  });

  it('shows a pending stop in the tray, and sends it again from there', async () => {
    await startVnc(farm);
    await leavePending(farm);
    expect(tray().item('retry-pending')?.label).toBe('1 pending stop — Retry now');
    expect(tray().tooltip).toContain('1 pending VNC stop');
    expect(vncOf(farm)).toBe('running');

    await hook.clickTrayItem('retry-pending');
    expect(vncOf(farm)).toBe('stopped');
    expect(fake.notifications).toContainEqual({
      title: 'Pending VNC stop done',
      body: 'VNC on render-farm-01 is stopped.',
    });
    await fake.until(() => tray().item('retry-pending') === undefined, 'the retry item is gone');
    expect((await shell.settingsFile()).pendingStops).toEqual([]);
  });

  it('retries pending stops on waking up', async () => {
    await startVnc(farm);
    await leavePending(farm);
    const since = fake.notifications.length;
    fake.powerMonitor.emit('resume');
    await fake.until(
      () =>
        vncOf(farm) === 'stopped' &&
        tray().item('retry-pending') === undefined &&
        notified('Pending VNC stop done', 'VNC on render-farm-01 is stopped.', since),
      'the pending stop went out on resume and was reported',
    );
  });

  it('stops VNC when Windows ends the session, without holding the session open', async () => {
    await expect(invoke(channelOf('setAutoStop'), { onShutdown: true })).resolves.toMatchObject({
      ok: true,
    });
    await startVnc(farm);
    const since = fake.notifications.length;
    const event = new fake.PreventableEvent();
    window().emit('query-session-end', event);
    expect(event.defaultPrevented).toBe(false);
    await fake.until(
      () =>
        vncOf(farm) === 'stopped' &&
        notified(
          'VNC stopped automatically',
          'Signing out or shutting down: VNC on render-farm-01 is stopped.',
          since,
        ),
      'the session-end stop is done and reported',
    );
    // The session may yet be cancelled: the app carries on.
    expect(fake.app.quitted).toBe(false);
  });

  it('quits during an in-flight stop only after the stop has reached E-HPC', async () => {
    // The on-quit stop joins the one in flight: one request, not two.
    await invoke(channelOf('setAutoStop'), { onQuit: 'selected' });
    await startVnc(farm);
    const sent = emulator().count('StopVisualService');
    // E-HPC holds the stop until the quit has been asked for.
    const held = gate();
    emulator().inject({ action: 'StopVisualService', times: 1, fault: held.fault });
    const stop = invoke(channelOf('stopVnc'), { clusterId: farm });
    await emulator().waitForRequests(sent + 1, 'StopVisualService');

    // A password copied a moment ago (cleared after 30 s, if the app still runs).
    const secret = 'Copied-Secret-4';
    await invoke(channelOf('copySecret'), { text: secret, clearAfterSeconds: 30 });
    await fake.until(() => fake.electronModule.clipboard.text === secret, 'the secret is copied');

    const since = fake.notifications.length;
    fake.app.quit();
    expect(fake.app.quitted).toBe(false);
    held.open();
    await fake.until(() => fake.app.quitted, 'the app has quit');

    await expect(stop).resolves.toMatchObject({ ok: true });
    expect(vncOf(farm)).toBe('stopped');
    const answered = fake.calls.lastIndexOf('emulator:StopVisualService:200');
    expect(answered).toBeGreaterThan(-1);
    expect(answered).toBeLessThan(fake.calls.indexOf('quitted'));
    expect(emulator().count('StopVisualService')).toBe(sent + 1);
    expect(
      notified('VNC stopped automatically', 'On quit: VNC on render-farm-01 is stopped.', since),
    ).toBe(true);
    expect((await shell.settingsFile()).pendingStops).toEqual([]);
    expect(tray().destroyed).toBe(true);
    // Electron's order: the window closed (really, not hidden) before the app quit.
    expect(window().isDestroyed()).toBe(true);
    expect(fake.calls.indexOf('window closed')).toBeLessThan(fake.calls.indexOf('quitted'));
    // The copied password did not outlive the app.
    expect(fake.electronModule.clipboard.text).toBe('');
    expect(fake.calls.lastIndexOf('clipboard.clear')).toBeGreaterThan(fake.calls.indexOf('quit'));
    expect(fake.calls.lastIndexOf('clipboard.clear')).toBeLessThan(fake.calls.indexOf('quitted'));
  });
});
