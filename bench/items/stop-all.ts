// Item 2: stop VNC on every cluster. One cluster at a time (list, then status and stop if running,
// with the core client) against AppService.stopAllVnc, which refreshes the list (warm: one wave)
// while it asks for the statuses of the clusters it had cached, then stops through its pool.
import { createLimiter } from '../../main/core/ehpc/limiter';
import { generatedClusters, type SeedCluster } from '../../test/emulator';
import { bareSdk } from '../baselines';
import { startBenchApp, type BenchApp } from '../bench-app';
import { round2, sampleInterleaved } from '../measure';
import type { Row } from '../report';
import { withinRtt } from '../verdict';

export interface StopAllOptions {
  rttMs: number;
  reps: number;
  clusters: number;
}

/**
 * The long RTT at which round trips are counted: five times the run's RTT, where this machine's
 * CPU time for 101 requests (signing, parsing, the emulator's one thread) is a small fraction of
 * one round trip instead of most of one.
 */
export const LONG_RTT_FACTOR = 5;

const CIDR = '203.0.113.0/24';

/**
 * Before each sample: VNC running again on every cluster, and no open connection, as for a
 * stop-all after a while away (the endpoint drops idle keep-alive connections). Otherwise a
 * variant run just after a wide one would reuse its open connections and one run after the
 * one-by-one loop would not. The SDK's pool (httpx's own agent) is out of reach, so the
 * emulator closes them.
 */
function restarter(app: BenchApp, ids: string[]): () => Promise<void> {
  return async () => {
    await app.emulator.setClusters(ids, { vnc: 'running' });
    await app.emulator.closeIdleConnections();
  };
}

// Every cluster running with VNC up: the worst case, a status and a stop each.
function runningSeeds(n: number): SeedCluster[] {
  return generatedClusters(n, 'cn-hangzhou').map((c) => ({
    ...c,
    status: 'running',
    vnc: 'running',
  }));
}

export async function benchStopAll(opts: StopAllOptions): Promise<Row[]> {
  return [...(await atRunRtt(opts)), await atLongRtt(opts)];
}

/**
 * At the run's RTT: the app against one-by-one, and against the same plan with the core client
 * alone. The app is judged against that floor: the time it adds for its own work (the keychain
 * read, the journal's writes, state pushes) must stay under half a round trip.
 */
async function atRunRtt(opts: StopAllOptions): Promise<Row[]> {
  const seeds = runningSeeds(opts.clusters);
  const ids = seeds.map((c) => c.id);
  const app = await startBenchApp({ clusters: seeds, latencyMs: opts.rttMs });
  try {
    for (const id of ids) app.settings.rememberCluster(id, { cidrIp: CIDR });
    const client = app.client();
    const restartAll = restarter(app, ids);
    const sequential = async (): Promise<void> => {
      const { clusters } = await client.listClusters();
      for (const c of clusters.filter((x) => x.status === 'running')) {
        const status = await client.getVncStatus(c.id);
        if (status.vnc !== 'stopped') await client.stopVnc(c.id, CIDR);
      }
    };
    // The same plan with the core clients alone, without AppService's bookkeeping (keychain,
    // journal, state): the list, the statuses and the security groups' 12016 rules of the known
    // clusters in one wave (issue 11: a stop closes every CIDR its rules show; the group IDs are
    // cached, as the app has them), then the stops. What the network and this machine's CPU allow.
    const ecs = app.ecsClient();
    const groups = await Promise.all(ids.map((id) => client.describeClusterSecurityGroup(id)));
    const pooledCore = (width: number) => async (): Promise<void> => {
      const limit = createLimiter(width);
      const [, statuses] = await Promise.all([
        client.listClusters({ expectedTotal: opts.clusters }),
        Promise.all(ids.map((id) => limit(() => client.getVncStatus(id)))),
        Promise.all(groups.map((sg) => sg && limit(() => ecs.securityGroupRules(sg)))),
      ]);
      await Promise.all(
        statuses
          .filter((s) => s.vnc !== 'stopped')
          .map((s) => limit(() => client.stopVnc(s.clusterId, CIDR))),
      );
    };
    let stopped = 0;
    let failed: string[] = [];
    // Warm-up, which also caches the list so that the app's listing is the warm one.
    await restartAll();
    await app.service.stopAllVnc();

    const sdk = bareSdk(app.emulator);
    // The one-by-one loop takes 100 round trips: three samples place it well enough. The rows
    // compared with each other get twice the repetitions, since their medians decide a verdict.
    const [seq] = await sampleInterleaved(Math.min(opts.reps, 3), [
      { before: restartAll, run: sequential },
    ]);
    const [pooled, core16, coreWide, one] = await sampleInterleaved(opts.reps * 2, [
      {
        before: restartAll,
        run: async () => {
          const result = await app.service.stopAllVnc();
          stopped = result.stopped.length;
          failed = result.failed.map((f) => `${f.clusterId}: ${f.error.code}`);
        },
      },
      { before: restartAll, run: pooledCore(16) },
      { before: restartAll, run: pooledCore(opts.clusters) },
      // One round trip as this machine delivers it: a single bare SDK call.
      { run: () => sdk.call('GetVisualServiceStatus', { ClusterId: ids[0] ?? '' }) },
    ]);
    if (!seq || !pooled || !core16 || !coreWide || !one)
      throw new Error('stop-all: missing samples');
    if (stopped !== opts.clusters) {
      throw new Error(
        `stop-all stopped ${stopped} of ${opts.clusters}; failed: ${failed.join(', ')}`,
      );
    }
    const rtt = one.medianMs;
    const appRtt = pooled.medianMs / rtt;
    const floorRtt = coreWide.medianMs / rtt;
    const coreRow = (width: number, sample: typeof seq): Row => ({
      id: `stopAll.core.width${width}`,
      item: `2. same, core client alone, pool ${width}`,
      baselineLabel: 'one by one',
      baseline: round2(seq.medianMs),
      app: round2(sample.medianMs),
      unit: 'ms',
      baselineRtt: round2(seq.medianMs / rtt),
      appRtt: round2(sample.medianMs / rtt),
      ratio: round2(sample.medianMs / seq.medianMs),
      target: 'info (no AppService)',
      verdict: 'INFO',
      detail: { appSamplesMs: sample.samplesMs },
    });
    return [
      {
        id: `stopAll.n${opts.clusters}`,
        item: `2. stop VNC on ${opts.clusters} clusters`,
        baselineLabel: 'one by one',
        baseline: round2(seq.medianMs),
        app: round2(pooled.medianMs),
        unit: 'ms',
        baselineRtt: round2(seq.medianMs / rtt),
        appRtt: round2(appRtt),
        ratio: round2(pooled.medianMs / seq.medianMs),
        target: 'floor + ≤ 0.5 RTT (core alone, pool 50)',
        verdict: withinRtt(appRtt, floorRtt),
        detail: {
          floorRtt: round2(floorRtt),
          oneCallMs: round2(rtt),
          injectedRttMultiples: round2(pooled.medianMs / opts.rttMs),
          clusters: opts.clusters,
          baselineSamplesMs: seq.samplesMs,
          appSamplesMs: pooled.samplesMs,
        },
      },
      coreRow(16, core16),
      coreRow(opts.clusters, coreWide),
    ];
  } finally {
    await app.close();
  }
}

/**
 * How many round trips the app's stop-all waits for, counted as the guide counts them: the same
 * stop-all against two emulators, one at the run's RTT and one at five times it, samples
 * interleaved; the difference of the medians over the difference of the latencies. The CPU time
 * (signing and parsing some 150 requests on a shared two-core machine) is the same at both
 * latencies and cancels out, where dividing one run by one call's time counted it as round trips.
 * The one-by-one baseline sends 1 + 2 × clusters requests in sequence: that is its count.
 */
async function atLongRtt(opts: StopAllOptions): Promise<Row> {
  const lowMs = opts.rttMs;
  const highMs = opts.rttMs * LONG_RTT_FACTOR;
  const seeds = runningSeeds(opts.clusters);
  const ids = seeds.map((c) => c.id);
  const apps = await Promise.all(
    [lowMs, highMs].map((latencyMs) => startBenchApp({ clusters: seeds, latencyMs })),
  );
  try {
    const stopped = new Map<BenchApp, number>();
    const task = (app: BenchApp) => ({
      before: restarter(app, ids),
      run: async () => {
        stopped.set(app, (await app.service.stopAllVnc()).stopped.length);
      },
    });
    for (const app of apps) {
      for (const id of ids) app.settings.rememberCluster(id, { cidrIp: CIDR });
      // Warm-up, which also caches the list, as a previous stop-all or the window would have.
      await task(app).before();
      await task(app).run();
    }
    const [low, high] = await sampleInterleaved(opts.reps, apps.map(task));
    if (!low || !high) throw new Error('stop-all (two RTTs): missing samples');
    for (const app of apps) {
      if (stopped.get(app) !== opts.clusters) {
        throw new Error(`stop-all (two RTTs) stopped ${stopped.get(app)} of ${opts.clusters}`);
      }
    }
    const appRtt = (high.medianMs - low.medianMs) / (highMs - lowMs);
    const sequential = 1 + 2 * opts.clusters;
    return {
      id: `stopAll.n${opts.clusters}.rtt${highMs}`,
      item: `2. stop VNC on ${opts.clusters} clusters, round trips (${lowMs} vs ${highMs} ms)`,
      // Not run: a call at this RTT is almost all network, so one by one is its calls × 1 RTT.
      baselineLabel: `one by one: ${sequential} calls, estimated`,
      baseline: round2(sequential * highMs),
      app: round2(high.medianMs),
      unit: 'ms',
      baselineRtt: sequential,
      appRtt: round2(appRtt),
      ratio: round2(appRtt / sequential),
      target: '≈ 2 RTT (status, stop; list beside)',
      // Below zero the CPU noise swamped the round trips: no verdict either way.
      verdict: appRtt < 0 ? 'INFO' : withinRtt(appRtt, 2),
      detail: {
        lowRttMs: lowMs,
        highRttMs: highMs,
        // The old count (one run over one RTT, CPU included) as an upper bound.
        upperBoundRtt: round2(high.medianMs / highMs),
        clusters: opts.clusters,
        lowSamplesMs: low.samplesMs,
        highSamplesMs: high.samplesMs,
      },
    };
  } finally {
    await Promise.all(apps.map((app) => app.close()));
  }
}
