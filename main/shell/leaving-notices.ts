// What the user is told after stops nobody clicked: an automatic stop (lock, sleep, quit, idle…)
// and a retry of the pending-stop journal. Plain data in, notices out; the shell shows them.
import type { PendingRetryReport } from '../../preload/shared/contract';
import type { AutoStopOutcome } from '../core/auto-stop';
import { failureNotice, failuresBody, type Notice, type TrayLabels } from './tray-labels';

export type ClusterName = (clusterId: string) => string;

/**
 * An automatic stop that stopped something or failed is reported; one that found everything
 * already stopped (or no cluster selected) stays quiet, since it ran on a timer or an OS event
 * the user did not think of as an action.
 */
export function autoStopNotices(
  outcome: AutoStopOutcome,
  labels: TrayLabels,
  name: ClusterName,
): Notice[] {
  const reason = labels.autoStopReason[outcome.reason];
  if (outcome.error)
    return [failureNotice(labels.autoStopFailed(reason), outcome.error, labels.locale)];
  const result = outcome.result;
  if (!result) return [];
  const notices: Notice[] = [];
  if (result.stopped.length > 0) {
    notices.push(labels.autoStopped(reason, result.stopped.map(name).join(', ')));
  }
  if (result.failed.length > 0) {
    notices.push({
      title: labels.autoStopFailed(reason),
      body: failuresBody(result.failed, name, labels.locale),
    });
  }
  return notices;
}

export interface RetryNoticeOptions {
  /**
   * Also report a retry that changed nothing (all still pending): at launch and when the user
   * asked. Background retries (back online, every few minutes) only speak when something changed,
   * or a laptop offline for an hour would be told the same thing thirty times.
   */
  loud: boolean;
}

/** Each stop done, each one given up (with its error), and how many are left. */
export function pendingRetryNotices(
  report: PendingRetryReport,
  labels: TrayLabels,
  name: ClusterName,
  opts: RetryNoticeOptions,
): Notice[] {
  const notices: Notice[] = [];
  const remaining = report.remaining.length;
  if (report.stopped.length > 0) {
    const names = report.stopped.map((s) => name(s.clusterId)).join(', ');
    notices.push(labels.pendingStopped(names, remaining));
  }
  for (const { stop, error } of report.dropped) {
    notices.push(failureNotice(labels.pendingDropped(name(stop.clusterId)), error, labels.locale));
  }
  const reported = notices.length > 0;
  if (remaining > 0 && !report.stopped.length && (opts.loud || reported)) {
    const failed = report.remaining.map((r) => ({ clusterId: r.stop.clusterId, error: r.error }));
    notices.push({
      title: labels.pendingRemaining(remaining),
      body: failuresBody(failed, name, labels.locale),
    });
  }
  return notices;
}
