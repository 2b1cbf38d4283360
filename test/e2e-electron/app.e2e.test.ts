// The packaged-to-be app, end to end: the real Electron binary runs dist/main (shell + core)
// against the E-HPC emulator, with its own settings folder and the emulator's AccessKey in the
// environment. Drives the popover (pick a cluster, start and stop VNC), a tray menu action
// through the EHPC_VNC_E2E hook (no driver can click a real tray), a `--stop` second launch,
// and checks the security baseline from inside the page. Asserts the emulator's state.
//
// Needs an Electron binary: machines installed with ELECTRON_SKIP_BINARY_DOWNLOAD have none, and
// the suite skips there, saying so. On Linux CI run it under a display (xvfb-run).
import { execFileSync, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron, type ElectronApplication, type Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMULATOR_KEY, clusterIdFor, startEmulator, type Emulator } from '../emulator';
import { DEV_ENDPOINT_SWITCH } from '../../main/shell/dev-endpoint';
import { ensureRendererBuilt } from '../ui/harness';
import { electronBinary } from './electron-binary';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const SKIP_REASON =
  'skipped: no Electron binary on this machine (ELECTRON_SKIP_BINARY_DOWNLOAD); runs on desktops and in GitHub Actions';

// CI points this at the packaged app (built with the e2e fuse profile); it runs without '.'.
const packaged = process.env.EHPC_VNC_E2E_EXECUTABLE || undefined;
const binary = packaged ?? electronBinary();
const appArgs = packaged ? [] : ['.'];
if (!binary) console.log(`test/e2e-electron/app.e2e.test.ts ${SKIP_REASON}`);

interface HookView {
  trayMenu(): { id?: string; label?: string; enabled?: boolean; submenu?: unknown[] }[];
  clickTrayItem(id: string): Promise<void>;
  notifications(): { title: string; body: string }[];
}

describe.skipIf(!binary)('the Electron app', () => {
  const farm = clusterIdFor('cn-hangzhou', 2); // render-farm-01, VNC stopped at the start
  let emulator: Emulator;
  let configDir: string;
  let env: NodeJS.ProcessEnv;
  let app: ElectronApplication;
  let page: Page;

  // evaluate() runs these in the main process, where the hook lives.
  type Hooked = { __ehpcTest: HookView };
  const trayMenu = () =>
    app.evaluate(() => (globalThis as unknown as Hooked).__ehpcTest.trayMenu());
  const clickTrayItem = (id: string) =>
    app.evaluate(
      (_electron, itemId) => (globalThis as unknown as Hooked).__ehpcTest.clickTrayItem(itemId),
      id,
    );
  const notifications = () =>
    app.evaluate(() => (globalThis as unknown as Hooked).__ehpcTest.notifications());
  /** Resolves once the window's VNC badge reads `text`. */
  const vncBadgeReads = (text: string) =>
    page.locator('.vnc-state .badge', { hasText: text }).waitFor();

  beforeAll(async () => {
    execFileSync(process.execPath, ['scripts/build.mjs', 'main', 'preload'], {
      cwd: ROOT,
      stdio: 'inherit',
    });
    ensureRendererBuilt();
    emulator = await startEmulator();
    configDir = await mkdtemp(path.join(tmpdir(), 'ehpc-vnc-e2e-'));
    env = {
      ...process.env,
      EHPC_VNC_E2E: '1',
      EHPC_VNC_ENDPOINT: emulator.url,
      EHPC_VNC_CONFIG_DIR: configDir,
      ALIBABA_CLOUD_ACCESS_KEY_ID: EMULATOR_KEY.accessKeyId,
      ALIBABA_CLOUD_ACCESS_KEY_SECRET: EMULATOR_KEY.accessKeySecret,
    };
    delete env.ELECTRON_RUN_AS_NODE;
    app = await _electron.launch({
      executablePath: binary,
      args: [...appArgs, '--lang=en-US', DEV_ENDPOINT_SWITCH],
      cwd: ROOT,
      env: env as Record<string, string>,
    });
    page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
  }, 180_000);

  afterAll(async () => {
    await app?.close();
    await emulator?.close();
    if (configDir) await rm(configDir, { recursive: true, force: true });
  });

  it('serves the page from app:// with a bridge and nothing of Node', async () => {
    expect(page.url()).toBe('app://bundle/index.html');
    const probe = await page.evaluate(() => {
      const w = window as unknown as Record<string, unknown>;
      return {
        bridge: Object.keys((w.ehpc as object) ?? {}).sort(),
        require: typeof w.require,
        process: typeof w.process,
        ipcRenderer: typeof w.ipcRenderer,
        popup: window.open('https://help.aliyun.com/') === null,
      };
    });
    expect(probe.bridge).toContain('stopVnc');
    expect(probe.bridge).toContain('onState');
    expect(probe).toMatchObject({
      require: 'undefined',
      process: 'undefined',
      ipcRenderer: 'undefined',
      popup: true,
    });
    // connect-src 'none': the page cannot reach the network, the emulator included.
    const fetched = await page.evaluate(async (url) => {
      try {
        await fetch(url);
        return 'reached';
      } catch {
        return 'blocked';
      }
    }, emulator.url);
    expect(fetched).toBe('blocked');
    // And navigating away is refused: the page stays.
    await page.evaluate(() => {
      window.location.href = 'https://evil.example/';
    });
    expect(page.url()).toBe('app://bundle/index.html');
  });

  it('picks a cluster, starts and stops its VNC from the window', async () => {
    await page.getByRole('button', { name: /render-farm-01/ }).click();
    await page.getByLabel('Allow connections from (IP or CIDR)').fill('203.0.113.7');
    await page.getByRole('button', { name: 'Start VNC' }).click();
    await expect.poll(() => emulator.cluster(farm)?.vnc).toBe('running');
    expect(emulator.cluster(farm)?.cidrIp).toBe('203.0.113.7');

    await page.getByRole('button', { name: 'Stop VNC' }).click();
    await expect.poll(() => emulator.cluster(farm)?.vnc).toBe('stopped');
    await page.getByText('VNC stopped on render-farm-01.').waitFor();
  });

  it('stops VNC of the selected cluster from the tray menu, and notifies', async () => {
    await page.getByRole('button', { name: 'Start VNC' }).click();
    await expect.poll(() => emulator.cluster(farm)?.vnc).toBe('running');

    const item = (await trayMenu()).find((i) => i.id === 'stop-selected');
    expect(item).toMatchObject({ label: 'Stop VNC on render-farm-01', enabled: true });
    await vncBadgeReads('Running');
    await clickTrayItem('stop-selected');
    expect(emulator.cluster(farm)?.vnc).toBe('stopped');
    expect(emulator.cluster(farm)?.stopCidrIp).toBe('203.0.113.7');
    const notices = await notifications();
    expect(notices).toContainEqual({
      title: 'VNC stopped',
      body: 'VNC on render-farm-01 is stopped.',
    });
    // The window hears about it (AppState pushed over the state channel).
    await vncBadgeReads('Stopped');
  });

  it('runs `--stop <id>` from a second launch in the first instance', async () => {
    await page.getByRole('button', { name: 'Start VNC' }).click();
    await expect.poll(() => emulator.cluster(farm)?.vnc).toBe('running');
    const second = spawn(binary as string, [...appArgs, '--stop', farm], { cwd: ROOT, env });
    const code = await new Promise<number | null>((resolve) => second.on('exit', resolve));
    expect(code).toBe(0);
    await expect.poll(() => emulator.cluster(farm)?.vnc).toBe('stopped');
    await expect.poll(async () => (await notifications()).length).toBeGreaterThanOrEqual(2);
  });
});

describe.skipIf(Boolean(binary))('the Electron app (no binary)', () => {
  it('is skipped with a reason', () => {
    expect(binary).toBeUndefined();
    console.log(SKIP_REASON);
  });
});
