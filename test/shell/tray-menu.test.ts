import { describe, expect, it } from 'vitest';
import type { AppState } from '../../preload/shared/contract';
import { trayLabelsFor } from '../../main/shell/tray-labels';
import {
  MAX_RECENT_IN_MENU,
  TOOLTIP_MAX,
  TRAY_ITEM,
  buildTrayMenuTemplate,
  findTrayItem,
  toMenuTemplate,
  trayBehaviour,
  trayModel,
  trayPresentation,
  type TrayAction,
} from '../../main/shell/tray-menu';

const en = trayLabelsFor('en', 'en-US');
const names = { 'ehpc-hz-000001': 'cfd-prod-001', 'ehpc-hz-000002': 'render-farm-01' };
const prefs = {
  selectedClusterId: 'ehpc-hz-000001',
  recentClusterIds: ['ehpc-hz-000001', 'ehpc-hz-000002', 'ehpc-hz-000009'],
};
const state = (patch: Partial<AppState> = {}): AppState => ({
  selectedClusterId: 'ehpc-hz-000001',
  vnc: { 'ehpc-hz-000001': 'running' },
  busy: {},
  ...patch,
});

describe('trayModel', () => {
  it('takes the selection and VNC state from AppState, names from the cache', () => {
    const model = trayModel({
      state: state(),
      preferences: prefs,
      clusterNames: names,
      signedIn: true,
    });
    expect(model).toEqual({
      signedIn: true,
      selected: { id: 'ehpc-hz-000001', name: 'cfd-prod-001' },
      vnc: 'running',
      anyBusy: false,
      recent: [
        { id: 'ehpc-hz-000001', name: 'cfd-prod-001' },
        { id: 'ehpc-hz-000002', name: 'render-farm-01' },
        { id: 'ehpc-hz-000009', name: 'ehpc-hz-000009' },
      ],
      lastActionFailed: false,
      pendingStops: 0,
    });
  });

  it('puts a selected cluster missing from the recents first, and caps the list', () => {
    const many = Array.from({ length: 12 }, (_, i) => `c${i}`);
    const model = trayModel({
      state: state({ selectedClusterId: 'new-one', vnc: {} }),
      preferences: { recentClusterIds: many },
      clusterNames: {},
      signedIn: true,
    });
    expect(model.recent).toHaveLength(MAX_RECENT_IN_MENU);
    expect(model.recent[0]).toEqual({ id: 'new-one', name: 'new-one' });
    expect(model.vnc).toBe('unknown');
  });

  it('reports what is in flight on the selected cluster', () => {
    const model = trayModel({
      state: state({ busy: { 'ehpc-hz-000001': 'stopping' } }),
      clusterNames: names,
      signedIn: true,
    });
    expect(model.busy).toBe('stopping');
    expect(model.anyBusy).toBe(true);
  });
});

describe('buildTrayMenuTemplate', () => {
  const build = (s: AppState, signedIn = true) =>
    buildTrayMenuTemplate(
      trayModel({ state: s, preferences: prefs, clusterNames: names, signedIn }),
      en,
    );

  it('offers a one-click stop of the selected cluster, by name', () => {
    const items = build(state());
    expect(findTrayItem(items, TRAY_ITEM.status)).toMatchObject({
      label: 'cfd-prod-001 — VNC open',
      enabled: false,
    });
    expect(findTrayItem(items, TRAY_ITEM.stopSelected)).toEqual({
      id: 'stop-selected',
      label: 'Stop VNC on cfd-prod-001',
      enabled: true,
      action: { kind: 'stop', clusterId: 'ehpc-hz-000001' },
    });
    expect(findTrayItem(items, TRAY_ITEM.stopAll)).toMatchObject({
      enabled: true,
      action: { kind: 'stopAll' },
    });
    expect(items.map((i) => i.id ?? i.type)).toEqual([
      'status',
      'separator',
      'stop-selected',
      'stop-all',
      'switch-cluster',
      'connect-selected',
      'refresh-status',
      'separator',
      'open',
      'quit',
    ]);
  });

  it('lists recent clusters to switch to, the selected one checked', () => {
    const sub = findTrayItem(build(state()), TRAY_ITEM.switchCluster)?.submenu ?? [];
    expect(sub.map((i) => [i.label, i.checked, i.action])).toEqual([
      ['cfd-prod-001 (ehpc-hz-000001)', true, { kind: 'select', clusterId: 'ehpc-hz-000001' }],
      ['render-farm-01 (ehpc-hz-000002)', false, { kind: 'select', clusterId: 'ehpc-hz-000002' }],
      ['ehpc-hz-000009', false, { kind: 'select', clusterId: 'ehpc-hz-000009' }],
    ]);
    expect(sub.every((i) => i.type === 'radio')).toBe(true);
  });

  it('disables stopping while the cluster is busy or already stopped, not when unknown', () => {
    const busy = build(state({ busy: { 'ehpc-hz-000001': 'stopping' } }));
    expect(findTrayItem(busy, TRAY_ITEM.stopSelected)?.enabled).toBe(false);
    expect(findTrayItem(busy, TRAY_ITEM.status)?.label).toBe('cfd-prod-001 — Stopping VNC…');
    const stopped = build(state({ vnc: { 'ehpc-hz-000001': 'stopped' } }));
    expect(findTrayItem(stopped, TRAY_ITEM.stopSelected)?.enabled).toBe(false);
    const unknown = build(state({ vnc: {} }));
    expect(findTrayItem(unknown, TRAY_ITEM.stopSelected)?.enabled).toBe(true);
  });

  it('asks to connect first when signed out', () => {
    const items = build(state(), false);
    expect(findTrayItem(items, TRAY_ITEM.status)?.label).toBe(en.notSignedIn);
    expect(findTrayItem(items, TRAY_ITEM.stopSelected)?.enabled).toBe(false);
    expect(findTrayItem(items, TRAY_ITEM.stopAll)?.enabled).toBe(false);
    expect(findTrayItem(items, TRAY_ITEM.open)?.action).toEqual({ kind: 'open' });
  });

  it('without a cluster: no stop item, an empty switch menu that says so', () => {
    const items = buildTrayMenuTemplate(
      trayModel({ state: { vnc: {}, busy: {} }, clusterNames: {}, signedIn: true }),
      en,
    );
    expect(findTrayItem(items, TRAY_ITEM.stopSelected)).toBeUndefined();
    expect(findTrayItem(items, TRAY_ITEM.status)?.label).toBe('No cluster selected');
    const sw = findTrayItem(items, TRAY_ITEM.switchCluster);
    expect(sw?.enabled).toBe(false);
    expect(sw?.submenu).toEqual([{ label: 'No recent clusters', enabled: false }]);
  });

  it('offers to retry pending stops first, while there are any', () => {
    const items = build(state({ pendingStops: ['ehpc-hz-000001', 'ehpc-hz-000002'] }));
    expect(items.map((i) => i.id ?? i.type).slice(0, 4)).toEqual([
      'status',
      'separator',
      'retry-pending',
      'stop-selected',
    ]);
    expect(findTrayItem(items, TRAY_ITEM.retryPending)).toEqual({
      id: 'retry-pending',
      label: '2 pending stops — Retry now',
      enabled: true,
      action: { kind: 'retryPending' },
    });
    const one = build(state({ pendingStops: ['ehpc-hz-000002'] }));
    expect(findTrayItem(one, TRAY_ITEM.retryPending)?.label).toBe('1 pending stop — Retry now');
    expect(findTrayItem(build(state()), TRAY_ITEM.retryPending)).toBeUndefined();
    // Signed out, a retry could only fail: shown, but not clickable.
    const signedOut = build(state({ pendingStops: ['ehpc-hz-000002'] }), false);
    expect(findTrayItem(signedOut, TRAY_ITEM.retryPending)?.enabled).toBe(false);
  });

  it('speaks Chinese when asked to, or when the system does', () => {
    const zh = trayLabelsFor('system', 'zh-CN');
    const items = buildTrayMenuTemplate(
      trayModel({ state: state(), preferences: prefs, clusterNames: names, signedIn: true }),
      zh,
    );
    expect(findTrayItem(items, TRAY_ITEM.stopSelected)?.label).toBe('停止 cfd-prod-001 的 VNC');
    const pending = buildTrayMenuTemplate(
      trayModel({
        state: state({ pendingStops: ['ehpc-hz-000002'] }),
        clusterNames: names,
        signedIn: true,
      }),
      zh,
    );
    expect(findTrayItem(pending, TRAY_ITEM.retryPending)?.label).toBe(
      '1 个待完成的停止 — 立即重试',
    );
    expect(trayLabelsFor('en', 'zh-CN').quit).toBe('Quit');
    expect(trayLabelsFor('zh-CN', 'en-US').quit).toBe('退出');
  });
});

describe('toMenuTemplate', () => {
  it('binds each action to a click and keeps the rest as Electron expects it', () => {
    const dispatched: TrayAction[] = [];
    const items = buildTrayMenuTemplate(
      trayModel({ state: state(), preferences: prefs, clusterNames: names, signedIn: true }),
      en,
    );
    const template = toMenuTemplate(items, (a) => dispatched.push(a));
    const stop = template.find((i) => i.id === TRAY_ITEM.stopSelected);
    expect(stop).not.toHaveProperty('action');
    const click = stop?.click as unknown as () => void;
    click();
    const sub = template.find((i) => i.id === TRAY_ITEM.switchCluster)?.submenu;
    const second = Array.isArray(sub) ? sub[1] : undefined;
    (second?.click as unknown as () => void)();
    expect(dispatched).toEqual([
      { kind: 'stop', clusterId: 'ehpc-hz-000001' },
      { kind: 'select', clusterId: 'ehpc-hz-000002' },
    ]);
    expect(template.find((i) => i.id === TRAY_ITEM.status)?.click).toBeUndefined();
  });
});

describe('trayPresentation', () => {
  const present = (s: AppState, extra: { signedIn?: boolean; failed?: boolean } = {}) =>
    trayPresentation(
      trayModel({
        state: s,
        preferences: prefs,
        clusterNames: names,
        signedIn: extra.signedIn ?? true,
        lastActionFailed: extra.failed ?? false,
      }),
      en,
    );

  it('shows running, stopped, unknown, working and error', () => {
    expect(present(state())).toEqual({
      iconName: 'running',
      tooltip: 'E-HPC VNC Tray\ncfd-prod-001 — VNC open',
    });
    expect(present(state({ vnc: { 'ehpc-hz-000001': 'stopped' } })).iconName).toBe('stopped');
    expect(present(state({ vnc: {} })).iconName).toBe('unknown');
    expect(present(state(), { signedIn: false }).iconName).toBe('unknown');
    expect(present(state({ busy: { 'ehpc-hz-000001': 'status' } })).iconName).toBe('working');
    expect(present(state(), { failed: true }).iconName).toBe('error');
  });

  it('flags pending stops in the icon and the tooltip: VNC may still be open somewhere', () => {
    const p = present(state({ pendingStops: ['ehpc-hz-000002'] }));
    expect(p).toEqual({
      iconName: 'error',
      tooltip: 'E-HPC VNC Tray\ncfd-prod-001 — VNC open\n1 pending VNC stop',
    });
    // What is in flight still shows first.
    const busy = state({ pendingStops: ['ehpc-hz-000002'], busy: { 'ehpc-hz-000001': 'status' } });
    expect(present(busy).iconName).toBe('working');
  });

  it('keeps the tooltip within what Windows shows', () => {
    const long = { 'ehpc-hz-000001': 'x'.repeat(300) };
    const p = trayPresentation(
      trayModel({ state: state(), preferences: prefs, clusterNames: long, signedIn: true }),
      en,
    );
    expect(p.tooltip.length).toBe(TOOLTIP_MAX);
    expect(p.tooltip.endsWith('…')).toBe(true);
  });
});

describe('trayBehaviour', () => {
  it('follows each platform’s habits', () => {
    expect(trayBehaviour('darwin')).toEqual({
      attachContextMenu: false,
      leftClickToggles: true,
      rightClickPopsMenu: true,
    });
    expect(trayBehaviour('win32')).toEqual({
      attachContextMenu: true,
      leftClickToggles: true,
      rightClickPopsMenu: false,
    });
    expect(trayBehaviour('linux')).toEqual({
      attachContextMenu: true,
      leftClickToggles: false,
      rightClickPopsMenu: false,
    });
  });
});
