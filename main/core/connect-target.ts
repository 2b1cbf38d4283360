// Where to connect to a cluster's VNC: its login node's public address (ListNodes, Role=Login),
// or, when no login node has one, its private address (reachable over a VPN). Asked once per
// cluster and region, then remembered for this process: a login node's address rarely changes,
// and connecting again should not wait for E-HPC. `refresh` asks again.
import type { ConnectTarget } from '../../preload/shared/contract';
import { VNC_PORT } from '../../preload/shared/validation';
import { vncUrl } from '../../preload/shared/vnc-url';
import type { AccountSession } from './account-session';
import { appError } from './app-error';
import type { LoginNode } from './ehpc/node-mapper';

export interface ConnectTargetsDeps {
  session: AccountSession;
}

/** The node to connect to: a running one first, one with a public address before one without. */
function choose(nodes: readonly LoginNode[]): LoginNode | undefined {
  const rank = (n: LoginNode) =>
    (n.publicAddress ? 0 : 2) + (n.status === undefined || n.status === 'running' ? 0 : 1);
  return [...nodes].sort((a, b) => rank(a) - rank(b))[0];
}

export function targetFor(clusterId: string, nodes: readonly LoginNode[]): ConnectTarget {
  const node = choose(nodes);
  const address = node?.publicAddress ?? node?.privateAddress;
  if (!node || !address) throw appError('NoLoginNode');
  const target: ConnectTarget = {
    clusterId,
    address,
    port: VNC_PORT,
    url: vncUrl(address),
    publicAddress: node.publicAddress !== undefined,
  };
  if (node.privateAddress) target.privateAddress = node.privateAddress;
  if (node.hostName) target.hostName = node.hostName;
  return target;
}

export interface TargetOptions {
  /** The cluster's region (default: the session's); ListNodes goes to that region's endpoint. */
  regionId?: string;
  /** Ask ListNodes again instead of answering what is known. */
  refresh?: boolean;
}

export class ConnectTargets {
  /** Per region and cluster: the same ID asked of another region is another question. */
  private readonly known = new Map<string, Promise<ConnectTarget>>();

  constructor(private readonly deps: ConnectTargetsDeps) {}

  get(clusterId: string, opts: TargetOptions = {}): Promise<ConnectTarget> {
    const regionId = opts.regionId ?? this.deps.session.regionId();
    const key = `${regionId}/${clusterId}`;
    const cached = this.known.get(key);
    if (cached && !opts.refresh) return cached;
    const asked = this.ask(clusterId, regionId);
    this.known.set(key, asked);
    // A failure is not remembered: the next attempt asks again.
    asked.catch(() => {
      if (this.known.get(key) === asked) this.known.delete(key);
    });
    return asked;
  }

  private async ask(clusterId: string, regionId: string): Promise<ConnectTarget> {
    const client = await this.deps.session.client(regionId);
    return targetFor(clusterId, await client.listLoginNodes(clusterId));
  }
}
