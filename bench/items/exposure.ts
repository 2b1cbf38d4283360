// Item 11 (issue 11): the exposure model over 1000 clusters in 3 regions, cold (a first start:
// ListRegions, every region's list, then per running cluster its status, DescribeCluster and the
// ECS rules) and warm (regions, lists and security group IDs cached), and stop-all beyond a warm
// exposure. Round trips are counted as the difference between the same run at two injected
// latencies, divided by the difference of the latencies: the CPU time (1000 clusters' worth of
// signing and parsing, on a shared 2-core machine) is the same in both and cancels out.
//
// Both latencies run side by side (two emulators, two services) and their samples are
// interleaved, so a neighbour's build that slows the machine for a minute slows both alike; run
// one after the other, a busy minute under one latency made the differences negative. The high
// latency is 60× the run's (3 s at 50 ms): 2400 requests cost this loaded machine 2–5 s of CPU
// whose spread, from sample to sample, is what is left after the difference; divided by a gap of
// 3 s it is a fraction of a round trip (at 250 ms it was several). The detail also keeps the
// plain upper bound, the time at the high latency divided by it (CPU counted as round trips).
import { regionalClusters } from '../../test/emulator';
import { startBenchApp, type BenchApp } from '../bench-app';
import { round2, sampleInterleaved, type Sampled } from '../measure';
import type { Row } from '../report';
import { withinRtt } from '../verdict';

/** The high latency, as a multiple of the run's. */
export const EXPOSURE_HIGH_RTT_FACTOR = 60;

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

interface Timed {
  before: () => Promise<unknown>;
  run: () => Promise<unknown>;
}

/** One latency's app, its tasks, and what one untimed run of each sends. */
async function prepareAt(
  latencyMs: number,
  opts: ExposureBenchOptions,
): Promise<{ tasks: Record<Kind, Timed>; requests: Record<Kind, number>; close(): Promise<void> }> {
  const app = await startBenchApp({ clusters: { regional: opts.clusters }, latencyMs });
  const restore = restorer(app, opts.clusters);
  const open = runningVncCount(opts.clusters);
  let fresh: Awaited<ReturnType<BenchApp['fresh']>> | undefined;
  const dropFresh = async (): Promise<void> => {
    await fresh?.close();
    fresh = undefined;
  };
  const cold: Timed = {
    before: async () => {
      await dropFresh();
      fresh = await app.fresh();
      await app.emulator.closeIdleConnections();
    },
    run: async () => fresh?.service.getExposure({ refresh: true }),
  };
  const warm: Timed = {
    before: () => app.emulator.closeIdleConnections(),
    run: () => app.service.getExposure({ refresh: true }),
  };
  const stopAll: Timed = {
    before: restore,
    run: async () => {
      const stopped = (await app.service.stopAllVnc()).stopped.length;
      if (stopped !== open) throw new Error(`exposure stop-all stopped ${stopped} of ${open}`);
    },
  };
  const counted = async (task: Timed) => {
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
    await restore();
    return {
      tasks: { cold, warm, stopAll },
      requests,
      close: async () => {
        await dropFresh();
        await app.close();
      },
    };
  } catch (err) {
    await dropFresh();
    await app.close();
    throw err;
  }
}

async function measureBoth(
  lowMs: number,
  highMs: number,
  opts: ExposureBenchOptions,
): Promise<{ low: AtLatency; high: AtLatency }> {
  const low = await prepareAt(lowMs, opts);
  try {
    const high = await prepareAt(highMs, opts);
    try {
      const kinds: Kind[] = ['cold', 'warm', 'stopAll'];
      const sampled = await sampleInterleaved(
        opts.reps,
        kinds.flatMap((k) => [low.tasks[k], high.tasks[k]]),
      );
      const at = (offset: 0 | 1, requests: Record<Kind, number>): AtLatency => {
        const pick = (i: number): Sampled => {
          const s = sampled[i * 2 + offset];
          if (!s) throw new Error('exposure: missing samples');
          return s;
        };
        return { samples: { cold: pick(0), warm: pick(1), stopAll: pick(2) }, requests };
      };
      return { low: at(0, low.requests), high: at(1, high.requests) };
    } finally {
      await high.close();
    }
  } finally {
    await low.close();
  }
}

export async function benchExposure(opts: ExposureBenchOptions): Promise<Row[]> {
  const lowMs = opts.rttMs;
  const highMs = opts.rttMs * EXPOSURE_HIGH_RTT_FACTOR;
  const { low, high } = await measureBoth(lowMs, highMs, opts);
  const rtts = (k: Kind): number =>
    (high.samples[k].medianMs - low.samples[k].medianMs) / (highMs - lowMs);
  const n = opts.clusters;
  const detail = (k: Kind) => ({
    lowRttMs: lowMs,
    highRttMs: highMs,
    lowSamplesMs: low.samples[k].samplesMs,
    highSamplesMs: high.samples[k].samplesMs,
    requests: low.requests[k],
    upperBoundRtt: round2(high.samples[k].medianMs / highMs),
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
  // Stop-all is judged as a whole against the warm check it starts with plus two round trips
  // (the stops, the re-read of the rules): its own difference of two latencies, not the
  // difference of two differences, whose noise adds up.
  const warmRtt = rtts('warm');
  const stopRtt = rtts('stopAll');
  const stopCalls = low.requests.stopAll;
  return [
    exposureRow('cold', 3),
    exposureRow('warm', 2),
    {
      id: `exposure.stopAll.n${n}`,
      item: `11. stop-all in 3 regions (${runningVncCount(n)} open): check, stops, re-read`,
      baselineLabel: `naive: ${stopCalls} calls in sequence, estimated`,
      baseline: round2(stopCalls * lowMs),
      app: round2(low.samples.stopAll.medianMs),
      unit: 'ms',
      baselineRtt: stopCalls,
      appRtt: round2(stopRtt),
      ratio: round2(low.samples.stopAll.medianMs / (stopCalls * lowMs)),
      target: `≤ warm + 2 RTT (= ${round2(warmRtt + 2)})`,
      verdict: stopRtt < 0 || warmRtt < 0 ? 'INFO' : withinRtt(stopRtt, warmRtt + 2),
      detail: {
        ...detail('stopAll'),
        warmRtt: round2(warmRtt),
        beyondWarmRtt: round2(stopRtt - warmRtt),
        requestsBeyondWarm: stopCalls - low.requests.warm,
      },
    },
  ];
}
