// Connect to a cluster in another region, and VNC started for an IPv6 address: through the real
// handler table (validated requests), the real core and the emulator over real HTTP. The emulator
// finds a cluster only in the region its request names, so a call sent to the wrong region fails.
import { afterEach, describe, expect, it } from 'vitest';
import { elsewhereClusters } from '../emulator';
import { startAppFixture, type AppFixture } from '../support/app-fixture';

const SH_IDLE = 'ehpc-sh-000002'; // ml-sh-idle, cn-shanghai: VNC stopped; login node 203.0.113.3
const HZ_CLOSED = 'ehpc-hz-000003'; // genomics-closed, cn-hangzhou: VNC stopped

let fixture: AppFixture | undefined;
afterEach(async () => {
  await fixture?.close();
  fixture = undefined;
});

const regionsAsked = (fx: AppFixture, action: string) =>
  fx.emulator.requests.filter((r) => r.action === action).map((r) => r.query.RegionId);

describe('Connect in the cluster’s own region', () => {
  it('asks ListNodes, the status and the start of the cluster’s region, then opens it', async () => {
    fixture = await startAppFixture({ clusters: elsewhereClusters() });
    const result = await fixture.handlers.connect({
      clusterId: SH_IDLE,
      regionId: 'cn-shanghai',
      cidrIp: '198.51.100.7',
    });
    expect(result).toMatchObject({
      ok: true,
      value: { address: '203.0.113.3', started: true, opened: true, cidrIp: '198.51.100.7' },
    });
    expect(fixture.opener.urls).toEqual(['vnc://203.0.113.3:12016']);
    for (const action of ['ListNodes', 'GetVisualServiceStatus', 'StartVisualService']) {
      expect(regionsAsked(fixture, action), action).toEqual(['cn-shanghai']);
    }
    expect(fixture.emulator.cluster(SH_IDLE)).toMatchObject({ vnc: 'running' });
  });

  it('without a region, asks the current one (where that cluster is not found)', async () => {
    fixture = await startAppFixture({ clusters: elsewhereClusters() });
    const result = await fixture.handlers.connect({ clusterId: SH_IDLE, cidrIp: '198.51.100.7' });
    expect(result.ok).toBe(false);
    expect(regionsAsked(fixture, 'ListNodes')).toEqual(['cn-hangzhou']);
    expect(fixture.emulator.count('StartVisualService')).toBe(0);
  });

  it('remembers where to connect per cluster and region', async () => {
    fixture = await startAppFixture({ clusters: elsewhereClusters() });
    const sh = { clusterId: SH_IDLE, regionId: 'cn-shanghai' };
    expect((await fixture.handlers.getConnectTarget(sh)).ok).toBe(true);
    expect((await fixture.handlers.getConnectTarget(sh)).ok).toBe(true);
    expect(regionsAsked(fixture, 'ListNodes')).toEqual(['cn-shanghai']);
    // The same ID asked of another region is another question (and there, not found).
    expect((await fixture.handlers.getConnectTarget({ clusterId: SH_IDLE })).ok).toBe(false);
    expect(regionsAsked(fixture, 'ListNodes')).toEqual(['cn-shanghai', 'cn-hangzhou']);
  });

  it('refuses a region ID that is not one', async () => {
    fixture = await startAppFixture({ clusters: elsewhereClusters() });
    const result = await fixture.handlers.connect({ clusterId: SH_IDLE, regionId: 'Shanghai!' });
    expect(result).toMatchObject({ ok: false, error: { code: 'InvalidInput' } });
    expect(fixture.emulator.requests).toEqual([]);
  });
});

describe('VNC for an IPv6 address', () => {
  it('starts with an Ipv6SourceCidrIp rule, in canonical form, and the stop removes it', async () => {
    fixture = await startAppFixture({ clusters: elsewhereClusters() });
    const started = await fixture.handlers.startVnc({
      clusterId: HZ_CLOSED,
      cidrIp: '2001:DB8:0:0::7/128',
    });
    expect(started.ok).toBe(true);
    const sent = fixture.emulator.requests.find((r) => r.action === 'StartVisualService');
    expect({ ...sent?.query, ...sent?.form }).toMatchObject({ CidrIp: '2001:db8::7/128' });
    const vncRules = () =>
      (fixture?.emulator.cluster(HZ_CLOSED)?.rules ?? []).filter(
        (r) => r.PortRange === '12016/12016',
      );
    expect(vncRules()).toEqual([
      expect.objectContaining({ Ipv6SourceCidrIp: '2001:db8::7/128', Policy: 'Accept' }),
    ]);
    expect(vncRules()[0]?.SourceCidrIp).toBeUndefined();
    expect(fixture.settings.peek().clusters[HZ_CLOSED]?.cidrIp).toBe('2001:db8::7/128');

    // Who can reach VNC reads the IPv6 rule (as this app's own CIDR).
    const exposure = await fixture.handlers.getExposure({ refresh: true, regionId: 'cn-hangzhou' });
    const mine = exposure.ok
      ? exposure.value.clusters.find((c) => c.clusterId === HZ_CLOSED)
      : null;
    expect(mine?.reachableFrom).toEqual([
      { cidr: '2001:db8::7/128', byThisApp: true, wide: false },
    ]);

    expect((await fixture.handlers.stopVnc({ clusterId: HZ_CLOSED })).ok).toBe(true);
    expect(vncRules()).toEqual([]);
    expect(fixture.emulator.cluster(HZ_CLOSED)).toMatchObject({
      vnc: 'stopped',
      stopCidrIp: '2001:db8::7/128',
    });
  });

  it('asks before opening VNC to ::/0, as for 0.0.0.0/0', async () => {
    const asked: string[] = [];
    fixture = await startAppFixture({
      clusters: elsewhereClusters(),
      confirm: {
        confirmStart: async (s) => {
          asked.push(`${s.cidrIp} wide=${s.wide}`);
          return false;
        },
        confirmPasswordWithRemembered: async () => true,
      },
    });
    const result = await fixture.handlers.startVnc({ clusterId: HZ_CLOSED, cidrIp: '0::0/0' });
    expect(result).toMatchObject({ ok: false, error: { code: 'NotConfirmed' } });
    expect(asked).toEqual(['::/0 wide=true']);
    expect(fixture.emulator.count('StartVisualService')).toBe(0);
  });
});
