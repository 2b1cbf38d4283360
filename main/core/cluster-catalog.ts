// The account's regions, clusters and cluster users, with the cluster list cached per region
// (cluster-cache.ts) so that the window shows it at once and stop-all knows what was running.
import type { ClusterList, ClusterUser, Region, Request } from '../../preload/shared/contract';
import type { AccountSession } from './account-session';
import type { BackgroundWork } from './background-work';
import type { Settings } from './settings';

/**
 * Caches a fresh list. The cache has it in memory at once; the file is written after the
 * caller has its answer, and `idle()` waits for that, so quitting never loses it.
 */
export function cacheList(
  settings: Settings,
  regionId: string,
  listed: { clusters: ClusterList['clusters']; totalCount: number },
): string {
  const fetchedAt = new Date().toISOString();
  void settings.clusterCache.set(regionId, {
    clusters: listed.clusters,
    totalCount: listed.totalCount,
    fetchedAt,
  });
  return fetchedAt;
}

export interface ClusterCatalogDeps {
  settings: Settings;
  session: AccountSession;
  work: BackgroundWork;
  /** Told when a fresh list may have renamed clusters the snapshot names. */
  onChange(): void;
}

export class ClusterCatalog {
  constructor(private readonly deps: ClusterCatalogDeps) {}

  async listRegions(): Promise<Region[]> {
    const client = await this.deps.session.client();
    return client.listRegions();
  }

  /**
   * The cached list at once (`refresh: false`), or a fresh one. A refresh tells the client how
   * many clusters there were last time so that it can fetch every page in one wave.
   */
  listClusters(req: Request<'listClusters'>): Promise<ClusterList> {
    return this.deps.work.read(this.cachedOrFreshList(req));
  }

  private async cachedOrFreshList(req: Request<'listClusters'>): Promise<ClusterList> {
    const { settings, session } = this.deps;
    const regionId = session.regionId();
    const cached = settings.clusterCache.get(regionId);
    if (!req.refresh && cached) {
      return { regionId, clusters: cached.clusters, fetchedAt: cached.fetchedAt, fromCache: true };
    }
    const client = await session.client();
    const listed = await client.listClusters(
      cached ? { expectedTotal: cached.totalCount } : undefined,
    );
    const fetchedAt = cacheList(settings, regionId, listed);
    this.deps.onChange();
    return { regionId, clusters: listed.clusters, fetchedAt, fromCache: false };
  }

  async listUsers(req: Request<'listUsers'>): Promise<ClusterUser[]> {
    const client = await this.deps.session.client();
    return client.listUsers(req.clusterId);
  }

  /**
   * Names of these clusters as the cached lists know them (memory only): the current region's
   * list first, then every other region's, since Connect, the tray and their confirmations act
   * on open clusters of any region (the exposure check caches each region's list).
   */
  namesOf(ids: readonly string[]): Record<string, string> {
    const names: Record<string, string> = {};
    if (ids.length === 0) return names;
    const wanted = new Set(ids);
    const { clusterCache } = this.deps.settings;
    const current = this.deps.session.regionId();
    const others = clusterCache.cachedRegions().filter((r) => r !== current);
    for (const regionId of [current, ...others]) {
      if (wanted.size === 0) break;
      for (const c of clusterCache.get(regionId)?.clusters ?? []) {
        if (wanted.delete(c.id)) names[c.id] = c.name;
      }
    }
    return names;
  }
}
