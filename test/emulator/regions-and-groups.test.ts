// The emulator's regions, DescribeCluster and ECS DescribeSecurityGroupAttribute on one port,
// through the real openapi-client with verified V3 signatures.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMULATOR_KEY, ECS_API_VERSION, elsewhereClusters, startEmulator, type Emulator } from '.';
import { callApi, callFails, realClient, type OpenApiClient } from './real-client';

describe('emulator: regions, security groups, ECS', () => {
  let emu: Emulator;
  let client: OpenApiClient;
  beforeAll(async () => {
    emu = await startEmulator({ clusters: elsewhereClusters() });
    client = realClient(emu.host, EMULATOR_KEY);
  });
  afterAll(() => emu.close());

  const ids = async (regionId: string) => {
    const { body } = await callApi(client, 'ListClusters', { query: { RegionId: regionId } });
    const list = (body.Clusters as { ClusterInfoSimple: { Id: string }[] }).ClusterInfoSimple;
    return list.map((c) => c.Id);
  };

  it('lists each region its own clusters, picked by RegionId', async () => {
    expect(await ids('cn-hangzhou')).toHaveLength(4);
    expect(await ids('cn-shanghai')).toEqual([
      'ehpc-sh-000001',
      'ehpc-sh-000002',
      'ehpc-sh-000003',
    ]);
    expect(await ids('cn-beijing')).toEqual([]);
    const other = await callFails(client, 'GetVisualServiceStatus', {
      query: { RegionId: 'cn-hangzhou', ClusterId: 'ehpc-sh-000001' },
    });
    expect(other.code).toBe('ClusterNotFound');
  });

  it('answers DescribeCluster and the group rules over ECS 2014-05-26, signed', async () => {
    const { body } = await callApi(client, 'DescribeCluster', {
      query: { RegionId: 'cn-hangzhou', ClusterId: 'ehpc-hz-000002' },
    });
    const sg = (body.ClusterInfo as { SecurityGroupId: string }).SecurityGroupId;
    expect(sg).toBe('sg-hz-000002');
    const ecs = await callApi(client, 'DescribeSecurityGroupAttribute', {
      version: ECS_API_VERSION,
      query: { RegionId: 'cn-hangzhou', SecurityGroupId: sg, Direction: 'ingress' },
    });
    const rules = (
      ecs.body.Permissions as { Permission: { SourceCidrIp: string; PortRange: string }[] }
    ).Permission;
    expect(rules.filter((r) => r.PortRange === '12016/12016').map((r) => r.SourceCidrIp)).toEqual([
      '203.0.113.7',
      '198.51.100.0/24',
      '192.0.2.0/24',
    ]);
    const last = emu.requests.at(-1);
    expect(last).toMatchObject({ action: 'DescribeSecurityGroupAttribute', signatureValid: true });
    expect(last?.headers['x-acs-version']).toBe(ECS_API_VERSION);
    // ECS needs RegionId, and an ECS action is unknown to E-HPC's version.
    expect(
      (
        await callFails(client, 'DescribeSecurityGroupAttribute', {
          version: ECS_API_VERSION,
          query: { SecurityGroupId: sg },
        })
      ).code,
    ).toBe('MissingRegionId');
    expect(
      (
        await callFails(client, 'DescribeSecurityGroupAttribute', {
          query: { RegionId: 'cn-hangzhou', SecurityGroupId: sg },
        })
      ).code,
    ).toBe('InvalidAction.NotFound');
  });

  it('adds a 12016 rule on StartVisualService and removes its CidrIp’s on Stop', async () => {
    const q = { RegionId: 'cn-shanghai', ClusterId: 'ehpc-sh-000002', Port: '12016' };
    await callApi(client, 'StartVisualService', { body: { ...q, CidrIp: '203.0.113.9' } });
    expect(emu.cluster('ehpc-sh-000002')?.rules.map((r) => r.SourceCidrIp)).toContain(
      '203.0.113.9',
    );
    await callApi(client, 'StopVisualService', { body: { ...q, CidrIp: '203.0.113.9' } });
    expect(emu.cluster('ehpc-sh-000002')).toMatchObject({ vnc: 'stopped' });
    expect(emu.cluster('ehpc-sh-000002')?.rules.map((r) => r.PortRange)).toEqual(['22/22']);
  });

  it('keeps an IPv6 CidrIp as an Ipv6SourceCidrIp rule, and refuses what is no IPv6 block', async () => {
    const q = { RegionId: 'cn-shanghai', ClusterId: 'ehpc-sh-000002', Port: '12016' };
    await callApi(client, 'StartVisualService', { body: { ...q, CidrIp: '2001:db8::7/128' } });
    const ecs = await callApi(client, 'DescribeSecurityGroupAttribute', {
      version: ECS_API_VERSION,
      query: { RegionId: 'cn-shanghai', SecurityGroupId: 'sg-sh-000002' },
    });
    const rules = (
      ecs.body.Permissions as {
        Permission: { SourceCidrIp: string; Ipv6SourceCidrIp: string; PortRange: string }[];
      }
    ).Permission;
    // ECS names both fields on every rule; the one of the other family is empty.
    expect(rules.filter((r) => r.PortRange === '12016/12016')).toEqual([
      expect.objectContaining({ SourceCidrIp: '', Ipv6SourceCidrIp: '2001:db8::7/128' }),
    ]);
    for (const bad of ['2001:db8::7/129', '2001:db8:::7', '::ffff:203.0.113.7', 'fe80::1%eth0']) {
      const err = await callFails(client, 'StartVisualService', { body: { ...q, CidrIp: bad } });
      expect([bad, err.code]).toEqual([bad, 'InvalidParams']);
    }
    await callApi(client, 'StopVisualService', { body: { ...q, CidrIp: '2001:db8::7/128' } });
    expect(emu.cluster('ehpc-sh-000002')?.rules.map((r) => r.PortRange)).toEqual(['22/22']);
  });

  it('injects ECS faults like any other', async () => {
    emu.inject({
      action: 'DescribeSecurityGroupAttribute',
      times: 1,
      fault: { kind: 'error', status: 403, code: 'Forbidden.RAM' },
    });
    const err = await callFails(client, 'DescribeSecurityGroupAttribute', {
      version: ECS_API_VERSION,
      query: { RegionId: 'cn-hangzhou', SecurityGroupId: 'sg-hz-000001' },
    });
    expect(err.code).toBe('Forbidden.RAM');
  });
});
