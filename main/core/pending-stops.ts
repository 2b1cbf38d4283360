// The pending-stop journal: every stop the user (or an automatic trigger) asks for is written to
// settings.json *before* its request is sent, and removed only when E-HPC confirms it or refuses
// it for good. A stop cut off by a timeout, a dropped network, a busy service or the process
// ending (quit, shutdown, a crash) thus stays in the file and is retried later: at the next
// launch, when the network comes back, or by `ehpc-vnc pending --retry`.
//
// An entry holds the cluster, its region, the CidrIp, when it was asked for, how many attempts
// failed and the last failure's *code*. Never a message (server text could echo input), never
// anything secret.
import type { AppErrorInfo, PendingStopInfo } from '../../preload/shared/contract';
import { describeError } from '../../preload/shared/error-registry';
import { AppError } from './app-error';
import type { PendingStop, Settings } from './settings';

/** The code recorded for a stop still in flight when the app had to quit. */
export const INTERRUPTED = 'Interrupted';

/**
 * Failures after which the stop may well succeed later, so the entry is kept and retried. The
 * client has already retried the server-side ones (503, ConflictOpt, throttling) with backoff
 * before they get here; what is left is "not now", not "never".
 *
 * - Network.Timeout / Reset / Refused / DNS / Unreachable: offline, asleep, a VPN going down,
 *   a timed-out write that may or may not have reached the cluster (a second stop is harmless).
 * - ServiceUnavailable, ConflictOpt, Throttling*, AgentError, AliyunError, UnknownError,
 *   InternalError, PartFailure, BadResponse (a captive portal or a proxy's error page), and any
 *   unnamed code answered with HTTP 5xx: the service side is busy or broken for now.
 * - KeychainUnavailable: the keyring is locked (a logout hook runs after it closed); the next
 *   launch in an unlocked session can finish the stop.
 * - Interrupted: the app quit before an answer came.
 *
 * Everything else is permanent and ends the entry, with the error handed back so the user is
 * told: the cluster is gone or not running (ClusterNotFound, InvalidClusterStatus), the key or
 * its permissions are wrong, no AccessKey is set up, TLS cannot be verified, input is invalid.
 */
const DEFERRED_CODES = new Set([
  'Network.Timeout',
  'Network.Reset',
  'Network.Refused',
  'Network.DNS',
  'Network.Unreachable',
  'ServiceUnavailable',
  'ConflictOpt',
  'Throttling',
  'AgentError',
  'AliyunError',
  'UnknownError',
  'InternalError',
  'PartFailure',
  'BadResponse',
  'KeychainUnavailable',
  INTERRUPTED,
]);

export function isDeferredStopFailure(error: { code: string; httpStatus?: number }): boolean {
  const { code, httpStatus } = error;
  if (DEFERRED_CODES.has(code)) return true;
  if (code.startsWith('Throttling.')) return true;
  if (code.startsWith('Network.')) return code !== 'Network.TLS';
  return httpStatus !== undefined && httpStatus >= 500;
}

/** A failed stop that is kept in the journal: same code and message, plus what happens next. */
export class PendingStopError extends AppError {
  constructor(cause: AppError) {
    super({
      code: cause.code,
      message: cause.message,
      action: describeError({ code: 'PendingStop' }).action,
      retryable: true,
      ...(cause.requestId ? { requestId: cause.requestId } : {}),
      ...(cause.httpStatus !== undefined ? { httpStatus: cause.httpStatus } : {}),
      ...(cause.variant ? { variant: cause.variant } : {}),
      ...(cause.params ? { params: cause.params } : {}),
    });
    this.name = 'PendingStopError';
  }

  override toInfo(): AppErrorInfo {
    return { ...super.toInfo(), pendingStop: true };
  }
}

export interface StopTarget {
  clusterId: string;
  regionId: string;
  cidrIp?: string;
}

export function toPendingStopInfo(entry: PendingStop, inFlight: boolean): PendingStopInfo {
  const info: PendingStopInfo = {
    clusterId: entry.clusterId,
    regionId: entry.regionId,
    requestedAt: entry.requestedAt,
    attempts: entry.attempts,
    inFlight,
  };
  if (entry.cidrIp !== undefined) info.cidrIp = entry.cidrIp;
  if (entry.lastError !== undefined) info.lastError = entry.lastError;
  return info;
}

/**
 * The journal over Settings. Writes are best effort: a settings file that cannot be written must
 * not stop a stop from being sent; the caller learns from the return value whether the entry is
 * really on disk.
 */
export class PendingStopJournal {
  constructor(
    private readonly settings: Settings,
    private readonly warn: (message: string) => void = () => undefined,
  ) {}

  list(): PendingStop[] {
    try {
      return this.settings.pendingStops();
    } catch (error) {
      this.warn(`Cannot read the pending stops: ${describe(error)}`);
      return [];
    }
  }

  find(clusterId: string): PendingStop | undefined {
    return this.list().find((p) => p.clusterId === clusterId);
  }

  /** Written before a newly requested stop is sent; a new request restarts an existing entry. */
  begin(target: StopTarget): boolean {
    return this.beginMany([target]);
  }

  /** `begin` for a whole wave of stops, in one write. */
  beginMany(targets: readonly StopTarget[]): boolean {
    return this.attempt('record a pending stop', () => {
      this.settings.addPendingStops(
        targets.map((t) => ({
          clusterId: t.clusterId,
          regionId: t.regionId,
          ...(t.cidrIp !== undefined ? { cidrIp: t.cidrIp } : {}),
        })),
      );
    });
  }

  /** The stop is confirmed, or failed for good: the entry ends. */
  settle(clusterId: string): void {
    this.settleMany([clusterId]);
  }

  /** `settle` for a whole wave, in one write. */
  settleMany(clusterIds: readonly string[]): void {
    if (clusterIds.length === 0) return;
    this.attempt('remove a pending stop', () => {
      this.settings.removePendingStops(clusterIds);
    });
  }

  /** One more failed attempt; true when the entry is (still) on disk. */
  failed(clusterId: string, code: string): boolean {
    let kept = false;
    this.attempt('update a pending stop', () => {
      kept = this.settings.recordPendingStopAttempt(clusterId, code) !== undefined;
    });
    return kept;
  }

  /** The user gives up on a stop. */
  dismiss(clusterId: string): boolean {
    let removed = false;
    this.attempt('remove a pending stop', () => {
      removed = this.settings.removePendingStop(clusterId);
    });
    return removed;
  }

  private attempt(what: string, write: () => void): boolean {
    try {
      write();
      return true;
    } catch (error) {
      this.warn(`Could not ${what}: ${describe(error)}`);
      return false;
    }
  }
}

function describe(error: unknown): string {
  return error instanceof AppError ? error.code : 'unexpected error';
}
