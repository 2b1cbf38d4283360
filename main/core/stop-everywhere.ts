// Stop-all across every region in use, whoever opened VNC: an exposure check (every status and
// every rule, see exposure.ts) in which each cluster's stop starts the moment its own status and
// rules are in (exposure-stop.ts: one StopVisualService per CIDR found), then the re-read of the
// rules where there were some. So the stops are one wave after the statuses, not after the
// slowest cluster of the whole check: with the list cached, status, stop and (where rules were
// found) the re-read, three round trips in all (bench items 2 and 11). Every cluster it could not
// confirm is journalled: a stop that failed in a deferrable way, a status nobody could read, and,
// offline, every cluster the persisted exposure last showed open (so a fresh CLI process journals
// them too).
import type { ClusterExposure, StopAllResult } from '../../preload/shared/contract';
import { AppError } from './app-error';
import { toAppError } from './errors';
import type { RegionClients, ExposureModel } from './exposure';
import type { ExposureStops } from './exposure-stop';
import type { JournalledStops } from './journalled-stops';
import type { LiveState } from './live-state';
import { isDeferredStopFailure, PendingStopError, type StopTarget } from './pending-stops';
import type { Settings } from './settings';
import type { AccountSession } from './account-session';

/**
 * The stops that became known in one turn of the event loop, journalled in one write before any
 * of them is sent: the statuses of a wave come back together, and one locked, fsynced write per
 * stop would cost more than the round trip it saves.
 */
class JournalBatch {
  private targets: StopTarget[] = [];
  private ready?: Promise<void>;
  constructor(private readonly write: (targets: StopTarget[]) => void) {}
  /** Resolves once `target` (if any) is on disk. */
  add(target: StopTarget | undefined): Promise<void> {
    if (target) this.targets.push(target);
    this.ready ??= new Promise<void>((resolve) =>
      setImmediate(() => {
        const targets = this.targets;
        this.targets = [];
        this.ready = undefined;
        if (targets.length > 0) this.write(targets);
        resolve();
      }),
    );
    return this.ready;
  }
}

export interface StopEverywhereDeps {
  settings: Settings;
  session: AccountSession;
  live: LiveState;
  stops: JournalledStops;
  model: ExposureModel;
  exposureStops: ExposureStops;
}

export interface StopEverywhereOptions {
  /**
   * A CIDR to close on every cluster besides those its rules show (`stop --all --cidr`): what is
   * used where nothing else is known (no rule readable, nothing remembered).
   */
  cidrIp?: string;
}

export async function stopEverywhere(
  deps: StopEverywhereDeps,
  opts: StopEverywhereOptions = {},
): Promise<StopAllResult> {
  const { model, stops, live, settings, exposureStops } = deps;
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
    const cidrIp = c.reachableFrom?.[0]?.cidr ?? remembered()[c.clusterId]?.cidrIp ?? opts.cidrIp;
    const target = { clusterId: c.clusterId, regionId: c.regionId, ...(cidrIp ? { cidrIp } : {}) };
    if (!stops.journal.begin(target) || !stops.journal.failed(c.clusterId, error.code))
      return false;
    recordedPending.push(c.clusterId);
    result.failed.push({ clusterId: c.clusterId, error: new PendingStopError(error).toInfo() });
    return true;
  };

  const toSettle: string[] = [];
  const settle = (clusterId: string) => {
    live.settling.add(clusterId);
    toSettle.push(clusterId);
  };
  const { limits } = model;
  const journalBatch = new JournalBatch((targets) => stops.journal.beginMany(targets));
  const stopOne = async (c: ClusterExposure, clients: RegionClients): Promise<void> => {
    const known = c.reachableFrom
      ? { cidrs: c.reachableFrom }
      : { cidrs: null, unknown: c.reachUnknown ?? { code: 'ReachUnknown' } };
    try {
      const done = await exposureStops.stop(c.clusterId, c.regionId, {
        ...(opts.cidrIp ? { given: opts.cidrIp } : {}),
        known,
        clients,
        settle,
        limits,
      });
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
  };
  const work: Promise<void>[] = [];
  // Each cluster of a region whose list was read, as soon as its status and rules are in.
  const onCluster = (c: ClusterExposure, clients: RegionClients): void => {
    if (c.clusterStatus !== 'running') return;
    if (c.vnc === 'stopped' && (c.reachableFrom?.length ?? 0) === 0) {
      result.alreadyStopped.push(c.clusterId);
      // Nothing is owed any more, whatever the journal said.
      if (!stops.isRequested(c.clusterId)) toSettle.push(c.clusterId);
      return;
    }
    const cidrIp = c.reachableFrom?.[0]?.cidr ?? remembered()[c.clusterId]?.cidrIp ?? opts.cidrIp;
    const target = cidrIp ? { clusterId: c.clusterId, regionId: c.regionId, cidrIp } : undefined;
    work.push(journalBatch.add(target).then(() => stopOne(c, clients)));
  };

  let snapshot;
  try {
    snapshot = await model.check({ onCluster });
  } catch (err) {
    await Promise.all(work);
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
  await Promise.all(work);
  stops.journal.settleMany(toSettle);
  for (const id of toSettle) live.settling.delete(id);
  live.emit();
  // The stops changed what is open: the tray's count follows without another check.
  model.noteStopped(result.stopped);
  return result;
}
