// Item 11 (issue 11): the exposure model over 1000 clusters in 3 regions, cold (a first start:
// ListRegions, every region's list, then per running cluster its status, DescribeCluster and the
// ECS rules) and warm (regions, lists and security group IDs cached), and stop-all beyond a warm
// exposure. Round trips are counted as the difference between the same run at two injected
// latencies, divided by the difference of the latencies: the CPU time (1000 clusters' worth of
// signing and parsing, on a shared 2-core machine) is the same in both and cancels out.
import { regionalClusters } from '../../test/emulator';
import { startBenchApp, type BenchApp } from '../bench-app';
import { round2, sampleInterleaved, type Sampled } from '../measure';
import type { Row } from '../report';
import { withinRtt } from '../verdict';
import { LONG_RTT_FACTOR } from './stop-all';

export interface ExposureBenchOptions {
  rttMs: number;
  reps: number;
  clusters: number;
}

type Kind = 'cold' | 'warm' | 'stopAll';

interface AtLatency {
  samples: Record<Kind, Sampled>;
  /** Requests one untimed run sends: the naive sweep sends the same ones, one after another. */
  requests: Record<Kind, number>;
}

/** VNC running again, with its 12016 rule, where the seed has it; no open connection. */
function restorer(app: BenchApp, n: number): () => Promise<void> {
  const byRegion = new Map<string, { ids: string[]; rules: unknown }>();
  for (const c of regionalClusters(n)) {
    if (c.vnc !== 'running' || !c.regionId) continue;
    const group = byRegion.get(c.regionId) ?? { ids: [], rules: c.rules };
    group.ids.push(c.id);
    byRegion.set(c.regionId, group);
  }
  return async () => {
    for (const { ids, rules } of byRegion.values()) {
      await app.emulator.setClusters(ids, { vnc: 'running', rules: rules as never });
    }
    await app.emulator.closeIdleConnections();
  };
}

export function runningVncCount(n: number): number {
  return regionalClusters(n).filter((c) => c.vnc === 'running').length;
}

async function measureAt(latencyMs: number, opts: ExposureBenchOptions): Promise<AtLatency> {
  const app = await startBenchApp({ clusters: { regional: opts.clusters }, latencyMs });
  const restore = restorer(app, opts.clusters);
  const open = runningVncCount(opts.clusters);
  let fresh: Awaited<ReturnType<BenchApp['fresh']>> | undefined;
  const dropFresh = async (): Promise<void> => {
    await fresh?.close();
    fresh = undefined;
  };
  const cold = {
    before: async () => {
      await dropFresh();
      fresh = await app.fresh();
      await app.emulator.closeIdleConnections();
    },
    run: async () => fresh?.service.getExposure({ refresh: true }),
  };
  const warm = {
    before: () => app.emulator.closeIdleConnections(),
    run: () => app.service.getExposure({ refresh: true }),
  };
  let stopped = 0;
  const stopAll = {
    before: restore,
    run: async () => {
      stopped = (await app.service.stopAllVnc()).stopped.length;
    },
  };
  const counted = async (task: { before: () => Promise<unknown>; run: () => Promise<unknown> }) => {
    await task.before();
    const before = await app.emulator.count();
    await task.run();
    return (await app.emulator.count()) - before;
  };
  try {
    // Untimed: the request counts, and the warm-up that leaves the main service's caches warm.
    await restore();
    const requests: Record<Kind, number> = {
      cold: await counted(cold),
      warm: await counted({
        ...warm,
        // The main service's first check fills its caches: what is counted is the second.
        before: async () => {
          await app.service.getExposure({ refresh: true });
          await warm.before();
        },
      }),
      stopAll: await counted(stopAll),
    };
    if (stopped !== open) throw new Error(`exposure stop-all stopped ${stopped} of ${open}`);
    await restore();
    const [c, w, s] = await sampleInterleaved(opts.reps, [cold, warm, stopAll]);
    if (!c || !w || !s) throw new Error('exposure: missing samples');
    if (stopped !== open) throw new Error(`exposure stop-all stopped ${stopped} of ${open}`);
    return { samples: { cold: c, warm: w, stopAll: s }, requests };
  } finally {
    await dropFresh();
    await app.close();
  }
}

export async function benchExposure(opts: ExposureBenchOptions): Promise<Row[]> {
  const lowMs = opts.rttMs;
  const highMs = opts.rttMs * LONG_RTT_FACTOR;
  const low = await measureAt(lowMs, opts);
  const high = await measureAt(highMs, opts);
  const rtts = (k: Kind): number =>
    (high.samples[k].medianMs - low.samples[k].medianMs) / (highMs - lowMs);
  const n = opts.clusters;
  const detail = (k: Kind) => ({
    lowRttMs: lowMs,
    highRttMs: highMs,
    lowSamplesMs: low.samples[k].samplesMs,
    highSamplesMs: high.samples[k].samplesMs,
    requests: low.requests[k],
    clusters: n,
    openVnc: runningVncCount(n),
  });
  const exposureRow = (k: 'cold' | 'warm', target: number): Row => {
    const appRtt = rtts(k);
    const calls = low.requests[k];
    return {
      id: `exposure.${k}.n${n}`,
      item: `11. exposure of ${n} clusters in 3 regions, ${k}`,
      // Not run: at 50 ms the sweep takes minutes a sample; its time is its calls × one RTT.
      baselineLabel: `naive sweep: ${calls} calls in sequence, estimated`,
      baseline: round2(calls * lowMs),
      app: round2(low.samples[k].medianMs),
      unit: 'ms',
      baselineRtt: calls,
      appRtt: round2(appRtt),
      ratio: round2(low.samples[k].medianMs / (calls * lowMs)),
      target: `≤ ${target} RTT`,
      verdict: appRtt < 0 ? 'INFO' : withinRtt(appRtt, target),
      detail: detail(k),
    };
  };
  const beyondWarm = rtts('stopAll') - rtts('warm');
  const stopCalls = low.requests.stopAll - low.requests.warm;
  return [
    exposureRow('cold', 3),
    exposureRow('warm', 2),
    {
      id: `exposure.stopAll.n${n}`,
      item: `11. stop-all in 3 regions (${runningVncCount(n)} open), beyond a warm exposure`,
      baselineLabel: `naive: ${stopCalls} more calls in sequence, estimated`,
      baseline: round2(stopCalls * lowMs),
      app: round2(low.samples.stopAll.medianMs - low.samples.warm.medianMs),
      unit: 'ms',
      baselineRtt: stopCalls,
      appRtt: round2(beyondWarm),
      ratio: round2(
        (low.samples.stopAll.medianMs - low.samples.warm.medianMs) / (stopCalls * lowMs),
      ),
      target: '≈ 2 RTT (stop, re-read)',
      // Below zero the CPU time's noise swamped the round trips: no verdict either way.
      verdict: beyondWarm < 0 ? 'INFO' : withinRtt(beyondWarm, 2),
      detail: { ...detail('stopAll'), totalRtt: round2(rtts('stopAll')) },
    },
  ];
}
