// Leaving safely, as the shell runs it: the automatic stops (lock, sleep, idle, a time of day,
// quit) and the retries of the pending-stop journal, each telling the user what happened.
import type { AppService } from '../core/app-service';
import { AutoStopController, scopeForReason, type AutoStopOutcome } from '../core/auto-stop';
import type { Settings } from '../core/settings';
import type { AutoStopSettings } from '../core/settings-schema';
import { autoStopNotices, pendingRetryNotices } from './leaving-notices';
import { PendingRetryLoop } from './pending-retry-loop';
import type { Notice, TrayLabels } from './tray-labels';

export interface LeavingSafelyDeps {
  settings: Settings;
  service: AppService;
  notify: (notice: Notice) => void;
  labels: () => TrayLabels;
  clusterName: (clusterId: string) => string;
  idleSeconds: () => number;
  isOnline: () => boolean;
  log: (line: string) => void;
}

export function createLeavingSafely(deps: LeavingSafelyDeps): {
  autoStop: AutoStopController;
  retries: PendingRetryLoop;
} {
  const { settings, service, notify, labels, clusterName, log } = deps;
  const autoStop = new AutoStopController({
    // Read on every event and tick, so a changed switch applies at once.
    settings: () => settings.peek().autoStop,
    stop: (scope) => service.autoStop(scope),
    idleSeconds: deps.idleSeconds,
    onOutcome: (outcome) => {
      log(`automatic stop (${outcome.reason}): ${outcomeSummary(outcome)}`);
      for (const notice of autoStopNotices(outcome, labels(), clusterName)) notify(notice);
    },
  });
  const retries = new PendingRetryLoop({
    hasPending: () => (service.getState().pendingStops?.length ?? 0) > 0,
    isOnline: deps.isOnline,
    retry: () => service.retryPendingStops(),
    report: (report, { loud, trigger }) => {
      const { stopped, dropped, remaining } = report;
      if (stopped.length + dropped.length + remaining.length > 0) {
        log(
          `pending stops (${trigger}): ${stopped.length} stopped, ${dropped.length} dropped, ` +
            `${remaining.length} remaining`,
        );
      }
      for (const notice of pendingRetryNotices(report, labels(), clusterName, { loud })) {
        notify(notice);
      }
    },
    log,
  });
  return { autoStop, retries };
}

/** Whether the shutdown stop just run already stopped what the on-quit stop would. */
export function covers(shutdown: AutoStopOutcome, autoStop: AutoStopSettings): boolean {
  const onQuit = scopeForReason('quit', autoStop);
  return onQuit === null || shutdown.scope === 'all' || shutdown.scope === onQuit;
}

function outcomeSummary(outcome: AutoStopOutcome): string {
  if (outcome.error) return `failed (${outcome.error.code})`;
  const r = outcome.result;
  return r
    ? `${r.stopped.length} stopped, ${r.alreadyStopped.length} already stopped, ${r.failed.length} failed`
    : 'nothing to do';
}
