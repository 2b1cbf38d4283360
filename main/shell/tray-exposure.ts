// The tray's view of the open VNCs across regions (AppState.exposure, from the exposure model):
// a line for the status and the tooltip ("VNC open on 3 clusters in 2 regions"), one one-click
// stop per open cluster, the first eight, then "and N more…", and a "Connect to" submenu with the
// same clusters (each connects in its own region). Pure, en and zh-CN.
import type { AppState, Language } from '../../preload/shared/contract';

export const MAX_OPEN_IN_MENU = 8;

export interface OpenCluster {
  clusterId: string;
  name: string;
  regionId: string;
  wide: boolean;
}

export interface TrayExposure {
  openCount: number;
  regionsCount: number;
  open: OpenCluster[];
}

export interface ExposureLabels {
  openSummary(count: number, regions: number): string;
  closedEverywhere: string;
  stopOpen(c: OpenCluster): string;
  more(n: number): string;
  /** The submenu of open clusters to connect to. */
  connectOpen: string;
  connectItem(c: OpenCluster): string;
}

const en: ExposureLabels = {
  openSummary: (count, regions) =>
    `VNC open on ${count} ${count === 1 ? 'cluster' : 'clusters'} in ${regions} ${regions === 1 ? 'region' : 'regions'}`,
  closedEverywhere: 'VNC closed everywhere',
  stopOpen: (c) =>
    `Stop VNC on ${c.name} (${c.regionId})${c.wide ? ' — open to the internet' : ''}`,
  more: (n) => `and ${n} more…`,
  connectOpen: 'Connect to an open cluster',
  connectItem: (c) => `${c.name} (${c.regionId})`,
};

const zhCN: ExposureLabels = {
  openSummary: (count, regions) => `${regions} 个地域的 ${count} 个集群开放了 VNC`,
  closedEverywhere: '所有集群的 VNC 均已关闭',
  stopOpen: (c) => `停止 ${c.name}（${c.regionId}）的 VNC${c.wide ? ' — 对公网开放' : ''}`,
  more: (n) => `还有 ${n} 个…`,
  connectOpen: '连接到已开放 VNC 的集群',
  connectItem: (c) => `${c.name}（${c.regionId}）`,
};

export function exposureLabelsFor(locale: string | Language | undefined): ExposureLabels {
  return locale === 'zh-CN' ? zhCN : en;
}

export function trayExposure(state: AppState): TrayExposure | undefined {
  const e = state.exposure;
  if (!e) return undefined;
  return {
    openCount: e.openCount,
    regionsCount: e.regionsCount,
    open: e.open.map((c) => ({ ...c })),
  };
}

/** The summary line, or nothing before the first check. */
export function exposureLine(
  exposure: TrayExposure | undefined,
  labels: ExposureLabels,
): string | undefined {
  if (!exposure) return undefined;
  return exposure.openCount > 0
    ? labels.openSummary(exposure.openCount, exposure.regionsCount)
    : labels.closedEverywhere;
}

export interface ExposureMenuItem {
  id: string;
  label: string;
  enabled: boolean;
  action?: { kind: 'stop'; clusterId: string; regionId: string };
}

export const EXPOSURE_ITEM = {
  summary: 'exposure-summary',
  more: 'exposure-more',
  stop: (clusterId: string) => `stop-open:${clusterId}`,
  connectMenu: 'connect-open',
  connectMore: 'connect-open-more',
  connect: (clusterId: string) => `connect-open:${clusterId}`,
} as const;

/** The summary line, then a stop per open cluster (the first eight), then "and N more…". */
export function exposureMenuItems(
  exposure: TrayExposure | undefined,
  labels: ExposureLabels,
  canAct: boolean,
): ExposureMenuItem[] {
  const line = exposureLine(exposure, labels);
  if (!exposure || !line) return [];
  const items: ExposureMenuItem[] = [{ id: EXPOSURE_ITEM.summary, label: line, enabled: false }];
  for (const c of exposure.open.slice(0, MAX_OPEN_IN_MENU)) {
    items.push({
      id: EXPOSURE_ITEM.stop(c.clusterId),
      label: labels.stopOpen(c),
      enabled: canAct,
      action: { kind: 'stop', clusterId: c.clusterId, regionId: c.regionId },
    });
  }
  const rest = exposure.open.length - MAX_OPEN_IN_MENU;
  if (rest > 0) items.push({ id: EXPOSURE_ITEM.more, label: labels.more(rest), enabled: false });
  return items;
}

export interface ConnectOpenItem {
  id: string;
  label: string;
  enabled: boolean;
  action?: { kind: 'connect'; clusterId: string; regionId: string };
}

export interface ConnectOpenMenu {
  id: string;
  label: string;
  type: 'submenu';
  submenu: ConnectOpenItem[];
}

/**
 * "Connect to an open cluster ▸": the open clusters of the stops above (the first eight, then
 * "and N more…"), each connecting in its own region. A submenu rather than a Connect beside each
 * stop: the stops stay one click each and the menu does not double in length; arriving is a
 * hover away, as switching clusters is. Nothing before the first check or with nothing open.
 */
export function connectOpenMenu(
  exposure: TrayExposure | undefined,
  labels: ExposureLabels,
  canAct: boolean,
): ConnectOpenMenu | undefined {
  if (!exposure || exposure.open.length === 0) return undefined;
  const submenu: ConnectOpenItem[] = exposure.open.slice(0, MAX_OPEN_IN_MENU).map((c) => ({
    id: EXPOSURE_ITEM.connect(c.clusterId),
    label: labels.connectItem(c),
    enabled: canAct,
    action: { kind: 'connect', clusterId: c.clusterId, regionId: c.regionId },
  }));
  const rest = exposure.open.length - MAX_OPEN_IN_MENU;
  if (rest > 0) {
    submenu.push({ id: EXPOSURE_ITEM.connectMore, label: labels.more(rest), enabled: false });
  }
  return { id: EXPOSURE_ITEM.connectMenu, label: labels.connectOpen, type: 'submenu', submenu };
}
