// Connect from the tray: the menu item for the selected cluster and the "Connect to an open
// cluster" submenu (every open VNC, each in its own region), the action through the real core
// (emulator, keychain, settings) with the opener standing in for the OS, and the shell's opener
// adapter, which hands the OS only vnc://<ip>:12016 and tells "no viewer" apart.
import { afterEach, describe, expect, it } from 'vitest';
import { createActionRunner } from '../../main/shell/tray-actions';
import { EXPOSURE_ITEM, MAX_OPEN_IN_MENU } from '../../main/shell/tray-exposure';
import { trayLabelsFor, type Notice } from '../../main/shell/tray-labels';
import {
  buildTrayMenuTemplate,
  findTrayItem,
  TRAY_ITEM,
  trayModel,
} from '../../main/shell/tray-menu';
import { createTrayModelSource } from '../../main/shell/tray-model-source';
import { vncOpener } from '../../main/shell/vnc-opener';
import type { AppState, HandlerTable } from '../../preload/shared/contract';
import { elsewhereClusters } from '../emulator';
import { startAppFixture, type AppFixture } from '../support/app-fixture';

const en = trayLabelsFor('en', 'en-US');
const zh = trayLabelsFor('zh-CN', 'en-US');

describe('the tray menu', () => {
  it('offers Connect for the selected cluster, in both languages', () => {
    const model = trayModel({
      state: { selectedClusterId: 'ehpc-hz-000002', vnc: {}, busy: {} },
      clusterNames: { 'ehpc-hz-000002': 'render-farm-01' },
      signedIn: true,
    });
    const item = findTrayItem(buildTrayMenuTemplate(model, en), TRAY_ITEM.connectSelected);
    expect(item).toMatchObject({
      label: 'Connect to render-farm-01',
      enabled: true,
      action: { kind: 'connect', clusterId: 'ehpc-hz-000002' },
    });
    expect(findTrayItem(buildTrayMenuTemplate(model, zh), TRAY_ITEM.connectSelected)?.label).toBe(
      '连接到 render-farm-01',
    );
    const none = trayModel({ state: { vnc: {}, busy: {} }, clusterNames: {}, signedIn: true });
    expect(findTrayItem(buildTrayMenuTemplate(none, en), TRAY_ITEM.connectSelected)).toBe(
      undefined,
    );
  });

  const openIn = (n: number, regionId: string) => ({
    clusterId: `ehpc-x-${String(n).padStart(6, '0')}`,
    name: `c${n}`,
    regionId,
    wide: false,
  });
  const withOpen = (open: ReturnType<typeof openIn>[], signedIn = true) =>
    trayModel({
      state: {
        selectedClusterId: 'ehpc-hz-000002',
        vnc: {},
        busy: {},
        exposure: {
          openCount: open.length,
          regionsCount: new Set(open.map((c) => c.regionId)).size,
          open,
        },
      } satisfies AppState,
      clusterNames: { 'ehpc-hz-000002': 'render-farm-01' },
      signedIn,
    });

  it('offers Connect for every open cluster, each in its own region, beside the selected one', () => {
    const model = withOpen([openIn(1, 'cn-hangzhou'), openIn(2, 'cn-shanghai')]);
    const items = buildTrayMenuTemplate(model, en);
    const menu = findTrayItem(items, EXPOSURE_ITEM.connectMenu);
    expect(menu).toMatchObject({ label: 'Connect to an open cluster', type: 'submenu' });
    expect(menu?.submenu).toEqual([
      {
        id: EXPOSURE_ITEM.connect('ehpc-x-000001'),
        label: 'c1 (cn-hangzhou)',
        enabled: true,
        action: { kind: 'connect', clusterId: 'ehpc-x-000001', regionId: 'cn-hangzhou' },
      },
      {
        id: EXPOSURE_ITEM.connect('ehpc-x-000002'),
        label: 'c2 (cn-shanghai)',
        enabled: true,
        action: { kind: 'connect', clusterId: 'ehpc-x-000002', regionId: 'cn-shanghai' },
      },
    ]);
    // Arriving sits together: the selected cluster's Connect, then the open ones. The one-click
    // stops stay at the top, one click each.
    const ids = items.map((i) => i.id);
    expect(ids.indexOf(EXPOSURE_ITEM.connectMenu)).toBe(ids.indexOf(TRAY_ITEM.connectSelected) + 1);
    expect(findTrayItem(items, EXPOSURE_ITEM.stop('ehpc-x-000002'))?.action?.kind).toBe('stop');

    const zhMenu = findTrayItem(buildTrayMenuTemplate(model, zh), EXPOSURE_ITEM.connectMenu);
    expect(zhMenu?.label).toBe('连接到已开放 VNC 的集群');
    expect(zhMenu?.submenu?.[1]?.label).toBe('c2（cn-shanghai）');
  });

  it('lists the first eight open clusters to connect to, then "and N more…"', () => {
    const many = Array.from({ length: 10 }, (_, i) => openIn(i + 1, 'cn-hangzhou'));
    const menu = findTrayItem(buildTrayMenuTemplate(withOpen(many), en), EXPOSURE_ITEM.connectMenu);
    expect(menu?.submenu?.filter((i) => i.action)).toHaveLength(MAX_OPEN_IN_MENU);
    expect(menu?.submenu?.at(-1)).toEqual({
      id: EXPOSURE_ITEM.connectMore,
      label: 'and 2 more…',
      enabled: false,
    });
  });

  it('names open clusters of other regions from the exposure check (for its notices)', () => {
    const src = createTrayModelSource({
      // A push never calls the table (tray-model-source.test.ts): nothing here may be called.
      table: {} as HandlerTable,
      initialState: { vnc: {}, busy: {} },
      onChange: () => undefined,
    });
    const elsewhere = { ...openIn(7, 'cn-shanghai'), name: 'weather-sh' };
    src.applyState({
      vnc: {},
      busy: {},
      exposure: { openCount: 1, regionsCount: 1, open: [elsewhere] },
    });
    expect(src.clusterName(elsewhere.clusterId)).toBe('weather-sh');
  });

  it('shows no open-cluster Connect with nothing open, and none that works signed out', () => {
    expect(findTrayItem(buildTrayMenuTemplate(withOpen([]), en), EXPOSURE_ITEM.connectMenu)).toBe(
      undefined,
    );
    const out = withOpen([openIn(1, 'cn-hangzhou')], false);
    const menu = findTrayItem(buildTrayMenuTemplate(out, en), EXPOSURE_ITEM.connectMenu);
    expect(menu?.submenu?.[0]?.enabled).toBe(false);
  });
});

describe('Connect from the tray', () => {
  let fixture: AppFixture | undefined;
  afterEach(async () => {
    await fixture?.close();
    fixture = undefined;
  });

  async function run(
    clusterId: string,
    regionId?: string,
  ): Promise<{ ok: boolean; notices: Notice[] }> {
    fixture ??= await startAppFixture();
    const notices: Notice[] = [];
    const runner = createActionRunner({
      table: fixture.handlers,
      notify: (n) => notices.push(n),
      labels: () => en,
      clusterName: () => 'render-farm-01',
    });
    const ok = await runner.run({ kind: 'connect', clusterId, ...(regionId ? { regionId } : {}) });
    return { ok, notices };
  }

  it('starts VNC for the remembered address and opens the viewer', async () => {
    fixture = await startAppFixture();
    fixture.settings.rememberCluster('ehpc-hz-000002', { cidrIp: '198.51.100.7' });
    const { ok, notices } = await run('ehpc-hz-000002');
    expect(ok).toBe(true);
    expect(fixture.opener.urls).toEqual(['vnc://203.0.113.3:12016']);
    expect(notices).toEqual([
      {
        title: 'Opening render-farm-01 (203.0.113.3) in your VNC viewer',
        body: 'VNC started, reachable from 198.51.100.7.',
      },
    ]);
  });

  it('connects to a cluster open in another region, asking that region', async () => {
    fixture = await startAppFixture({ clusters: elsewhereClusters() });
    // weather-sh, cn-shanghai: VNC open; its login node is 203.0.113.2.
    const { ok, notices } = await run('ehpc-sh-000001', 'cn-shanghai');
    expect(ok).toBe(true);
    expect(fixture.opener.urls).toEqual(['vnc://203.0.113.2:12016']);
    expect(notices[0]?.title).toBe('Opening render-farm-01 (203.0.113.2) in your VNC viewer');
    const asked = fixture.emulator.requests.filter((r) => r.action === 'ListNodes');
    expect(asked.map((r) => r.query.RegionId)).toEqual(['cn-shanghai']);
    expect(fixture.emulator.count('StartVisualService')).toBe(0);
  });

  it('copies the address when no viewer is registered, and says so', async () => {
    fixture = await startAppFixture();
    fixture.opener.handler = false;
    const { notices } = await run('ehpc-hz-000001');
    expect(fixture.clipboard.text).toBe('203.0.113.2:12016');
    expect(notices[0]?.title).toBe(
      "No VNC viewer opens vnc:// links — render-farm-01's address copied",
    );
  });

  it('says what to do when VNC is stopped and no address is known', async () => {
    const { ok, notices } = await run('ehpc-hz-000002');
    expect(ok).toBe(false);
    expect(notices[0]?.title).toBe('Could not connect to render-farm-01');
    expect(notices[0]?.body).toContain('does not know which address may connect');
    expect(fixture?.emulator.count('StartVisualService')).toBe(0);
  });
});

describe('the shell opener', () => {
  function opener(app: string, fails = false) {
    const opened: string[] = [];
    const lines: string[] = [];
    const port = vncOpener(
      {
        applicationFor: () => app,
        openExternal: async (url) => {
          if (fails) throw new Error('no application');
          opened.push(url);
        },
      },
      (line) => lines.push(line),
    );
    return { port, opened, lines };
  }

  it('opens vnc://<ip>:12016 where a viewer is registered', async () => {
    const o = opener('TigerVNC Viewer');
    expect(await o.port.open('vnc://203.0.113.7:12016')).toBe(true);
    expect(o.opened).toEqual(['vnc://203.0.113.7:12016']);
  });

  it('answers false with no registered viewer, or when the OS refuses', async () => {
    const none = opener('');
    expect(await none.port.open('vnc://203.0.113.7:12016')).toBe(false);
    expect(none.opened).toEqual([]);
    const refusing = opener('Something', true);
    expect(await refusing.port.open('vnc://203.0.113.7:12016')).toBe(false);
  });

  it('never hands the OS anything but vnc://<ip>:12016', async () => {
    const o = opener('TigerVNC Viewer');
    for (const url of [
      'https://example.com',
      'vnc://u:p@203.0.113.7:12016',
      'vnc://203.0.113.7:5900',
      'file:///etc/passwd',
    ]) {
      expect(await o.port.open(url)).toBe(false);
    }
    expect(o.opened).toEqual([]);
  });
});
