// Which regions the account uses: ListClusters on every region ListRegions returns, keeping those
// with clusters. To spend no round trip on ListRegions itself, the lists of the regions E-HPC
// documents go out in the same wave as ListRegions; a region ListRegions then does not return is
// dropped (whatever its list said), and one it returns beyond them is listed when it arrives.
// Each region in use is handed over the moment both its list and ListRegions are in, so its
// statuses go out without waiting for the slowest region.
import type { ListClustersResult } from './ehpc/client';
import { DOCUMENTED_EHPC_REGIONS } from '../../preload/shared/documented-regions';
import type { RegionClients } from './exposure-clients';

export interface RegionsFound {
  regions: string[];
  lists: Map<string, ListClustersResult>;
}

export interface DiscoveryDeps {
  home: string;
  clients: RegionClients;
  /** A region's list, shared with whoever else lists it in the same check. */
  listOf(regionId: string): Promise<ListClustersResult>;
  /** A region found in use, as soon as it is known. */
  onRegion?(regionId: string): void;
}

const noop = (): void => undefined;

export async function discoverRegionsInUse(deps: DiscoveryDeps): Promise<RegionsFound> {
  const { home, clients, listOf } = deps;
  const regionsAnswer = clients.ehpcFor(home).then((c) => c.listRegions());
  const early = [...new Set([home, ...DOCUMENTED_EHPC_REGIONS])];
  // Started now; a failure (E-HPC not offered there, offline) is judged below, never unhandled.
  for (const r of early) listOf(r).catch(noop);
  const regions = await regionsAnswer;
  const ids = [...new Set([home, ...regions.map((r) => r.regionId)])];
  const lists = new Map<string, ListClustersResult>();
  const listed = await Promise.allSettled(
    ids.map(async (regionId) => {
      const list = await listOf(regionId);
      if (list.clusters.length > 0) {
        lists.set(regionId, list);
        deps.onRegion?.(regionId);
      }
      return list;
    }),
  );
  // A region where E-HPC is not offered (or not activated) answers an error: not in use. Every
  // region failing (offline) is not "no region in use".
  if (lists.size === 0 && listed.every((r) => r.status === 'rejected')) {
    throw (listed[0] as PromiseRejectedResult).reason;
  }
  // In ListRegions' order (home first), whatever order the lists came back in.
  const inUse = ids.filter((r) => lists.has(r));
  return { regions: inUse.length > 0 ? inUse : [home], lists };
}
