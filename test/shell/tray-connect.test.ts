// Connect from the tray: the menu item for the selected cluster, the action through the real
// core (emulator, keychain, settings) with the opener standing in for the OS, and the shell's
// opener adapter, which hands the OS only vnc://<ip>:12016 and tells "no viewer" apart.
import { afterEach, describe, expect, it } from 'vitest';
import { createActionRunner } from '../../main/shell/tray-actions';
import { trayLabelsFor, type Notice } from '../../main/shell/tray-labels';
import {
  buildTrayMenuTemplate,
  findTrayItem,
  TRAY_ITEM,
  trayModel,
} from '../../main/shell/tray-menu';
import { vncOpener } from '../../main/shell/vnc-opener';
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
});

describe('Connect from the tray', () => {
  let fixture: AppFixture | undefined;
  afterEach(async () => {
    await fixture?.close();
    fixture = undefined;
  });

  async function run(clusterId: string): Promise<{ ok: boolean; notices: Notice[] }> {
    fixture ??= await startAppFixture();
    const notices: Notice[] = [];
    const runner = createActionRunner({
      table: fixture.handlers,
      notify: (n) => notices.push(n),
      labels: () => en,
      clusterName: () => 'render-farm-01',
    });
    const ok = await runner.run({ kind: 'connect', clusterId });
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
