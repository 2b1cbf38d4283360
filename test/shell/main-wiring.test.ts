// The real main/shell/index.ts, started in plain Node with Electron's modules replaced by the
// recording stand-ins of fake-electron.ts, and the real core behind it (emulator over HTTP,
// settings file through electron-store). Checks the wiring the pure tests cannot: what runs
// before `ready`, the window's options, the guards on it, ipcMain, the tray, switches, quit.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { contract, operations, STATE_CHANNEL } from '../../preload/shared/contract';
import { CONTENT_SECURITY_POLICY, webPreferences } from '../../main/shell/security';
import type { TestHook } from '../../main/shell/test-hook';
import { EMULATOR_KEY, clusterIdFor, startEmulator, type Emulator } from '../emulator';
import { ensureRendererBuilt } from '../ui/harness';
import * as fake from './fake-electron';

vi.mock('electron', async () => {
  const m = await import('./fake-electron');
  return { ...m.electronModule, default: m.electronModule };
});
// electron-store is loaded by Node itself (outside vitest's module mocking), where it would
// reach for the missing Electron binary. conf is what it extends: the same file store, plus the
// IPC listener electron-store registers, which the shell is expected to remove.
vi.mock('electron-store', async () => {
  const { default: Conf } = await import('conf');
  const m = await import('./fake-electron');
  class ElectronStoreStandIn extends Conf<Record<string, unknown>> {
    constructor(options: ConstructorParameters<typeof Conf<Record<string, unknown>>>[0]) {
      m.ipcMain.on('electron-store-get-data', () => undefined);
      super(options);
    }
  }
  return { default: ElectronStoreStandIn };
});

const farm = clusterIdFor('cn-hangzhou', 2); // render-farm-01
let emulator: Emulator;
let configDir: string;
let hook: TestHook;

const window = () => fake.FakeBrowserWindow.instances[0] as fake.FakeBrowserWindow;
const tray = () => fake.FakeTray.instances[0] as fake.FakeTray;
const fromWindow = () => ({
  sender: { id: window().webContents.id },
  senderFrame: { url: 'app://bundle/index.html', parent: null },
});
const invoke = (channel: string, payload: unknown, event: unknown = fromWindow()) => {
  const handler = fake.ipcMain.handlers.get(channel);
  if (!handler) throw new Error(`nothing handles ${channel}`);
  return handler(event, payload);
};

beforeAll(async () => {
  ensureRendererBuilt();
  emulator = await startEmulator();
  configDir = await mkdtemp(path.join(tmpdir(), 'ehpc-shell-wiring-'));
  vi.stubEnv('EHPC_VNC_E2E', '1');
  vi.stubEnv('EHPC_VNC_ENDPOINT', emulator.url);
  vi.stubEnv('EHPC_VNC_CONFIG_DIR', configDir);
  vi.stubEnv('ALIBABA_CLOUD_ACCESS_KEY_ID', EMULATOR_KEY.accessKeyId);
  vi.stubEnv('ALIBABA_CLOUD_ACCESS_KEY_SECRET', EMULATOR_KEY.accessKeySecret);
  await import('../../main/shell/index');
}, 120_000);

afterAll(async () => {
  vi.unstubAllEnvs();
  await emulator?.close();
  if (configDir) await rm(configDir, { recursive: true, force: true });
});

describe('main process wiring', () => {
  it('sets up sandbox, scheme and single-instance lock before ready, nothing else', () => {
    expect(fake.calls).toEqual([
      'setPath:userData',
      'enableSandbox',
      'registerSchemesAsPrivileged',
      'requestSingleInstanceLock',
    ]);
    expect(fake.app.paths.userData).toBe(path.join(configDir, 'chromium'));
    expect(fake.privilegedSchemes).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true } },
    ]);
    expect(fake.app.lockData).toMatchObject({ argv: expect.any(Array) });
  });

  it('starts once ready: protocol, window, IPC, tray, test hook', async () => {
    fake.app.becomeReady();
    await vi.waitFor(
      () => {
        const installed = (globalThis as unknown as { __ehpcTest?: TestHook }).__ehpcTest;
        if (!installed) throw new Error('not started yet');
        hook = installed;
      },
      { timeout: 20_000 },
    );
    expect(fake.calls).toContain('protocol.handle:app');
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
      webPreferences: webPreferences(path.join(fake.ROOT, 'dist', 'preload', 'index.cjs')),
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
    fake.defaultSession.permissionRequest?.({}, 'media', (ok) => granted.push(ok));
    expect(granted).toEqual([false]);
    expect(fake.defaultSession.permissionCheck?.()).toBe(false);
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
    await expect(invoke('prefs:get', {})).resolves.toMatchObject({
      ok: true,
      value: { regionId: 'cn-hangzhou' },
    });
    const stranger = { sender: { id: 999 }, senderFrame: { url: 'app://bundle/', parent: null } };
    await expect(invoke('prefs:get', {}, stranger)).resolves.toMatchObject({
      ok: false,
      error: { code: 'Ipc.UntrustedSender' },
    });
  });

  it('pushes state to the window and rebuilds the tray when a cluster is selected', async () => {
    await expect(invoke('clusters:select', { clusterId: farm })).resolves.toMatchObject({
      ok: true,
    });
    expect(window().webContents.sent).toContainEqual({
      channel: STATE_CHANNEL,
      payload: expect.objectContaining({ selectedClusterId: farm }),
    });
    await vi.waitFor(() => expect(tray().tooltip).toContain('render-farm-01'));
    const stop = tray().contextMenu?.template.find((i) => i.id === 'stop-selected');
    expect(stop?.label).toBe('Stop VNC on render-farm-01');
    expect(typeof stop?.click).toBe('function');
  });

  it('stops VNC from the tray menu in one click, with a notification', async () => {
    await expect(
      invoke('vnc:start', { clusterId: farm, cidrIp: '203.0.113.7' }),
    ).resolves.toMatchObject({ ok: true });
    expect(emulator.cluster(farm)?.vnc).toBe('running');
    await hook.clickTrayItem('stop-selected');
    expect(emulator.cluster(farm)?.vnc).toBe('stopped');
    expect(fake.notifications).toContainEqual({
      title: 'VNC stopped',
      body: 'VNC on render-farm-01 is stopped.',
    });
    await vi.waitFor(() => expect(tray().image.path).toMatch(/build[/\\]tray[/\\]stopped\.png$/));
  });

  it('runs a second launch’s --stop in this instance, and shows the window for a bare one', async () => {
    await invoke('vnc:start', { clusterId: farm, cidrIp: '203.0.113.7' });
    expect(emulator.cluster(farm)?.vnc).toBe('running');
    fake.app.emit('second-instance', {}, ['electron', '.'], '/', { argv: ['--stop', farm] });
    await vi.waitFor(() => expect(emulator.cluster(farm)?.vnc).toBe('stopped'));

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

  it('quits only after operations in flight have finished', async () => {
    fake.app.quit();
    expect(fake.app.quitted).toBe(false);
    await vi.waitFor(() => expect(fake.app.quitted).toBe(true));
    expect(tray().destroyed).toBe(true);
  });
});
