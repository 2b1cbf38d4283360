// The one line that sums up a stop-all, for the tray's notice and the CLI's `stop --all` alike
// (issue 11: "Stopped VNC on 12 clusters in 2 regions; 40 already stopped; 3 recorded as
// pending."). The pending count is always said, 0 included: after a stop-all the user wants to
// know that nothing is left waiting, not infer it from a missing clause.
import type { StopAllResult } from './shapes';

/** A stop-all's outcome in numbers: a stop recorded as pending is not counted as failed. */
export interface StopAllCounts {
  stopped: number;
  regions: number;
  already: number;
  /** Recorded as pending stops (journalled, retried later). */
  pending: number;
  /** Failed and not journalled. */
  failed: number;
}

export function stopAllCounts(result: StopAllResult): StopAllCounts {
  const pending = new Set(result.recordedPending ?? []);
  return {
    stopped: result.stopped.length,
    regions: result.regions ?? 1,
    already: result.alreadyStopped.length,
    pending: pending.size,
    failed: result.failed.filter((f) => !pending.has(f.clusterId)).length,
  };
}

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

export function stopAllSummary(counts: StopAllCounts, locale: 'en' | 'zh-CN'): string {
  const { stopped, regions, already, pending, failed } = counts;
  if (locale === 'zh-CN') {
    return (
      `已停止 ${regions} 个地域中 ${stopped} 个集群的 VNC；${already} 个原本已停止；` +
      `${pending} 个已记为待确认` +
      (failed > 0 ? `；${failed} 个失败` : '') +
      '。'
    );
  }
  return (
    `Stopped VNC on ${plural(stopped, 'cluster', 'clusters')} in ` +
    `${plural(regions, 'region', 'regions')}; ${already} already stopped; ` +
    `${pending} recorded as pending` +
    (failed > 0 ? `; ${failed} failed` : '') +
    '.'
  );
}
