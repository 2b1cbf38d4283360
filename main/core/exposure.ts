// The exposure model: for every cluster of every region in use, whether VNC is open and who can
// reach it (the cluster's security group's TCP 12016 rules, see exposure-rules.ts). One check is
// a few waves, whatever the number of clusters: the regions (cached), every region's list at once,
// then per running cluster its status and (security group ID cached) its rules, bounded in
// concurrency. A denied DescribeCluster or ECS call leaves "reachable from" unknown, with the RAM
// action to add; nothing else fails. The last snapshot is persisted (exposure-cache.ts) so that a
// fresh CLI process can journal stops offline.
import type {
  ClusterExposure,
  ClusterSummary,
  ExposureSnapshot,
  ExposureSummary,
  ReachCidr,
} from '../../preload/shared/contract';
import type { AccountSession } from './account-session';
import { toAppError } from './errors';
import { cacheList } from './cluster-catalog';
import type { EhpcClient } from './ehpc/client';
import type { EcsClient } from './ehpc/ecs-client';
import { createLimiter, type Limiter } from './ehpc/limiter';
import type { ExposureCache } from './exposure-cache';
import { vncReach } from './exposure-rules';
import { RegionCheck, type Probe } from './exposure-region';
import { discoverRegionsInUse } from './regions-in-use';
import type { Settings } from './settings';
import type { VncOperations } from './vnc-operations';

/**
 * Requests in flight at once per endpoint (one product in one region: E-HPC's status and
 * DescribeCluster, ECS's rules). Bounded per endpoint rather than across the whole check because
 * that is what each service sees and throttles: one global bound made a check of 1000 clusters in
 * 3 regions 25 waves warm where the endpoints could take 6 at a time (bench item 11).
 */
export const EXPOSURE_CONCURRENCY = 64;

/** One limiter per endpoint (product and region) for one check. */
export class EndpointLimits {
  private readonly limits = new Map<string, Limiter>();
  constructor(private readonly width: number = EXPOSURE_CONCURRENCY) {}
  ehpc(regionId: string): Limiter {
    return this.of(`ehpc ${regionId}`);
  }
  ecs(regionId: string): Limiter {
    return this.of(`ecs ${regionId}`);
  }
  private of(key: string): Limiter {
    let l = this.limits.get(key);
    if (!l) this.limits.set(key, (l = createLimiter(this.width)));
    return l;
  }
}

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

/** The E-HPC and ECS clients of one check, one per region (one keychain read each). */
export class RegionClients {
  private readonly ehpc = new Map<string, Promise<EhpcClient>>();
  private readonly ecs = new Map<string, Promise<EcsClient>>();
  private readonly source: ReturnType<AccountSession['batch']>;
  constructor(session: AccountSession) {
    this.source = session.batch();
  }
  ehpcFor(regionId: string): Promise<EhpcClient> {
    let c = this.ehpc.get(regionId);
    if (!c) this.ehpc.set(regionId, (c = this.source.ehpc(regionId)));
    return c;
  }
  ecsFor(regionId: string): Promise<EcsClient> {
    let c = this.ecs.get(regionId);
    if (!c) this.ecs.set(regionId, (c = this.source.ecs(regionId)));
    return c;
  }
}

export function summarize(clusters: readonly ClusterExposure[]): ExposureSummary {
  const open = clusters
    .filter((c) => c.vnc === 'running')
    .map((c) => ({ clusterId: c.clusterId, name: c.name, regionId: c.regionId, wide: c.wide }));
  return { openCount: open.length, regionsCount: new Set(open.map((c) => c.regionId)).size, open };
}

export class ExposureModel {
  private checking?: Promise<ExposureSnapshot>;

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
  check(opts: { regionId?: string; refreshRegions?: boolean } = {}): Promise<ExposureSnapshot> {
    if (opts.regionId) return this.runCheck(opts);
    this.checking ??= this.runCheck(opts).finally(() => (this.checking = undefined));
    return this.checking;
  }

  private async runCheck(opts: {
    regionId?: string;
    refreshRegions?: boolean;
  }): Promise<ExposureSnapshot> {
    const { settings, cache, session } = this.deps;
    const clients = new RegionClients(session);
    const limits = new EndpointLimits();
    const previous = this.cached();
    const region = new RegionCheck({
      settings,
      clients,
      last: new Map(previous.clusters.map((c) => [c.clusterId, c])),
      probe: (c) => this.probe(c, clients, limits),
    });
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
        const found = await discoverRegionsInUse(session.regionId(), clients);
        for (const [regionId, listed] of found.lists) cacheList(settings, regionId, listed);
        cache.setRegionsInUse(found.regions);
        for (const r of found.regions) region.start(r, found.lists.get(r)?.clusters);
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
  private async probe(
    c: ClusterSummary,
    clients: RegionClients,
    limits: EndpointLimits,
  ): Promise<Probe> {
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
