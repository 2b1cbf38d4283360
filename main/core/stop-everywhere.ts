// Stop-all across every region in use, whoever opened VNC: an exposure check (every status and
// every rule, see exposure.ts), then one stop wave (exposure-stop.ts: one StopVisualService per
// CIDR found) and the re-read of the rules. Every cluster it could not confirm is journalled: a
// stop that failed in a deferrable way, a status nobody could read, and, offline, every cluster
// the persisted exposure last showed open (so a fresh CLI process journals them too).
import type { ClusterExposure, StopAllResult } from '../../preload/shared/contract';
import { AppError } from './app-error';
import { toAppError } from './errors';
import { EndpointLimits, RegionClients, type ExposureModel } from './exposure';
import type { ExposureStops } from './exposure-stop';
import type { JournalledStops } from './journalled-stops';
import type { LiveState } from './live-state';
import { isDeferredStopFailure, PendingStopError } from './pending-stops';
import type { Settings } from './settings';
import type { AccountSession } from './account-session';

/** Stops in flight at once per region's E-HPC endpoint (what each endpoint sees and throttles). */
const STOP_CONCURRENCY = 64;

export interface StopEverywhereDeps {
  settings: Settings;
  session: AccountSession;
  live: LiveState;
  stops: JournalledStops;
  model: ExposureModel;
  exposureStops: ExposureStops;
}

export async function stopEverywhere(deps: StopEverywhereDeps): Promise<StopAllResult> {
  const { model, stops, live, settings, session, exposureStops } = deps;
  const result: StopAllResult = {
    stopped: [],
    alreadyStopped: [],
    failed: [],
    recordedPending: [],
    stillOpen: [],
  };
  const recordedPending = result.recordedPending as string[];
  const remembered = () => settings.peek().clusters;
  /** Journals a stop nobody could confirm; true when it is on disk. */
  const record = (c: ClusterExposure, error: AppError): boolean => {
    const cidrIp = c.reachableFrom?.[0]?.cidr ?? remembered()[c.clusterId]?.cidrIp;
    const target = { clusterId: c.clusterId, regionId: c.regionId, ...(cidrIp ? { cidrIp } : {}) };
    if (!stops.journal.begin(target) || !stops.journal.failed(c.clusterId, error.code))
      return false;
    recordedPending.push(c.clusterId);
    result.failed.push({ clusterId: c.clusterId, error: new PendingStopError(error).toInfo() });
    return true;
  };

  let snapshot;
  try {
    snapshot = await model.check();
  } catch (err) {
    const error = toAppError(err);
    // Not even the regions: journal what the last exposure showed open, everywhere.
    if (!isDeferredStopFailure(error)) throw error;
    const cached = model.cached();
    for (const c of cached.clusters) if (c.vnc === 'running') record(c, error);
    live.emit();
    if (recordedPending.length === 0) throw error;
    return { ...result, regions: cached.regions.length };
  }
  result.regions = snapshot.regions.length;

  // Regions that could not be listed: their clusters are the last check's; journal the open ones.
  for (const failed of snapshot.failedRegions) {
    const { pendingStop: _ignored, ...fields } = failed.error;
    const error = new AppError(fields);
    for (const c of snapshot.clusters) {
      if (c.regionId !== failed.regionId || c.vnc !== 'running') continue;
      if (!isDeferredStopFailure(error) || !record(c, error)) {
        result.failed.push({ clusterId: c.clusterId, error: failed.error });
      }
    }
  }
  const failedRegions = new Set(snapshot.failedRegions.map((f) => f.regionId));
  const clients = new RegionClients(session);
  const limits = new EndpointLimits(STOP_CONCURRENCY);
  const candidates = snapshot.clusters.filter(
    (c) => !failedRegions.has(c.regionId) && c.clusterStatus === 'running',
  );
  // The whole wave is journalled in one write before it is sent, and the entries of the stops
  // that ended are cleared in one write after; until then they are `settling`.
  const toSend = candidates.filter(
    (c) => c.vnc !== 'stopped' || (c.reachableFrom?.length ?? 0) > 0,
  );
  stops.journal.beginMany(
    toSend.flatMap((c) => {
      const cidrIp = c.reachableFrom?.[0]?.cidr ?? remembered()[c.clusterId]?.cidrIp;
      return cidrIp ? [{ clusterId: c.clusterId, regionId: c.regionId, cidrIp }] : [];
    }),
  );
  const toSettle: string[] = [];
  const settle = (clusterId: string) => {
    live.settling.add(clusterId);
    toSettle.push(clusterId);
  };
  const work = candidates.map(async (c) => {
    const rulesLeft = (c.reachableFrom?.length ?? 0) > 0;
    if (c.vnc === 'stopped' && !rulesLeft) {
      result.alreadyStopped.push(c.clusterId);
      // Nothing is owed any more, whatever the journal said.
      if (!stops.isRequested(c.clusterId)) toSettle.push(c.clusterId);
      return;
    }
    const known = c.reachableFrom
      ? { cidrs: c.reachableFrom }
      : { cidrs: null, unknown: c.reachUnknown ?? { code: 'ReachUnknown' } };
    try {
      const done = await limits.ehpc(c.regionId)(() =>
        exposureStops.stop(c.clusterId, c.regionId, { known, clients, settle }),
      );
      result.stopped.push(c.clusterId);
      if (done.stillOpen) {
        result.stillOpen?.push({ clusterId: c.clusterId, cidrs: done.stillOpen });
      }
    } catch (err) {
      const error = toAppError(err);
      const kept = stops.journal.find(c.clusterId) !== undefined;
      if (kept && isDeferredStopFailure(error)) recordedPending.push(c.clusterId);
      result.failed.push({ clusterId: c.clusterId, error: error.toInfo() });
    }
  });
  await Promise.all(work);
  stops.journal.settleMany(toSettle);
  for (const id of toSettle) live.settling.delete(id);
  live.emit();
  // The stops changed what is open: the tray's count follows without another check.
  model.noteStopped(result.stopped);
  return result;
}
