// The emulator's public vocabulary. Tests of the app's E-HPC client depend on these names, so
// they only ever grow.

export interface EmulatorAccessKey {
  accessKeyId: string;
  accessKeySecret: string;
  /** Set for an STS key: requests must then carry a matching `x-acs-security-token` header. */
  securityToken?: string;
}

export type UserGroup = 'users' | 'wheel';

/** A login node, as ListNodes (Role=Login) answers it. */
export interface EmulatorNode {
  id: string;
  hostName: string;
  status: string;
  /** The private address in the cluster's VPC. */
  ipAddress: string;
  /** The documented public address; absent for a node without one. */
  publicIpAddress?: string;
  /** An elastic IP bound to the node, answered as `EipAddress: {IpAddress}` (ECS's shape). */
  eipAddress?: string;
}
export type VncRunState = 'running' | 'stopped';

export interface EmulatorUser {
  name: string;
  group: UserGroup;
  /** The user's Linux password on the cluster, checked as RunasUserPassword. */
  password: string;
  addTime: string;
}

/** The live state of one emulated cluster. */
export interface EmulatorClusterState {
  id: string;
  name: string;
  description: string;
  /** As E-HPC reports it; may be mixed case (`Running`) on purpose. */
  status: string;
  regionId: string;
  zoneId: string;
  osTag: string;
  schedulerType: string;
  accountType: string;
  deployMode: string;
  createTime: string;
  count: number;
  instanceChargeType: string;
  vnc: VncRunState;
  /** ISO time the VNC service last started (drives "active (running) since ..."). */
  vncSince: string;
  /** CidrIp given to the last StartVisualService. */
  cidrIp?: string;
  /** CidrIp given to the last StopVisualService. */
  stopCidrIp?: string;
  /** The VNC password set by the last ModifyVisualServicePasswd. */
  vncPassword?: string;
  users: EmulatorUser[];
  /** Answer `Message: {Msg: ...}` (an older revision) instead of a plain string. */
  legacyMessageShape: boolean;
  /** Whether ListUsers includes root (unconfirmed for the real service; off by default). */
  listsRoot: boolean;
  /** What ListNodes answers for Role=Login; empty for a cluster without a login node. */
  loginNodes: EmulatorNode[];
  /** The cluster's security group (DescribeCluster's `ClusterInfo.SecurityGroupId`). */
  securityGroupId: string;
  /**
   * The group's rules (ECS DescribeSecurityGroupAttribute). StartVisualService adds a TCP 12016
   * ingress rule for its CidrIp, StopVisualService removes it. Seeds may list rules nobody made
   * through this app (VNC started from the console).
   */
  rules: EmulatorRule[];
}

/** One rule of a security group, as ECS 2014-05-26 names its fields. */
export interface EmulatorRule {
  IpProtocol: string;
  PortRange: string;
  SourceCidrIp?: string;
  Ipv6SourceCidrIp?: string;
  Policy: string;
  Direction: string;
  Priority?: string;
}

export type SeedUser = Omit<EmulatorUser, 'addTime'> & { addTime?: string };

export type SeedCluster = Pick<EmulatorClusterState, 'id' | 'name' | 'status'> &
  Partial<Omit<EmulatorClusterState, 'id' | 'name' | 'status' | 'users'>> & {
    users?: SeedUser[];
  };

export interface EmulatorOptions {
  /**
   * The region a request without `RegionId` is for. Default 'cn-hangzhou'. Every region is served
   * on the one port: a request's `RegionId` picks its region, and a seed's `regionId` its home.
   */
  regionId?: string;
  /** Default [EMULATOR_KEY]. */
  accessKeys?: EmulatorAccessKey[];
  /** A number generates that many deterministic clusters; default the sample set. */
  clusters?: number | SeedCluster[];
  /** Added before every response. */
  latencyMs?: number;
  /** Default 0 (a free port). */
  port?: number;
  /**
   * Serve HTTPS with this key and certificate (PEM) instead of plain HTTP: the stand-in for the
   * real endpoint's TLS, e.g. behind a CONNECT proxy (test/support/test-ca.ts makes a pair).
   */
  tls?: { key: string; cert: string };
  /** Called once per request when it is answered, reset or left hanging. */
  onSettled?: (request: RecordedRequest) => void;
}

export interface RecordedRequest {
  action: string;
  method: string;
  /** The raw request URL, exactly as received. */
  url: string;
  query: Record<string, string>;
  form: Record<string, string>;
  headers: Record<string, string>;
  /** The raw body. Holds secrets: assert on it, never print it. */
  body: string;
  /** True when the whole V3 authentication passed (key known, payload hash and signature match). */
  signatureValid: boolean;
  /** HTTP status sent; 0 while pending, and for `hang` and `reset` faults. */
  status: number;
  code?: string;
  at: number;
}

export type Fault =
  | { kind: 'latency'; ms: number }
  | { kind: 'error'; status: number; code: string; message?: string }
  | { kind: 'hang' }
  /**
   * Answers normally once `opened` resolves (or applies `then`, another fault): a test holds a
   * request back until it has looked.
   */
  | { kind: 'gate'; opened: Promise<void>; then?: Fault }
  | { kind: 'reset' }
  | { kind: 'html'; status?: number };

export interface FaultRule {
  action?: string;
  clusterId?: string;
  /** How many matching requests it applies to. Default Infinity. */
  times?: number;
  fault: Fault;
}

export interface Emulator {
  /** 'http://127.0.0.1:PORT' */
  url: string;
  /** '127.0.0.1:PORT': what `Config.endpoint` takes. */
  host: string;
  port: number;
  regionId: string;
  requests: RecordedRequest[];
  /** Requests received, optionally of one action (for retry counting). */
  count(action?: string): number;
  /** Resolves once `n` requests (of `action`, if given) have been received. */
  waitForRequests(n: number, action?: string): Promise<void>;
  /** Faults are consumed in order of injection; one fault per request. */
  inject(rule: FaultRule): void;
  clearFaults(): void;
  /** A snapshot of the cluster's live state. */
  cluster(id: string): EmulatorClusterState | undefined;
  /** Every cluster of every region. */
  clusters(): EmulatorClusterState[];
  setCluster(id: string, patch: Partial<EmulatorClusterState>): void;
  addCluster(seed: SeedCluster): void;
  removeCluster(id: string): void;
  addAccessKey(k: EmulatorAccessKey): void;
  /** TCP connections accepted so far (a reused keep-alive connection counts once). */
  connectionCount(): number;
  /**
   * Closes the keep-alive connections no request is using, so the next requests open new ones,
   * as they do after the endpoint has dropped an idle connection. Resolves when their FINs are
   * sent.
   */
  closeIdleConnections(): Promise<void>;
  /** Closes the server and destroys every socket, including hung ones. */
  close(): Promise<void>;
}
