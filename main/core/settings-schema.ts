// The shape of settings.json, once: a zod schema that cleans every write (unknown keys are
// dropped, so nothing secret can ride along) and checks the file on every read (where a key it
// does not know makes the file not fit). It is the only validation the file gets: the store
// (conf, electron-store) is given no JSON Schema.
import { z } from 'zod';
import {
  CIDR_IP_MAX,
  DEFAULT_PROFILE,
  isValidCidrIp,
  isValidProfileName,
} from '../../preload/shared/validation';
import type { ClusterSummary } from '../../preload/shared/contract';

export const MAX_RECENT_CLUSTERS = 8;
export const MAX_CONFIRMED_CIDRS = 16;
export const DEFAULT_REGION_ID = 'cn-hangzhou';

const clusterId = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/);
const regionId = z.string().regex(/^[a-z]{2,}(-[a-z0-9]+){1,4}$/);
const runasUser = z.string().regex(/^[A-Za-z_][A-Za-z0-9_.-]{0,31}$/);
const cidrIp = z
  .string()
  .max(CIDR_IP_MAX)
  .refine(isValidCidrIp, 'Not an IP address or CIDR block.');
const isoTime = z.string().max(40);
const shortText = (max: number) => z.string().max(max);

const rememberedCluster = z.object({
  cidrIp: cidrIp.optional(),
  runasUser: runasUser.optional(),
});

const pendingStop = z.object({
  clusterId,
  regionId,
  cidrIp: cidrIp.optional(),
  requestedAt: isoTime,
  attempts: z.number().int().min(0),
  lastError: shortText(500).optional(),
});

const autoStopDefaults = {
  onQuit: 'off' as const,
  scope: 'selected' as const,
  onLock: false,
  onSuspend: false,
  onShutdown: false,
  idleMinutes: 0,
  launchAtLogin: false,
};

const autoStopFields = z.object({
  onQuit: z.enum(['off', 'selected', 'all']).default('off'),
  /** Which clusters the triggers other than quit (lock, sleep, shutdown, idle, daily) act on. */
  scope: z.enum(['selected', 'all']).default('selected'),
  onLock: z.boolean().default(false),
  onSuspend: z.boolean().default(false),
  onShutdown: z.boolean().default(false),
  /** 0 = off. At most a day. */
  idleMinutes: z.number().int().min(0).max(1440).default(0),
  dailyAt: z
    .string()
    .regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/)
    .optional(),
  launchAtLogin: z.boolean().default(false),
});

/**
 * Files written before `scope` existed had none: their other triggers followed `onQuit` (all
 * clusters when quitting stopped all, else the selected one), and they keep doing so. Done here,
 * on every read, rather than as a conf migration: those run only when the app version passes
 * the migration's, and files of this very version lack the field too.
 */
export function withLegacyAutoStopScope(raw: unknown): unknown {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw) || 'scope' in raw) return raw;
  const onQuit = (raw as { onQuit?: unknown }).onQuit;
  return { ...raw, scope: onQuit === 'all' ? 'all' : 'selected' };
}

const autoStop = z.preprocess(withLegacyAutoStopScope, autoStopFields);

/**
 * Connecting (arrive): the URL asked for the user's own address (empty: the app asks no outside
 * service, the default) and whether a VNC password set here is remembered in the keychain.
 * Files from before it have no `connect`: the defaults apply on read, nothing else to migrate.
 */
const connectFields = z.object({
  detectUrl: shortText(2048).default(''),
  rememberVncPassword: z.boolean().default(false),
});
export const CONNECT_DEFAULTS = { detectUrl: '', rememberVncPassword: false };

export const settingsSchema = z.object({
  regionId: regionId.default(DEFAULT_REGION_ID),
  /**
   * Whose AccessKey the app uses: one keychain item per profile (vault.ts). The CLI uses it too
   * unless given --profile or ALIBABA_CLOUD_PROFILE. Older files have none: the default applies
   * on read (the profile of their `access-key` item), nothing else to migrate.
   */
  profile: z.string().max(64).refine(isValidProfileName).default(DEFAULT_PROFILE),
  language: z.enum(['system', 'en', 'zh-CN']).default('system'),
  selectedClusterId: clusterId.optional(),
  recentClusterIds: z.array(clusterId).max(MAX_RECENT_CLUSTERS).default([]),
  clusters: z.record(clusterId, rememberedCluster).default({}),
  ui: z.object({ lastView: shortText(64).optional() }).default({}),
  pendingStops: z.array(pendingStop).max(100).default([]),
  autoStop: autoStop.default(autoStopDefaults),
  /**
   * The exposure model's choices: the regions to watch when the user pins them (else those found
   * in use), and how often the watch re-checks (minutes; 0 = off). Older files have neither: the
   * defaults are their migration.
   */
  exposure: z
    .object({
      pinnedRegions: z.array(regionId).max(32).optional(),
      watchMinutes: z.number().int().min(0).max(1440).default(10),
    })
    .default({ watchMinutes: 10 }),
  /**
   * Per cluster, the CidrIps the user confirmed in main's native dialog (see start-confirmations.ts):
   * those starts are not asked again. Per cluster, because opening one cluster to a network says
   * nothing about another's users. Wide CidrIps are never kept: they are asked every time.
   */
  confirmedCidrs: z.record(clusterId, z.array(cidrIp).max(MAX_CONFIRMED_CIDRS)).default({}),
  connect: connectFields.default(CONNECT_DEFAULTS),
});

export type PendingStop = z.infer<typeof pendingStop>;
export type AutoStopSettings = z.infer<typeof autoStop>;
export type RememberedCluster = z.infer<typeof rememberedCluster>;
export type ConnectSettings = z.infer<typeof connectFields>;

/** One region's list in cluster-cache.json (checked by cluster-cache-file.ts, without zod). */
export interface CachedClusterList {
  fetchedAt: string;
  totalCount: number;
  clusters: ClusterSummary[];
}

// A type alias, not an interface: conf's generics want an implicit index signature.
export type SettingsData = {
  regionId: string;
  profile: string;
  language: 'system' | 'en' | 'zh-CN';
  selectedClusterId?: string;
  /** Most recent first, at most MAX_RECENT_CLUSTERS. */
  recentClusterIds: string[];
  clusters: Record<string, RememberedCluster>;
  ui: { lastView?: string };
  pendingStops: PendingStop[];
  autoStop: AutoStopSettings;
  exposure: { pinnedRegions?: string[]; watchMinutes: number };
  confirmedCidrs: Record<string, string[]>;
  connect: ConnectSettings;
};

// The hand-written type above is what callers read; this line keeps it equal to the schema.
export const settingsDataSchema: z.ZodType<SettingsData, unknown> = settingsSchema;

export function defaultSettings(): SettingsData {
  return settingsSchema.parse({});
}

/** conf keeps its migration bookkeeping in the file under this key; the schema must allow it. */
export const CONF_INTERNAL_KEY = '__internal__';

/**
 * Development builds of 0.1.0 kept the cluster list in settings.json. The file may still hold
 * it: it is let pass (rather than the whole file rejected), dropped on read, and the next write
 * leaves it out.
 */
const LEGACY_KEYS = ['clusterCache'];

/** Top-level keys the file may hold besides the settings. */
const FILE_ONLY_KEYS: ReadonlySet<string> = new Set([CONF_INTERNAL_KEY, ...LEGACY_KEYS]);

export type SettingsFileCheck = { ok: true; data: SettingsData } | { ok: false; problems: number };

/**
 * Checks what settings.json holds: the settings, or how many problems it has. Stricter than a
 * write: a key the schema does not know, at any depth, means the file was not written by us (a
 * hand edit, a newer version, a pasted secret) and it does not fit.
 */
export function parseSettingsFile(raw: unknown): SettingsFileCheck {
  const parsed = settingsSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, problems: parsed.error.issues.length };
  const own = isRecord(raw)
    ? Object.fromEntries(Object.entries(raw).filter(([key]) => !FILE_ONLY_KEYS.has(key)))
    : raw;
  const unknown = unknownKeys(own, parsed.data);
  return unknown > 0 ? { ok: false, problems: unknown } : { ok: true, data: parsed.data };
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * How many keys of `raw` the parse dropped. zod's output keeps every key it knows (and adds
 * defaults), so a key of the input missing from the output is one the schema does not know.
 */
function unknownKeys(raw: unknown, parsed: unknown): number {
  if (Array.isArray(raw) && Array.isArray(parsed)) {
    return raw.reduce<number>((n, item, i) => n + unknownKeys(item, parsed[i]), 0);
  }
  if (!isRecord(raw) || !isRecord(parsed)) return 0;
  let count = 0;
  for (const [key, value] of Object.entries(raw)) {
    count += Object.hasOwn(parsed, key) ? unknownKeys(value, parsed[key]) : 1;
  }
  return count;
}
