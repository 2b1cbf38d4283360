// `npm run bench`: every performance item of issue 6, app against baseline, in one run. Prints a
// Markdown table (MISS rows in bold) and optionally writes JSON. Exits non-zero only when a
// benchmark crashed; a missed target is a result, not a failure.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildBlankReact } from './blank-react';
import { benchBundle } from './items/bundle';
import { benchCliStartup } from './items/cli-startup';
import { benchExposure } from './items/exposure';
import { benchFirstRow } from './items/first-row';
import { benchListing } from './items/listing';
import { benchOverhead } from './items/overhead';
import { benchStartup } from './items/startup';
import { benchStopAll } from './items/stop-all';
import { parseOptions, type BenchOptions, type Item } from './options';
import { formatTable, type Row, type RunReport } from './report';
import { RTT_SLACK } from './verdict';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CHROMIUM = '/usr/bin/chromium';

/** The app fixture keeps the AccessKey in a real keychain: run inside a throwaway one. */
function reExecInKeyring(): never {
  const result = spawnSync(
    'bash',
    [
      resolve(ROOT, 'test/with-keyring.sh'),
      process.execPath,
      ...process.execArgv,
      ...process.argv.slice(1),
    ],
    { stdio: 'inherit', cwd: ROOT },
  );
  process.exit(result.status ?? 1);
}

async function main(opts: BenchOptions): Promise<number> {
  const started = new Date();
  const rows: Row[] = [];
  const skipped: RunReport['skipped'] = [];
  const crashed: string[] = [];
  const want = (item: Item): boolean => opts.items.includes(item);
  const reps = opts.reps;
  let blankDist: string | undefined;
  const blank = async (): Promise<string> => (blankDist ??= await buildBlankReact());

  const steps: [Item, () => Promise<Row[]>][] = [
    ['listing', () => benchListing({ rttMs: opts.rttMs, reps, sizes: [10, 137, 1000] })],
    ['stopAll', () => benchStopAll({ rttMs: opts.rttMs, reps: opts.quick ? 3 : 5, clusters: 50 })],
    ['exposure', () => benchExposure({ rttMs: opts.rttMs, reps, clusters: 1000 })],
    [
      'overhead',
      () =>
        benchOverhead({
          rttMs: opts.rttMs,
          callsAtRtt: opts.quick ? 10 : 30,
          cpuCalls: opts.quick ? 100 : 300,
          cpuBlocks: opts.quick ? 3 : 5,
        }),
    ],
    [
      'bundle',
      async () => {
        const { ensureRendererBuilt } = await import('../test/ui/harness');
        ensureRendererBuilt();
        return benchBundle(await blank());
      },
    ],
    [
      'firstRow',
      async () =>
        benchFirstRow({
          rttMs: opts.rttMs,
          reps: opts.quick ? 3 : 7,
          clusters: 137,
          blankDist: await blank(),
        }),
    ],
    ['startup', () => benchStartup(reps)],
    ['cliStartup', () => benchCliStartup(opts.quick ? 10 : 15)],
  ];

  for (const [item, step] of steps) {
    if (!want(item)) continue;
    if (item === 'firstRow' && !existsSync(CHROMIUM)) {
      skipped.push({ item, reason: `${CHROMIUM} is not installed` });
      console.log(`- ${item}: skipped (${CHROMIUM} is not installed)`);
      continue;
    }
    const t0 = Date.now();
    process.stdout.write(`- ${item} ... `);
    try {
      const got = await step();
      rows.push(...got);
      const misses = got.filter((r) => r.verdict === 'MISS').length;
      console.log(`${((Date.now() - t0) / 1000).toFixed(1)} s${misses ? `, ${misses} MISS` : ''}`);
    } catch (err) {
      crashed.push(item);
      console.log('CRASHED');
      console.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
    }
  }

  console.log(
    `\nInjected latency ${opts.rttMs} ms per response; RTT× = time ÷ one bare SDK call measured ` +
      `in the same item; median of ${reps} unless noted; network rows pass within ${RTT_SLACK} RTT.\n`,
  );
  console.log(formatTable(rows));
  const misses = rows.filter((r) => r.verdict === 'MISS');
  for (const r of misses) {
    console.log(`MISS: ${r.item}: ${r.app} ${r.unit}, target ${r.target}`);
  }
  if (misses.length === 0 && rows.length > 0) console.log('\nAll targets met.');

  if (opts.out) {
    const report: RunReport = {
      startedAt: started.toISOString(),
      finishedAt: new Date().toISOString(),
      quick: opts.quick,
      rttMs: opts.rttMs,
      reps,
      node: process.version,
      platform: `${process.platform} ${process.arch}`,
      cpus: cpus().length,
      rows,
      skipped,
    };
    const out = resolve(process.cwd(), opts.out);
    await mkdir(dirname(out), { recursive: true });
    await writeFile(out, `${JSON.stringify(report, null, 2)}\n`);
    console.log(`\nWrote ${out}`);
  }
  if (crashed.length > 0) {
    console.error(`\nCrashed: ${crashed.join(', ')}`);
    return 1;
  }
  return 0;
}

if (process.env.EHPC_KEYRING_READY !== '1') reExecInKeyring();
let options: BenchOptions;
try {
  options = parseOptions(process.argv.slice(2));
} catch (err) {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(2);
}
process.exitCode = await main(options);
