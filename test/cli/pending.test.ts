// `ehpc-vnc stop` keeps a stop it could not confirm, and `ehpc-vnc pending [--retry]` lists and
// retries them: the built CLI as a process, against the emulator, a real keychain and real files.
import { existsSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startAppFixture, type AppFixture } from '../support/app-fixture';
import { CLI, runCli } from './run-cli';

const id = (n: number) => `ehpc-hz-${String(n).padStart(6, '0')}`;
const CIDR = '198.51.100.0/24';
const NO_KEYCHAIN = { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/bus' };

/** The built CLI with the fixture's environment (its keychain service, settings and emulator). */
const run = (fx: AppFixture, args: string[], env: NodeJS.ProcessEnv = {}) =>
  runCli(args, { ...fx.cliEnv, ...env });

describe('ehpc-vnc pending', () => {
  let fx: AppFixture;

  beforeAll(async () => {
    if (!existsSync(CLI)) {
      throw new Error('dist/cli/ehpc-vnc.mjs is missing: run `node scripts/build.mjs cli` first.');
    }
    fx = await startAppFixture({ timeoutMs: 2000 });
  });
  afterEach(() => {
    fx.emulator.clearFaults();
    for (const p of fx.settings.pendingStops()) fx.settings.removePendingStop(p.clusterId);
  });
  afterAll(async () => {
    await fx?.close();
  });

  it('says there is nothing pending', async () => {
    const r = await run(fx, ['pending']);
    expect(r).toMatchObject({ code: 0, stdout: 'No pending stops.\n', stderr: '' });
    const json = await run(fx, ['pending', '--json']);
    expect(JSON.parse(json.stdout)).toEqual([]);
  });

  it('records a stop the network cut off, says how to retry, and exits 1', async () => {
    fx.emulator.inject({ action: 'StopVisualService', fault: { kind: 'reset' } });
    const r = await run(fx, ['stop', id(1), '--cidr', CIDR]);
    expect(r.code).toBe(1);
    const lines = r.stderr.trim().split('\n');
    expect(lines.length).toBeLessThanOrEqual(3);
    expect(lines[0]).toMatch(/^error \(Network\.Reset\):/);
    expect(r.stderr).toMatch(/Recorded as a pending stop: run `ehpc-vnc pending --retry`/);
    expect(fx.settings.pendingStops()).toMatchObject([
      { clusterId: id(1), cidrIp: CIDR, attempts: 1, lastError: 'Network.Reset' },
    ]);

    const json = await run(fx, ['stop', id(1), '--cidr', CIDR, '--json']);
    expect(json.code).toBe(1);
    // Under --json: nothing on stdout, one JSON line on stderr.
    expect(json.stdout).toBe('');
    expect(json.stderr.trim().split('\n')).toHaveLength(1);
    expect(JSON.parse(json.stderr)).toMatchObject({
      error: { code: 'Network.Reset', message: expect.stringMatching(/pending --retry/) },
    });
  });

  it('lists pending stops as a table and as JSON', async () => {
    const before = fx.emulator.count();
    fx.settings.addPendingStop({ clusterId: id(5), regionId: 'cn-hangzhou', cidrIp: CIDR });
    fx.settings.recordPendingStopAttempt(id(5), 'Network.Timeout');
    const table = await run(fx, ['pending']);
    expect(table.code).toBe(0);
    const [header, row] = table.stdout.trim().split('\n');
    expect(header).toMatch(/^CLUSTER\s+REGION\s+CIDR\s+REQUESTED\s+ATTEMPTS\s+LAST ERROR$/);
    expect(row).toMatch(
      new RegExp(
        `^${id(5)}\\s+cn-hangzhou\\s+198\\.51\\.100\\.0/24\\s+\\S+\\s+1\\s+Network\\.Timeout$`,
      ),
    );
    const json = await run(fx, ['pending', '--json']);
    expect(JSON.parse(json.stdout)).toEqual([
      {
        clusterId: id(5),
        regionId: 'cn-hangzhou',
        cidrIp: CIDR,
        requestedAt: expect.any(String),
        attempts: 1,
        lastError: 'Network.Timeout',
        inFlight: false,
      },
    ]);
    expect(fx.emulator.count()).toBe(before);
  });

  it('--retry exits 1 while offline, then 0 once every stop is confirmed', async () => {
    fx.emulator.setCluster(id(1), { vnc: 'running' });
    fx.settings.addPendingStop({ clusterId: id(1), regionId: 'cn-hangzhou', cidrIp: CIDR });
    fx.emulator.inject({ action: 'StopVisualService', fault: { kind: 'reset' } });
    const offline = await run(fx, ['pending', '--retry']);
    expect(offline.code).toBe(1);
    expect(offline.stderr).toMatch(new RegExp(`${id(1)}: .*\\n.*pending --retry`));
    expect(fx.settings.pendingStops()).toMatchObject([{ clusterId: id(1), attempts: 1 }]);

    fx.emulator.clearFaults();
    const online = await run(fx, ['pending', '--retry', '--json']);
    expect(online.code).toBe(0);
    expect(JSON.parse(online.stdout)).toMatchObject({
      ok: true,
      stopped: [{ clusterId: id(1) }],
      dropped: [],
      remaining: [],
    });
    expect(fx.settings.pendingStops()).toEqual([]);
    expect(fx.emulator.cluster(id(1))).toMatchObject({ vnc: 'stopped', stopCidrIp: CIDR });
  });

  it('--retry reports a stop that failed for good and removes it', async () => {
    fx.settings.addPendingStop({
      clusterId: 'ehpc-hz-999999',
      regionId: 'cn-hangzhou',
      cidrIp: CIDR,
    });
    const r = await run(fx, ['pending', '--retry']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/ClusterNotFound.*Removed from the pending stops/);
    expect(fx.settings.pendingStops()).toEqual([]);

    // Under --json: the pending entry, with its error in the shape of a --json error.
    fx.settings.addPendingStop({
      clusterId: 'ehpc-hz-999998',
      regionId: 'cn-hangzhou',
      cidrIp: CIDR,
    });
    const json = await run(fx, ['pending', '--retry', '--json']);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual({
      ok: true,
      stopped: [],
      dropped: [
        expect.objectContaining({
          clusterId: 'ehpc-hz-999998',
          regionId: 'cn-hangzhou',
          cidrIp: CIDR,
          error: {
            code: 'ClusterNotFound',
            message: expect.stringContaining('`ehpc-vnc clusters`') as string,
            requestId: expect.any(String) as string,
            httpStatus: 404,
          },
        }) as object,
      ],
      remaining: [],
    });
    expect(fx.settings.pendingStops()).toEqual([]);
  });

  it('does not record a stop refused for good', async () => {
    fx.emulator.inject({
      action: 'StopVisualService',
      times: 1,
      fault: { kind: 'error', status: 407, code: 'NotAuthorized' },
    });
    const r = await run(fx, ['stop', id(1), '--cidr', CIDR]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/NotAuthorized/);
    expect(r.stderr).not.toMatch(/pending/);
    expect(fx.settings.pendingStops()).toEqual([]);
  });

  it('records a stop when the keychain is locked (a logout hook), lists it without one', async () => {
    const before = fx.emulator.count();
    const r = await run(fx, ['stop', id(2), '--cidr', CIDR], NO_KEYCHAIN);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/KeychainUnavailable[\s\S]*pending --retry/);
    expect(fx.emulator.count()).toBe(before);
    const listed = await run(fx, ['pending', '--json'], NO_KEYCHAIN);
    expect(listed.code).toBe(0);
    expect(JSON.parse(listed.stdout)).toMatchObject([
      { clusterId: id(2), lastError: 'KeychainUnavailable' },
    ]);
    // Back in an unlocked session.
    const retried = await run(fx, ['pending', '--retry']);
    expect(retried.code).toBe(0);
    expect(retried.stdout).toBe(`VNC stopped on ${id(2)}.\n`);
  });
});
