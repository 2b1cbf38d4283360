// The "done when": VNC opened elsewhere (CIDRs this app never saw) in two regions is all
// closed by `ehpc-vnc stop --all`, rules included, and `status --all --exit-code` then says 0;
// offline, a fresh process journals every cluster the persisted exposure shows open, and
// `pending --retry` finishes them. The built CLI as a process, the emulator, a real keychain.
import { existsSync } from 'node:fs';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { elsewhereClusters, type EmulatorClusterState } from '../emulator';
import { startAppFixture, type AppFixture } from '../support/app-fixture';
import { CLI, runCli } from './run-cli';

/** The built CLI with the fixture's environment (its keychain service, settings and emulator). */
const run = (fx: AppFixture, args: string[], env: NodeJS.ProcessEnv = {}) =>
  runCli(args, { ...fx.cliEnv, ...env });

/** A rule that still lets VNC in: ingress Accept, TCP, 12016. */
const vncRules = (c: EmulatorClusterState) =>
  c.rules.filter(
    (r) =>
      r.Direction === 'ingress' &&
      r.Policy === 'Accept' &&
      ['TCP', 'ALL'].includes(r.IpProtocol) &&
      r.PortRange === '12016/12016',
  );

describe('ehpc-vnc status --all / stop --all across regions', () => {
  let fx: AppFixture;
  beforeAll(() => {
    if (!existsSync(CLI)) {
      throw new Error('dist/cli/ehpc-vnc.mjs is missing: run `node scripts/build.mjs cli` first.');
    }
  });
  afterEach(async () => {
    await fx?.close();
  });

  it('closes VNC opened elsewhere in two regions, rules included; then status exits 0', async () => {
    fx = await startAppFixture({ clusters: elsewhereClusters(), timeoutMs: 3000 });
    const before = await run(fx, ['status', '--all', '--json', '--exit-code']);
    expect(before.code).toBe(4);
    const rows = JSON.parse(before.stdout) as Record<string, unknown>[];
    expect(rows).toContainEqual({
      clusterId: 'ehpc-hz-000001',
      name: 'cfd-open-world',
      regionId: 'cn-hangzhou',
      clusterStatus: 'running',
      vnc: 'running',
      reachableFrom: ['0.0.0.0/0'],
      wide: true,
    });
    expect(rows.find((r) => r.clusterId === 'ehpc-hz-000002')).toMatchObject({
      vnc: 'running',
      reachableFrom: ['203.0.113.7', '198.51.100.0/24'],
      wide: false,
    });
    expect(rows.find((r) => r.clusterId === 'ehpc-sh-000001')).toMatchObject({
      regionId: 'cn-shanghai',
      vnc: 'running',
    });
    expect(rows.find((r) => r.clusterId === 'ehpc-sh-000003')).toMatchObject({
      clusterStatus: 'creating',
      vnc: 'unknown',
    });

    const stop = await run(fx, ['stop', '--all']);
    expect(stop.stderr).toBe('');
    expect(stop.stdout).toBe(
      'Stopped VNC on 4 clusters in 2 regions; 2 already stopped; 0 recorded as pending.\n',
    );
    expect(stop.code).toBe(0);
    for (const c of fx.emulator.clusters()) {
      expect(c.vnc, c.id).toBe('stopped');
      expect(vncRules(c), c.id).toEqual([]);
    }
    // One StopVisualService per CIDR: hz-000002 had two.
    const stops = fx.emulator.requests.filter(
      (r) => r.action === 'StopVisualService' && r.form.ClusterId === 'ehpc-hz-000002',
    );
    expect(stops.map((r) => r.form.CidrIp).sort()).toEqual(['198.51.100.0/24', '203.0.113.7']);
    expect(stops.every((r) => r.signatureValid)).toBe(true);

    const after = await run(fx, ['status', '--all', '--exit-code']);
    expect(after.stdout).toMatch(/VNC is closed everywhere\.\n$/);
    expect(after.code).toBe(0);
  });

  it('stop --all --cidr closes that CIDR too, and is what a cluster with nothing known stops with', async () => {
    fx = await startAppFixture({ clusters: elsewhereClusters(), timeoutMs: 3000 });
    // VNC up on hz-000002 with its rules gone (nothing to read) and nothing remembered.
    fx.emulator.setCluster('ehpc-hz-000002', { vnc: 'running', rules: [] });
    const bad = await run(fx, ['stop', '--all', '--cidr', '300.1.2.3']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--cidr is not an IPv4 or IPv6 address or CIDR block/);
    expect(fx.emulator.count('StopVisualService')).toBe(0);

    const stop = await run(fx, ['stop', '--all', '--cidr', '192.0.2.9']);
    expect(stop.stderr).toBe('');
    expect(stop.code).toBe(0);
    for (const c of fx.emulator.clusters()) expect(c.vnc, c.id).toBe('stopped');
    const cidrsOf = (id: string) =>
      fx.emulator.requests
        .filter((r) => r.action === 'StopVisualService' && r.form.ClusterId === id)
        .map((r) => r.form.CidrIp)
        .sort();
    expect(cidrsOf('ehpc-hz-000002')).toEqual(['192.0.2.9']);
    // Added to what the rules show where there were some.
    expect(cidrsOf('ehpc-hz-000001')).toEqual(['0.0.0.0/0', '192.0.2.9']);
  });

  it('--region narrows status --all to one region', async () => {
    fx = await startAppFixture({ clusters: elsewhereClusters(), timeoutMs: 3000 });
    const r = await run(fx, ['--region', 'cn-shanghai', 'status', '--all', '--json']);
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.stdout) as { regionId: string }[];
    expect(rows).toHaveLength(3);
    expect(rows.every((row) => row.regionId === 'cn-shanghai')).toBe(true);
    const table = await run(fx, ['status', '--all', '--exit-code']);
    expect(table.code).toBe(4);
    expect(table.stdout).toMatch(
      /\nVNC open on 4 clusters in 2 regions, some reachable from a wide CIDR\.\n$/,
    );
  });

  it('offline, a fresh process journals every cluster the cached exposure shows open; pending --retry finishes them', async () => {
    fx = await startAppFixture({ clusters: elsewhereClusters(), timeoutMs: 3000 });
    expect((await run(fx, ['status', '--all'])).code).toBe(0);
    const offline = { EHPC_VNC_ENDPOINT: 'http://127.0.0.1:9' };
    const stop = await run(fx, ['stop', '--all'], offline);
    expect(stop.stdout).toBe(
      'Stopped VNC on 0 clusters in 2 regions; 0 already stopped; 4 recorded as pending.\n',
    );
    expect(stop.code).toBe(1);
    expect(
      fx.settings
        .pendingStops()
        .map((p) => p.clusterId)
        .sort(),
    ).toEqual(['ehpc-hz-000001', 'ehpc-hz-000002', 'ehpc-hz-000004', 'ehpc-sh-000001']);

    const retry = await run(fx, ['pending', '--retry']);
    expect(retry.stderr).toBe('');
    expect(retry.code).toBe(0);
    expect(fx.settings.pendingStops()).toEqual([]);
    for (const c of fx.emulator.clusters()) {
      expect(c.vnc, c.id).toBe('stopped');
      expect(vncRules(c), c.id).toEqual([]);
    }
  });
});
