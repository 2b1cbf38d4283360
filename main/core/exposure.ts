// The exposure model: for every cluster of every region in use, whether VNC is open and who can
// reach it (the cluster's security group's TCP 12016 rules, see exposure-rules.ts). One check is
// a few waves, whatever the number of clusters: the regions (cached; else ListRegions beside the
// documented regions' lists, regions-in-use.ts), every region's list at once, then per running
// cluster its status and (security group ID cached) its rules, each bounded per endpoint by a
// bound that backs off on Throttling (exposure-clients.ts). A denied DescribeCluster or ECS call
// leaves "reachable from" unknown, with the RAM action to add; nothing else fails. The last
// snapshot is persisted (exposure-cache.ts) so that a fresh CLI process can journal stops offline.
//
// Round trips (bench item 11): warm, the lists, statuses and rules all go out in the first wave;
// cold, ListRegions and the lists (with speculative pages) are the first, statuses and
// DescribeCluster the second, the rules the third.
import type {
  ClusterExposure,
  ClusterSummary,
  ExposureSnapshot,
  ExposureSummary,
  ReachCidr,
} from '../../preload/shared/contract';
import type { AccountSession } from './account-session';
import { toAppError } from './errors';
import type { ListClustersResult } from './ehpc/client';
import type { Limiter } from './ehpc/limiter';
import type { ExposureCache } from './exposure-cache';
import { EndpointLimits, RegionClients } from './exposure-clients';
import { vncReach } from './exposure-rules';
import { RegionCheck, type Probe } from './exposure-region';
import { discoverRegionsInUse } from './regions-in-use';
import type { Settings } from './settings';
import type { VncOperations } from './vnc-operations';

export { EndpointLimits, RegionClients } from './exposure-clients';

/**
 * Clusters a region is assumed to hold when nothing is known of it (a first check): the pages
 * they take go out with page 1, so that even a region of 400 clusters is listed in the wave of
 * ListRegions instead of two waves later (page 1, then the rest). The price: a first check sends
 * 8 ListClusters per documented region, most of them answered with an empty page, once; every
 * later check knows each region's size from its cached list.
 */
export const COLD_EXPECTED_CLUSTERS = 400;

/** No bound: a single stop's own reads. */
const UNBOUNDED: Limiter = (task) => task();

/** RAM denials: the policy lacks the action (E-HPC says NotAuthorized, ECS Forbidden.RAM/NoPermission). */
export const isDenied = (code: string): boolean =>
  code === 'NotAuthorized' || code === 'NoPermission' || code.startsWith('Forbidden');

export type Reach =
  { cidrs: ReachCidr[] } | { cidrs: null; unknown: NonNullable<ClusterExposure['reachUnknown']> };

export interface ExposureDeps {
  settings: Settings;
  session: AccountSession;
  vnc: VncOperations;
  cache: ExposureCache;
  /** The open VNCs changed (the tray shows them). */
  onSummary(summary: ExposureSummary): void;
}

export function summarize(clusters: readonly ClusterExposure[]): ExposureSummary {
  const open = clusters
    .filter((c) => c.vnc === 'running')
    .map((c) => ({ clusterId: c.clusterId, name: c.name, regionId: c.regionId, wide: c.wide }));
  return { openCount: open.length, regionsCount: new Set(open.map((c) => c.regionId)).size, open };
}

export interface CheckOptions {
  regionId?: string;
  refreshRegions?: boolean;
  /**
   * Told of each cluster (of a region whose list was read) as soon as its exposure is known,
   * with the check's clients; joining a check in flight, first of those already known.
   */
  onCluster?(exposure: ClusterExposure, clients: RegionClients): void;
}

interface Running {
  done: Promise<ExposureSnapshot>;
  region: RegionCheck;
  clients: RegionClients;
}

export class ExposureModel {
  private checking?: Running;
  /**
   * The per-endpoint bounds, kept from one check (and stop) to the next: a bound narrowed by
   * Throttling stays narrowed until requests go through again.
   */
  readonly limits = new EndpointLimits();

  constructor(private readonly deps: ExposureDeps) {}

  /** The last check (persisted), without a request. */
  cached(): ExposureSnapshot {
    return (
      this.deps.cache.snapshot() ?? {
        regions: [],
        clusters: [],
        fromCache: true,
        failedRegions: [],
      }
    );
  }

  /**
   * A new check of every region in use (or one); concurrent callers share it. Regions start at
   * once from what is known (`--region`, the cached set, else the regions with a cached list)
   * while, when the set is not cached (or `refreshRegions`), every region is listed to find the
   * others; each region found then joins the same check.
   */
  check(opts: CheckOptions = {}): Promise<ExposureSnapshot> {
    let running = opts.regionId ? undefined : this.checking;
    if (!running) {
      running = this.begin(opts);
      if (!opts.regionId) {
        const shared = running;
        this.checking = shared;
        void shared.done.then(
          () => this.checking === shared && (this.checking = undefined),
          () => this.checking === shared && (this.checking = undefined),
        );
      }
    }
    const { onCluster } = opts;
    if (onCluster) {
      const { clients } = running;
      running.region.subscribe((e) => onCluster(e, clients));
    }
    return running.done;
  }

  private begin(opts: CheckOptions): Running {
    const { settings, session } = this.deps;
    const clients = new RegionClients(session, this.limits);
    const previous = this.cached();
    const lists = new Map<string, Promise<ListClustersResult>>();
    const cold = !this.deps.cache.regionsInUse() && !settings.peek().exposure.pinnedRegions;
    const listOf = (regionId: string): Promise<ListClustersResult> => {
      let list = lists.get(regionId);
      if (!list) {
        const expectedTotal =
          settings.clusterCache.get(regionId)?.totalCount ??
          (cold ? COLD_EXPECTED_CLUSTERS : undefined);
        list = clients
          .ehpcFor(regionId)
          .then((c) => c.listClusters(expectedTotal !== undefined ? { expectedTotal } : {}));
        lists.set(regionId, list);
      }
      return list;
    };
    const region = new RegionCheck({
      settings,
      listOf,
      last: new Map(previous.clusters.map((c) => [c.clusterId, c])),
      probe: (c) => this.probe(c, clients),
    });
    const done = this.runCheck(opts, { region, clients, listOf, previous });
    return { done, region, clients };
  }

  private async runCheck(
    opts: CheckOptions,
    run: {
      region: RegionCheck;
      clients: RegionClients;
      listOf(regionId: string): Promise<ListClustersResult>;
      previous: ExposureSnapshot;
    },
  ): Promise<ExposureSnapshot> {
    const { settings, cache, session } = this.deps;
    const { region, clients, listOf, previous } = run;
    const narrowed = opts.regionId ?? session.narrowedRegion();
    // Pinned regions are the set; else the set found in use (cached).
    const pinned = settings.peek().exposure.pinnedRegions;
    const cachedSet = pinned ?? cache.regionsInUse()?.regions;
    const known = narrowed
      ? [narrowed]
      : (cachedSet ??
        settings.clusterCache.cachedRegions().filter((r) => r === session.regionId()));
    for (const r of known) region.start(r);
    let regions = [...known];
    if (!narrowed && !pinned && (!cachedSet || opts.refreshRegions)) {
      try {
        const found = await discoverRegionsInUse({
          home: session.regionId(),
          clients,
          listOf,
          // A region joins the check the moment it is known to be in use.
          onRegion: (r) => region.start(r),
        });
        cache.setRegionsInUse(found.regions);
        for (const r of found.regions) region.start(r);
        regions = [...new Set([...found.regions, ...known])];
      } catch (err) {
        // Offline: what was known is better than nothing; nothing known at all is an error.
        regions = known.length > 0 ? known : previous.regions;
        if (regions.length === 0) throw err;
        for (const r of regions) region.start(r);
      }
    }
    const { clusters, failedRegions } = await region.results(regions);
    const snapshot: ExposureSnapshot = {
      regions,
      clusters,
      checkedAt: new Date().toISOString(),
      fromCache: false,
      failedRegions,
    };
    // A check of one region keeps the others' last answers in the persisted snapshot.
    const others = opts.regionId
      ? previous.clusters.filter((c) => c.regionId !== opts.regionId)
      : [];
    const persisted = { ...snapshot, clusters: [...others, ...clusters], fromCache: true };
    if (opts.regionId) persisted.regions = [...new Set([...previous.regions, opts.regionId])];
    cache.setSnapshot(persisted);
    this.deps.onSummary(summarize(persisted.clusters));
    return snapshot;
  }

  /** Stops confirmed elsewhere (stop-all, a stop): the persisted snapshot shows them closed. */
  noteStopped(clusterIds: readonly string[]): void {
    const snapshot = this.deps.cache.snapshot();
    if (!snapshot || clusterIds.length === 0) return;
    const stopped = new Set(clusterIds);
    const clusters = snapshot.clusters.map((c) =>
      stopped.has(c.clusterId) ? { ...c, vnc: 'stopped' as const } : c,
    );
    this.deps.cache.setSnapshot({ ...snapshot, clusters });
    this.deps.onSummary(summarize(clusters));
  }

  /** One running cluster's VNC state and reach, each request bounded by its endpoint's limit. */
  private async probe(c: ClusterSummary, clients: RegionClients): Promise<Probe> {
    const { limits } = this;
    const ehpc = limits.ehpc(c.regionId);
    const [vnc, reach] = await Promise.all([
      ehpc(() => this.deps.vnc.status(c.id, () => clients.ehpcFor(c.regionId))).then(
        (s) => s.vnc,
        () => undefined,
      ),
      this.reach(c.id, c.regionId, clients, limits),
    ]);
    return { vnc, reach };
  }

  /** Who can reach the cluster's VNC: its security group's 12016 rules. Never throws. */
  async reach(
    clusterId: string,
    regionId: string,
    clients: RegionClients,
    limits?: EndpointLimits,
  ): Promise<Reach> {
    const { cache, settings } = this.deps;
    const ehpc = limits?.ehpc(regionId) ?? UNBOUNDED;
    const ecs = limits?.ecs(regionId) ?? UNBOUNDED;
    const remembered = settings.peek().clusters[clusterId]?.cidrIp;
    const unknown = (err: unknown, ramAction: string): Reach => {
      const code = toAppError(err).code;
      return { cidrs: null, unknown: isDenied(code) ? { code, ramAction } : { code } };
    };
    const describe = async (): Promise<string | Reach> => {
      try {
        const client = await clients.ehpcFor(regionId);
        const sg = await ehpc(() => client.describeClusterSecurityGroup(clusterId));
        if (!sg) return { cidrs: null, unknown: { code: 'BadResponse' } };
        cache.rememberSecurityGroup(clusterId, sg);
        return sg;
      } catch (err) {
        return unknown(err, 'ehpc:DescribeCluster');
      }
    };
    let sg: string | Reach = cache.securityGroupOf(clusterId) ?? (await describe());
    for (let attempt = 0; attempt < 2; attempt++) {
      if (typeof sg !== 'string') return sg;
      try {
        const client = await clients.ecsFor(regionId);
        const group = sg;
        const rules = await ecs(() => client.securityGroupRules(group));
        return { cidrs: vncReach(rules, remembered) };
      } catch (err) {
        // A cached group that is gone: ask E-HPC which group the cluster has now, once.
        if (attempt === 0 && toAppError(err).code.startsWith('InvalidSecurityGroupId')) {
          sg = await describe();
          continue;
        }
        return unknown(err, 'ecs:DescribeSecurityGroupAttribute');
      }
    }
    return { cidrs: null, unknown: { code: 'InvalidSecurityGroupId.NotFound' } };
  }
}
