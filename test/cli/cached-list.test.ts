// `clusters --cached` with the region given answers without the core (main/cli/cached-clusters.ts);
// with the region from the settings it goes through the core. Both must print the same bytes and
// fail the same way: the fast read is an optimisation, never a second behaviour.
import {
  chmodSync,
  existsSync,
  mkdtempSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CLI, runCli } from './run-cli';

const REGION = 'cn-hangzhou';
let dir: string;
let env: NodeJS.ProcessEnv;

const cacheFile = (): string => join(dir, 'cluster-cache.json');
function writeCache(regions: Record<string, unknown>): void {
  writeFileSync(cacheFile(), JSON.stringify({ version: 1, regions }), { mode: 0o600 });
}
const cluster = (n: number, name: string) => ({
  // Fields in another order than the contract's, and one it does not know.
  status: 'running',
  extra: 'dropped on read',
  name,
  regionId: REGION,
  id: `ehpc-hz-${String(n).padStart(6, '0')}`,
  nodeCount: n,
});

/** The same command through the core (region from the settings) and without it (region given). */
async function bothWays(args: string[]) {
  const core = await runCli(['clusters', '--cached', ...args], env);
  const fast = await runCli(['clusters', '--cached', '--region', REGION, ...args], env);
  const fromEnv = await runCli(['clusters', '--cached', ...args], {
    ...env,
    ALIBABA_CLOUD_REGION_ID: REGION,
  });
  return { core, fast, fromEnv };
}

describe('ehpc-vnc clusters --cached', () => {
  beforeAll(() => {
    if (!existsSync(CLI)) throw new Error('dist/cli is missing: run `npm run build` first.');
  });
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ehpc-cached-list-'));
    chmodSync(dir, 0o700);
    env = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      DBUS_SESSION_BUS_ADDRESS: process.env.DBUS_SESSION_BUS_ADDRESS,
      EHPC_VNC_CONFIG_DIR: dir,
      // Nothing may be asked: a request would fail, and the keychain entry does not exist.
      EHPC_VNC_ENDPOINT: 'http://127.0.0.1:9',
      EHPC_VNC_KEYCHAIN_SERVICE: `ehpc-vnc-cached-list-test-${process.pid}`,
    };
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('prints the same bytes with the region given as through the core', async () => {
    writeCache({
      [REGION]: {
        fetchedAt: '2026-11-25T10:00:00.000Z',
        totalCount: 2,
        // A C1 control and a bidi override: escaped the same way on both paths.
        clusters: [cluster(1, 'render\u009b-01'), cluster(2, 'cfd\u202e-prod')],
      },
    });
    for (const args of [['--json'], []]) {
      const { core, fast, fromEnv } = await bothWays(args);
      expect(core.code).toBe(0);
      expect(core.stdout).toContain('ehpc-hz-000002');
      expect(core.stdout).not.toContain('dropped on read');
      expect(fast).toEqual(core);
      expect(fromEnv).toEqual(core);
    }
  });

  it('fails the same way for a link in place of the cache, and for a bad --timeout', async () => {
    writeCache({});
    const target = join(dir, 'elsewhere.json');
    writeFileSync(target, '{}');
    rmSync(cacheFile());
    symlinkSync(target, cacheFile());
    const linked = await bothWays(['--json']);
    expect(linked.core.code).not.toBe(0);
    expect(linked.core.stderr).toMatch(/SettingsFileIsSymlink/);
    expect(linked.fast).toEqual(linked.core);

    rmSync(cacheFile());
    const timeout = await bothWays(['--timeout', '0']);
    expect(timeout.core.code).toBe(2);
    expect(timeout.fast).toEqual(timeout.core);
  });

  it('makes a folder others can read private first, as the core does', async () => {
    writeCache({ [REGION]: { fetchedAt: 't', totalCount: 1, clusters: [cluster(1, 'one')] } });
    chmodSync(dir, 0o755);
    const fast = await runCli(['clusters', '--cached', '--json', '--region', REGION], env);
    expect(fast.code).toBe(0);
    expect(fast.stderr).toBe('');
    expect(statSync(dir).mode & 0o077).toBe(0);
    chmodSync(dir, 0o755);
    const core = await runCli(['clusters', '--cached', '--json'], env);
    expect(fast).toEqual(core);
  });

  it('leaves a region with nothing cached to the core, which fetches it', async () => {
    writeCache({ 'cn-shanghai': { fetchedAt: 't', totalCount: 0, clusters: [] } });
    const fast = await runCli(['clusters', '--cached', '--json', '--region', REGION], env);
    // No AccessKey anywhere: the core's fresh fetch says so (exit 3) instead of printing nothing.
    expect(fast.code).toBe(3);
    expect(fast.stderr).toMatch(/NoCredentials/);
    expect(fast.stdout).toBe('');
  });
});
