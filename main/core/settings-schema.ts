// The shape of settings.json, once: a zod schema that cleans every write (unknown keys are
// dropped, so nothing secret can ride along) and, converted to JSON Schema, lets conf and
// electron-store reject a file that does not fit. Patterns are regexes rather than refinements
// so that they survive the conversion.
import { z } from 'zod';
import { isValidCidrIp } from '../../preload/shared/validation';
import type { ClusterSummary } from '../../preload/shared/contract';

export const MAX_RECENT_CLUSTERS = 8;
export const DEFAULT_REGION_ID = 'cn-hangzhou';

const clusterId = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/);
const regionId = z.string().regex(/^[a-z]{2,}(-[a-z0-9]+){1,4}$/);
export const regionIdSchema = regionId;
const runasUser = z.string().regex(/^[A-Za-z_][A-Za-z0-9_.-]{0,31}$/);
const cidrIp = z.string().max(18).refine(isValidCidrIp, 'Not an IPv4 address or CIDR block.');
const isoTime = z.string().max(40);
const shortText = (max: number) => z.string().max(max);

const clusterSummary = z.object({
  id: clusterId,
  name: shortText(256),
  status: shortText(64),
  regionId,
  zoneId: shortText(64).optional(),
  description: shortText(1024).optional(),
  osTag: shortText(128).optional(),
  schedulerType: shortText(64).optional(),
  createTime: shortText(64).optional(),
  nodeCount: z.number().int().min(0).optional(),
});

const rememberedCluster = z.object({
  cidrIp: cidrIp.optional(),
  runasUser: runasUser.optional(),
});

/** One region's list in cluster-cache.json (see cluster-cache.ts). */
export const cachedClusterList = z.object({
  fetchedAt: isoTime,
  totalCount: z.number().int().min(0),
  clusters: z.array(clusterSummary),
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

export const settingsSchema = z.object({
  regionId: regionId.default(DEFAULT_REGION_ID),
  language: z.enum(['system', 'en', 'zh-CN']).default('system'),
  selectedClusterId: clusterId.optional(),
  recentClusterIds: z.array(clusterId).max(MAX_RECENT_CLUSTERS).default([]),
  clusters: z.record(clusterId, rememberedCluster).default({}),
  ui: z.object({ lastView: shortText(64).optional() }).default({}),
  pendingStops: z.array(pendingStop).max(100).default([]),
  autoStop: autoStop.default(autoStopDefaults),
});

export type PendingStop = z.infer<typeof pendingStop>;
export type AutoStopSettings = z.infer<typeof autoStop>;
export type RememberedCluster = z.infer<typeof rememberedCluster>;

export interface CachedClusterList {
  fetchedAt: string;
  totalCount: number;
  clusters: ClusterSummary[];
}

// A type alias, not an interface: conf's generics want an implicit index signature.
export type SettingsData = {
  regionId: string;
  language: 'system' | 'en' | 'zh-CN';
  selectedClusterId?: string;
  /** Most recent first, at most MAX_RECENT_CLUSTERS. */
  recentClusterIds: string[];
  clusters: Record<string, RememberedCluster>;
  ui: { lastView?: string };
  pendingStops: PendingStop[];
  autoStop: AutoStopSettings;
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
 * it: the file schema lets it pass (rather than reject the whole file), the zod schema drops it
 * on read, and the next write leaves it out.
 */
const LEGACY_KEYS = ['clusterCache'];

type JsonSchema = Record<string, unknown>;

/** The file's JSON Schema, split the way conf wants it: per-key `schema` and a `rootSchema`. */
export function settingsJsonSchema(): {
  schema: Record<string, JsonSchema>;
  rootSchema: JsonSchema;
} {
  const full = z.toJSONSchema(settingsSchema, {
    target: 'draft-2020-12',
    override: ({ zodSchema, jsonSchema }) => {
      // The file validator (ajv with useDefaults) must leave a missing scope missing, so that
      // withLegacyAutoStopScope derives it rather than the default 'selected' winning.
      if (zodSchema !== autoStopFields) return;
      jsonSchema.required = jsonSchema.required?.filter((key) => key !== 'scope');
      const scope = jsonSchema.properties?.scope;
      if (scope && typeof scope === 'object') delete scope.default;
    },
  }) as JsonSchema;
  const { $schema: _draft, type: _type, properties, ...rootSchema } = full;
  return {
    schema: {
      ...(properties as Record<string, JsonSchema>),
      [CONF_INTERNAL_KEY]: { type: 'object' },
      ...Object.fromEntries(LEGACY_KEYS.map((key) => [key, {}])),
    },
    rootSchema,
  };
}
