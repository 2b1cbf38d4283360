// The exposure model through the real handler table against the emulator: who can reach VNC,
// wide CIDRs, denied reads (unknown, with the RAM action; nothing else breaks), cached security
// groups, rules a stop could not remove, and the summary pushed for the tray.
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_PAGE_SIZE } from '../../main/core/ehpc/client';
import { COLD_EXPECTED_CLUSTERS } from '../../main/core/exposure';
import { DOCUMENTED_EHPC_REGIONS } from '../../preload/shared/documented-regions';
import type { ExposureSnapshot, Result } from '../../preload/shared/contract';
import { elsewhereClusters, gate, generatedClusters } from '../emulator';
import { startAppFixture, type AppFixture } from '../support/app-fixture';

let fx: AppFixture;
afterEach(async () => {
  await fx?.close();
});

function value<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(`expected ok, got ${r.error.code}: ${r.error.message}`);
  return r.value;
}

const byId = (s: ExposureSnapshot, id: string) => s.clusters.find((c) => c.clusterId === id);

describe('exposure model', () => {
  it('finds the regions in use and says who can reach each VNC, wide or not', async () => {
    fx = await startAppFixture({ clusters: elsewhereClusters() });
    fx.settings.rememberCluster('ehpc-hz-000002', { cidrIp: '203.0.113.7' });
    const snap = value(await fx.handlers.getExposure({ refresh: true }));
    expect(snap.regions.sort()).toEqual(['cn-hangzhou', 'cn-shanghai']);
    expect(byId(snap, 'ehpc-hz-000001')).toMatchObject({
      vnc: 'running',
      wide: true,
      reachableFrom: [{ cidr: '0.0.0.0/0', byThisApp: false, wide: true }],
    });
    expect(byId(snap, 'ehpc-hz-000002')?.reachableFrom).toEqual([
      { cidr: '203.0.113.7', byThisApp: true, wide: false },
      { cidr: '198.51.100.0/24', byThisApp: false, wide: false },
    ]);
    expect(byId(snap, 'ehpc-hz-000004')).toMatchObject({ wide: true });
    expect(byId(snap, 'ehpc-hz-000003')).toMatchObject({ vnc: 'stopped', reachableFrom: [] });
    // Every request said where it was meant for.
    expect(fx.emulator.requests.every((r) => r.query.RegionId !== undefined)).toBe(true);
    await fx.quiet();
    expect(fx.service.getState().exposure).toEqual({
      openCount: 4,
      regionsCount: 2,
      open: expect.arrayContaining([
        {
          clusterId: 'ehpc-hz-000001',
          name: 'cfd-open-world',
          regionId: 'cn-hangzhou',
          wide: true,
        },
        { clusterId: 'ehpc-sh-000001', name: 'weather-sh', regionId: 'cn-shanghai', wide: false },
      ]),
    });
    // The last check is kept: asked without refresh, it comes back with no request.
    const before = fx.emulator.count();
    const cached = value(await fx.handlers.getExposure({ refresh: false }));
    expect(fx.emulator.count()).toBe(before);
    expect(cached.fromCache).toBe(true);
    expect(byId(cached, 'ehpc-hz-000001')?.vnc).toBe('running');
  });

  it('lists the documented regions beside ListRegions, and drops those it does not return', async () => {
    // cn-chengdu is on E-HPC's endpoint page but not in the emulator's ListRegions answer.
    const chengdu = generatedClusters(3, 'cn-chengdu').map((c) => ({
      ...c,
      regionId: 'cn-chengdu',
      status: 'running',
      vnc: 'running' as const,
    }));
    fx = await startAppFixture({ clusters: [...elsewhereClusters(), ...chengdu] });
    const regionsHeld = gate();
    fx.emulator.inject({ action: 'ListRegions', fault: regionsHeld.fault });
    const checking = fx.handlers.getExposure({ refresh: true });
    // Nothing known yet (a first check): every documented region's pages go out while
    // ListRegions is still unanswered.
    const pages = Math.ceil(COLD_EXPECTED_CLUSTERS / MAX_PAGE_SIZE);
    await fx.emulator.waitForRequests(DOCUMENTED_EHPC_REGIONS.length * pages, 'ListClusters');
    const listed = new Set(
      fx.emulator.requests.filter((r) => r.action === 'ListClusters').map((r) => r.query.RegionId),
    );
    expect([...listed].sort()).toEqual([...DOCUMENTED_EHPC_REGIONS].sort());
    // Which regions count is ListRegions' call: no status before it answers.
    expect(fx.emulator.count('GetVisualServiceStatus')).toBe(0);
    regionsHeld.open();
    const snap = value(await checking);
    expect(snap.regions.sort()).toEqual(['cn-hangzhou', 'cn-shanghai']);
    expect(snap.clusters.some((c) => c.regionId === 'cn-chengdu')).toBe(false);
    const asked = fx.emulator.requests.filter((r) => r.action === 'GetVisualServiceStatus');
    expect(asked.some((r) => r.query.RegionId === 'cn-chengdu')).toBe(false);
    expect(asked.length).toBeGreaterThan(0);
  });

  it('caches security group IDs: a second check sends no DescribeCluster', async () => {
    fx = await startAppFixture({ clusters: elsewhereClusters() });
    value(await fx.handlers.getExposure({ refresh: true }));
    const described = fx.emulator.count('DescribeCluster');
    expect(described).toBeGreaterThan(0);
    value(await fx.handlers.getExposure({ refresh: true }));
    expect(fx.emulator.count('DescribeCluster')).toBe(described);
    // And the regions were found once: no second ListRegions.
    expect(fx.emulator.count('ListRegions')).toBe(1);
  });

  it('a denied ECS or DescribeCluster leaves "reachable from" unknown with the RAM action', async () => {
    fx = await startAppFixture({ clusters: elsewhereClusters() });
    fx.emulator.inject({
      action: 'DescribeSecurityGroupAttribute',
      fault: { kind: 'error', status: 403, code: 'Forbidden.RAM' },
    });
    fx.emulator.inject({
      action: 'DescribeCluster',
      clusterId: 'ehpc-sh-000001',
      fault: { kind: 'error', status: 407, code: 'NotAuthorized' },
    });
    const snap = value(await fx.handlers.getExposure({ refresh: true }));
    expect(byId(snap, 'ehpc-hz-000001')).toMatchObject({
      vnc: 'running',
      reachableFrom: null,
      reachUnknown: { code: 'Forbidden.RAM', ramAction: 'ecs:DescribeSecurityGroupAttribute' },
    });
    expect(byId(snap, 'ehpc-sh-000001')).toMatchObject({
      vnc: 'running',
      reachableFrom: null,
      reachUnknown: { code: 'NotAuthorized', ramAction: 'ehpc:DescribeCluster' },
    });
    // A stop still works with the CIDR it knows.
    fx.settings.rememberCluster('ehpc-hz-000001', { cidrIp: '0.0.0.0/0' });
    const stopped = value(await fx.handlers.stopVnc({ clusterId: 'ehpc-hz-000001' }));
    expect(stopped.cidrsClosed).toEqual(['0.0.0.0/0']);
    expect(fx.emulator.cluster('ehpc-hz-000001')?.vnc).toBe('stopped');
  });

  it('closes every CIDR found, reports a rule the stop could not remove, and asks only when nothing is known', async () => {
    fx = await startAppFixture({ clusters: elsewhereClusters() });
    const id = 'ehpc-hz-000002';
    const all = {
      IpProtocol: 'ALL',
      PortRange: '-1/-1',
      SourceCidrIp: '192.0.2.0/24',
      Policy: 'Accept',
      Direction: 'ingress',
    };
    fx.emulator.setCluster(id, { rules: [...(fx.emulator.cluster(id)?.rules ?? []), all] });
    const result = value(await fx.handlers.stopVnc({ clusterId: id, cidrIp: '203.0.113.99' }));
    expect(result.cidrsClosed).toEqual([
      '203.0.113.7',
      '198.51.100.0/24',
      '192.0.2.0/24',
      '203.0.113.99',
    ]);
    // StopVisualService removes 12016/12016 rules for its CidrIp; an ALL rule stays, and is said.
    expect(result.stillOpen).toEqual(['192.0.2.0/24']);
    expect(fx.settings.pendingStops()).toEqual([]);

    // Nothing found, nothing remembered, nothing given: the user is asked.
    const r = await fx.handlers.stopVnc({ clusterId: 'ehpc-hz-000003' });
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'InvalidInput', variant: 'noCidrRemembered' },
    });
  });

  it('rides out throttling of the ECS call (the client backs off)', async () => {
    fx = await startAppFixture({ clusters: elsewhereClusters() });
    fx.emulator.inject({
      action: 'DescribeSecurityGroupAttribute',
      clusterId: undefined,
      times: 2,
      fault: { kind: 'error', status: 400, code: 'Throttling.User' },
    });
    const snap = value(await fx.handlers.getExposure({ refresh: true }));
    expect(
      snap.clusters
        .filter((c) => c.clusterStatus === 'running')
        .every((c) => c.reachableFrom !== null),
    ).toBe(true);
  });
});
