// `npm run demo [-- --clusters N] [--latency MS]`: try the app without an Alibaba Cloud account.
// Builds the app, starts the E-HPC emulator on a free loopback port (the sample clusters, or N
// generated ones), and runs Electron against it with a throw-away settings folder and the
// emulator's fake AccessKey in the environment: the user's own settings and keychain entries
// are never used. Without an Electron binary it says how to get one, and how to try the CLI
// against the running emulator instead. Ctrl+C stops everything.
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { electronBinary } from '../test/e2e-electron/electron-binary';
import { EMULATOR_KEY, clusterIdFor, startEmulator, type Emulator } from '../test/emulator';
import { DEV_ENDPOINT_SWITCH } from '../main/shell/dev-endpoint';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** Longer than the app's quit deadline (10 s), so its on-quit stop can still reach the emulator. */
const ELECTRON_QUIT_WAIT_MS = 15_000;

function count(name: string, raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) {
    console.error(`--${name} must be a non-negative integer`);
    process.exit(2);
  }
  return n;
}

function options(): { clusters?: number; latencyMs?: number } {
  const { values } = parseArgs({
    options: { clusters: { type: 'string' }, latency: { type: 'string' } },
  });
  return {
    clusters: count('clusters', values.clusters),
    latencyMs: count('latency', values.latency),
  };
}

function build(): void {
  const node = (args: string[]) =>
    execFileSync(process.execPath, args, { cwd: ROOT, stdio: 'inherit' });
  console.log('Building the app…');
  node(['scripts/build.mjs', 'main', 'preload', 'cli']);
  // The page (Vite, the slow part) only when its sources changed, with the same check and lock
  // as the UI tests: a demo never empties dist/renderer under a test that is serving it.
  mkdirSync(path.join(ROOT, 'dist'), { recursive: true });
  const check = 'test/ui/build-renderer-if-stale.mjs';
  const locked = spawnSync(
    'flock',
    [path.join(ROOT, 'dist/.renderer-build.lock'), process.execPath, check],
    { cwd: ROOT, stdio: 'inherit' },
  );
  const noFlock = (locked.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';
  if (noFlock) node([check]);
  else if (locked.status !== 0) throw new Error('building the page failed');
}

/** The app's environment: the emulator, a fresh settings folder, the emulator's key. */
function appEnv(emulator: Emulator, configDir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    EHPC_VNC_ENDPOINT: emulator.url,
    EHPC_VNC_CONFIG_DIR: configDir,
    ALIBABA_CLOUD_ACCESS_KEY_ID: EMULATOR_KEY.accessKeyId,
    ALIBABA_CLOUD_ACCESS_KEY_SECRET: EMULATOR_KEY.accessKeySecret,
    ALIBABA_CLOUD_REGION_ID: emulator.regionId,
  };
  // A real STS token would be sent along with the fake key, and Electron must run as Electron.
  delete env.ALIBABA_CLOUD_SECURITY_TOKEN;
  delete env.ELECTRON_RUN_AS_NODE;
  return env;
}

/** How to try the CLI against the emulator (its key is the emulator's fake one: safe to print). */
function printCliFallback(emulator: Emulator, configDir: string): void {
  const vars: [string, string][] = [
    ['EHPC_VNC_ENDPOINT', emulator.url],
    ['EHPC_VNC_CONFIG_DIR', configDir],
    ['ALIBABA_CLOUD_ACCESS_KEY_ID', EMULATOR_KEY.accessKeyId],
    ['ALIBABA_CLOUD_ACCESS_KEY_SECRET', EMULATOR_KEY.accessKeySecret],
    ['ALIBABA_CLOUD_REGION_ID', emulator.regionId],
  ];
  const cli = 'node dist/cli/ehpc-vnc.mjs';
  const first = clusterIdFor(emulator.regionId, 1);
  const line =
    process.platform === 'win32'
      ? `${vars.map(([k, v]) => `$env:${k}="${v}";`).join(' ')} ${cli} clusters`
      : `${vars.map(([k, v]) => `${k}=${v}`).join(' ')} ${cli} clusters`;
  console.log(
    [
      '',
      'No Electron binary is installed here (npm ran with ELECTRON_SKIP_BINARY_DOWNLOAD, or the',
      'download failed), so the app cannot open. To get it: node node_modules/electron/install.js',
      '',
      'Meanwhile, try the CLI against the emulator, from another terminal in this folder:',
      `  ${line}`,
      `then e.g. \`${cli} status ${first}\` and \`${cli} stop ${first} --cidr 203.0.113.7\``,
      '(same variables; `--help` lists every command).',
      '',
      'The emulator keeps running until Ctrl+C.',
    ].join('\n'),
  );
}

function waitForExit(child: ChildProcess, ms: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      resolve();
    }, ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

async function main(): Promise<void> {
  const opts = options();
  build();
  const emulator = await startEmulator({
    port: 0,
    ...(opts.clusters !== undefined ? { clusters: opts.clusters } : {}),
    ...(opts.latencyMs !== undefined ? { latencyMs: opts.latencyMs } : {}),
    // Action and outcome only: parameters may hold passwords.
    onSettled: (r) =>
      console.log(`[emulator] ${r.action || '(no action)'} -> ${r.status || 'no answer'}`),
  });
  const configDir = mkdtempSync(path.join(tmpdir(), 'ehpc-vnc-demo-'));
  console.log(`E-HPC emulator on ${emulator.url} (region ${emulator.regionId})`);
  console.log(`Demo settings in ${configDir} (removed at the end)`);

  const running: { app?: ChildProcess } = {};
  let ending = false;
  const end = async (code: number): Promise<never> => {
    if (ending) process.exit(code);
    ending = true;
    // The app first: its quit may still send the on-quit stop to the emulator.
    if (running.app) {
      running.app.kill('SIGTERM');
      await waitForExit(running.app, ELECTRON_QUIT_WAIT_MS);
    }
    await emulator.close();
    rmSync(configDir, { recursive: true, force: true });
    console.log('Demo stopped.');
    process.exit(code);
  };
  process.on('SIGINT', () => void end(0));
  process.on('SIGTERM', () => void end(0));

  const binary = electronBinary();
  if (!binary) {
    printCliFallback(emulator, configDir);
    return;
  }
  // keytar built for Node (tests, CLI) does not load in Electron; the demo's key comes from the
  // environment, so a failed rebuild only costs the keychain, not the demo.
  spawnSync(process.execPath, ['scripts/native.mjs', 'electron'], { cwd: ROOT, stdio: 'inherit' });
  console.log('Starting E-HPC VNC Tray (look for its icon in the tray / menu bar)…');
  // The emulator is a developer endpoint: the window honours EHPC_VNC_ENDPOINT only with the switch.
  const app = spawn(binary, ['.', DEV_ENDPOINT_SWITCH], {
    cwd: ROOT,
    env: appEnv(emulator, configDir),
    stdio: 'inherit',
    // Its own process group, so a terminal's Ctrl+C reaches only this script, which then sends
    // one SIGTERM: Electron quits gracefully on the first signal but dies at once on a second,
    // which would cut its on-quit stop short.
    detached: process.platform !== 'win32',
  });
  running.app = app;
  app.once('exit', (code) => void end(code ?? 0));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
