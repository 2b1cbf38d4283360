// The real main/shell/index.ts with Electron's modules replaced by the recording stand-ins, the
// emulator seeded with VNC open in two regions: the tray's "Connect to an open cluster" submenu
// lists every open cluster, and clicking one (the Electron menu item's own click) connects in
// that cluster's region and hands the OS exactly vnc://<login node>:12016.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { EXPOSURE_ITEM } from '../../main/shell/tray-exposure';
import { elsewhereClusters } from '../emulator';
import * as fake from './fake-electron';
import { startShell, type ShellHarness } from './shell-harness';

vi.mock('electron', async () => {
  const m = await import('./fake-electron');
  return { ...m.electronModule, default: m.electronModule };
});
vi.mock('electron-store', async () => (await import('./fake-electron')).electronStoreModule());

const WEATHER_SH = 'ehpc-sh-000001'; // weather-sh, cn-shanghai: VNC open; login node 203.0.113.2
let shell: ShellHarness;

beforeAll(async () => {
  shell = await startShell({ clusters: elsewhereClusters() });
}, 120_000);

afterAll(async () => {
  await shell?.close();
});

const tray = () => fake.FakeTray.instances[0] as fake.FakeTray;
/** A menu item as the shell built it (main/shell/tray-menu.ts's toMenuTemplate). */
type BuiltItem = { id?: string; label?: string; click?: () => void; submenu?: BuiltItem[] };
const connectItems = (): BuiltItem[] =>
  (tray().item(EXPOSURE_ITEM.connectMenu) as BuiltItem | undefined)?.submenu ?? [];

describe('Connect from the tray to a cluster open in another region', () => {
  it('lists every open cluster with its region, and connects in that region', async () => {
    await fake.until(
      () => connectItems().some((i) => i.id === EXPOSURE_ITEM.connect(WEATHER_SH)),
      'the tray offers to connect to weather-sh',
    );
    expect(connectItems().map((i) => i.label)).toEqual([
      'cfd-open-world (cn-hangzhou)',
      'render-two-rules (cn-hangzhou)',
      'md-carrier-nat (cn-hangzhou)',
      'weather-sh (cn-shanghai)',
    ]);
    const item = connectItems().find((i) => i.id === EXPOSURE_ITEM.connect(WEATHER_SH));
    const before = shell.emulator.requests.length;
    expect(typeof item?.click).toBe('function');
    item?.click?.();
    const url = 'vnc://203.0.113.2:12016';
    await fake.until(() => fake.openedExternally.includes(url), `the OS was asked to open ${url}`);
    expect(fake.openedExternally).toEqual([url]);
    const asked = shell.emulator.requests
      .slice(before)
      .filter((r) => r.action === 'ListNodes' || r.action === 'GetVisualServiceStatus');
    expect(asked.map((r) => `${r.action} ${r.query.RegionId}`)).toEqual([
      'ListNodes cn-shanghai',
      'GetVisualServiceStatus cn-shanghai',
    ]);
    // VNC was open already: nothing was started.
    expect(shell.emulator.count('StartVisualService')).toBe(0);
    await fake.until(
      () => fake.notifications.some((n) => n.title.startsWith('Opening weather-sh (203.0.113.2)')),
      'a notification names weather-sh',
    );
  });
});
