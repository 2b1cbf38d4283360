// The built CLI against the emulator seeded with clusters in two regions: `connect --region`
// connects in that region (the emulator finds a cluster only in the region a request names), and
// --cidr takes IPv6 addresses and blocks, `::/0` needing --yes as 0.0.0.0/0 does.
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { elsewhereClusters } from '../emulator';
import { startAppFixture, type AppFixture } from '../support/app-fixture';
import { CLI, runCli } from './run-cli';

const SH_IDLE = 'ehpc-sh-000002'; // ml-sh-idle, cn-shanghai: VNC stopped; login node 203.0.113.3
const HZ_CLOSED = 'ehpc-hz-000003'; // genomics-closed, cn-hangzhou: VNC stopped

describe('ehpc-vnc in another region, and IPv6', { timeout: 60_000 }, () => {
  let fx: AppFixture;
  const run = (...args: string[]) => runCli(args, fx.cliEnv);
  const regionsOf = (action: string, since: number) =>
    fx.emulator.requests
      .slice(since)
      .filter((r) => r.action === action)
      .map((r) => r.query.RegionId);
  const vncRules = (id: string) =>
    (fx.emulator.cluster(id)?.rules ?? []).filter((r) => r.PortRange === '12016/12016');

  beforeAll(async () => {
    if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` first.`);
    fx = await startAppFixture({ clusters: elsewhereClusters() });
  });
  afterAll(async () => {
    await fx?.close();
  });

  it('connect <id> --region R starts VNC and reads the login node in R', async () => {
    const since = fx.emulator.requests.length;
    const r = await run(
      '--json',
      'connect',
      SH_IDLE,
      '--region',
      'cn-shanghai',
      '--cidr',
      '198.51.100.7',
    );
    expect(r.stderr).toBe('VNC started, reachable from 198.51.100.7.\n');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      clusterId: SH_IDLE,
      address: '203.0.113.3',
      port: 12016,
      started: true,
    });
    for (const action of ['ListNodes', 'GetVisualServiceStatus', 'StartVisualService']) {
      expect(regionsOf(action, since), action).toEqual(['cn-shanghai']);
    }
    expect(fx.emulator.cluster(SH_IDLE)).toMatchObject({ vnc: 'running', cidrIp: '198.51.100.7' });
  });

  it('without --region asks the remembered region, where that cluster is not found', async () => {
    const r = await run('connect', SH_IDLE);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/ClusterNotFound/);
  });

  it('refuses a malformed --region before asking E-HPC', async () => {
    const before = fx.emulator.count();
    const r = await run('connect', SH_IDLE, '--region', 'Shanghai!');
    expect(r.code).toBe(2);
    expect(fx.emulator.count()).toBe(before);
  });

  it('starts VNC for an IPv6 address (as an Ipv6SourceCidrIp rule) and stops it', async () => {
    const started = await run('start', HZ_CLOSED, '--cidr', '2001:DB8:0::7');
    expect(started.stderr).toBe('');
    expect(started.code).toBe(0);
    expect(started.stdout).toContain('reachable from 2001:db8::7.');
    expect(vncRules(HZ_CLOSED)).toEqual([
      expect.objectContaining({ Ipv6SourceCidrIp: '2001:db8::7' }),
    ]);
    const stopped = await run('stop', HZ_CLOSED);
    expect(stopped.code).toBe(0);
    expect(vncRules(HZ_CLOSED)).toEqual([]);
    expect(fx.emulator.cluster(HZ_CLOSED)).toMatchObject({
      vnc: 'stopped',
      stopCidrIp: '2001:db8::7',
    });
  });

  it('needs --yes for ::/0, and refuses what is no IPv6 block', async () => {
    const starts = fx.emulator.count('StartVisualService');
    const wide = await run('start', HZ_CLOSED, '--cidr', '::/0');
    expect(wide.code).toBe(2);
    expect(wide.stderr).toContain('--yes');
    const bad = await run('start', HZ_CLOSED, '--cidr', '2001:db8::7/129');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--cidr is not an IPv4 or IPv6 address or CIDR block.');
    expect(fx.emulator.count('StartVisualService')).toBe(starts);

    // connect refuses it as start does: no --yes, nothing sent at all.
    const before = fx.emulator.count();
    const connect = await run('connect', HZ_CLOSED, '--cidr', '::/0');
    expect(connect.code).toBe(2);
    expect(connect.stderr).toContain('--yes');
    expect(fx.emulator.count()).toBe(before);

    const yes = await run('start', HZ_CLOSED, '--cidr', '::/0', '--yes');
    expect(yes.code).toBe(0);
    expect(vncRules(HZ_CLOSED)).toEqual([expect.objectContaining({ Ipv6SourceCidrIp: '::/0' })]);
    expect((await run('stop', HZ_CLOSED)).code).toBe(0);
    expect(vncRules(HZ_CLOSED)).toEqual([]);
  });
});
