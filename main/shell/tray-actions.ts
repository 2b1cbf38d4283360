// Runs what the tray menu and the command-line switches ask for, through the same handler table
// the window uses (validated requests, Result answers), and reports every outcome as a
// notification: success with the cluster's name, failure with the error's message and action.
import type { HandlerTable, Result } from '../../preload/shared/contract';
import { connectFailedTitle, connectNotice } from './connect-notices';
import { failureNotice, failuresBody, type Notice, type TrayLabels } from './tray-labels';
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
        if (result.ok && result.value.failed.length > 0) {
          const { stopped, failed } = result.value;
          deps.notify({
            title: labels.stopAllPartly({ stopped: stopped.length, failed: failed.length }),
            body: failuresBody(failed, deps.clusterName, labels.locale),
          });
          deps.onOutcome?.(false);
          return false;
        }
        return report(
          result,
          (v) => labels.stoppedAll({ stopped: v.stopped.length, already: v.alreadyStopped.length }),
          labels.stopAllFailed,
        );
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
