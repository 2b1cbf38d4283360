// Business-parameter checks shared by the operations. Each failure names the parameter, as the
// seed pages' `InvalidParams` message does.
import { isIPv6 } from 'node:net';
import { clusterNotFound, invalidClusterStatus, invalidParams } from './errors';
import type { ClusterStore } from './state';
import type { EmulatorClusterState } from './types';

export type BusinessParams = Record<string, string>;

export const VNC_PORT = '12016';

export function required(params: BusinessParams, name: string): string {
  const v = params[name];
  if (v === undefined || v.trim() === '') throw invalidParams(name, 'It is required.');
  return v;
}

function intParam(
  params: BusinessParams,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number {
  const raw = params[name];
  if (raw === undefined) return fallback;
  if (!/^\d{1,9}$/.test(raw)) throw invalidParams(name, 'It must be an integer.');
  const n = Number(raw);
  if (n < min || n > max) throw invalidParams(name, `It must be between ${min} and ${max}.`);
  return n;
}

export interface Page {
  pageNumber: number;
  pageSize: number;
}

export function pageParams(params: BusinessParams): Page {
  return {
    pageNumber: intParam(params, 'PageNumber', 1, 1, 1_000_000),
    pageSize: intParam(params, 'PageSize', 10, 1, 50),
  };
}

export function pageOf<T>(items: readonly T[], page: Page): T[] {
  const start = (page.pageNumber - 1) * page.pageSize;
  return items.slice(start, start + page.pageSize);
}

export function vncPort(params: BusinessParams): void {
  if (required(params, 'Port') !== VNC_PORT) throw invalidParams('Port', `It must be ${VNC_PORT}.`);
}

function isIpv4(s: string): boolean {
  const parts = s.split('.');
  return parts.length === 4 && parts.every((p) => /^(0|[1-9]\d{0,2})$/.test(p) && Number(p) <= 255);
}

/** An IPv4 or IPv6 address or CIDR block (an IPv6 one becomes an `Ipv6SourceCidrIp` rule). */
export function cidrIp(params: BusinessParams): string {
  const v = required(params, 'CidrIp');
  const [addr = '', prefix, ...rest] = v.split('/');
  const v6 = isIPv6(addr) && !addr.includes('.') && !addr.includes('%');
  const bits = v6 ? 128 : 32;
  const ok =
    rest.length === 0 &&
    (isIpv4(addr) || v6) &&
    (prefix === undefined || (/^(0|[1-9]\d{0,2})$/.test(prefix) && Number(prefix) <= bits));
  if (!ok) throw invalidParams('CidrIp', 'It must be an IPv4 or IPv6 address or CIDR block.');
  return v;
}

/** The region a request is for: its `RegionId`, else the emulator's default region. */
export const regionOf = (params: BusinessParams): string | undefined =>
  params['RegionId'] || undefined;

/** The named cluster, which must exist in the request's region. */
export function existingCluster(store: ClusterStore, params: BusinessParams): EmulatorClusterState {
  const cluster = store.get(required(params, 'ClusterId'), regionOf(params));
  if (!cluster) throw clusterNotFound();
  return cluster;
}

/** The named cluster, which must exist in this region and be running (in any letter case). */
export function runningCluster(store: ClusterStore, params: BusinessParams): EmulatorClusterState {
  const cluster = existingCluster(store, params);
  if (cluster.status.toLowerCase() !== 'running') throw invalidClusterStatus();
  return cluster;
}
