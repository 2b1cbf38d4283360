// Runs what the tray menu and the command-line switches ask for, through the same handler table
// the window uses (validated requests, Result answers), and reports every outcome as a
// notification: success with the cluster's name, failure with the error's message and action.
import type { HandlerTable, Result, StopAllResult } from '../../preload/shared/contract';
import { describeError } from '../../preload/shared/error-registry';
import { connectFailedTitle, connectNotice } from './connect-notices';
import { failureNotice, failuresBody, type Notice, type TrayLabels } from './tray-labels';
import { stopAllCounts, stopAllSummary } from '../../preload/shared/stop-all-summary';
import type { TrayAction } from './tray-menu';

/** What this runner does; the shell itself opens, quits and retries pending stops (its loop reports those). */
export type ClusterAction = Exclude<
  TrayAction,
  { kind: 'open' } | { kind: 'quit' } | { kind: 'retryPending' }
>;

export type ActionTable = Pick<
  HandlerTable,
  'stopVnc' | 'stopAllVnc' | 'selectCluster' | 'getVncStatus' | 'connect'
>;

export interface ActionRunnerDeps {
  table: ActionTable;
  notify(notice: Notice): void;
  labels(): TrayLabels;
  /** A cluster's display name (its ID when the name is not known). */
  clusterName(clusterId: string): string;
  /** Told whether each action succeeded (the tray icon shows the last failure). */
  onOutcome?(ok: boolean): void;
}

export interface ActionRunner {
  /** Runs the action and resolves once it is done and notified; never rejects. */
  run(action: ClusterAction): Promise<boolean>;
}

export function createActionRunner(deps: ActionRunnerDeps): ActionRunner {
  const report = <T>(
    result: Result<T>,
    success: (value: T) => Notice,
    failureTitle: string,
  ): boolean => {
    const locale = deps.labels().locale;
    deps.notify(
      result.ok ? success(result.value) : failureNotice(failureTitle, result.error, locale),
    );
    deps.onOutcome?.(result.ok);
    return result.ok;
  };

  async function run(action: ClusterAction): Promise<boolean> {
    const labels = deps.labels();
    switch (action.kind) {
      case 'stop': {
        const name = deps.clusterName(action.clusterId);
        const result = await deps.table.stopVnc({
          clusterId: action.clusterId,
          ...(action.regionId ? { regionId: action.regionId } : {}),
        });
        return report(result, () => labels.stopped(name), labels.stopFailed(name));
      }
      case 'connect': {
        const name = deps.clusterName(action.clusterId);
        const result = await deps.table.connect({
          clusterId: action.clusterId,
          ...(action.regionId ? { regionId: action.regionId } : {}),
        });
        return report(
          result,
          (v) => connectNotice(name, v, labels.locale),
          connectFailedTitle(name, labels.locale),
        );
      }
      case 'stopAll': {
        const result = await deps.table.stopAllVnc({});
        deps.notify(
          result.ok
            ? stopAllNotice(result.value, labels, deps.clusterName)
            : failureNotice(labels.stopAllFailed, result.error, labels.locale),
        );
        // A stop only recorded as pending, or a rule left open, is not done: the icon says so.
        const ok =
          result.ok &&
          result.value.failed.length === 0 &&
          (result.value.stillOpen ?? []).length === 0;
        deps.onOutcome?.(ok);
        return ok;
      }
      case 'select': {
        const name = deps.clusterName(action.clusterId);
        const result = await deps.table.selectCluster({ clusterId: action.clusterId });
        return report(result, () => labels.selected(name), labels.selectFailed(name));
      }
      case 'refreshStatus': {
        const name = deps.clusterName(action.clusterId);
        const result = await deps.table.getVncStatus({ clusterId: action.clusterId });
        return report(
          result,
          (v) => labels.status(name, `${labels.vnc[v.vnc]} — ${v.message}`),
          labels.statusFailed(name),
        );
      }
    }
  }

  return {
    run: async (action) => {
      try {
        return await run(action);
      } catch {
        // The table never throws; a notifier that does must not turn a click into a crash.
        return false;
      }
    },
  };
}

/**
 * One notice for a whole stop-all: the summary line (how many stopped, in how many regions, how
 * many recorded as pending), then what went wrong where, any 12016 rule still there after the
 * stop, or, when stops are only pending, what happens to them. Every text but the summary is the
 * error registry's (PendingStop, RulesStillOpen).
 */
export function stopAllNotice(
  result: StopAllResult,
  labels: TrayLabels,
  clusterName: (clusterId: string) => string,
): Notice {
  const counts = stopAllCounts(result);
  const pending = new Set(result.recordedPending ?? []);
  const failed = result.failed.filter((f) => !pending.has(f.clusterId));
  const stillOpen = result.stillOpen ?? [];
  const parts = [stopAllSummary(counts, labels.locale)];
  if (failed.length > 0) parts.push(failuresBody(failed, clusterName, labels.locale));
  stillOpen.forEach((s, i) => {
    const params = { clusterId: clusterName(s.clusterId), cidrs: s.cidrs.join(', ') };
    const text = describeError({ code: 'RulesStillOpen', params }, labels.locale);
    parts.push(i === stillOpen.length - 1 ? `${text.message} ${text.action}` : text.message);
  });
  if (failed.length === 0 && stillOpen.length === 0 && counts.pending > 0) {
    parts.push(describeError({ code: 'PendingStop' }, labels.locale).action);
  }
  const title =
    failed.length > 0
      ? labels.stopAllPartly({ stopped: counts.stopped, failed: counts.failed })
      : stillOpen.length > 0
        ? labels.stopAllStillOpen(stillOpen.length)
        : counts.pending > 0
          ? labels.stopAllPending(counts.pending)
          : labels.stoppedAll;
  return { title, body: parts.join(' ') };
}
