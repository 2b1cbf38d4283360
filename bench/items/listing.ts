// Item 1: the cluster list. A page-by-page loop over the bare SDK against the core's listing
// (EhpcClient.listClusters), cold (page 1, then every other page in one wave) and warm (the cached
// TotalCount lets every page go out with page 1); then, for the largest list, the same through
// AppService.listClusters({refresh: true}), which the window and the CLI call (keychain read and
// the settings cache included).
import { bareSdk, pageByPageListing } from '../baselines';
import { startBenchApp, type BenchApp } from '../bench-app';
import { round2, sampleInterleaved, type Sampled } from '../measure';
import type { Row } from '../report';
import { withinRtt } from '../verdict';

export interface ListingOptions {
  rttMs: number;
  reps: number;
  sizes: readonly number[];
}

type Kind = 'cold' | 'warm';
const TARGET_RTT: Record<Kind, number> = { cold: 2, warm: 1 };

/** ListClusters requests one untimed run sends (counting over IPC stays off the clock). */
async function requestsOf(app: BenchApp, task: () => Promise<unknown>): Promise<number> {
  const before = await app.emulator.count('ListClusters');
  await task();
  return (await app.emulator.count('ListClusters')) - before;
}

function row(
  opts: ListingOptions,
  n: number,
  layer: 'core' | 'app',
  kind: Kind,
  loop: Sampled,
  sample: Sampled,
  requests: { loop: number; app: number },
  oneCallMs: number,
): Row {
  const appRtt = sample.medianMs / oneCallMs;
  const pages = Math.ceil(n / 50);
  return {
    id: `listing.${layer}.${kind}.n${n}`,
    item:
      layer === 'core' ? `1. list ${n} clusters, ${kind}` : `1. list ${n}, ${kind}, via AppService`,
    baselineLabel: 'page loop',
    baseline: round2(loop.medianMs),
    app: round2(sample.medianMs),
    unit: 'ms',
    baselineRtt: round2(loop.medianMs / oneCallMs),
    appRtt: round2(appRtt),
    ratio: round2(sample.medianMs / loop.medianMs),
    target: `≤ ${TARGET_RTT[kind]} RTT (loop ${pages})`,
    verdict: withinRtt(appRtt, TARGET_RTT[kind]),
    detail: {
      oneCallMs: round2(oneCallMs),
      injectedRttMultiples: round2(sample.medianMs / opts.rttMs),
      clusters: n,
      pages,
      baselineSamplesMs: loop.samplesMs,
      appSamplesMs: sample.samplesMs,
      baselineRequests: requests.loop,
      appRequests: requests.app,
    },
  };
}

export async function benchListing(opts: ListingOptions): Promise<Row[]> {
  const rows: Row[] = [];
  const largest = Math.max(...opts.sizes);
  for (const n of opts.sizes) {
    const app = await startBenchApp({ clusters: n, latencyMs: opts.rttMs });
    try {
      const sdk = bareSdk(app.emulator);
      const client = app.client();
      const tasks = {
        loop: () => pageByPageListing(sdk),
        cold: () => client.listClusters(),
        warm: () => client.listClusters({ expectedTotal: n }),
        // One round trip as this machine delivers it: a single bare SDK page.
        one: () => sdk.call('ListClusters', { PageNumber: '1', PageSize: '50' }),
      };
      // Untimed warm-up (sockets, JIT), counting what each variant sends.
      const req = {
        loop: await requestsOf(app, tasks.loop),
        cold: await requestsOf(app, tasks.cold),
        warm: await requestsOf(app, tasks.warm),
      };
      // The page loop is the slow, predictable baseline: a few samples place it. The app's rows
      // and the RTT unit get twice the repetitions, since their medians decide a verdict.
      const [loop] = await sampleInterleaved(Math.min(opts.reps, 3), [{ run: tasks.loop }]);
      const [cold, warm, one] = await sampleInterleaved(opts.reps * 2, [
        { run: tasks.cold },
        { run: tasks.warm },
        { run: tasks.one },
      ]);
      if (!loop || !cold || !warm || !one) throw new Error('listing: missing samples');
      const rtt = one.medianMs;
      rows.push(
        row(opts, n, 'core', 'cold', loop, cold, { loop: req.loop, app: req.cold }, rtt),
        row(opts, n, 'core', 'warm', loop, warm, { loop: req.loop, app: req.warm }, rtt),
      );

      if (n === largest) {
        const refresh = () => app.service.listClusters({ refresh: true });
        const forget = () => app.settings.clusterCache.clear();
        forget();
        const svc = { cold: await requestsOf(app, refresh), warm: await requestsOf(app, refresh) };
        const [sCold, sWarm] = await sampleInterleaved(opts.reps * 2, [
          { before: forget, run: refresh },
          // The cold run has just cached the list, so this one knows TotalCount.
          { run: refresh },
        ]);
        if (!sCold || !sWarm) throw new Error('listing: missing samples');
        rows.push(
          row(opts, n, 'app', 'cold', loop, sCold, { loop: req.loop, app: svc.cold }, rtt),
          row(opts, n, 'app', 'warm', loop, sWarm, { loop: req.loop, app: svc.warm }, rtt),
        );
      }
    } finally {
      await app.close();
    }
  }
  return rows;
}
