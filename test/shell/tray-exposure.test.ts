// The tray's open-VNC section across regions: summary line, one stop per open cluster (eight,
// then "and N more…"), the tooltip and the icon, in en and zh-CN. Pure functions on AppState.
import { describe, expect, it } from 'vitest';
import type { AppState } from '../../preload/shared/contract';
import { EXPOSURE_ITEM, MAX_OPEN_IN_MENU } from '../../main/shell/tray-exposure';
import { trayLabelsFor } from '../../main/shell/tray-labels';
import {
  buildTrayMenuTemplate,
  findTrayItem,
  trayModel,
  trayPresentation,
} from '../../main/shell/tray-menu';

const open = (n: number, regionId: string) => ({
  clusterId: `ehpc-x-${String(n).padStart(6, '0')}`,
  name: `c${n}`,
  regionId,
  wide: n === 1,
});

const state = (exposure?: AppState['exposure']): AppState => ({
  vnc: {},
  busy: {},
  ...(exposure ? { exposure } : {}),
});

const model = (s: AppState) => trayModel({ state: s, clusterNames: {}, signedIn: true });

describe('tray: open VNC across regions', () => {
  const three = {
    openCount: 3,
    regionsCount: 2,
    open: [open(1, 'cn-hangzhou'), open(2, 'cn-hangzhou'), open(3, 'cn-shanghai')],
  };

  it('says how many are open where, and offers a stop for each, with its region', () => {
    const items = buildTrayMenuTemplate(model(state(three)), trayLabelsFor('en', 'en-US'));
    expect(findTrayItem(items, EXPOSURE_ITEM.summary)?.label).toBe(
      'VNC open on 3 clusters in 2 regions',
    );
    const first = findTrayItem(items, EXPOSURE_ITEM.stop('ehpc-x-000001'));
    expect(first).toMatchObject({
      label: 'Stop VNC on c1 (cn-hangzhou) — open to the internet',
      enabled: true,
      action: { kind: 'stop', clusterId: 'ehpc-x-000001', regionId: 'cn-hangzhou' },
    });
    expect(findTrayItem(items, EXPOSURE_ITEM.stop('ehpc-x-000003'))?.action).toEqual({
      kind: 'stop',
      clusterId: 'ehpc-x-000003',
      regionId: 'cn-shanghai',
    });
    // Stop all is still there, after them.
    const ids = items.map((i) => i.id);
    expect(ids.indexOf('stop-all')).toBeGreaterThan(
      ids.indexOf(EXPOSURE_ITEM.stop('ehpc-x-000003')),
    );
  });

  it('lists the first eight, then "and N more…"', () => {
    const many = Array.from({ length: 11 }, (_, i) => open(i + 1, 'cn-hangzhou'));
    const items = buildTrayMenuTemplate(
      model(state({ openCount: 11, regionsCount: 1, open: many })),
      trayLabelsFor('en', 'en-US'),
    );
    const stops = items.filter((i) => i.id?.startsWith('stop-open:'));
    expect(stops).toHaveLength(MAX_OPEN_IN_MENU);
    expect(findTrayItem(items, EXPOSURE_ITEM.more)).toMatchObject({
      label: 'and 3 more…',
      enabled: false,
    });
  });

  it('shows the count in the tooltip and the open icon, whichever cluster is selected', () => {
    const p = trayPresentation(model(state(three)), trayLabelsFor('en', 'en-US'));
    expect(p.iconName).toBe('running');
    expect(p.tooltip.split('\n')[1]).toBe('VNC open on 3 clusters in 2 regions');
    const zh = trayPresentation(model(state(three)), trayLabelsFor('zh-CN', 'zh-CN'));
    expect(zh.tooltip.split('\n')[1]).toBe('2 个地域的 3 个集群开放了 VNC');
  });

  it('says closed everywhere when the check found nothing open, and nothing before a check', () => {
    const closed = buildTrayMenuTemplate(
      model(state({ openCount: 0, regionsCount: 0, open: [] })),
      trayLabelsFor('en', 'en-US'),
    );
    expect(findTrayItem(closed, EXPOSURE_ITEM.summary)?.label).toBe('VNC closed everywhere');
    const before = buildTrayMenuTemplate(model(state()), trayLabelsFor('en', 'en-US'));
    expect(findTrayItem(before, EXPOSURE_ITEM.summary)).toBeUndefined();
    expect(trayPresentation(model(state()), trayLabelsFor('en', 'en-US')).iconName).toBe('unknown');
  });
});
