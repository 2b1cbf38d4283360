// `clusters --cached` answers without the core (main/cli/cached-clusters.ts) when it can,
// through the installed bin even before the ES module entry loads (main/cli/cached-launch.ts);
// (and, when settings.json is not plain, through the core). All must print the same bytes and
// fail the same way: the fast read is an optimisation, never a second behaviour.
import {
  chmodSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BIN, CLI, runCli, type Run } from './run-cli';

/** The installed bin (package.json `bin`), which answers `clusters --cached` itself. */
const runBin = (args: string[], env: NodeJS.ProcessEnv): Promise<Run> => runCli(args, env, '', BIN);

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
  const bin = await runBin(['clusters', '--cached', '--region', REGION, ...args], env);
  // The core's run above wrote settings.json: the bin now reads the region from it alone.
  const binFromSettings = await runBin(['clusters', '--cached', ...args], env);
  return { core, fast, fromEnv, bin, binFromSettings };
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
      const { core, fast, fromEnv, bin, binFromSettings } = await bothWays(args);
      expect(core.code).toBe(0);
      expect(core.stdout).toContain('ehpc-hz-000002');
      expect(core.stdout).not.toContain('dropped on read');
      expect(fast).toEqual(core);
      expect(fromEnv).toEqual(core);
      expect(bin).toEqual(core);
      expect(binFromSettings).toEqual(core);
    }
  });

  it("reads the settings' region alone, and leaves a file that is not plain to the core", async () => {
    writeCache({
      [REGION]: { fetchedAt: 't', totalCount: 1, clusters: [cluster(1, 'one')] },
      'cn-shanghai': { fetchedAt: 't', totalCount: 1, clusters: [cluster(2, 'two')] },
    });
    const args = ['clusters', '--cached', '--json'];
    const first = await runCli(args, env); // writes settings.json (region cn-hangzhou)
    expect(first.code).toBe(0);
    const settingsFile = join(dir, 'settings.json');
    const settings = JSON.parse(readFileSync(settingsFile, 'utf8')) as Record<string, unknown>;
    const write = (data: Record<string, unknown>): void =>
      writeFileSync(settingsFile, JSON.stringify(data), { mode: 0o600 });

    // The settings' region is followed: the Shanghai list, through the bin and the full run alike.
    write({ ...settings, regionId: 'cn-shanghai' });
    const shanghai = await runBin(args, env);
    expect(shanghai.code).toBe(0);
    expect(JSON.parse(shanghai.stdout)).toMatchObject({ regionId: 'cn-shanghai', fromCache: true });
    expect(await runCli(args, env)).toEqual(shanghai);

    // A field this command does not use is not checked here: the bin answered without the
    // warning the core gives when it sets such a file aside; the next command that opens the
    // settings does that, and says so.
    write({ ...settings, language: 42 });
    const damagedElsewhere = await runBin(args, env);
    expect(damagedElsewhere).toEqual({ ...first, stderr: '' });
    const core = await runCli(['clusters', '--json'], env);
    expect(core.stderr).toMatch(/^warning: The settings file .* does not fit the expected format/);

    // A migration pending or no valid region: the core opens the file, as always.
    for (const data of [
      { ...settings, __internal__: { migrations: { version: '0.0.1' } } },
      { ...settings, regionId: 'Not A Region' },
    ]) {
      // Each run gets the same file: the core rewrites it (migrated, or set aside for defaults).
      write(data);
      const viaBin = await runBin(args, env);
      write(data);
      const viaCore = await runCli(args, env);
      const stamp = (r: Run): Run => ({
        ...r,
        stderr: r.stderr.replace(/corrupt-[\dTZ-]+/g, 'corrupt-T'),
      });
      expect(stamp(viaBin)).toEqual(stamp(viaCore));
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
    expect(linked.bin).toEqual(linked.core);

    rmSync(cacheFile());
    const timeout = await bothWays(['--timeout', '0']);
    expect(timeout.core.code).toBe(2);
    expect(timeout.fast).toEqual(timeout.core);
    expect(timeout.bin).toEqual(timeout.core);
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
    const args = ['clusters', '--cached', '--json', '--region', REGION];
    const fast = await runCli(args, env);
    // No AccessKey anywhere: the core's fresh fetch says so (exit 3) instead of printing nothing.
    expect(fast.code).toBe(3);
    expect(fast.stderr).toMatch(/NoCredentials/);
    expect(fast.stdout).toBe('');
    expect(await runBin(args, env)).toEqual(fast);
  });

  it('leaves usage errors and help to the full run, through the bin too', async () => {
    writeCache({ [REGION]: { fetchedAt: 't', totalCount: 1, clusters: [cluster(1, 'one')] } });
    for (const extra of [['--bogus'], ['--help'], ['--json', 'extra-argument']]) {
      const args = ['clusters', '--cached', '--region', REGION, ...extra];
      const viaBin = await runBin(args, env);
      expect(viaBin).toEqual(await runCli(args, env));
      expect(viaBin.stdout + viaBin.stderr).not.toBe('');
    }
  });
});
