// What cluster-cache.json may hold, checked without zod: the file is read by the CLI's
// `clusters --cached`, whose whole run must cost little more than starting Node, and loading zod
// alone costs about half that. One check for both readers (the app and the CLI): a file that
// fails it is an empty cache. Like a zod object, the result keeps only the known fields, in the
// order listed here, so what is printed does not depend on how the file was written.
import type { ClusterSummary } from '../../preload/shared/contract';
import { isValidClusterId, isValidRegionId } from '../../preload/shared/validation';
import type { CachedClusterList } from './settings-schema';

export const CLUSTER_CACHE_FORMAT_VERSION = 1;

type Check = (value: unknown) => boolean;
/** A field: its check, and whether it may be absent. */
type Field = readonly [check: Check, optional?: 'optional'];

const text =
  (max: number): Check =>
  (v) =>
    typeof v === 'string' && v.length <= max;
const count: Check = (v) => Number.isSafeInteger(v) && (v as number) >= 0;
const pattern =
  (test: (s: string) => boolean): Check =>
  (v) =>
    typeof v === 'string' && test(v);

/** A cluster as cached: bounded text (it is printed and shown), the IDs in their own shapes. */
const CLUSTER_FIELDS: Readonly<Record<keyof ClusterSummary, Field>> = {
  id: [pattern(isValidClusterId)],
  name: [text(256)],
  status: [text(64)],
  regionId: [pattern(isValidRegionId)],
  zoneId: [text(64), 'optional'],
  description: [text(1024), 'optional'],
  osTag: [text(128), 'optional'],
  schedulerType: [text(64), 'optional'],
  createTime: [text(64), 'optional'],
  nodeCount: [count, 'optional'],
};

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * A field table as parallel lists, walked with an index for each of up to thousands of clusters:
 * the CLI reads the file once per run, before V8 has optimised anything, and destructuring
 * iterators there cost several times the checks themselves.
 */
interface FieldList {
  keys: readonly string[];
  checks: readonly Check[];
  optional: readonly boolean[];
}
function fieldList(fields: Readonly<Record<string, Field>>): FieldList {
  const entries = Object.entries(fields);
  return {
    keys: entries.map((e) => e[0]),
    checks: entries.map((e) => e[1][0]),
    optional: entries.map((e) => e[1][1] === 'optional'),
  };
}

const CLUSTER_FIELD_LIST = fieldList(CLUSTER_FIELDS);
const LIST_FIELD_LIST = fieldList({ fetchedAt: [text(40)], totalCount: [count] });

/** The known fields of `raw`, in `fields`' order; undefined when one is missing or wrong. */
function picked<T>(raw: unknown, { keys, checks, optional }: FieldList): T | undefined {
  if (!isRecord(raw)) return undefined;
  const out: Record<string, unknown> = {};
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as string;
    const value = raw[key];
    if (value === undefined && optional[i]) continue;
    if (!(checks[i] as Check)(value)) return undefined;
    out[key] = value;
  }
  return out as T;
}

function cachedList(raw: unknown): CachedClusterList | undefined {
  const head = picked<Omit<CachedClusterList, 'clusters'>>(raw, LIST_FIELD_LIST);
  const rawClusters = isRecord(raw) ? raw.clusters : undefined;
  if (!head || !Array.isArray(rawClusters)) return undefined;
  const clusters: ClusterSummary[] = [];
  for (let i = 0; i < rawClusters.length; i++) {
    const cluster = picked<ClusterSummary>(rawClusters[i], CLUSTER_FIELD_LIST);
    if (!cluster) return undefined;
    clusters.push(cluster);
  }
  return { ...head, clusters };
}

/** The lists of cluster-cache.json's parsed JSON by region; undefined when it does not fit. */
export function parseClusterCacheFile(raw: unknown): Record<string, CachedClusterList> | undefined {
  if (!isRecord(raw) || raw.version !== CLUSTER_CACHE_FORMAT_VERSION || !isRecord(raw.regions)) {
    return undefined;
  }
  const regions: Record<string, CachedClusterList> = {};
  for (const [regionId, value] of Object.entries(raw.regions)) {
    const list = isValidRegionId(regionId) ? cachedList(value) : undefined;
    if (!list) return undefined;
    regions[regionId] = list;
  }
  return regions;
}
