// Deterministic fixtures: the regions ListRegions answers, the default cluster users, the sample
// cluster set and the generator behind `clusters: N`. Same input, same clusters, every run.
import type { SeedCluster, SeedUser } from './types';

export const REGIONS: readonly { RegionId: string; LocalName: string }[] = [
  { RegionId: 'cn-qingdao', LocalName: '华北1（青岛）' },
  { RegionId: 'cn-beijing', LocalName: '华北2（北京）' },
  { RegionId: 'cn-zhangjiakou', LocalName: '华北3（张家口）' },
  { RegionId: 'cn-hangzhou', LocalName: '华东1（杭州）' },
  { RegionId: 'cn-shanghai', LocalName: '华东2（上海）' },
  { RegionId: 'cn-shenzhen', LocalName: '华南1（深圳）' },
  { RegionId: 'cn-hongkong', LocalName: '中国香港' },
  { RegionId: 'ap-southeast-1', LocalName: '新加坡' },
];

/** Every seeded cluster has these users unless its seed lists its own. Fake passwords. */
export const DEFAULT_USERS: readonly SeedUser[] = [
  { name: 'root', group: 'wheel', password: 'emu-root-pass-1' },
  { name: 'alice', group: 'users', password: 'emu-alice-pass-1' },
  { name: 'bob', group: 'wheel', password: 'emu-bob-pass-1' },
];

const REGION_CODES: Record<string, string> = {
  'cn-hangzhou': 'hz',
  'cn-beijing': 'bj',
  'cn-shanghai': 'sh',
  'cn-shenzhen': 'sz',
  'cn-qingdao': 'qd',
  'cn-zhangjiakou': 'zjk',
  'cn-hongkong': 'hk',
  'ap-southeast-1': 'sg',
};

/** Real IDs look like `ehpc-hz-FYUr32****`; the emulator's are `ehpc-hz-000001`. */
export function clusterIdFor(regionId: string, n: number): string {
  const code = REGION_CODES[regionId] ?? regionId.split('-').pop() ?? 'xx';
  return `ehpc-${code}-${String(n).padStart(6, '0')}`;
}

/** The default set: one cluster per interesting case, all in the emulator's region. */
export function sampleClusters(regionId: string): SeedCluster[] {
  const id = (n: number) => clusterIdFor(regionId, n);
  return [
    { id: id(1), name: 'cfd-prod-001', status: 'running', vnc: 'running', count: 8 },
    { id: id(2), name: 'render-farm-01', status: 'Running', vnc: 'stopped', count: 16 },
    { id: id(3), name: 'genomics-dev', status: 'creating', vnc: 'stopped', count: 0 },
    { id: id(4), name: 'weather-sim', status: 'exception', vnc: 'stopped', count: 4 },
    {
      id: id(5),
      name: 'legacy-md',
      status: 'running',
      vnc: 'running',
      count: 2,
      legacyMessageShape: true,
      description: 'Answers Message as {Msg: ...} (older revision)',
      // A login node without a public address: reachable over a VPN only.
      loginNodes: [
        { id: 'i-login-legacy', hostName: 'login0', status: 'running', ipAddress: '192.168.5.10' },
      ],
    },
    { id: id(6), name: 'archive-old', status: 'releasing', vnc: 'stopped', count: 1 },
  ];
}

const FAMILIES = ['cfd', 'render', 'genomics', 'weather', 'md', 'ml'];
const STAGES = ['prod', 'dev', 'test'];

/**
 * `n` clusters, numbered from 1. By position within each block of ten: 4 → 'creating',
 * 7 → 'exception', 0 → 'Running' (mixed case), every other position 'running'. VNC runs on every
 * third running cluster. So 80% are running in some spelling.
 */
export function generatedClusters(n: number, regionId: string): SeedCluster[] {
  const out: SeedCluster[] = [];
  for (let i = 1; i <= n; i++) {
    const slot = i % 10;
    const status =
      slot === 4 ? 'creating' : slot === 7 ? 'exception' : slot === 0 ? 'Running' : 'running';
    const family = FAMILIES[i % FAMILIES.length] ?? 'cfd';
    const stage = STAGES[i % STAGES.length] ?? 'prod';
    out.push({
      id: clusterIdFor(regionId, i),
      name: `${family}-${stage}-${String(i).padStart(3, '0')}`,
      status,
      vnc: status.toLowerCase() === 'running' && i % 3 === 0 ? 'running' : 'stopped',
      count: (i % 32) + 1,
    });
  }
  return out;
}

/** A rule that lets VNC in from `cidr`, as StartVisualService (or the console) leaves it. */
const vncIngress = (cidr: string, IpProtocol = 'TCP', PortRange = '12016/12016') => ({
  IpProtocol,
  PortRange,
  SourceCidrIp: cidr,
  Policy: 'Accept',
  Direction: 'ingress',
  Priority: '1',
});

const SSH = vncIngress('0.0.0.0/0', 'TCP', '22/22');

/**
 * VNC opened elsewhere (the console, another machine), in two regions: CIDRs this app never saw.
 * cn-hangzhou: 000001 open to 0.0.0.0/0; 000002 open with two rules; 000003 stopped with no
 * rule; 000004 open to 100.64.0.0/10 (wide: shorter than /16). cn-shanghai: 000001 open to
 * one /24; 000002 stopped; 000003 creating (not asked). Plus rules that do not count: a Drop,
 * an egress rule, a UDP rule and SSH.
 */
export function elsewhereClusters(): SeedCluster[] {
  const hz = (n: number) => clusterIdFor('cn-hangzhou', n);
  const sh = (n: number) => clusterIdFor('cn-shanghai', n);
  return [
    {
      id: hz(1),
      name: 'cfd-open-world',
      status: 'running',
      vnc: 'running',
      regionId: 'cn-hangzhou',
      rules: [SSH, vncIngress('0.0.0.0/0')],
    },
    {
      id: hz(2),
      name: 'render-two-rules',
      status: 'Running',
      vnc: 'running',
      regionId: 'cn-hangzhou',
      rules: [
        SSH,
        vncIngress('203.0.113.7'),
        vncIngress('198.51.100.0/24'),
        { ...vncIngress('192.0.2.0/24'), Policy: 'Drop' },
      ],
    },
    {
      id: hz(3),
      name: 'genomics-closed',
      status: 'running',
      vnc: 'stopped',
      regionId: 'cn-hangzhou',
      rules: [SSH],
    },
    {
      id: hz(4),
      name: 'md-carrier-nat',
      status: 'running',
      vnc: 'running',
      regionId: 'cn-hangzhou',
      rules: [
        SSH,
        vncIngress('100.64.0.0/10'),
        { ...vncIngress('10.0.0.0/8', 'UDP') },
        { ...vncIngress('10.1.0.0/16'), Direction: 'egress' },
      ],
    },
    {
      id: sh(1),
      name: 'weather-sh',
      status: 'running',
      vnc: 'running',
      regionId: 'cn-shanghai',
      rules: [SSH, vncIngress('198.51.100.0/24')],
    },
    {
      id: sh(2),
      name: 'ml-sh-idle',
      status: 'running',
      vnc: 'stopped',
      regionId: 'cn-shanghai',
      rules: [SSH],
    },
    {
      id: sh(3),
      name: 'new-sh',
      status: 'creating',
      vnc: 'stopped',
      regionId: 'cn-shanghai',
      rules: [SSH],
    },
  ];
}

/** The regions of `regionalClusters`: three, as in issue 11's exposure benchmark. */
export const BENCH_REGIONS: readonly string[] = ['cn-hangzhou', 'cn-shanghai', 'cn-beijing'];

/**
 * `n` clusters spread evenly over `regions` (the first regions get the remainder), each region's
 * share generated as `generatedClusters` does, each cluster with its own security group. A cluster
 * with VNC running has the 12016 rule StartVisualService leaves (one /24 per region), so an
 * exposure check finds who can reach it and a stop has a CIDR to close.
 */
export function regionalClusters(
  n: number,
  regions: readonly string[] = BENCH_REGIONS,
): SeedCluster[] {
  return regions.flatMap((regionId, i) => {
    const share = Math.floor(n / regions.length) + (i < n % regions.length ? 1 : 0);
    const cidr = `198.51.${100 + i}.0/24`;
    return generatedClusters(share, regionId).map((c) => ({
      ...c,
      regionId,
      rules: c.vnc === 'running' ? [SSH, vncIngress(cidr)] : [SSH],
    }));
  });
}
