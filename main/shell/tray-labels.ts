// Words of the tray menu, tooltip and notifications, in the app's two languages. The renderer
// has its own strings; these are the few the main process shows itself.
import type { AppErrorInfo, AppState, Language, VncState } from '../../preload/shared/contract';
import { localizeError, type ErrorLocale } from '../../preload/shared/error-registry';
import type { AutoStopReason } from '../core/auto-stop';

export type BusyKind = AppState['busy'][string];

export interface Notice {
  title: string;
  body: string;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export interface TrayLabels {
  /** The language of these labels, and of the error texts shown with them. */
  locale: ErrorLocale;
  appName: string;
  noCluster: string;
  notSignedIn: string;
  vnc: Record<VncState, string>;
  busy: Record<BusyKind, string>;
  stopOn(name: string): string;
  /** The tray item that starts VNC if needed and opens the cluster in the VNC viewer. */
  connectTo(name: string): string;
  stopAll: string;
  switchCluster: string;
  noRecent: string;
  refreshStatus: string;
  open: string;
  quit: string;
  stopped(name: string): Notice;
  stopFailed(name: string): string;
  /** The title when every cluster was stopped or was already stopped. */
  stoppedAll: string;
  /** The title when nothing failed outright but some stops are journalled, not confirmed. */
  stopAllPending(pending: number): string;
  stopAllPartly(counts: { stopped: number; failed: number }): string;
  /** The title when stops went through but a 12016 rule was still there when read again. */
  stopAllStillOpen(clusters: number): string;
  stopAllFailed: string;
  selected(name: string): Notice;
  selectFailed(name: string): string;
  status(name: string, vnc: string): Notice;
  statusFailed(name: string): string;
  invalidSwitch: Notice;
  /** The tray item shown while stops wait in the journal. */
  pendingRetry(count: number): string;
  /** The tooltip's line for the same. */
  pendingCount(count: number): string;
  /** Why an automatic stop ran, as the start of a notification. */
  autoStopReason: Record<AutoStopReason, string>;
  autoStopped(reason: string, names: string): Notice;
  autoStopFailed(reason: string): string;
  pendingStopped(names: string, remaining: number): Notice;
  pendingDropped(name: string): string;
  pendingRemaining(count: number): string;
}

const en: TrayLabels = {
  locale: 'en',
  appName: 'E-HPC VNC Tray',
  noCluster: 'No cluster selected',
  notSignedIn: 'Not connected — open the app to add an AccessKey',
  vnc: { running: 'VNC running', stopped: 'VNC stopped', unknown: 'VNC status unknown' },
  busy: {
    stopping: 'Stopping VNC…',
    starting: 'Starting VNC…',
    password: 'Setting the VNC password…',
    status: 'Checking VNC…',
  },
  stopOn: (name) => `Stop VNC on ${name}`,
  connectTo: (name) => `Connect to ${name}`,
  stopAll: 'Stop VNC on all clusters',
  switchCluster: 'Switch cluster',
  noRecent: 'No recent clusters',
  refreshStatus: 'Check VNC status',
  open: 'Open E-HPC VNC Tray',
  quit: 'Quit',
  stopped: (name) => ({ title: 'VNC stopped', body: `VNC on ${name} is stopped.` }),
  stopFailed: (name) => `Could not stop VNC on ${name}`,
  stoppedAll: 'VNC stopped on all clusters',
  stopAllPending: (pending) =>
    `VNC stop not confirmed on ${plural(pending, 'cluster', 'clusters')} yet`,
  stopAllPartly: ({ stopped, failed }) =>
    `VNC stopped on ${stopped} cluster(s), failed on ${failed}`,
  stopAllStillOpen: (clusters) =>
    `Port 12016 still open on ${plural(clusters, 'cluster', 'clusters')}`,
  stopAllFailed: 'Could not stop VNC on all clusters',
  selected: (name) => ({ title: 'Cluster selected', body: name }),
  selectFailed: (name) => `Could not select ${name}`,
  status: (name, vnc) => ({ title: name, body: vnc }),
  statusFailed: (name) => `Could not check VNC on ${name}`,
  invalidSwitch: {
    title: 'E-HPC VNC Tray',
    body: '--stop needs a valid E-HPC cluster ID, such as ehpc-hz-FYUr32xxxx.',
  },
  pendingRetry: (count) => `${count} pending ${count === 1 ? 'stop' : 'stops'} — Retry now`,
  pendingCount: (count) => `${count} pending VNC ${count === 1 ? 'stop' : 'stops'}`,
  autoStopReason: {
    quit: 'On quit',
    'lock-screen': 'Screen locked',
    suspend: 'Going to sleep',
    shutdown: 'Shutting down',
    'query-session-end': 'Signing out or shutting down',
    idle: 'Idle',
    daily: 'Daily stop',
  },
  autoStopped: (reason, names) => ({
    title: 'VNC stopped automatically',
    body: `${reason}: VNC on ${names} is stopped.`,
  }),
  autoStopFailed: (reason) => `${reason}: could not stop VNC`,
  pendingStopped: (names, remaining) => ({
    title: 'Pending VNC stop done',
    body:
      `VNC on ${names} is stopped.` +
      (remaining > 0 ? ` ${remaining} still pending, retried automatically.` : ''),
  }),
  pendingDropped: (name) => `Gave up stopping VNC on ${name}`,
  pendingRemaining: (count) =>
    `${count} VNC ${count === 1 ? 'stop' : 'stops'} still pending — retried when the network is back`,
};

const zhCN: TrayLabels = {
  locale: 'zh-CN',
  appName: 'E-HPC VNC Tray',
  noCluster: '未选择集群',
  notSignedIn: '未连接 — 打开应用添加 AccessKey',
  vnc: { running: 'VNC 运行中', stopped: 'VNC 已停止', unknown: 'VNC 状态未知' },
  busy: {
    stopping: '正在停止 VNC…',
    starting: '正在启动 VNC…',
    password: '正在设置 VNC 密码…',
    status: '正在查询 VNC…',
  },
  stopOn: (name) => `停止 ${name} 的 VNC`,
  connectTo: (name) => `连接到 ${name}`,
  stopAll: '停止所有集群的 VNC',
  switchCluster: '切换集群',
  noRecent: '没有最近使用的集群',
  refreshStatus: '查询 VNC 状态',
  open: '打开 E-HPC VNC Tray',
  quit: '退出',
  stopped: (name) => ({ title: 'VNC 已停止', body: `${name} 的 VNC 已停止。` }),
  stopFailed: (name) => `无法停止 ${name} 的 VNC`,
  stoppedAll: '已停止所有集群的 VNC',
  stopAllPending: (pending) => `${pending} 个集群的 VNC 停止尚未确认`,
  stopAllPartly: ({ stopped, failed }) => `已停止 ${stopped} 个集群的 VNC，${failed} 个失败`,
  stopAllStillOpen: (clusters) => `仍有 ${clusters} 个集群的 12016 端口开放`,
  stopAllFailed: '无法停止所有集群的 VNC',
  selected: (name) => ({ title: '已选择集群', body: name }),
  selectFailed: (name) => `无法选择 ${name}`,
  status: (name, vnc) => ({ title: name, body: vnc }),
  statusFailed: (name) => `无法查询 ${name} 的 VNC`,
  invalidSwitch: {
    title: 'E-HPC VNC Tray',
    body: '--stop 需要有效的 E-HPC 集群 ID，例如 ehpc-hz-FYUr32xxxx。',
  },
  pendingRetry: (count) => `${count} 个待完成的停止 — 立即重试`,
  pendingCount: (count) => `${count} 个待完成的 VNC 停止`,
  autoStopReason: {
    quit: '退出时',
    'lock-screen': '屏幕已锁定',
    suspend: '即将睡眠',
    shutdown: '即将关机',
    'query-session-end': '即将注销或关机',
    idle: '空闲',
    daily: '每日定时',
  },
  autoStopped: (reason, names) => ({
    title: '已自动停止 VNC',
    body: `${reason}：${names} 的 VNC 已停止。`,
  }),
  autoStopFailed: (reason) => `${reason}：无法停止 VNC`,
  pendingStopped: (names, remaining) => ({
    title: '待完成的 VNC 停止已完成',
    body:
      `${names} 的 VNC 已停止。` +
      (remaining > 0 ? `还有 ${remaining} 个待完成，将自动重试。` : ''),
  }),
  pendingDropped: (name) => `已放弃停止 ${name} 的 VNC`,
  pendingRemaining: (count) => `${count} 个 VNC 停止仍待完成 — 网络恢复后重试`,
};

/** The preference wins; `system` follows the OS locale (Electron's `app.getLocale()`). */
export function trayLabelsFor(language: Language | undefined, systemLocale: string): TrayLabels {
  const lang = language && language !== 'system' ? language : systemLocale;
  return lang.toLowerCase().startsWith('zh') ? zhCN : en;
}

/** A failure notice: what went wrong and what to do, in the labels' language (error registry). */
export function failureNotice(title: string, error: AppErrorInfo, locale: ErrorLocale): Notice {
  const { message, action } = localizeError(error, locale);
  return { title, body: `${message} ${action}`.trim() };
}

/** "name: message" for each failure, then what to do about the first. */
export function failuresBody(
  failed: readonly { clusterId: string; error: AppErrorInfo }[],
  name: (clusterId: string) => string,
  locale: ErrorLocale,
): string {
  const texts = failed.map((f) => ({ name: name(f.clusterId), ...localizeError(f.error, locale) }));
  const detail = texts.map((f) => `${f.name}: ${f.message}`).join(' ');
  const first = texts[0];
  return first ? `${detail} ${first.action}`.trim() : detail;
}
