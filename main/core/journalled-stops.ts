// Stops that are written down before they are sent (pending-stops.ts has the journal and why):
// sending one, retrying those still owed, giving one up, and journalling what quitting or a
// failed stop-all leaves behind.
import type {
  ActionResult,
  PendingRetryReport,
  PendingStopInfo,
  Request,
} from '../../preload/shared/contract';
import { appError, type AppError } from './app-error';
import type { AccountSession } from './account-session';
import type { EhpcClient } from './ehpc/client';
import { createLimiter } from './ehpc/limiter';
import { toAppError } from './errors';
import type { LiveState } from './live-state';
import {
  INTERRUPTED,
  isDeferredStopFailure,
  PendingStopError,
  PendingStopJournal,
  toPendingStopInfo,
  type StopTarget,
} from './pending-stops';
import type { Settings } from './settings';

/** How many journalled stops are retried at once. */
const RETRY_CONCURRENCY = 4;

export type SendableStop = StopTarget & { cidrIp: string };

export interface JournalledStopsDeps {
  settings: Settings;
  session: AccountSession;
  live: LiveState;
  /** Told when the journal cannot be written (the stop is sent all the same). */
  onWarning?: (message: string) => void;
}

export class JournalledStops {
  readonly journal: PendingStopJournal;
  /** Callers waiting for a stop, per cluster: asked for and not settled (queued or on the wire). */
  private readonly requests = new Map<string, number>();
  private retrying?: Promise<PendingRetryReport>;
  /**
   * How a journalled stop is retried: the exposure-aware stop (every CIDR found in the 12016
   * rules, plus the entry's), set by the service; else one stop with the entry's CidrIp.
   */
  retryStop?: (entry: { clusterId: string; regionId: string; cidrIp?: string }) => Promise<unknown>;

  constructor(private readonly deps: JournalledStopsDeps) {
    this.journal = new PendingStopJournal(deps.settings, deps.onWarning);
  }

  /** Whether someone is waiting for a stop of this cluster right now. */
  isRequested(clusterId: string): boolean {
    return this.requests.has(clusterId);
  }

  /**
   * Sends a journalled stop in the cluster's flight. `settle` ends the journal entry; stop-all
   * passes one that collects them, to end the whole wave's entries in one write.
   */
  send(
    target: SendableStop,
    client = () => this.deps.session.client(target.regionId),
    settle = (clusterId: string) => this.journal.settle(clusterId),
  ): Promise<ActionResult> {
    const { live } = this.deps;
    const { clusterId } = target;
    this.requests.set(clusterId, (this.requests.get(clusterId) ?? 0) + 1);
    const flight = live.track(clusterId, 'stopping', async () => {
      try {
        const result = await (await client()).stopVnc(clusterId, target.cidrIp);
        settle(clusterId);
        live.setVnc(clusterId, 'stopped');
        return result;
      } catch (err) {
        // After a failed stop nobody knows the state: say so rather than keep a stale "running".
        live.setVnc(clusterId, 'unknown');
        const error = toAppError(err);
        if (!isDeferredStopFailure(error)) {
          settle(clusterId);
          throw error;
        }
        throw this.journal.failed(clusterId, error.code) ? new PendingStopError(error) : error;
      }
    });
    return flight.finally(() => {
      const left = (this.requests.get(clusterId) ?? 1) - 1;
      if (left > 0) this.requests.set(clusterId, left);
      else this.requests.delete(clusterId);
    });
  }

  list(): PendingStopInfo[] {
    return this.journal
      .list()
      .map((entry) => toPendingStopInfo(entry, this.deps.live.isStopping(entry.clusterId)));
  }

  /**
   * Retries every journalled stop, each in its own region. Concurrent calls (launch and
   * "back online" at once) share one run. Each entry ends up stopped (removed), dropped
   * (removed: failed for good) or remaining (kept, one more attempt counted).
   */
  retry(): Promise<PendingRetryReport> {
    this.retrying ??= this.runRetry().finally(() => {
      this.retrying = undefined;
    });
    return this.retrying;
  }

  private async runRetry(): Promise<PendingRetryReport> {
    const report: PendingRetryReport = { stopped: [], dropped: [], remaining: [] };
    const remembered = this.deps.settings.peek().clusters;
    const limit = createLimiter(RETRY_CONCURRENCY);
    await Promise.all(
      this.journal.list().map((entry) =>
        limit(async () => {
          const stop = toPendingStopInfo(entry, false);
          const cidrIp = entry.cidrIp ?? remembered[entry.clusterId]?.cidrIp;
          try {
            if (this.retryStop) {
              await this.retryStop({ ...entry, ...(cidrIp ? { cidrIp } : {}) });
              report.stopped.push(stop);
              return;
            }
            if (!cidrIp) {
              this.journal.settle(entry.clusterId);
              throw appError('InvalidInput', {
                variant: 'noCidrKnown',
                params: { clusterId: entry.clusterId },
              });
            }
            await this.send({ clusterId: entry.clusterId, regionId: entry.regionId, cidrIp });
            report.stopped.push(stop);
          } catch (err) {
            const error = toAppError(err);
            const kept = this.journal.find(entry.clusterId) !== undefined;
            (kept ? report.remaining : report.dropped).push({ stop, error: error.toInfo() });
          }
        }),
      ),
    );
    this.deps.live.emit();
    return report;
  }

  dismiss(req: Request<'dismissPendingStop'>): PendingStopInfo[] {
    this.journal.dismiss(req.clusterId);
    this.deps.live.emit();
    return this.list();
  }

  /**
   * Journals every stop still in flight as cut off (the quit coordinator's deadline passed),
   * so the next launch finishes it. Returns their cluster IDs.
   */
  recordInterrupted(): string[] {
    const interrupted: string[] = [];
    for (const clusterId of this.requests.keys()) {
      if (this.journal.failed(clusterId, INTERRUPTED)) interrupted.push(clusterId);
    }
    return interrupted;
  }

  /**
   * Stop-all could not even list the clusters (offline, say). Rather than drop the request, the
   * clusters this session last saw with VNC running (or unknown) and a remembered CidrIp are
   * journalled, so the retry stops them. Only a deferrable failure does this.
   */
  journalKnownRunning(regionId: string, error: AppError): AppError {
    if (!isDeferredStopFailure(error)) return error;
    const { settings, live } = this.deps;
    const inRegion = new Set(settings.clusterCache.get(regionId)?.clusters.map((c) => c.id));
    const remembered = settings.peek().clusters;
    let recorded = 0;
    for (const [clusterId, state] of live.knownVnc()) {
      const cidrIp = remembered[clusterId]?.cidrIp;
      if (state === 'stopped' || !cidrIp || !inRegion.has(clusterId)) continue;
      if (
        this.journal.begin({ clusterId, regionId, cidrIp }) &&
        this.journal.failed(clusterId, error.code)
      ) {
        recorded++;
      }
    }
    if (recorded === 0) return error;
    live.emit();
    return new PendingStopError(error);
  }
}

/** Used where a stop needs a CidrIp and none was given or remembered. */
export function noCidrRemembered(clusterId: string): AppError {
  return appError('InvalidInput', { variant: 'noCidrRemembered', params: { clusterId } });
}

export type ClientSource = () => Promise<EhpcClient>;
