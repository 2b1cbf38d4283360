// What the tray shows, decided from plain data: the menu (as plain items with ids and actions),
// the icon and the tooltip. The Electron side turns the items into a Menu and the actions into
// clicks; tests and the e2e hook read the very same items.
import type { MenuItemConstructorOptions } from 'electron';
import type { AppState, Preferences, VncState } from '../../preload/shared/contract';
import {
  connectOpenMenu,
  exposureLabelsFor,
  exposureLine,
  exposureMenuItems,
  trayExposure,
  type TrayExposure,
} from './tray-exposure';
import type { BusyKind, TrayLabels } from './tray-labels';

export interface ClusterRef {
  id: string;
  name: string;
}

export interface TrayModel {
  signedIn: boolean;
  selected?: ClusterRef;
  /** VNC of the selected cluster (`unknown` until checked, or with no cluster). */
  vnc: VncState;
  /** What is in flight on the selected cluster. */
  busy?: BusyKind;
  /** Something is in flight on any cluster (stop-all waits for it). */
  anyBusy: boolean;
  recent: ClusterRef[];
  /** The last action started from the tray or a switch failed: the icon says so until the next. */
  lastActionFailed: boolean;
  /** Stops in the journal, not confirmed yet (VNC may still be open there). */
  pendingStops: number;
  /** The open VNCs across regions, from the last exposure check (absent before it). */
  exposure?: TrayExposure;
}

export interface TrayModelInput {
  state: AppState;
  preferences?: Pick<Preferences, 'selectedClusterId' | 'recentClusterIds'>;
  /** Cluster names by ID, from the cached cluster list; IDs stand in for unknown names. */
  clusterNames: Readonly<Record<string, string>>;
  signedIn: boolean;
  lastActionFailed?: boolean;
}

/** The tray's submenu stays short: the clusters one actually switches between. */
export const MAX_RECENT_IN_MENU = 8;

export function trayModel(input: TrayModelInput): TrayModel {
  const { state, preferences, clusterNames } = input;
  const ref = (id: string): ClusterRef => ({ id, name: clusterNames[id] || id });
  const selectedId = state.selectedClusterId ?? preferences?.selectedClusterId;
  const recentIds = [...(preferences?.recentClusterIds ?? [])];
  if (selectedId && !recentIds.includes(selectedId)) recentIds.unshift(selectedId);
  const model: TrayModel = {
    signedIn: input.signedIn,
    vnc: selectedId ? (state.vnc[selectedId] ?? 'unknown') : 'unknown',
    anyBusy: Object.keys(state.busy).length > 0,
    recent: recentIds.slice(0, MAX_RECENT_IN_MENU).map(ref),
    lastActionFailed: input.lastActionFailed ?? false,
    pendingStops: state.pendingStops?.length ?? 0,
  };
  const exposure = trayExposure(state);
  if (exposure) model.exposure = exposure;
  if (selectedId) {
    model.selected = ref(selectedId);
    const busy = state.busy[selectedId];
    if (busy) model.busy = busy;
  }
  return model;
}

export type TrayAction =
  | { kind: 'stop'; clusterId: string; regionId?: string }
  | { kind: 'connect'; clusterId: string; regionId?: string }
  | { kind: 'stopAll' }
  | { kind: 'select'; clusterId: string }
  | { kind: 'refreshStatus'; clusterId: string }
  | { kind: 'retryPending' }
  | { kind: 'open' }
  | { kind: 'quit' };

export interface TrayMenuItem {
  id?: string;
  label?: string;
  type?: 'normal' | 'separator' | 'submenu' | 'radio';
  enabled?: boolean;
  checked?: boolean;
  submenu?: TrayMenuItem[];
  action?: TrayAction;
}

export const TRAY_ITEM = {
  status: 'status',
  retryPending: 'retry-pending',
  stopSelected: 'stop-selected',
  connectSelected: 'connect-selected',
  stopAll: 'stop-all',
  switchCluster: 'switch-cluster',
  refreshStatus: 'refresh-status',
  open: 'open',
  quit: 'quit',
  select: (clusterId: string) => `select:${clusterId}`,
} as const;

function statusLine(model: TrayModel, labels: TrayLabels): string {
  if (!model.signedIn) return labels.notSignedIn;
  if (!model.selected) return labels.noCluster;
  const state = model.busy ? labels.busy[model.busy] : labels.vnc[model.vnc];
  return `${model.selected.name} — ${state}`;
}

export function buildTrayMenuTemplate(model: TrayModel, labels: TrayLabels): TrayMenuItem[] {
  const { selected } = model;
  const canAct = model.signedIn;
  const exposureLabels = exposureLabelsFor(labels.locale);
  const items: TrayMenuItem[] = [
    { id: TRAY_ITEM.status, label: statusLine(model, labels), enabled: false },
    { type: 'separator' },
  ];
  // Every open VNC across regions, each with its own stop.
  const open = exposureMenuItems(model.exposure, exposureLabels, canAct);
  if (open.length > 0) items.push(...open, { type: 'separator' });
  if (model.pendingStops > 0) {
    // First among the actions: a stop the user asked for has not gone through yet.
    items.push({
      id: TRAY_ITEM.retryPending,
      label: labels.pendingRetry(model.pendingStops),
      enabled: canAct,
      action: { kind: 'retryPending' },
    });
  }
  if (selected) {
    items.push({
      id: TRAY_ITEM.stopSelected,
      label: labels.stopOn(selected.name),
      // `unknown` stays enabled: stopping is how one makes sure.
      enabled: canAct && !model.busy && model.vnc !== 'stopped',
      action: { kind: 'stop', clusterId: selected.id },
    });
  }
  items.push({
    id: TRAY_ITEM.stopAll,
    label: labels.stopAll,
    enabled: canAct,
    action: { kind: 'stopAll' },
  });
  items.push({
    id: TRAY_ITEM.switchCluster,
    label: labels.switchCluster,
    type: 'submenu',
    enabled: model.recent.length > 0,
    submenu:
      model.recent.length > 0
        ? model.recent.map((c) => ({
            id: TRAY_ITEM.select(c.id),
            label: c.name === c.id ? c.id : `${c.name} (${c.id})`,
            type: 'radio' as const,
            checked: c.id === selected?.id,
            action: { kind: 'select' as const, clusterId: c.id },
          }))
        : [{ label: labels.noRecent, enabled: false }],
  });
  if (selected) {
    // Arrive: start VNC if needed and open the viewer (leaving is the items at the top).
    items.push({
      id: TRAY_ITEM.connectSelected,
      label: labels.connectTo(selected.name),
      enabled: canAct && !model.busy,
      action: { kind: 'connect', clusterId: selected.id },
    });
  }
  // Arrive at any cluster whose VNC is open, in whichever region it is.
  const connectOpen = connectOpenMenu(model.exposure, exposureLabels, canAct);
  if (connectOpen) items.push(connectOpen);
  if (selected) {
    items.push({
      id: TRAY_ITEM.refreshStatus,
      label: labels.refreshStatus,
      enabled: canAct && !model.busy,
      action: { kind: 'refreshStatus', clusterId: selected.id },
    });
  }
  items.push(
    { type: 'separator' },
    { id: TRAY_ITEM.open, label: labels.open, action: { kind: 'open' } },
    { id: TRAY_ITEM.quit, label: labels.quit, action: { kind: 'quit' } },
  );
  return items;
}

/** Depth-first search by id (the e2e hook clicks items by id). */
export function findTrayItem(items: readonly TrayMenuItem[], id: string): TrayMenuItem | undefined {
  for (const item of items) {
    if (item.id === id) return item;
    const inner = item.submenu ? findTrayItem(item.submenu, id) : undefined;
    if (inner) return inner;
  }
  return undefined;
}

/** Electron's template: the same items, each action bound to `dispatch`. */
export function toMenuTemplate(
  items: readonly TrayMenuItem[],
  dispatch: (action: TrayAction) => void,
): MenuItemConstructorOptions[] {
  return items.map((item) => {
    const { action, submenu, ...rest } = item;
    const out: MenuItemConstructorOptions = { ...rest };
    if (submenu) out.submenu = toMenuTemplate(submenu, dispatch);
    if (action) out.click = () => dispatch(action);
    return out;
  });
}

export type TrayIconName = 'running' | 'stopped' | 'unknown' | 'working' | 'error';

export interface TrayPresentation {
  iconName: TrayIconName;
  tooltip: string;
}

/** Windows truncates tray tooltips at 127 characters. */
export const TOOLTIP_MAX = 127;

export function trayPresentation(model: TrayModel, labels: TrayLabels): TrayPresentation {
  let iconName: TrayIconName;
  if (model.busy) iconName = 'working';
  // A pending stop may have left VNC open somewhere: that needs the user's eye as a failure does.
  else if (model.lastActionFailed || model.pendingStops > 0) iconName = 'error';
  // VNC open anywhere is what the icon must say, whichever cluster is selected.
  else if (model.signedIn && (model.exposure?.openCount ?? 0) > 0) iconName = 'running';
  else if (!model.selected || !model.signedIn) iconName = 'unknown';
  else iconName = model.vnc;
  const lines = [labels.appName, statusLine(model, labels)];
  const openLine = exposureLine(model.exposure, exposureLabelsFor(labels.locale));
  if (openLine) lines.splice(1, 0, openLine);
  if (model.pendingStops > 0) lines.push(labels.pendingCount(model.pendingStops));
  const full = lines.join('\n');
  const tooltip = full.length > TOOLTIP_MAX ? `${full.slice(0, TOOLTIP_MAX - 1)}…` : full;
  return { iconName, tooltip };
}

export type TrayPlatformBehaviour = {
  /** Give the OS the menu (right click on Windows; the only interaction on Linux). */
  attachContextMenu: boolean;
  /** Left click shows or hides the popover. */
  leftClickToggles: boolean;
  /** Right click pops the menu up by hand (macOS, where an attached menu eats left clicks). */
  rightClickPopsMenu: boolean;
};

export function trayBehaviour(platform: NodeJS.Platform): TrayPlatformBehaviour {
  if (platform === 'darwin') {
    return { attachContextMenu: false, leftClickToggles: true, rightClickPopsMenu: true };
  }
  if (platform === 'win32') {
    return { attachContextMenu: true, leftClickToggles: true, rightClickPopsMenu: false };
  }
  // Linux (AppIndicator / StatusNotifierItem): clicks often never reach the app; the menu does.
  return { attachContextMenu: true, leftClickToggles: false, rightClickPopsMenu: false };
}
