// Item 3: what the core adds to one call. At the injected RTT, EhpcClient.getVncStatus
// (validation, signing by the SDK, mapping, retry bookkeeping) against a hand-signed request over
// node:http (the bare signed HTTP request) and against a bare SDK callApi; then,
// at zero latency, the CPU time per call of each layer: a hand-signed request, the bare SDK, the
// core client, and AppService (which also reads the AccessKey from the keychain per operation).
import { performance } from 'node:perf_hooks';
import { bareSdk, rawSigned } from '../baselines';
import { startBenchApp, type BenchApp } from '../bench-app';
import { median, round2, sampleInterleaved, type Sampled } from '../measure';
import type { Row } from '../report';
import { atMost } from '../verdict';

export interface OverheadOptions {
  rttMs: number;
  /** Calls per side at the injected RTT. */
  callsAtRtt: number;
  /** Calls per block at zero latency, and how many blocks (the median block counts). */
  cpuCalls: number;
  cpuBlocks: number;
}

const CLUSTER = 'ehpc-hz-000001';

function layers(fx: BenchApp) {
  const sdk = bareSdk(fx.emulator);
  const raw = rawSigned(fx.emulator);
  const client = fx.client();
  return {
    raw: () => raw('GetVisualServiceStatus', { ClusterId: CLUSTER }),
    sdk: () => sdk.call('GetVisualServiceStatus', { ClusterId: CLUSTER }),
    core: () => client.getVncStatus(CLUSTER),
    service: () => fx.service.getVncStatus({ clusterId: CLUSTER }),
  };
}

async function perCallMicros(
  task: () => Promise<unknown>,
  calls: number,
  blocks: number,
): Promise<number> {
  const perBlock: number[] = [];
  for (let b = 0; b < blocks; b++) {
    const start = performance.now();
    for (let i = 0; i < calls; i++) await task();
    perBlock.push(((performance.now() - start) * 1000) / calls);
  }
  return median(perBlock);
}

export async function benchOverhead(opts: OverheadOptions): Promise<Row[]> {
  const rows: Row[] = [];
  const slow = await startBenchApp({ clusters: 6, latencyMs: opts.rttMs });
  try {
    const l = layers(slow);
    await l.raw();
    await l.sdk();
    await l.core();
    const [raw, sdk, core] = await sampleInterleaved(opts.callsAtRtt, [
      { run: l.raw },
      { run: l.sdk },
      { run: l.core },
    ]);
    if (!raw || !sdk || !core) throw new Error('overhead: missing samples');
    const atRtt = (id: string, label: string, base: Sampled, suffix: string): Row => {
      const ratio = core.medianMs / base.medianMs;
      return {
        id,
        item: `3. one call at ${opts.rttMs} ms RTT${suffix}`,
        baselineLabel: label,
        baseline: round2(base.medianMs),
        app: round2(core.medianMs),
        unit: 'ms',
        baselineRtt: round2(base.medianMs / opts.rttMs),
        appRtt: round2(core.medianMs / opts.rttMs),
        ratio: round2(ratio),
        target: 'ratio ≤ 1.1',
        verdict: atMost(ratio, 1.1),
        detail: { baselineSamplesMs: base.samplesMs, appSamplesMs: core.samplesMs },
      };
    };
    rows.push(
      atRtt('overhead.rtt.raw', 'hand-signed http', raw, ''),
      atRtt('overhead.rtt', 'bare SDK callApi', sdk, ', vs the SDK'),
    );
  } finally {
    await slow.close();
  }

  const fast = await startBenchApp({ clusters: 6, latencyMs: 0 });
  try {
    const l = layers(fast);
    const warm = Math.min(200, opts.cpuCalls);
    for (const task of Object.values(l)) await perCallMicros(task, warm, 1);
    const us: Record<keyof typeof l, number[]> = { raw: [], sdk: [], core: [], service: [] };
    // Alternate whole blocks so that each layer sees the same machine state.
    for (let b = 0; b < opts.cpuBlocks; b++) {
      for (const [name, task] of Object.entries(l) as [keyof typeof l, () => Promise<unknown>][]) {
        us[name].push(await perCallMicros(task, opts.cpuCalls, 1));
      }
    }
    const m = {
      raw: median(us.raw),
      sdk: median(us.sdk),
      core: median(us.core),
      service: median(us.service),
    };
    const info = (
      id: string,
      item: string,
      baselineLabel: string,
      baseline: number,
      app: number,
    ): Row => ({
      id,
      item,
      baselineLabel,
      baseline: round2(baseline),
      app: round2(app),
      unit: 'µs',
      ratio: round2(app / baseline),
      target: 'info (CPU only)',
      verdict: 'INFO',
      detail: { callsPerBlock: opts.cpuCalls, blocks: opts.cpuBlocks, perBlockUs: us },
    });
    rows.push(
      info('overhead.cpu.core', '3. CPU per call, 0 ms: core client', 'bare SDK', m.sdk, m.core),
      info('overhead.cpu.sdk', '3. CPU per call, 0 ms: bare SDK', 'hand-signed http', m.raw, m.sdk),
      info(
        'overhead.cpu.service',
        '3. CPU per call, 0 ms: AppService (+keychain)',
        'core client',
        m.core,
        m.service,
      ),
    );
  } finally {
    await fast.close();
  }
  return rows;
}
