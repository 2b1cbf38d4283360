// What crosses the bridge from main to the renderer, as zod schemas; the TypeScript types are
// derived from them, so a response's type and the schema tests check it against are one fact.
// Strict objects: a handler that returns a field nobody declared (a secret, say) fails the
// response check the tests run on every answer. Nothing here can carry a secret.
import { z } from 'zod';

const strict = <T extends z.ZodRawShape>(shape: T) => z.strictObject(shape);

export const appErrorInfo = strict({
  /** E-HPC or gateway code (`ConflictOpt`), or the app's own (`Network.Timeout`, `InvalidInput`). */
  code: z.string(),
  /** One clear sentence for people. */
  message: z.string(),
  /** What to do next. */
  action: z.string(),
  requestId: z.string().optional(),
  httpStatus: z.number().optional(),
  retryable: z.boolean(),
  /**
   * Set on a stop that could not be confirmed (offline, timeout, busy service): it is kept in the
   * pending-stop journal and retried at the next launch and when the network comes back.
   */
  pendingStop: z.literal(true).optional(),
  /** The registry wording of the code the message was made from (preload/shared/error-registry). */
  variant: z.string().optional(),
  /** The wording's `{name}` values, so the window can say it in another language. Never secret. */
  params: z.record(z.string(), z.string()).optional(),
});
/** The core's typed error, as the renderer sees it: never a stack. */
export type AppErrorInfo = z.infer<typeof appErrorInfo>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorInfo };

export const vncState = z.enum(['running', 'stopped', 'unknown']);
export type VncState = z.infer<typeof vncState>;

export const clusterSummary = strict({
  id: z.string(),
  name: z.string(),
  /** Lower case: uninit, creating, init, running, exception, releasing, ... */
  status: z.string(),
  regionId: z.string(),
  zoneId: z.string().optional(),
  description: z.string().optional(),
  osTag: z.string().optional(),
  schedulerType: z.string().optional(),
  createTime: z.string().optional(),
  nodeCount: z.number().optional(),
});
export type ClusterSummary = z.infer<typeof clusterSummary>;

export const clusterList = strict({
  regionId: z.string(),
  clusters: z.array(clusterSummary),
  /** ISO time the list was fetched from E-HPC; absent when nothing is cached yet. */
  fetchedAt: z.string().optional(),
  fromCache: z.boolean(),
}).describe('ClusterList');
export type ClusterList = z.infer<typeof clusterList>;

export const region = strict({ regionId: z.string(), localName: z.string().optional() }).describe(
  'Region',
);
export type Region = z.infer<typeof region>;

export const vncStatus = strict({
  clusterId: z.string(),
  vnc: vncState,
  /** The service's own words, for display. */
  message: z.string(),
  requestId: z.string().optional(),
  checkedAt: z.string(),
}).describe('VncStatus');
export type VncStatus = z.infer<typeof vncStatus>;

export const actionResult = strict({
  clusterId: z.string(),
  requestId: z.string().optional(),
  message: z.string(),
  /** The CIDRs a stop closed (one StopVisualService each): found in the 12016 rules or remembered. */
  cidrsClosed: z.array(z.string()).optional(),
  /** CIDRs whose 12016 rules were still there when the stop re-read the security group. */
  stillOpen: z.array(z.string()).optional(),
}).describe('ActionResult');

/** One CIDR allowed to reach VNC (TCP 12016) by the cluster's security group. */
export const reachCidr = strict({
  cidr: z.string(),
  /** This app started VNC with it (it is the remembered CidrIp). */
  byThisApp: z.boolean(),
  /** 0.0.0.0/0, ::/0 or an IPv4 prefix shorter than /16. */
  wide: z.boolean(),
});
export type ReachCidr = z.infer<typeof reachCidr>;

/** One cluster's VNC and who can reach it. */
export const clusterExposure = strict({
  clusterId: z.string(),
  name: z.string(),
  regionId: z.string(),
  /** The cluster's own state (running, creating, ...), lower case: never VNC's. */
  clusterStatus: z.string(),
  vnc: vncState,
  /** Null when the security group could not be read (see `reachUnknown`). */
  reachableFrom: z.array(reachCidr).nullable(),
  /** Some CIDR that can reach VNC is wide. */
  wide: z.boolean(),
  /** Why `reachableFrom` is null: the code, and the RAM action to add when RAM denied it. */
  reachUnknown: strict({ code: z.string(), ramAction: z.string().optional() }).optional(),
  checkedAt: z.string(),
});
export type ClusterExposure = z.infer<typeof clusterExposure>;

export const exposureSnapshot = strict({
  /** The regions in use (pinned, or those where ListClusters found clusters). */
  regions: z.array(z.string()),
  clusters: z.array(clusterExposure),
  /** ISO time of the check; absent when nothing was ever checked. */
  checkedAt: z.string().optional(),
  /** True when this is the persisted last check, not a new one. */
  fromCache: z.boolean(),
  /** Regions whose clusters could not be listed (the snapshot holds their cached clusters). */
  failedRegions: z.array(strict({ regionId: z.string(), error: appErrorInfo })),
}).describe('ExposureSnapshot');
export type ExposureSnapshot = z.infer<typeof exposureSnapshot>;

/** What the tray shows: the open VNCs across regions. */
export const exposureSummary = strict({
  openCount: z.number(),
  regionsCount: z.number(),
  open: z.array(
    strict({ clusterId: z.string(), name: z.string(), regionId: z.string(), wide: z.boolean() }),
  ),
});
export type ExposureSummary = z.infer<typeof exposureSummary>;
export type ActionResult = z.infer<typeof actionResult>;

export const stopAllResult = strict({
  stopped: z.array(z.string()),
  alreadyStopped: z.array(z.string()),
  failed: z.array(strict({ clusterId: z.string(), error: appErrorInfo })),
  /** How many regions the stop-all covered (absent: the one region of an older answer). */
  regions: z.number().optional(),
  /** Clusters it could not confirm and recorded as pending stops (journalled). */
  recordedPending: z.array(z.string()).optional(),
  /** Clusters whose 12016 rules were still there after the stop, with those CIDRs. */
  stillOpen: z.array(strict({ clusterId: z.string(), cidrs: z.array(z.string()) })).optional(),
}).describe('StopAllResult');
export type StopAllResult = z.infer<typeof stopAllResult>;

export const clusterUser = strict({ name: z.string(), group: z.string().optional() }).describe(
  'ClusterUser',
);
export type ClusterUser = z.infer<typeof clusterUser>;

export const sessionInfo = strict({
  signedIn: z.boolean(),
  /** Where the AccessKey comes from. `env` wins over the keychain, as in Alibaba Cloud's tools. */
  source: z.enum(['keychain', 'env', 'sdk', 'none']),
  /** Masked, e.g. `LTAI****wxyz`: enough to recognise, not to use. */
  accessKeyIdMasked: z.string().optional(),
  regionId: z.string(),
  /** Whose AccessKey: one keychain item per profile; the settings choose the active one. */
  profile: z.string(),
  keychainAvailable: z.boolean(),
  /**
   * The host (`127.0.0.1:8080`) of an endpoint used instead of Alibaba Cloud's (a developer
   * override): the window shows a badge while it is set. Host and port only, never credentials.
   */
  endpointOverride: z.string().optional(),
}).describe('SessionInfo');
export type SessionInfo = z.infer<typeof sessionInfo>;

/** The AccessKey profiles: the active one, and those with a key in the keychain. Names only. */
export const profiles = strict({
  active: z.string(),
  /** The default first, then by name; the active one may be missing (no key saved yet). */
  stored: z.array(z.string()),
}).describe('Profiles');
export type Profiles = z.infer<typeof profiles>;

export const language = z.enum(['system', 'en', 'zh-CN']);
export type Language = z.infer<typeof language>;

export const preferences = strict({
  language,
  regionId: z.string(),
  selectedClusterId: z.string().optional(),
  recentClusterIds: z.array(z.string()),
  /** Remembered per cluster: the CidrIp VNC was started with, and the run-as user. */
  clusters: z.record(
    z.string(),
    strict({ cidrIp: z.string().optional(), runasUser: z.string().optional() }),
  ),
  /** Regions the exposure model watches when pinned (else the regions found in use). */
  pinnedRegions: z.array(z.string()).optional(),
  /** How often the exposure watch re-checks, in minutes; 0 = off. */
  exposureWatchMinutes: z.number().optional(),
}).describe('Preferences');
export type Preferences = z.infer<typeof preferences>;

/** Pushed from main whenever something the window shows changes. */
export const appState = strict({
  selectedClusterId: z.string().optional(),
  vnc: z.record(z.string(), vncState),
  /** Clusters with an operation in flight, and which. */
  busy: z.record(z.string(), z.enum(['stopping', 'starting', 'password', 'status'])),
  /** Clusters with a stop still owed (journalled, not in flight); absent when there are none. */
  pendingStops: z.array(z.string()).optional(),
  /** Sign-in as main last learnt it (absent before it looked); the key itself never. */
  session: sessionInfo.omit({ keychainAvailable: true }).optional(),
  /** The preferences the tray shows, besides `selectedClusterId`. */
  language: language.optional(),
  recentClusterIds: z.array(z.string()).optional(),
  /** Names of the selected and recent clusters, as far as the cached list knows them. */
  clusterNames: z.record(z.string(), z.string()).optional(),
  /** The open VNCs of the last exposure check, across regions (absent before the first). */
  exposure: exposureSummary.optional(),
}).describe('AppState');
export type AppState = z.infer<typeof appState>;

/** A stop the user asked for that is not confirmed yet (see `listPendingStops`). Nothing secret. */
export const pendingStopInfo = strict({
  clusterId: z.string(),
  regionId: z.string(),
  cidrIp: z.string().optional(),
  /** ISO time of the request. */
  requestedAt: z.string(),
  /** Failed attempts so far. */
  attempts: z.number(),
  /** The code of the last failure (`Network.Timeout`, or `Interrupted` when quitting cut it off). */
  lastError: z.string().optional(),
  /** A request for it is on its way right now. */
  inFlight: z.boolean(),
}).describe('PendingStopInfo');
export type PendingStopInfo = z.infer<typeof pendingStopInfo>;

const stopWithError = strict({ stop: pendingStopInfo, error: appErrorInfo });

/** What `retryPendingStops` did with each entry; the shell notifies from it. */
export const pendingRetryReport = strict({
  /** Confirmed now: removed from the journal. */
  stopped: z.array(pendingStopInfo),
  /** Failed for good (the cluster is gone, permission denied…): removed, and the user must be told. */
  dropped: z.array(stopWithError),
  /** Still unconfirmed (offline again…): kept, attempts counted. */
  remaining: z.array(stopWithError),
}).describe('PendingRetryReport');
export type PendingRetryReport = z.infer<typeof pendingRetryReport>;

/** Which clusters an automatic stop acts on. */
export const autoStopScope = z.enum(['selected', 'all']);
export type AutoStopScope = z.infer<typeof autoStopScope>;

/** The automatic stops, each off by default. */
export const autoStopPreferences = strict({
  /** Stop VNC when the app quits: not at all, on the selected cluster, or on every cluster. */
  onQuit: z.enum(['off', 'selected', 'all']),
  /** When the screen locks (macOS, Windows). */
  onLock: z.boolean(),
  /** When the computer goes to sleep. */
  onSuspend: z.boolean(),
  /** On shutdown, restart or logoff. */
  onShutdown: z.boolean(),
  /** After this many minutes without keyboard or mouse input; 0 = off. */
  idleMinutes: z.number(),
  /** Every day at this local time (`HH:MM`); absent = off. */
  dailyAt: z.string().optional(),
  /** Start the app (in the tray) when the user logs in. */
  launchAtLogin: z.boolean(),
});
export type AutoStopPreferences = z.infer<typeof autoStopPreferences>;

/** The settings, what this computer supports, and which clusters the triggers other than quit act on. */
export const autoStopInfo = strict({
  settings: autoStopPreferences,
  /**
   * The clusters lock, suspend, shutdown, idle and daily stops act on (a setting of its own;
   * quitting has `settings.onQuit`). Files from before the setting keep what they did: `all`
   * when quitting stopped all clusters, otherwise the selected one.
   */
  scope: autoStopScope,
  supported: strict({
    onLock: z.boolean(),
    onSuspend: z.boolean(),
    onShutdown: z.boolean(),
    idle: z.boolean(),
    launchAtLogin: z.boolean(),
  }),
}).describe('AutoStopInfo');
export type AutoStopInfo = z.infer<typeof autoStopInfo>;

export * from './shapes-connect';
