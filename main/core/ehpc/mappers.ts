// E-HPC response bodies → the app's types. Every field of a response is treated as optional and
// of unknown type: a missing or odd field degrades one value, never the whole answer.
import type { ClusterSummary, ClusterUser, Region } from '../../../preload/shared/contract';
import { sanitizeServerText } from '../errors';
import { vncMessageText } from './vnc-status';

type Json = Record<string, unknown>;

const isRecord = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const text = (v: unknown): string | undefined =>
  typeof v === 'string' && v.length > 0 ? v : undefined;

function count(v: unknown): number | undefined {
  const n = typeof v === 'string' && v.trim() !== '' ? Number(v) : v;
  return typeof n === 'number' && Number.isFinite(n) && n >= 0 ? Math.floor(n) : undefined;
}

/** `body[outer][inner]` as an array, the RPC APIs' way of wrapping lists (`Clusters.ClusterInfoSimple`). */
export function listIn(body: Json, outer: string, inner: string): unknown[] {
  const wrapper = body[outer];
  if (Array.isArray(wrapper)) return wrapper;
  if (!isRecord(wrapper)) return [];
  const list = wrapper[inner];
  return Array.isArray(list) ? list : [];
}

export const requestIdOf = (body: Json): string | undefined => text(body.RequestId);

export const totalCountOf = (body: Json): number | undefined => count(body.TotalCount);

/** The `Message` of an action's answer, fit for display. */
export const messageOf = (body: Json): string =>
  sanitizeServerText(vncMessageText(body.Message), 500);

function optional<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, V>);
}

export function toClusterSummary(
  raw: unknown,
  fallbackRegionId: string,
): ClusterSummary | undefined {
  if (!isRecord(raw)) return undefined;
  const id = text(raw.Id);
  if (!id) return undefined;
  return {
    id,
    name: text(raw.Name) ?? id,
    status: (text(raw.Status) ?? 'unknown').toLowerCase(),
    regionId: text(raw.RegionId) ?? fallbackRegionId,
    ...optional('zoneId', text(raw.ZoneId)),
    ...optional('description', text(raw.Description)),
    ...optional('osTag', text(raw.OsTag)),
    ...optional('schedulerType', text(raw.SchedulerType)),
    ...optional('createTime', text(raw.CreateTime)),
    ...optional('nodeCount', count(raw.Count)),
  };
}

export function toClusterUser(raw: unknown): ClusterUser | undefined {
  if (!isRecord(raw)) return undefined;
  const name = text(raw.Name);
  if (!name) return undefined;
  return { name, ...optional('group', text(raw.Group)) };
}

export function toRegion(raw: unknown): Region | undefined {
  if (!isRecord(raw)) return undefined;
  const regionId = text(raw.RegionId);
  if (!regionId) return undefined;
  return { regionId, ...optional('localName', text(raw.LocalName)) };
}

/** First occurrence wins, so the API's order is kept when pages overlap. */
export function dedupeBy<T>(items: T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const k = key(item);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

export function compact<T>(items: (T | undefined)[]): T[] {
  return items.filter((x): x is T => x !== undefined);
}
