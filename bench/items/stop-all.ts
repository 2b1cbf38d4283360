// Item 2: stop VNC on every cluster. One cluster at a time (list, then status and stop if running,
// with the core client) against AppService.stopAllVnc, which lists (warm: one wave), then queries
// and stops through its pool.
import { createLimiter } from '../../main/core/ehpc/limiter';
import { generatedClusters, type SeedCluster } from '../../test/emulator';
import { bareSdk } from '../baselines';
import { startBenchApp } from '../bench-app';
import { round2, sampleInterleaved } from '../measure';
import type { Row } from '../report';
import { withinRtt } from '../verdict';

export interface StopAllOptions {
  rttMs: number;
  reps: number;
  clusters: number;
}

const CIDR = '203.0.113.0/24';

export async function benchStopAll(opts: StopAllOptions): Promise<Row[]> {
  // Every cluster running with VNC up: the worst case, a status and a stop each.
  const seeds: SeedCluster[] = generatedClusters(opts.clusters, 'cn-hangzhou').map((c) => ({
    ...c,
    status: 'running',
    vnc: 'running',
  }));
  const ids = seeds.map((c) => c.id);
  const app = await startBenchApp({ clusters: seeds, latencyMs: opts.rttMs });
  try {
    for (const id of ids) app.settings.rememberCluster(id, { cidrIp: CIDR });
    const client = app.client();
    const restartAll = () => app.emulator.setClusters(ids, { vnc: 'running' });
    const sequential = async (): Promise<void> => {
      const { clusters } = await client.listClusters();
      for (const c of clusters.filter((x) => x.status === 'running')) {
        const status = await client.getVncStatus(c.id);
        if (status.vnc !== 'stopped') await client.stopVnc(c.id, CIDR);
      }
    };
    // The core client through a pool, without AppService's bookkeeping: what the network allows.
    const pooledCore = (width: number) => async (): Promise<void> => {
      const { clusters } = await client.listClusters({ expectedTotal: opts.clusters });
      const limit = createLimiter(width);
      await Promise.all(
        clusters
          .filter((x) => x.status === 'running')
          .map((c) =>
            limit(async () => {
              const status = await client.getVncStatus(c.id);
              if (status.vnc !== 'stopped') await client.stopVnc(c.id, CIDR);
            }),
          ),
      );
    };
    let stopped = 0;
    let failed: string[] = [];
    // Warm-up, which also caches the list so that the app's listing is the warm one.
    await restartAll();
    await app.service.stopAllVnc();

    const sdk = bareSdk(app.emulator);
    const [seq, pooled, core16, coreWide, one] = await sampleInterleaved(opts.reps, [
      { before: restartAll, run: sequential },
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
        target: '≤ 1 + 2 RTT (list, status, stop)',
        verdict: withinRtt(appRtt, 3),
        detail: {
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
