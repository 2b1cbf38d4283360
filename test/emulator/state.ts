// The emulator's memory: clusters by ID, filled from seeds, mutated by the VNC operations and by
// tests through setCluster. Callers get copies so that a test cannot change state by accident.
import { DEFAULT_USERS } from './seed-data';
import type { EmulatorClusterState, EmulatorNode, EmulatorRule, SeedCluster } from './types';

/** Where a rule keeps its CIDR: `Ipv6SourceCidrIp` for an IPv6 one, `SourceCidrIp` otherwise. */
export const cidrField = (cidr: string): 'SourceCidrIp' | 'Ipv6SourceCidrIp' =>
  cidr.includes(':') ? 'Ipv6SourceCidrIp' : 'SourceCidrIp';

/** The rule StartVisualService leaves in the cluster's security group for its CidrIp. */
export function vncRule(cidr: string): EmulatorRule {
  return {
    IpProtocol: 'TCP',
    PortRange: '12016/12016',
    [cidrField(cidr)]: cidr,
    Policy: 'Accept',
    Direction: 'ingress',
    Priority: '1',
  };
}

/** Whether the rule is the one StartVisualService left for `cidr`. */
export const isVncRuleFor = (rule: EmulatorRule, cidr: string): boolean =>
  rule.PortRange === '12016/12016' && rule[cidrField(cidr)] === cidr;

/** Every group also has the SSH rule E-HPC creates, which has nothing to do with VNC. */
const SSH_RULE: EmulatorRule = {
  IpProtocol: 'TCP',
  PortRange: '22/22',
  SourceCidrIp: '0.0.0.0/0',
  Policy: 'Accept',
  Direction: 'ingress',
  Priority: '1',
};

/** A fixed instant so that seeded timestamps are deterministic. */
const SEED_TIME = '2024-03-04T02:21:33Z';

/**
 * One login node with a public address, unless the seed says otherwise. The address is derived
 * from the cluster ID so that it is the same every run (TEST-NET-3, never a real host).
 */
export function defaultLoginNodes(clusterId: string): EmulatorNode[] {
  const n = Number(/(\d+)$/.exec(clusterId)?.[1] ?? '0') % 250;
  return [
    {
      id: `i-login-${clusterId}`,
      hostName: 'login0',
      status: 'running',
      ipAddress: `192.168.0.${n + 1}`,
      publicIpAddress: `203.0.113.${n + 1}`,
    },
  ];
}

export function clusterFromSeed(seed: SeedCluster, regionId: string): EmulatorClusterState {
  const users = (seed.users ?? DEFAULT_USERS).map((u) => ({
    ...u,
    addTime: u.addTime ?? SEED_TIME,
  }));
  return {
    description: '',
    regionId,
    zoneId: `${seed.regionId ?? regionId}-h`,
    osTag: 'CentOS_7.9_64',
    schedulerType: 'pbs',
    accountType: 'nis',
    deployMode: 'Simple',
    createTime: SEED_TIME,
    count: 1,
    instanceChargeType: 'PostPaid',
    vnc: 'stopped',
    vncSince: SEED_TIME,
    legacyMessageShape: false,
    listsRoot: false,
    securityGroupId: `sg-${seed.id.replace(/^ehpc-/, '')}`,
    loginNodes: defaultLoginNodes(seed.id),
    ...seed,
    rules: seed.rules ?? [SSH_RULE],
    users,
  };
}

const copy = (c: EmulatorClusterState): EmulatorClusterState => structuredClone(c);

export class ClusterStore {
  private readonly clusters = new Map<string, EmulatorClusterState>();

  constructor(
    private readonly regionId: string,
    seeds: SeedCluster[],
  ) {
    for (const seed of seeds) this.add(seed);
  }

  add(seed: SeedCluster): void {
    this.clusters.set(seed.id, clusterFromSeed(seed, this.regionId));
  }

  remove(id: string): void {
    this.clusters.delete(id);
  }

  /** A cluster of the region asked about: one in another region is as good as absent. */
  get(id: string, regionId = this.regionId): EmulatorClusterState | undefined {
    const c = this.clusters.get(id);
    return c && c.regionId === regionId ? copy(c) : undefined;
  }

  /** The cluster whose security group this is, in the region asked about. */
  bySecurityGroup(sgId: string, regionId: string): EmulatorClusterState | undefined {
    for (const c of this.clusters.values()) {
      if (c.securityGroupId === sgId && c.regionId === regionId) return copy(c);
    }
    return undefined;
  }

  /** Any cluster, whatever its region (for tests). */
  peek(id: string): EmulatorClusterState | undefined {
    const c = this.clusters.get(id);
    return c ? copy(c) : undefined;
  }

  update(id: string, patch: Partial<EmulatorClusterState>): void {
    const c = this.clusters.get(id);
    if (!c) throw new Error(`emulator: no cluster ${id}`);
    this.clusters.set(id, { ...c, ...structuredClone(patch), id });
  }

  /** A region's clusters (the default region's by default) in insertion order. */
  list(regionId = this.regionId): EmulatorClusterState[] {
    return [...this.clusters.values()].filter((c) => c.regionId === regionId).map(copy);
  }

  /** Every cluster of every region (for tests). */
  all(): EmulatorClusterState[] {
    return [...this.clusters.values()].map(copy);
  }

  /**
   * The region's clusters without copying them, for ListClusters: deep-copying a thousand
   * clusters per page made the emulator, not the client, the bottleneck of a listing wave.
   */
  view(regionId = this.regionId): readonly Readonly<EmulatorClusterState>[] {
    return [...this.clusters.values()].filter((c) => c.regionId === regionId);
  }
}
