// The IPC contract: every operation the renderer may ask of main, with its channel, the schema
// main validates the request against, and the response type. Shared by main (validation and
// handlers), the preload (channel names) and the renderer (types). Pure code: zod and nothing else.
//
// Direction of secrets: AccessKey secrets and passwords travel renderer → main only. No response
// type below has a field that could carry one back.
import { z } from 'zod';
import { CHANNELS, type Operation } from './channels';

export { CHANNELS, operations, STATE_CHANNEL, type Operation } from './channels';
import {
  isValidAccessKeyId,
  isValidCidrIp,
  isValidClusterId,
  isValidRegionId,
  isValidRunasUser,
  VNC_PASSWORD_MAX,
} from './validation';

// ---------------------------------------------------------------------------------------------
// Building blocks

const clusterId = z.string().max(64).refine(isValidClusterId, 'Not a valid E-HPC cluster ID.');
const regionId = z.string().max(32).refine(isValidRegionId, 'Not a valid region ID.');
const cidrIp = z.string().max(18).refine(isValidCidrIp, 'Enter an IPv4 address or CIDR block.');
const runasUser = z.string().max(32).refine(isValidRunasUser, 'Not a valid user name.');
// Passwords are length-bounded here; the VNC policy itself is checked by the handler so that
// its per-rule message reaches the user as a typed error.
const secret = (max: number) => z.string().min(1).max(max);

/** Every request is a plain object with exactly these keys (`strict`: extra keys are refused). */
const req = <T extends z.ZodRawShape>(shape: T) => z.strictObject(shape);
const empty = req({});

// ---------------------------------------------------------------------------------------------
// Shapes that cross the bridge (main → renderer). Nothing secret.

/** The core's typed error, as the renderer sees it: never a stack. */
export interface AppErrorInfo {
  /** E-HPC or gateway code (`ConflictOpt`), or the app's own (`Network.Timeout`, `InvalidInput`). */
  code: string;
  /** One clear sentence for people. */
  message: string;
  /** What to do next. */
  action: string;
  requestId?: string;
  httpStatus?: number;
  retryable: boolean;
  /**
   * Set on a stop that could not be confirmed (offline, timeout, busy service): it is kept in the
   * pending-stop journal and retried at the next launch and when the network comes back.
   */
  pendingStop?: true;
  /** The registry wording of the code the message was made from (preload/shared/error-registry). */
  variant?: string;
  /** The wording's `{name}` values, so the window can say it in another language. Never secret. */
  params?: Record<string, string>;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorInfo };

export type VncState = 'running' | 'stopped' | 'unknown';

export interface ClusterSummary {
  id: string;
  name: string;
  status: string; // lower case: uninit, creating, init, running, exception, releasing, ...
  regionId: string;
  zoneId?: string;
  description?: string;
  osTag?: string;
  schedulerType?: string;
  createTime?: string;
  nodeCount?: number;
}

export interface ClusterList {
  regionId: string;
  clusters: ClusterSummary[];
  /** ISO time the list was fetched from E-HPC; absent when nothing is cached yet. */
  fetchedAt?: string;
  fromCache: boolean;
}

export interface Region {
  regionId: string;
  localName?: string;
}

export interface VncStatus {
  clusterId: string;
  vnc: VncState;
  /** The service's own words, for display. */
  message: string;
  requestId?: string;
  checkedAt: string;
}

export interface ActionResult {
  clusterId: string;
  requestId?: string;
  message: string;
}

export interface StopAllResult {
  stopped: string[];
  alreadyStopped: string[];
  failed: { clusterId: string; error: AppErrorInfo }[];
}

export interface ClusterUser {
  name: string;
  group?: string;
}

export interface SessionInfo {
  signedIn: boolean;
  /** Where the AccessKey comes from. `env` wins over the keychain, as in Alibaba Cloud's tools. */
  source: 'keychain' | 'env' | 'none';
  /** Masked, e.g. `LTAI****wxyz`: enough to recognise, not to use. */
  accessKeyIdMasked?: string;
  regionId: string;
  keychainAvailable: boolean;
}

export type Language = 'system' | 'en' | 'zh-CN';

export interface Preferences {
  language: Language;
  regionId: string;
  selectedClusterId?: string;
  recentClusterIds: string[];
  /** Remembered per cluster: the CidrIp VNC was started with, and the run-as user. */
  clusters: Record<string, { cidrIp?: string; runasUser?: string }>;
}

/** Pushed from main whenever something the window shows changes. */
export interface AppState {
  selectedClusterId?: string;
  vnc: Record<string, VncState>;
  /** Clusters with an operation in flight, and which. */
  busy: Record<string, 'stopping' | 'starting' | 'password' | 'status'>;
  /** Clusters with a stop still owed (journalled, not in flight); absent when there are none. */
  pendingStops?: string[];
}

/** A stop the user asked for that is not confirmed yet (see `listPendingStops`). Nothing secret. */
export interface PendingStopInfo {
  clusterId: string;
  regionId: string;
  cidrIp?: string;
  /** ISO time of the request. */
  requestedAt: string;
  /** Failed attempts so far. */
  attempts: number;
  /** The code of the last failure (`Network.Timeout`, or `Interrupted` when quitting cut it off). */
  lastError?: string;
  /** A request for it is on its way right now. */
  inFlight: boolean;
}

/** What `retryPendingStops` did with each entry; the shell notifies from it. */
export interface PendingRetryReport {
  /** Confirmed now: removed from the journal. */
  stopped: PendingStopInfo[];
  /** Failed for good (the cluster is gone, permission denied…): removed, and the user must be told. */
  dropped: { stop: PendingStopInfo; error: AppErrorInfo }[];
  /** Still unconfirmed (offline again…): kept, attempts counted. */
  remaining: { stop: PendingStopInfo; error: AppErrorInfo }[];
}

/** Which clusters an automatic stop acts on. */
export type AutoStopScope = 'selected' | 'all';

/** The automatic stops, each off by default. */
export interface AutoStopPreferences {
  /** Stop VNC when the app quits: not at all, on the selected cluster, or on every cluster. */
  onQuit: 'off' | AutoStopScope;
  /** When the screen locks (macOS, Windows). */
  onLock: boolean;
  /** When the computer goes to sleep. */
  onSuspend: boolean;
  /** On shutdown, restart or logoff. */
  onShutdown: boolean;
  /** After this many minutes without keyboard or mouse input; 0 = off. */
  idleMinutes: number;
  /** Every day at this local time (`HH:MM`); absent = off. */
  dailyAt?: string;
  /** Start the app (in the tray) when the user logs in. */
  launchAtLogin: boolean;
}

/** The settings, what this computer supports, and which clusters the triggers other than quit act on. */
export interface AutoStopInfo {
  settings: AutoStopPreferences;
  /**
   * The clusters lock, suspend, shutdown, idle and daily stops act on (a setting of its own;
   * quitting has `settings.onQuit`). Files from before the setting keep what they did: `all`
   * when quitting stopped all clusters, otherwise the selected one.
   */
  scope: AutoStopScope;
  supported: {
    onLock: boolean;
    onSuspend: boolean;
    onShutdown: boolean;
    idle: boolean;
    launchAtLogin: boolean;
  };
}

// ---------------------------------------------------------------------------------------------
// The operations

export const contract = {
  getSession: { channel: CHANNELS.getSession, request: empty },
  signIn: {
    channel: CHANNELS.signIn,
    request: req({
      accessKeyId: z.string().max(128).refine(isValidAccessKeyId, 'Not a valid AccessKey ID.'),
      accessKeySecret: secret(128),
      securityToken: secret(4096).optional(),
      regionId,
    }),
  },
  signOut: { channel: CHANNELS.signOut, request: empty },
  listRegions: { channel: CHANNELS.listRegions, request: empty },
  getPreferences: { channel: CHANNELS.getPreferences, request: empty },
  setPreferences: {
    channel: CHANNELS.setPreferences,
    request: req({
      language: z.enum(['system', 'en', 'zh-CN']).optional(),
      regionId: regionId.optional(),
    }),
  },
  listClusters: { channel: CHANNELS.listClusters, request: req({ refresh: z.boolean() }) },
  selectCluster: { channel: CHANNELS.selectCluster, request: req({ clusterId }) },
  listUsers: { channel: CHANNELS.listUsers, request: req({ clusterId }) },
  getVncStatus: { channel: CHANNELS.getVncStatus, request: req({ clusterId }) },
  startVnc: { channel: CHANNELS.startVnc, request: req({ clusterId, cidrIp }) },
  stopVnc: { channel: CHANNELS.stopVnc, request: req({ clusterId, cidrIp: cidrIp.optional() }) },
  stopAllVnc: { channel: CHANNELS.stopAllVnc, request: empty },
  setVncPassword: {
    channel: CHANNELS.setVncPassword,
    request: req({
      clusterId,
      runasUser,
      /** Omitted: use the run-as password remembered in the keychain for this cluster and user. */
      runasPassword: secret(128).optional(),
      rememberRunasPassword: z.boolean(),
      newPassword: z.string().max(VNC_PASSWORD_MAX * 4),
    }),
  },
  hasRememberedRunasPassword: {
    channel: CHANNELS.hasRememberedRunasPassword,
    request: req({ clusterId, runasUser }),
  },
  forgetRunasPassword: {
    channel: CHANNELS.forgetRunasPassword,
    request: req({ clusterId, runasUser }),
  },
  /** Copies text (a generated password) and clears the clipboard after `clearAfterSeconds`. */
  copySecret: {
    channel: CHANNELS.copySecret,
    request: req({ text: secret(256), clearAfterSeconds: z.number().int().min(5).max(300) }),
  },
  getState: { channel: CHANNELS.getState, request: empty },
  listPendingStops: { channel: CHANNELS.listPendingStops, request: empty },
  /** Retries every journalled stop now (the shell also does at launch and when back online). */
  retryPendingStops: { channel: CHANNELS.retryPendingStops, request: empty },
  /** Gives up on one journalled stop (the user decided VNC may stay as it is). */
  dismissPendingStop: { channel: CHANNELS.dismissPendingStop, request: req({ clusterId }) },
  getAutoStop: { channel: CHANNELS.getAutoStop, request: empty },
  /** Changes only the fields given; `dailyAt: null` turns the daily stop off. */
  setAutoStop: {
    channel: CHANNELS.setAutoStop,
    request: req({
      onQuit: z.enum(['off', 'selected', 'all']).optional(),
      /** The clusters the triggers other than quit act on. */
      scope: z.enum(['selected', 'all']).optional(),
      onLock: z.boolean().optional(),
      onSuspend: z.boolean().optional(),
      onShutdown: z.boolean().optional(),
      idleMinutes: z.number().int().min(0).max(1440).optional(),
      dailyAt: z
        .union([z.string().regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, 'Use HH:MM.'), z.null()])
        .optional(),
      launchAtLogin: z.boolean().optional(),
    }),
  },
} as const satisfies Record<Operation, { channel: string; request: z.ZodType }>;

/** What each operation resolves to (inside `Result`). */
export interface Responses {
  getSession: SessionInfo;
  signIn: SessionInfo;
  signOut: SessionInfo;
  listRegions: Region[];
  getPreferences: Preferences;
  setPreferences: Preferences;
  listClusters: ClusterList;
  selectCluster: Preferences;
  listUsers: ClusterUser[];
  getVncStatus: VncStatus;
  startVnc: ActionResult;
  stopVnc: ActionResult;
  stopAllVnc: StopAllResult;
  setVncPassword: ActionResult;
  hasRememberedRunasPassword: boolean;
  forgetRunasPassword: boolean;
  copySecret: boolean;
  getState: AppState;
  listPendingStops: PendingStopInfo[];
  retryPendingStops: PendingRetryReport;
  dismissPendingStop: PendingStopInfo[];
  getAutoStop: AutoStopInfo;
  setAutoStop: AutoStopInfo;
}

export type Request<K extends Operation> = z.input<(typeof contract)[K]['request']>;

/** The object the preload installs as `window.ehpc`: one function per operation, one subscription. */
export type EhpcBridge = {
  [K in Operation]: (request: Request<K>) => Promise<Result<Responses[K]>>;
} & {
  onState(listener: (state: AppState) => void): () => void;
};

/** The handler table main registers on ipcMain (and test harnesses call directly). */
export type HandlerTable = {
  [K in Operation]: (payload: unknown) => Promise<Result<Responses[K]>>;
};
