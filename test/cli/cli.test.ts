// The built `ehpc-vnc` run as a process, against the emulator over real HTTP, a real
// gnome-keyring and real settings files: the interface the core's acceptance is checked through.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMULATOR_KEY } from '../emulator';
import { startAppFixture, type AppFixture } from '../support/app-fixture';

const CLI = resolve('dist/cli/ehpc-vnc.mjs');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Everything any CLI run printed, to prove afterwards that no secret ever was. */
const transcript: string[] = [];

function run(
  fx: AppFixture,
  args: string[],
  stdin = '',
  env: NodeJS.ProcessEnv = {},
): Promise<Run> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      env: { ...fx.cliEnv, ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', fail);
    child.on('close', (code) => {
      transcript.push(stdout, stderr);
      done({ code: code ?? -1, stdout, stderr });
    });
    child.stdin.end(stdin);
  });
}

const RUNAS_PASSWORD = 'emu-root-pass-1';
const NEW_VNC_PASSWORD = 'Vnc#Pass2026x';

describe('ehpc-vnc', () => {
  let fx: AppFixture;
  const id = (n: number) => `ehpc-hz-${String(n).padStart(6, '0')}`;

  beforeAll(async () => {
    if (!existsSync(CLI))
      throw new Error('dist/cli/ehpc-vnc.mjs is missing: run `npm run build` first.');
    fx = await startAppFixture({ signedIn: false, timeoutMs: 2000 });
  });
  afterAll(async () => {
    await fx?.close();
  });

  it('exits 3 with a clear message when no AccessKey is set up', async () => {
    const r = await run(fx, ['clusters']);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/NoCredentials/);
    expect(r.stderr).toMatch(/ehpc-vnc login|AccessKey/);
    expect(fx.emulator.count()).toBe(0);
  });

  it('login refuses a wrong secret, exits 3 and saves nothing', async () => {
    const r = await run(fx, ['login'], `${EMULATOR_KEY.accessKeyId}\nnot-the-secret\n`);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/SignatureDoesNotMatch/);
    expect(r.stderr.trim().split('\n').length).toBeLessThanOrEqual(3);
    expect(await fx.vault.resolveAccessKey()).toBeNull();
  });

  it('login verifies the key with one call, then keeps it in the keychain', async () => {
    const before = fx.emulator.count('ListClusters');
    const r = await run(
      fx,
      ['login'],
      `${EMULATOR_KEY.accessKeyId}\n${EMULATOR_KEY.accessKeySecret}\n`,
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(fx.emulator.count('ListClusters') - before).toBe(1);
    expect(r.stdout).toMatch(/keychain/);
    const saved = await fx.vault.resolveAccessKey();
    expect(saved?.source).toBe('keychain');
    expect(saved?.key.accessKeySecret).toBe(EMULATOR_KEY.accessKeySecret);
  });

  it('lists clusters as JSON and as a table', async () => {
    const json = await run(fx, ['clusters', '--json']);
    expect(json.code).toBe(0);
    const list = JSON.parse(json.stdout) as {
      regionId: string;
      fetchedAt: string;
      fromCache: boolean;
      clusters: { id: string; name: string; status: string; regionId: string }[];
    };
    expect(list).toMatchObject({ regionId: 'cn-hangzhou', fromCache: false });
    expect(Date.parse(list.fetchedAt)).not.toBeNaN();
    const clusters = list.clusters;
    expect(clusters.map((c) => c.id)).toEqual([1, 2, 3, 4, 5, 6].map(id));
    // E-HPC spells it 'Running' for some clusters: the CLI reports one spelling.
    expect(clusters[1]).toMatchObject({
      name: 'render-farm-01',
      status: 'running',
      regionId: 'cn-hangzhou',
    });
    const table = await run(fx, ['clusters']);
    expect(table.stdout).toMatch(/^ID\s+NAME\s+STATUS/);
    expect(table.stdout).toContain('cfd-prod-001');
  });

  it('prints the cached list at once with --cached, saying when it was fetched', async () => {
    // The refresh of the test above cached six clusters; a new one is not in the cache yet.
    fx.emulator.addCluster({ id: id(7), name: 'fresh-one', status: 'running', vnc: 'stopped' });
    const before = fx.emulator.count('ListClusters');
    const cached = await run(fx, ['clusters', '--cached', '--json']);
    expect(cached.code).toBe(0);
    expect(fx.emulator.count('ListClusters')).toBe(before);
    const list = JSON.parse(cached.stdout) as { fromCache: boolean; clusters: { id: string }[] };
    expect(list.fromCache).toBe(true);
    expect(list.clusters.map((c) => c.id)).toEqual([1, 2, 3, 4, 5, 6].map(id));
    // Under --json, only the result: when it was fetched is in it, not on stderr.
    expect(cached.stderr).toBe('');
    const text = await run(fx, ['clusters', '--cached']);
    expect(text.stderr).toMatch(
      /^Cached at \d{4}-\d\d-\d\dT.*without --cached for the current list/,
    );

    const fresh = await run(fx, ['clusters', '--json']);
    const freshList = JSON.parse(fresh.stdout) as { clusters: { id: string }[] };
    expect(freshList.clusters.map((c) => c.id)).toContain(id(7));
    expect(fresh.stderr).toBe('');
    fx.emulator.removeCluster(id(7));
  });

  it('lists regions', async () => {
    const r = await run(fx, ['regions', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toContainEqual(
      expect.objectContaining({ regionId: 'cn-hangzhou' }),
    );
  });

  it('reports VNC status, with options after the command, in both message shapes', async () => {
    const r = await run(fx, ['status', id(1), '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ clusterId: id(1), vnc: 'running' });
    const legacy = await run(fx, ['status', id(5), '--json', '--region', 'cn-hangzhou']);
    expect(JSON.parse(legacy.stdout)).toMatchObject({ clusterId: id(5), vnc: 'running' });
    const stopped = await run(fx, ['--json', 'status', id(2)]);
    expect(JSON.parse(stopped.stdout)).toMatchObject({ vnc: 'stopped' });
    // For people, VNC's own words (the cluster's state is "running" too).
    expect((await run(fx, ['status', id(1)])).stdout).toMatch(new RegExp(`^${id(1)}: VNC open\\b`));
    expect((await run(fx, ['status', id(2)])).stdout).toMatch(
      new RegExp(`^${id(2)}: VNC closed\\b`),
    );
  });

  it('starts VNC for a CIDR, then stops it with the remembered CIDR', async () => {
    const start = await run(fx, ['start', id(2), '--cidr', '203.0.113.0/24', '--json']);
    expect(start.code).toBe(0);
    expect(JSON.parse(start.stdout)).toMatchObject({
      clusterId: id(2),
      message: expect.any(String),
    });
    expect(JSON.parse(start.stdout).requestId).toMatch(/^[0-9A-F-]{36}$/);
    expect(fx.emulator.cluster(id(2))).toMatchObject({ vnc: 'running', cidrIp: '203.0.113.0/24' });

    const stop = await run(fx, ['stop', id(2)]);
    expect(stop.code).toBe(0);
    expect(stop.stdout).toMatch(/VNC stopped on ehpc-hz-000002/);
    expect(fx.emulator.cluster(id(2))).toMatchObject({
      vnc: 'stopped',
      stopCidrIp: '203.0.113.0/24',
    });
  });

  it('refuses invalid input with exit 2 and sends nothing', async () => {
    const before = fx.emulator.count();
    const cases = [
      ['status', 'ehpc;rm -rf /'],
      ['start', id(1), '--cidr', '300.1.1.1'],
      ['start', id(1)],
      ['stop'],
      ['frobnicate'],
      ['stop', id(1), '--region', 'Not A Region'],
      ['stop', id(1), '--timeout', 'soon'],
      ['stop', id(1), '--endpoint', 'http://ehpc.example.com'],
    ];
    for (const args of cases) {
      const r = await run(fx, args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr.trim().split('\n').length, args.join(' ')).toBeLessThanOrEqual(3);
    }
    expect(fx.emulator.count()).toBe(before);
  });

  it('stop without a remembered CIDR asks for one', async () => {
    const r = await run(fx, ['stop', id(1)]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--cidr|CIDR/);
  });

  it('sets the VNC password from two stdin lines, and refuses a weak one before sending', async () => {
    const before = fx.emulator.count('ModifyVisualServicePasswd');
    const weak = await run(fx, ['passwd', id(1)], `${RUNAS_PASSWORD}\nshort\n`);
    expect(weak.code).toBe(2);
    expect(weak.stderr).toMatch(/8 to 30 characters/);
    expect(fx.emulator.count('ModifyVisualServicePasswd')).toBe(before);

    const wrong = await run(
      fx,
      ['passwd', id(1), '--user', 'root'],
      `wrong-pass\n${NEW_VNC_PASSWORD}\n`,
    );
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/IncorrectCredential/);

    const ok = await run(fx, ['passwd', id(1)], `${RUNAS_PASSWORD}\n${NEW_VNC_PASSWORD}\n`);
    expect(ok.stderr).toBe('');
    expect(ok.code).toBe(0);
    expect(fx.emulator.cluster(id(1))?.vncPassword).toBe(NEW_VNC_PASSWORD);
    const call = fx.emulator.requests
      .filter((q) => q.action === 'ModifyVisualServicePasswd')
      .at(-1);
    expect(call?.method).toBe('POST');
  });

  it('names the code and the next step when the API refuses', async () => {
    fx.emulator.inject({
      action: 'GetVisualServiceStatus',
      times: 1,
      fault: { kind: 'error', status: 407, code: 'NotAuthorized' },
    });
    const r = await run(fx, ['status', id(1)]);
    expect(r.code).toBe(1);
    const lines = r.stderr.trim().split('\n');
    expect(lines.length).toBeLessThanOrEqual(3);
    expect(lines[0]).toMatch(/NotAuthorized/);
    expect(r.stderr).toMatch(/RequestId: [0-9A-F-]{36}/);
    expect(r.stderr).not.toMatch(/\bat .+:\d+:\d+|\[object Object\]/);
  });

  it('survives a 503 by retrying', async () => {
    fx.emulator.inject({
      action: 'GetVisualServiceStatus',
      times: 2,
      fault: { kind: 'error', status: 503, code: 'ServiceUnavailable' },
    });
    const before = fx.emulator.count('GetVisualServiceStatus');
    const r = await run(fx, ['status', id(1), '--json']);
    expect(r.code).toBe(0);
    expect(fx.emulator.count('GetVisualServiceStatus') - before).toBe(3);
  });

  it('reports a hung endpoint as a timeout within --timeout', async () => {
    fx.emulator.inject({ action: 'GetVisualServiceStatus', fault: { kind: 'hang' } });
    const started = Date.now();
    const r = await run(fx, ['status', id(1), '--timeout', '1']);
    const elapsed = Date.now() - started;
    fx.emulator.clearFaults();
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/Network\.Timeout/);
    // A read is retried once: about twice --timeout in total, never the default 15 s.
    expect(elapsed).toBeLessThan(8000);
  });

  it('stop --all stops every running VNC in the region', async () => {
    await run(fx, ['start', id(2), '--cidr', '198.51.100.7']);
    // Cluster 1 and 5 run VNC since the seed, started elsewhere: give their CIDR.
    fx.settings.rememberCluster(id(1), { cidrIp: '192.0.2.1' });
    fx.settings.rememberCluster(id(5), { cidrIp: '192.0.2.5' });
    const r = await run(fx, ['stop', '--all', '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as {
      ok: boolean;
      stopped: string[];
      alreadyStopped: string[];
    };
    expect(out.ok).toBe(true);
    expect(out.stopped.sort()).toEqual([id(1), id(2), id(5)]);
    for (const n of [1, 2, 5]) expect(fx.emulator.cluster(id(n))?.vnc).toBe('stopped');
  });

  it('exits 3 when no keychain is reachable, and writes no plaintext instead', async () => {
    const r = await run(fx, ['clusters'], '', {
      DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/bus',
    });
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/KeychainUnavailable/);
  });

  it('logout removes the key, and the run-as passwords unless --keep-cluster-passwords', async () => {
    await fx.vault.saveRunasPassword('ehpc-hz-000003', 'bob', 'emu-bob-pass-1');
    const kept = await run(fx, ['logout', '--keep-cluster-passwords']);
    expect(kept.code).toBe(0);
    expect(await fx.vault.resolveAccessKey()).toBeNull();
    expect(await fx.vault.getRunasPassword('ehpc-hz-000003', 'bob')).toBe('emu-bob-pass-1');
    const r = await run(fx, ['logout']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('run-as passwords are removed');
    expect(await fx.vault.getRunasPassword('ehpc-hz-000003', 'bob')).toBeNull();
  });

  it('leaves no secret in any file, output or URL after the whole session', async () => {
    const secrets = [
      EMULATOR_KEY.accessKeySecret,
      RUNAS_PASSWORD,
      NEW_VNC_PASSWORD,
      'wrong-pass',
      'not-the-secret',
    ];
    const files = await readdir(fx.settingsDir, { recursive: true });
    const contents = await Promise.all(
      files.map((f) => readFile(join(fx.settingsDir, f), 'utf8').catch(() => '')),
    );
    expect(files.length).toBeGreaterThan(0);
    const urls = fx.emulator.requests.map((q) => q.url);
    expect(urls.length).toBeGreaterThan(10);
    const haystacks = {
      files: contents.join('\n'),
      output: transcript.join('\n'),
      urls: urls.join('\n'),
    };
    for (const secret of secrets) {
      for (const [where, text] of Object.entries(haystacks)) {
        expect(text.includes(secret), `${where} contains a secret`).toBe(false);
      }
    }
  });
});
