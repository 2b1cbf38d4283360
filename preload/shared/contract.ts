// The IPC contract: one table with every operation the renderer may ask of main, its request
// schema (main validates every payload against it), its response schema and what it does. Channel
// names, the preload's functions, main's handler types and the operations table in
// docs/ARCHITECTURE.md (scripts/operations-doc.ts) are all derived from it. Pure code: zod only.
//
// Direction of secrets: AccessKey secrets and passwords travel renderer → main only. No response
// schema has a field that could carry one back (see ./shapes).
import { z } from 'zod';
import { channelOf } from './channels';
import * as shape from './shapes';
import {
  canonicalCidrIp,
  CIDR_IP_MAX,
  isValidAccessKeyId,
  isValidCidrIp,
  isValidClusterId,
  isValidProfileName,
  isValidRegionId,
  isValidRunasUser,
  VNC_PASSWORD_MAX,
} from './validation';
import { isAllowedDetectUrl } from './ip-address';

export * from './shapes';
export { channelOf, STATE_CHANNEL } from './channels';

// ---------------------------------------------------------------------------------------------
// Building blocks of the requests

const clusterId = z.string().max(64).refine(isValidClusterId, 'Not a valid E-HPC cluster ID.');
const regionId = z.string().max(32).refine(isValidRegionId, 'Not a valid region ID.');
// IPv4 or IPv6; sent and remembered in its canonical text (an IPv6 address has many spellings).
const cidrIp = z
  .string()
  .max(CIDR_IP_MAX)
  .refine(isValidCidrIp, 'Enter an IPv4 or IPv6 address or CIDR block.')
  .transform(canonicalCidrIp);
const runasUser = z.string().max(32).refine(isValidRunasUser, 'Not a valid user name.');
const profile = z
  .string()
  .max(64)
  .refine(isValidProfileName, 'Use letters, digits, ".", "_" and "-" (up to 64).');
// Passwords are length-bounded here; the VNC policy itself is checked by the handler so that
// its per-rule message reaches the user as a typed error.
const secret = (max: number) => z.string().min(1).max(max);

/** Every request is a plain object with exactly these keys (`strict`: extra keys are refused). */
const req = <T extends z.ZodRawShape>(shape: T) => z.strictObject(shape);
const empty = req({});

const bool = z.boolean().describe('boolean');
const list = <T extends z.ZodType>(item: T) => z.array(item);

interface OperationSpec<Req extends z.ZodType, Res extends z.ZodType> {
  /** What the operation does, one line (the docs' table shows it). */
  summary: string;
  request: Req;
  response: Res;
}

const op = <Req extends z.ZodType, Res extends z.ZodType>(
  summary: string,
  request: Req,
  response: Res,
): OperationSpec<Req, Res> => ({ summary, request, response });

// ---------------------------------------------------------------------------------------------
// The operations

const table = {
  getSession: op('Who is signed in, and from where.', empty, shape.sessionInfo),
  signIn: op(
    'Checks an AccessKey with one read-only call, then keeps it in the keychain (under `profile` when given, which becomes the active one).',
    req({
      accessKeyId: z.string().max(128).refine(isValidAccessKeyId, 'Not a valid AccessKey ID.'),
      accessKeySecret: secret(128),
      securityToken: secret(4096).optional(),
      regionId,
      profile: profile.optional(),
    }),
    shape.sessionInfo,
  ),
  signOut: op(
    'Removes the AccessKey from the keychain, and the run-as and VNC passwords remembered for clusters unless `removeRunasPasswords` is false.',
    req({ removeRunasPasswords: bool.optional() }),
    shape.sessionInfo,
  ),
  listProfiles: op(
    'The AccessKey profiles stored in the keychain, and the active one.',
    empty,
    shape.profiles,
  ),
  useProfile: op(
    "Makes a profile the active one (settings); the previous one's cached lists are dropped.",
    req({ profile }),
    shape.sessionInfo,
  ),
  listRegions: op(
    'The regions E-HPC offers (a built-in list when offline).',
    empty,
    list(shape.region),
  ),
  getPreferences: op('The preferences.', empty, shape.preferences),
  setPreferences: op(
    'Changes the language, the region, the pinned regions (`[]` unpins) or the watch interval.',
    req({
      language: shape.language.optional(),
      regionId: regionId.optional(),
      pinnedRegions: z.array(regionId).max(32).optional(),
      exposureWatchMinutes: z.number().int().min(0).max(1440).optional(),
    }),
    shape.preferences,
  ),
  listClusters: op(
    "The region's clusters: cached at once, then fresh with `refresh`.",
    req({ refresh: z.boolean() }),
    shape.clusterList,
  ),
  selectCluster: op(
    'Selects a cluster (remembered, and listed as recent).',
    req({ clusterId }),
    shape.preferences,
  ),
  listUsers: op(
    "The cluster's users, for the run-as user.",
    req({ clusterId }),
    list(shape.clusterUser),
  ),
  getVncStatus: op(
    'Asks E-HPC whether VNC is running on a cluster.',
    req({ clusterId }),
    shape.vncStatus,
  ),
  startVnc: op(
    'Starts VNC, reachable from the CidrIp given.',
    req({ clusterId, cidrIp }),
    shape.actionResult,
  ),
  stopVnc: op(
    'Stops VNC for every CIDR its 12016 rules let in, plus the remembered and given CidrIp (journalled).',
    req({ clusterId, cidrIp: cidrIp.optional(), regionId: regionId.optional() }),
    shape.actionResult,
  ),
  stopAllVnc: op(
    'Stops VNC on every cluster of every region in use where it runs, whoever opened it.',
    empty,
    shape.stopAllResult,
  ),
  getExposure: op(
    'Every region in use: VNC open or not and who can reach it (last check, or a new one with `refresh`).',
    req({ refresh: z.boolean(), regionId: regionId.optional() }),
    shape.exposureSnapshot,
  ),
  setVncPassword: op(
    'Sets the VNC password, as the run-as user (typed, or remembered in the keychain).',
    req({
      clusterId,
      runasUser,
      /** Omitted: use the run-as password remembered in the keychain for this cluster and user. */
      runasPassword: secret(128).optional(),
      rememberRunasPassword: z.boolean(),
      newPassword: z.string().max(VNC_PASSWORD_MAX * 4),
    }),
    shape.actionResult,
  ),
  hasRememberedRunasPassword: op(
    'Whether the keychain holds a run-as password for this cluster and user.',
    req({ clusterId, runasUser }),
    bool,
  ),
  forgetRunasPassword: op(
    'Removes a remembered run-as password from the keychain.',
    req({ clusterId, runasUser }),
    bool,
  ),
  copySecret: op(
    'Copies text (a generated password) and clears the clipboard after `clearAfterSeconds`.',
    req({ text: secret(256), clearAfterSeconds: z.number().int().min(5).max(300) }),
    bool,
  ),
  getState: op(
    'What the window shows that main changes (also pushed on the state channel).',
    empty,
    shape.appState,
  ),
  listPendingStops: op(
    'The stops not confirmed yet (the journal).',
    empty,
    list(shape.pendingStopInfo),
  ),
  retryPendingStops: op(
    'Retries every journalled stop now (the shell also does at launch and when back online).',
    empty,
    shape.pendingRetryReport,
  ),
  dismissPendingStop: op(
    'Gives up on one journalled stop (the user decided VNC may stay as it is).',
    req({ clusterId }),
    list(shape.pendingStopInfo),
  ),
  getAutoStop: op(
    'The automatic stops, their scope and what this system supports.',
    empty,
    shape.autoStopInfo,
  ),
  setAutoStop: op(
    'Changes only the fields given; `dailyAt: null` turns the daily stop off.',
    req({
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
    shape.autoStopInfo,
  ),
  getConnectTarget: op(
    "Where to connect: the login node's public address (else its private one), from ListNodes in its region.",
    req({ clusterId, refresh: z.boolean().optional(), regionId: regionId.optional() }),
    shape.connectTarget,
  ),
  connect: op(
    'Starts VNC when stopped (CidrIp: given, else remembered), then opens vnc://<address>:12016, in its region.',
    req({ clusterId, cidrIp: cidrIp.optional(), regionId: regionId.optional() }),
    shape.connectResult,
  ),
  detectAddress: op(
    "Asks the user's detection URL (none by default) for their public address, as /32 or /128.",
    empty,
    shape.detectedAddress,
  ),
  getConnectPrefs: op(
    'The detection URL and whether VNC passwords are remembered.',
    empty,
    shape.connectPrefs,
  ),
  setConnectPrefs: op(
    'Changes the fields given; turning the VNC password off forgets the remembered ones.',
    req({
      detectUrl: z
        .string()
        .max(2048)
        .refine((u) => u.trim() === '' || isAllowedDetectUrl(u.trim()), 'Use an https:// URL.')
        .optional(),
      rememberVncPassword: z.boolean().optional(),
    }),
    shape.connectPrefs,
  ),
};

type Table = typeof table;
export type Operation = keyof Table;

/** The table, each operation with its IPC channel. */
export const contract = Object.fromEntries(
  Object.entries(table).map(([name, spec]) => [name, { ...spec, channel: channelOf(name) }]),
) as { [K in Operation]: Table[K] & { channel: string } };

/** Every operation, in the table's order. */
export const operations = Object.keys(table) as Operation[];

export type Request<K extends Operation> = z.input<Table[K]['request']>;

/** What each operation resolves to (inside `Result`). */
export type Responses = { [K in Operation]: z.output<Table[K]['response']> };

/** The object the preload installs as `window.ehpc`: one function per operation, one subscription. */
export type EhpcBridge = {
  [K in Operation]: (request: Request<K>) => Promise<shape.Result<Responses[K]>>;
} & {
  onState(listener: (state: shape.AppState) => void): () => void;
};

/** The handler table main registers on ipcMain (and test harnesses call directly). */
export type HandlerTable = {
  [K in Operation]: (payload: unknown) => Promise<shape.Result<Responses[K]>>;
};
