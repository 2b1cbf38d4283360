// Stop-all: VNC off on every running cluster of the region, in two waves through one pool.
import type { StopAllResult, VncStatus } from '../../preload/shared/contract';
import type { AccountSession } from './account-session';
import { cacheList } from './cluster-catalog';
import type { EhpcClient } from './ehpc/client';
import { createLimiter } from './ehpc/limiter';
import { toAppError } from './errors';
import { noCidrRemembered, type JournalledStops, type SendableStop } from './journalled-stops';
import type { LiveState } from './live-state';
import type { Settings } from './settings';
import type { VncOperations } from './vnc-operations';

/** How many clusters stop-all queries and stops at once: fifty clusters in one wave. */
const STOP_ALL_CONCURRENCY = 64;

export interface StopAllDeps {
  settings: Settings;
  session: AccountSession;
  live: LiveState;
  vnc: VncOperations;
  stops: JournalledStops;
}

/**
 * Stops VNC on every running cluster of the region whose VNC is running (or unknown), in two
 * waves through one pool: every status, then every stop. The statuses of the clusters the
 * cached list has as running go out together with the refresh of the list, so with a cache
 * the whole batch takes about two round trips; a cluster only the refresh knows is asked
 * about when the refresh arrives.
 */
export async function stopAllInRegion(deps: StopAllDeps): Promise<StopAllResult> {
  const { settings, session, live, vnc, stops } = deps;
  const regionId = session.regionId();
  // One keychain read and one SDK client for the whole batch.
  const shared = session.client(regionId);
  shared.catch(() => undefined);
  const client = () => shared;
  const limit = createLimiter(STOP_ALL_CONCURRENCY);
  const asked = new Map<string, Promise<VncStatus>>();
  const askStatus = (clusterId: string): Promise<VncStatus> => {
    let status = asked.get(clusterId);
    if (!status) {
      status = limit(() => vnc.status(clusterId, client));
      // The refresh may show the cluster gone or stopped; then this answer is not needed.
      status.catch(() => undefined);
      asked.set(clusterId, status);
    }
    return status;
  };
  const cached = settings.clusterCache.get(regionId);
  for (const c of cached?.clusters ?? []) if (c.status === 'running') void askStatus(c.id);

  let listed: Awaited<ReturnType<EhpcClient['listClusters']>>;
  try {
    listed = await (await shared).listClusters({ expectedTotal: cached?.totalCount });
  } catch (err) {
    // What the statuses sent with the refresh learnt counts as known too.
    await Promise.allSettled(asked.values());
    throw stops.journalKnownRunning(regionId, toAppError(err));
  }
  cacheList(settings, regionId, listed);
  // The refreshed list decides which clusters count; speculative answers about others are dropped.
  const running = listed.clusters.filter((c) => c.status === 'running');
  const result: StopAllResult = { stopped: [], alreadyStopped: [], failed: [] };
  const fail = (clusterId: string, err: unknown) =>
    result.failed.push({ clusterId, error: toAppError(err).toInfo() });

  // Wave 1: every status. Then the whole set of stops is journalled in one write...
  const statuses = await Promise.allSettled(running.map((c) => askStatus(c.id)));
  const remembered = settings.peek().clusters;
  const targets: SendableStop[] = [];
  const toSettle: string[] = [];
  statuses.forEach((status, i) => {
    const clusterId = (running[i] as (typeof running)[number]).id;
    const cidrIp = remembered[clusterId]?.cidrIp;
    if (status.status === 'rejected') fail(clusterId, status.reason);
    else if (status.value.vnc === 'stopped') {
      result.alreadyStopped.push(clusterId);
      // Nothing is owed any more, whatever the journal said.
      if (!stops.isRequested(clusterId)) toSettle.push(clusterId);
    } else if (!cidrIp) fail(clusterId, noCidrRemembered(clusterId));
    else targets.push({ clusterId, regionId, cidrIp });
  });
  stops.journal.beginMany(targets);

  // ...wave 2: every stop; the entries of those that ended are cleared in one write too.
  // Until then they are `settling`, so the state never shows them as pending in between.
  const settle = (clusterId: string) => {
    live.settling.add(clusterId);
    toSettle.push(clusterId);
  };
  const sent = await Promise.allSettled(
    targets.map((t) => limit(() => stops.send(t, client, settle))),
  );
  stops.journal.settleMany(toSettle);
  for (const id of toSettle) live.settling.delete(id);
  sent.forEach((stop, i) => {
    const clusterId = (targets[i] as (typeof targets)[number]).clusterId;
    if (stop.status === 'fulfilled') result.stopped.push(clusterId);
    else fail(clusterId, stop.reason);
  });
  live.emit();
  return result;
}
