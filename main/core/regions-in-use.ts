// Which regions the account uses: ListClusters on every region ListRegions returns, all at once
// (one round trip for the lists, after ListRegions), keeping those with clusters. The lists come
// back with the answer, so the first exposure check does not list them again.
import type { ListClustersResult } from './ehpc/client';
import type { RegionClients } from './exposure';

export interface RegionsFound {
  regions: string[];
  lists: Map<string, ListClustersResult>;
}

export async function discoverRegionsInUse(
  home: string,
  clients: RegionClients,
): Promise<RegionsFound> {
  const regions = await (await clients.ehpcFor(home)).listRegions();
  const ids = [...new Set([home, ...regions.map((r) => r.regionId)])];
  const listed = await Promise.allSettled(
    ids.map(async (regionId) => (await clients.ehpcFor(regionId)).listClusters()),
  );
  const lists = new Map<string, ListClustersResult>();
  let firstError: unknown;
  listed.forEach((r, i) => {
    const regionId = ids[i] as string;
    if (r.status === 'fulfilled') {
      if (r.value.clusters.length > 0) lists.set(regionId, r.value);
    } else {
      // A region where E-HPC is not offered (or not activated) answers an error: not in use.
      firstError ??= r.reason;
    }
  });
  // Every region failing (offline) is not "no region in use".
  if (lists.size === 0 && listed.every((r) => r.status === 'rejected')) throw firstError;
  const inUse = [...lists.keys()];
  return { regions: inUse.length > 0 ? inUse : [home], lists };
}
