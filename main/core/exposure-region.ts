// One exposure check's per-region work. The statuses and rules of the clusters a region's cached
// list has as running go out together with the refresh of that list, so a warm check takes about
// the time of one listing; the refreshed list then decides which clusters count (a cluster only
// the refresh knows is asked about when it arrives; answers about clusters gone are dropped).
// Each cluster's exposure is handed to the check's listeners as soon as it is known (stop-all
// starts that cluster's stop then, not after the whole check).
import type {
  ClusterExposure,
  ClusterSummary,
  ExposureSnapshot,
} from '../../preload/shared/contract';
import { cacheList } from './cluster-catalog';
import type { ListClustersResult } from './ehpc/client';
import { toAppError } from './errors';
import type { Reach } from './exposure';
import type { Settings } from './settings';

/** What was learnt about one running cluster; `vnc` undefined when the status failed. */
export interface Probe {
  vnc?: ClusterExposure['vnc'];
  reach: Reach;
}

/** Told of each cluster whose region's list was read, as soon as its exposure is known. */
export type ExposureListener = (exposure: ClusterExposure) => void;

export interface RegionCheckDeps {
  settings: Settings;
  /** The region's fresh list, shared with the check's discovery of regions. */
  listOf(regionId: string): Promise<ListClustersResult>;
  /** The last check's answers: a status nobody could read keeps its last value (offline). */
  last: ReadonlyMap<string, ClusterExposure>;
  /** Bounds its own requests (per endpoint, see exposure.ts). */
  probe(c: ClusterSummary): Promise<Probe>;
}

type RegionOutcome = { clusters: ClusterExposure[]; failed?: ExposureSnapshot['failedRegions'][0] };

export class RegionCheck {
  private readonly regions = new Map<string, Promise<RegionOutcome>>();
  private readonly probes = new Map<string, Promise<Probe>>();
  private readonly listeners: ExposureListener[] = [];
  private readonly known: ClusterExposure[] = [];

  constructor(private readonly deps: RegionCheckDeps) {}

  /** Starts a region once. */
  start(regionId: string): void {
    if (this.regions.has(regionId)) return;
    this.regions.set(regionId, this.run(regionId));
  }

  /** Hears every exposure this check learns, those already known first. */
  subscribe(listener: ExposureListener): void {
    for (const e of this.known) listener(e);
    this.listeners.push(listener);
  }

  private tell(e: ClusterExposure): void {
    this.known.push(e);
    for (const listener of this.listeners) listener(e);
  }

  async results(
    regionIds: readonly string[],
  ): Promise<{ clusters: ClusterExposure[]; failedRegions: ExposureSnapshot['failedRegions'] }> {
    for (const r of regionIds) this.start(r);
    const outcomes = await Promise.all(
      regionIds.map((r) => this.regions.get(r) as Promise<RegionOutcome>),
    );
    return {
      clusters: outcomes.flatMap((o) => o.clusters),
      failedRegions: outcomes.flatMap((o) => (o.failed ? [o.failed] : [])),
    };
  }

  private ask(c: ClusterSummary): Promise<Probe> {
    let p = this.probes.get(c.id);
    if (!p) {
      p = this.deps.probe(c);
      this.probes.set(c.id, p);
    }
    return p;
  }

  private async run(regionId: string): Promise<RegionOutcome> {
    const { settings, last } = this.deps;
    let clusters: ClusterSummary[];
    let failed: RegionOutcome['failed'];
    const cached = settings.clusterCache.get(regionId);
    for (const c of cached?.clusters ?? []) if (c.status === 'running') void this.ask(c);
    try {
      const fresh = await this.deps.listOf(regionId);
      cacheList(settings, regionId, fresh);
      clusters = fresh.clusters;
    } catch (err) {
      failed = { regionId, error: toAppError(err).toInfo() };
      // The list is what failed: the cached one's clusters were asked about all the same;
      // without one, the last check's answers stand.
      if (!cached) {
        return { clusters: [...last.values()].filter((c) => c.regionId === regionId), failed };
      }
      clusters = cached.clusters;
    }
    const out = await Promise.all(
      clusters.map(async (c) => {
        const e = await this.exposureOf(c);
        // Only what a fresh list vouches for: a failed region's clusters are the caller's call.
        if (!failed) this.tell(e);
        return e;
      }),
    );
    return { clusters: out, ...(failed ? { failed } : {}) };
  }

  private async exposureOf(c: ClusterSummary): Promise<ClusterExposure> {
    const base = {
      clusterId: c.id,
      name: c.name,
      regionId: c.regionId,
      clusterStatus: c.status,
      checkedAt: new Date().toISOString(),
    };
    // E-HPC refuses VNC operations on a cluster that is not running: nothing to ask.
    if (c.status !== 'running')
      return { ...base, vnc: 'unknown', reachableFrom: null, wide: false };
    const { vnc, reach } = await this.ask(c);
    return {
      ...base,
      vnc: vnc ?? this.deps.last.get(c.id)?.vnc ?? 'unknown',
      reachableFrom: reach.cidrs,
      wide: reach.cidrs?.some((r) => r.wide) ?? false,
      ...(reach.cidrs === null ? { reachUnknown: reach.unknown } : {}),
    };
  }
}
