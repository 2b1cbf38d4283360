// `ehpc-vnc connect`, the built CLI run as a process against the emulator over real HTTP, a real
// keychain and real settings files: the address and port, starting VNC first when stopped, and
// clear errors with the exit codes scripts branch on.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, watch } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppFixture, type AppFixture } from '../support/app-fixture';

const CLI = resolve('dist/cli/ehpc-vnc.mjs');

function run(
  fx: AppFixture,
  args: string[],
  env: NodeJS.ProcessEnv = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      env: { ...fx.cliEnv, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', fail);
    child.on('close', (code) => done({ code: code ?? -1, stdout, stderr }));
  });
}

/**
 * Resolves once `file` has content (xdg-open runs detached: the CLI may exit before it writes,
 * and the shell creates the file before it writes to it).
 */
function waitForFile(file: string): Promise<void> {
  const written = () => existsSync(file) && readFileSync(file, 'utf8') !== '';
  return new Promise((done) => {
    const watcher = watch(dirname(file), () => {
      if (written()) {
        watcher.close();
        done();
      }
    });
    if (written()) {
      watcher.close();
      done();
    }
  });
}

describe('ehpc-vnc connect', { timeout: 60_000 }, () => {
  let fx: AppFixture;

  beforeAll(async () => {
    if (!existsSync(CLI))
      throw new Error('dist/cli/ehpc-vnc.mjs is missing: run `npm run build` first.');
    fx = await startAppFixture();
  });
  afterAll(async () => {
    await fx?.close();
  });

  it('--json prints the login node address and port of a cluster whose VNC runs', async () => {
    const r = await run(fx, ['--json', 'connect', 'ehpc-hz-000001']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      clusterId: 'ehpc-hz-000001',
      address: '203.0.113.2',
      port: 12016,
      started: false,
    });
    expect(fx.emulator.count('StartVisualService')).toBe(0);
  });

  it('starts stopped VNC for --cidr first, and prints address:port', async () => {
    const r = await run(fx, ['connect', 'ehpc-hz-000002', '--cidr', '198.51.100.7']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('203.0.113.3:12016\n');
    expect(r.stderr).toContain('VNC started, reachable from 198.51.100.7.');
    expect(fx.emulator.cluster('ehpc-hz-000002')).toMatchObject({
      vnc: 'running',
      cidrIp: '198.51.100.7',
    });
  });

  it('says when the address is private (no public address on the login node)', async () => {
    const r = await run(fx, ['connect', 'ehpc-hz-000005']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('192.168.5.10:12016\n');
    expect(r.stderr).toContain('no public address');
  });

  it('--open hands exactly vnc://<address>:12016 to xdg-open when a viewer is registered', async () => {
    if (process.platform !== 'linux') return;
    const bin = await mkdtemp(join(tmpdir(), 'ehpc-vnc-opener-'));
    const log = join(bin, 'opened.txt');
    try {
      // Stand-ins for xdg-utils: a registered viewer, and an opener that records what it got.
      await writeFile(join(bin, 'xdg-mime'), '#!/bin/sh\necho tigervnc.desktop\n', { mode: 0o755 });
      await writeFile(join(bin, 'xdg-open'), `#!/bin/sh\nprintf '%s' "$1" > '${log}'\n`, {
        mode: 0o755,
      });
      const r = await run(fx, ['connect', 'ehpc-hz-000001', '--open'], { PATH: bin });
      expect(r.code).toBe(0);
      expect(r.stdout).toBe('203.0.113.2:12016\n');
      await waitForFile(log);
      expect(await readFile(log, 'utf8')).toBe('vnc://203.0.113.2:12016');

      // No viewer registered: nothing is opened, and the CLI says what to do instead.
      await writeFile(join(bin, 'xdg-mime'), '#!/bin/sh\nexit 0\n', { mode: 0o755 });
      await rm(log);
      const none = await run(fx, ['connect', 'ehpc-hz-000001', '--open'], { PATH: bin });
      expect(none.code).toBe(0);
      expect(none.stderr).toContain('No VNC viewer is registered for vnc:// links');
      expect(existsSync(log)).toBe(false);
    } finally {
      await rm(bin, { recursive: true, force: true });
    }
  });

  it('refuses a malformed cluster ID with exit 2, before asking E-HPC', async () => {
    const before = fx.emulator.count();
    const r = await run(fx, ['connect', 'not/a cluster']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/InvalidInput/);
    expect(r.stderr).toMatch(/cluster ID/i);
    expect(fx.emulator.count()).toBe(before);
  });

  it('exits 1 with a clear error for a cluster without login nodes, VNC left alone', async () => {
    fx.emulator.setCluster('ehpc-hz-000001', { loginNodes: [] });
    const starts = fx.emulator.count('StartVisualService');
    const r = await run(fx, ['connect', 'ehpc-hz-000001', '--cidr', '198.51.100.7']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('This cluster has no login node to connect to.');
    expect(r.stderr).toMatch(/NoLoginNode/);
    expect(fx.emulator.count('StartVisualService')).toBe(starts);
  });

  it('exits 1 for a cluster E-HPC does not know, and asks for --cidr when none is remembered', async () => {
    const missing = await run(fx, ['connect', 'ehpc-hz-999999']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/ClusterNotFound/);

    fx.emulator.setCluster('ehpc-hz-000002', { vnc: 'stopped' });
    fx.settings.forgetCluster('ehpc-hz-000002');
    const noCidr = await run(fx, ['connect', 'ehpc-hz-000002']);
    expect(noCidr.code).toBe(1);
    expect(noCidr.stderr).toContain('--cidr');
  });
});
