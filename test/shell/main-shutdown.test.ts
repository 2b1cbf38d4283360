// The real main/shell/index.ts (as in main-wiring.test.ts) at the end of a session: the OS shuts
// down with "stop on shutdown" on. A file of its own, because shutting down quits the app.
// Also checks that launch at login, on in settings, is put back at start-up.
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { AUTOSTART_FILE_NAME } from '../../main/core/autostart';
import { clusterIdFor } from '../emulator';
import * as fake from './fake-electron';
import { startShell, type ShellHarness } from './shell-harness';

vi.mock('electron', async () => {
  const m = await import('./fake-electron');
  return { ...m.electronModule, default: m.electronModule };
});
vi.mock('electron-store', async () => (await import('./fake-electron')).electronStoreModule());

const cfd = clusterIdFor('cn-hangzhou', 1); // cfd-prod-001, VNC running at the start
let shell: ShellHarness;
let xdgConfigHome: string;

beforeAll(async () => {
  // The Linux login item goes here, never into the real ~/.config.
  xdgConfigHome = await mkdtemp(path.join(tmpdir(), 'ehpc-shell-xdg-'));
  shell = await startShell({
    env: { XDG_CONFIG_HOME: xdgConfigHome },
    seed: (settings) => {
      settings.selectCluster(cfd);
      settings.rememberCluster(cfd, { cidrIp: '203.0.113.9' });
      settings.update({
        autoStop: {
          ...settings.get().autoStop,
          // Both stops on the selected cluster: the quit after the shutdown stop sends no other.
          onShutdown: true,
          onQuit: 'selected',
          scope: 'selected',
          // On in settings, but the entry is missing (say, a cleanup tool removed it).
          launchAtLogin: true,
        },
      });
    },
  });
}, 120_000);

afterAll(async () => {
  await shell?.close();
  if (xdgConfigHome) await rm(xdgConfigHome, { recursive: true, force: true });
});

describe('the end of a session', () => {
  it('puts the login item back at start-up when the setting says so', async () => {
    const entry = path.join(xdgConfigHome, 'autostart', AUTOSTART_FILE_NAME);
    await fake.until(() => existsSync(entry), 'the autostart entry exists');
    // A development run: Electron with the app folder.
    const exec = readFileSync(entry, 'utf8')
      .split('\n')
      .find((line) => line.startsWith('Exec='));
    expect(exec).toContain(path.basename(process.execPath));
    expect(exec).toContain(fake.ROOT.replace(/[/\\]$/, ''));
  });

  it('delays a shutdown, stops VNC, then quits', async () => {
    expect(shell.emulator.cluster(cfd)?.vnc).toBe('running');
    const shutdown = new fake.PreventableEvent();
    fake.powerMonitor.emit('shutdown', shutdown);
    expect(shutdown.defaultPrevented).toBe(true);

    await fake.until(() => fake.app.quitted, 'the app has quit');
    expect(shell.emulator.cluster(cfd)?.vnc).toBe('stopped');
    const answered = fake.calls.lastIndexOf('emulator:StopVisualService:200');
    expect(answered).toBeGreaterThan(-1);
    expect(answered).toBeLessThan(fake.calls.indexOf('quitted'));
    // One stop: the quit that follows does not send another.
    expect(shell.emulator.count('StopVisualService')).toBe(1);
    expect(fake.notifications).toContainEqual({
      title: 'VNC stopped automatically',
      // By name once the launch's exposure check has listed the clusters, else by ID.
      body: expect.stringMatching(
        new RegExp(`^Shutting down: VNC on (${cfd}|cfd-prod-001) is stopped\\.$`),
      ),
    });
    expect((await shell.settingsFile()).pendingStops).toEqual([]);
  });
});
