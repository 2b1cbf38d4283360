// One exposure check's per-region work. The statuses and rules of the clusters a region's cached
// list has as running go out together with the refresh of that list, so a warm check takes about
// the time of one listing; the refreshed list then decides which clusters count (a cluster only
// the refresh knows is asked about when it arrives; answers about clusters gone are dropped).
import type {
  ClusterExposure,
  ClusterSummary,
  ExposureSnapshot,
} from '../../preload/shared/contract';
import { cacheList } from './cluster-catalog';
import { toAppError } from './errors';
import type { Reach, RegionClients } from './exposure';
import type { Settings } from './settings';

/** What was learnt about one running cluster; `vnc` undefined when the status failed. */
export interface Probe {
  vnc?: ClusterExposure['vnc'];
  reach: Reach;
}

export interface RegionCheckDeps {
  settings: Settings;
  clients: RegionClients;
  /** The last check's answers: a status nobody could read keeps its last value (offline). */
  last: ReadonlyMap<string, ClusterExposure>;
  /** Bounds its own requests (per endpoint, see exposure.ts). */
  probe(c: ClusterSummary): Promise<Probe>;
}

type RegionOutcome = { clusters: ClusterExposure[]; failed?: ExposureSnapshot['failedRegions'][0] };

export class RegionCheck {
  private readonly regions = new Map<string, Promise<RegionOutcome>>();
  private readonly probes = new Map<string, Promise<Probe>>();

  constructor(private readonly deps: RegionCheckDeps) {}

  /** Starts a region once; `listed`: its fresh list when the caller already has it. */
  start(regionId: string, listed?: ClusterSummary[]): void {
    if (this.regions.has(regionId)) return;
    this.regions.set(regionId, this.run(regionId, listed));
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

  private async run(regionId: string, listed?: ClusterSummary[]): Promise<RegionOutcome> {
    const { settings, clients, last } = this.deps;
    let clusters = listed;
    let failed: RegionOutcome['failed'];
    if (!clusters) {
      const cached = settings.clusterCache.get(regionId);
      for (const c of cached?.clusters ?? []) if (c.status === 'running') void this.ask(c);
      try {
        const fresh = await (
          await clients.ehpcFor(regionId)
        ).listClusters(cached ? { expectedTotal: cached.totalCount } : undefined);
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
    }
    const out = await Promise.all(clusters.map((c) => this.exposureOf(c)));
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
