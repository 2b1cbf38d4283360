// The pending-stop journal in settings.json: stops still owed to clusters (a stop on quit or on
// logout that could not finish), retried until they succeed. These are its changes, as plain
// functions of the journal; Settings applies them under the lock the app and the CLI share.
import type { PendingStop } from './settings-schema';

/** What a caller gives to record a pending stop; the journal adds the rest. */
export interface NewPendingStop {
  clusterId: string;
  regionId: string;
  cidrIp?: string;
  requestedAt?: string;
}

/** The entries for new stops, not yet tried. */
export function journalEntries(stops: readonly NewPendingStop[], now = new Date()): PendingStop[] {
  const requestedAt = now.toISOString();
  return stops.map((stop) => {
    const entry: PendingStop = {
      clusterId: stop.clusterId,
      regionId: stop.regionId,
      requestedAt: stop.requestedAt ?? requestedAt,
      attempts: 0,
    };
    if (stop.cidrIp !== undefined) entry.cidrIp = stop.cidrIp;
    return entry;
  });
}

/** One entry per cluster: a new request replaces (restarts) the cluster's old one. */
export function withEntries(
  journal: readonly PendingStop[],
  entries: readonly PendingStop[],
): PendingStop[] {
  const renewed = new Set(entries.map((e) => e.clusterId));
  return [...journal.filter((p) => !renewed.has(p.clusterId)), ...entries];
}

/** Counts a failed attempt; `updated` is undefined when the cluster has no entry. */
export function withAttempt(
  journal: readonly PendingStop[],
  clusterId: string,
  lastError?: string,
): { journal: PendingStop[]; updated?: PendingStop } {
  let updated: PendingStop | undefined;
  const next = journal.map((p) => {
    if (p.clusterId !== clusterId) return p;
    updated = { ...p, attempts: p.attempts + 1 };
    if (lastError !== undefined) updated.lastError = lastError.slice(0, 500);
    return updated;
  });
  return { journal: next, updated };
}

export function withoutClusters(
  journal: readonly PendingStop[],
  clusterIds: readonly string[],
): PendingStop[] {
  const gone = new Set(clusterIds);
  return journal.filter((p) => !gone.has(p.clusterId));
}
