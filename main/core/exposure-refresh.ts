// One cluster's exposure entry, refreshed right after this app starts or stops its VNC (a Start, a
// Connect that started it, a stop from the window, the tray or the CLI). Without it the cluster
// view's "who can reach VNC" and the tray's open count kept the last check's answer ("no rule
// lets anyone in", "no VNC open") until the next check: minutes, with the watch's default.
// Only that cluster's rules are read again (one DescribeSecurityGroupAttribute, the group ID
// cached); never throws: a start or a stop that worked is not turned into a failure by this.
import type {
  ActionResult,
  ClusterExposure,
  ExposureSnapshot,
  ExposureSummary,
  VncState,
} from '../../preload/shared/contract';
import type { AccountSession } from './account-session';
import { RegionClients, summarize, type ExposureModel, type Reach } from './exposure';
import type { ExposureCache } from './exposure-cache';
import { isWideCidr, sameCidr } from './exposure-rules';
import type { Settings } from './settings';

/**
 * How long the regions in use found by listing every region are trusted. Older, the next check
 * lists every region again (in parallel with the known regions' own checks, so it costs no extra
 * round trip); without it a cluster created in a new region was never seen until sign-out.
 */
export const REGIONS_IN_USE_MAX_AGE_MS = 60 * 60 * 1000;

/** Whether a check should look for regions in use again (the set is missing or older than the limit). */
export function regionsInUseStale(cache: ExposureCache, now = Date.now()): boolean {
  const fetchedAt = Date.parse(cache.regionsInUse()?.fetchedAt ?? '');
  return !(now - fetchedAt < REGIONS_IN_USE_MAX_AGE_MS);
}

export interface ExposureRefreshDeps {
  settings: Settings;
  session: AccountSession;
  model: ExposureModel;
  cache: ExposureCache;
  onSummary(summary: ExposureSummary): void;
}

export class ExposureRefresh {
  constructor(private readonly deps: ExposureRefreshDeps) {}

  /** VNC was started on the cluster: its entry says so, with who can reach it read again. */
  async started(clusterId: string, regionId: string): Promise<void> {
    const reach = await this.deps.model
      .reach(clusterId, regionId, new RegionClients(this.deps.session))
      .catch(() => undefined);
    this.update(clusterId, regionId, 'running', reach);
  }

  /**
   * VNC was stopped: closed, reachable from what the stop's own re-read found still open
   * (`stillOpen`), unless the rules could not be read before either. No request of its own.
   */
  stopped(clusterId: string, regionId: string, result: ActionResult): void {
    const before = this.deps.cache.snapshot()?.clusters.find((c) => c.clusterId === clusterId);
    if (before && before.reachableFrom === null) {
      this.update(clusterId, regionId, 'stopped', undefined);
      return;
    }
    const remembered = this.deps.settings.peek().clusters[clusterId]?.cidrIp;
    const cidrs = (result.stillOpen ?? []).map((cidr) => ({
      cidr,
      byThisApp: remembered !== undefined && sameCidr(cidr, remembered),
      wide: isWideCidr(cidr),
    }));
    this.update(clusterId, regionId, 'stopped', { cidrs });
  }

  private update(clusterId: string, regionId: string, vnc: VncState, reach?: Reach): void {
    const { cache } = this.deps;
    const snapshot: ExposureSnapshot = cache.snapshot() ?? {
      regions: [],
      clusters: [],
      fromCache: true,
      failedRegions: [],
    };
    const before = snapshot.clusters.find((c) => c.clusterId === clusterId);
    const entry: ClusterExposure = {
      ...(before ?? this.fresh(clusterId, regionId)),
      vnc,
      checkedAt: new Date().toISOString(),
    };
    if (reach) {
      entry.reachableFrom = reach.cidrs;
      entry.wide = (reach.cidrs ?? []).some((c) => c.wide);
      if (reach.cidrs === null) entry.reachUnknown = reach.unknown;
      else delete entry.reachUnknown;
    }
    const clusters = before
      ? snapshot.clusters.map((c) => (c.clusterId === clusterId ? entry : c))
      : [...snapshot.clusters, entry];
    const regions = snapshot.regions.includes(regionId)
      ? snapshot.regions
      : [...snapshot.regions, regionId];
    cache.setSnapshot({ ...snapshot, regions, clusters, fromCache: true });
    this.deps.onSummary(summarize(clusters));
  }

  /** An entry for a cluster the last check did not have: its name and state from the cached list. */
  private fresh(clusterId: string, regionId: string): ClusterExposure {
    const listed = this.deps.settings.clusterCache
      .get(regionId)
      ?.clusters.find((c) => c.id === clusterId);
    return {
      clusterId,
      name: listed?.name ?? clusterId,
      regionId,
      clusterStatus: listed?.status ?? 'running',
      vnc: 'unknown',
      reachableFrom: null,
      wide: false,
      checkedAt: new Date().toISOString(),
    };
  }
}
