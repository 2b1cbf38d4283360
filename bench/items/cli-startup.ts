// Issue 13: how fast the built `ehpc-vnc` starts, against `node -e 0` in the same run. Each
// sample is a fresh process; the commands and the baseline are interleaved, and the median of
// `reps` (at least 10) decides. `clusters --cached --json` reads a cache of 1000 clusters,
// written by one real `clusters` refresh against the emulator first, as a user types it: the
// region from the settings. The same read with the region given (ALIBABA_CLOUD_REGION_ID, as in
// scripts) is shown for information: neither goes through the core (main/cli/cached-clusters.ts).
import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { EMULATOR_KEY } from '../../test/emulator';
import { startRemoteEmulator } from '../emulator-process';
import { median, round2 } from '../measure';
import type { Row } from '../report';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** The installed bin (package.json `bin`): the CommonJS launcher. */
const CLI = join(ROOT, 'dist/cli/ehpc-vnc.cjs');

/** Wall time of one process, from spawn to exit. */
function processMs(args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, { env, stdio: 'ignore' });
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code === 0) resolve(performance.now() - started);
      else reject(new Error(`${args.join(' ')} exited ${code}`));
    });
  });
}

const TARGETS = { help: 1.4, version: 1.3, cached: 1.8 } as const;

export async function benchCliStartup(reps: number): Promise<Row[]> {
  if (!existsSync(CLI)) throw new Error('dist/cli/ehpc-vnc.cjs is missing: run `npm run build`.');
  const n = Math.max(10, reps);
  const configDir = await mkdtemp(join(tmpdir(), 'ehpc-bench-cli-'));
  const emulator = await startRemoteEmulator({ clusters: 1000, latencyMs: 0 });
  try {
    const env = {
      ...process.env,
      EHPC_VNC_CONFIG_DIR: configDir,
      EHPC_VNC_ENDPOINT: emulator.url,
      ALIBABA_CLOUD_ACCESS_KEY_ID: EMULATOR_KEY.accessKeyId,
      ALIBABA_CLOUD_ACCESS_KEY_SECRET: EMULATOR_KEY.accessKeySecret,
      ALIBABA_CLOUD_REGION_ID: emulator.regionId,
    };
    // One refresh writes the cache the --cached samples read.
    await run(process.execPath, [CLI, 'clusters', '--json'], { env, maxBuffer: 64 << 20 });
    const { ALIBABA_CLOUD_REGION_ID: _given, ...settingsRegionEnv } = env;
    const cachedArgs = [CLI, 'clusters', '--cached', '--json'];
    // The settings' region must be the emulator's, or that row would time a refresh instead.
    const fromSettings = await run(process.execPath, cachedArgs, {
      env: settingsRegionEnv,
      maxBuffer: 64 << 20,
    });
    if ((JSON.parse(fromSettings.stdout) as { fromCache: boolean }).fromCache !== true) {
      throw new Error('clusters --cached with the settings region did not read the cache');
    }
    const cases = {
      baseline: { args: ['-e', '0'], env },
      help: { args: [CLI, '--help'], env },
      version: { args: [CLI, '--version'], env },
      cached: { args: cachedArgs, env: settingsRegionEnv },
      cachedRegionGiven: { args: cachedArgs, env },
    };
    const samples: Record<keyof typeof cases, number[]> = {
      baseline: [],
      help: [],
      version: [],
      cached: [],
      cachedRegionGiven: [],
    };
    for (let i = 0; i < n; i++) {
      for (const [name, c] of Object.entries(cases) as [
        keyof typeof cases,
        { args: string[]; env: NodeJS.ProcessEnv },
      ][]) {
        samples[name].push(await processMs(c.args, c.env));
      }
    }
    const base = median(samples.baseline);
    const row = (name: keyof typeof TARGETS, label: string): Row => {
      const ms = median(samples[name]);
      const ratio = ms / base;
      return {
        id: `cliStartup.${name}`,
        item: `13. ${label}`,
        baselineLabel: 'node -e 0',
        baseline: round2(base),
        app: round2(ms),
        unit: 'ms',
        ratio: round2(ratio),
        target: `≤ ${TARGETS[name]}× node -e 0`,
        verdict: ratio <= TARGETS[name] ? 'PASS' : 'MISS',
        detail: { reps: n, samplesMs: samples[name].map(round2) },
      };
    };
    const givenMs = median(samples.cachedRegionGiven);
    return [
      row('help', 'ehpc-vnc --help'),
      row('version', 'ehpc-vnc --version'),
      row('cached', 'ehpc-vnc clusters --cached --json (1000 cached)'),
      {
        id: 'cliStartup.cachedRegionGiven',
        item: '13. same, region given (ALIBABA_CLOUD_REGION_ID)',
        baselineLabel: 'node -e 0',
        baseline: round2(base),
        app: round2(givenMs),
        unit: 'ms',
        ratio: round2(givenMs / base),
        target: 'info (no target)',
        verdict: 'INFO',
        detail: { reps: n, samplesMs: samples.cachedRegionGiven.map(round2) },
      },
    ];
  } finally {
    await emulator.close();
    await rm(configDir, { recursive: true, force: true });
  }
}
