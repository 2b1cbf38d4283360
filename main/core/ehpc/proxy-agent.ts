// The HTTP agent a request to E-HPC goes through when the environment names a proxy (proxy.ts
// decides which). The tunnel itself is https-proxy-agent's (CONNECT, then TLS to E-HPC inside
// it, so the proxy sees only the host name and port, never a request); this module adds only a
// bound on the wait for the proxy's answer to CONNECT, which the SDK's own timeouts do not cover
// (they start once the tunnel is handed over). The package is imported on the first proxied
// request, so start-up without a proxy never loads it.
import type { Agent } from 'node:http';
import type { Socket } from 'node:net';
import { proxyFor, type ProxyEnv } from './proxy';

/** Gives the agent for a request URL, or undefined to use the SDK's own (a direct connection). */
export type AgentFor = (url: string) => Promise<Agent | undefined>;

function timedOut(): Error {
  // Named like the SDK's own timeouts: errors.ts maps any `…TimeoutError` to Network.Timeout.
  const err = new Error('The proxy did not answer CONNECT in time.');
  err.name = 'ProxyConnectTimeoutError';
  return err;
}

async function tunnelAgent(proxy: URL, connectTimeoutMs: number): Promise<Agent> {
  const imported = await import('https-proxy-agent');
  // esbuild's split chunk of a CommonJS package exports only `default` (= module.exports), as
  // for the SDK (sdk-transport.ts); Node's loader gives the named export too.
  const HttpsProxyAgent =
    imported.HttpsProxyAgent ??
    (imported as unknown as { default: typeof imported }).default.HttpsProxyAgent;
  type ConnectArgs = Parameters<InstanceType<typeof HttpsProxyAgent>['connect']>;

  class BoundedTunnel extends HttpsProxyAgent<string> {
    override async connect(...args: ConnectArgs): Promise<Socket> {
      // The socket to the proxy is opened synchronously at the start of `super.connect`, from
      // `connectOpts`: a signal put there for that moment lets the timer close it, so a proxy
      // that never answers leaves no open socket behind (it would keep the CLI alive).
      const abort = new AbortController();
      const shared = this.connectOpts;
      this.connectOpts = { ...shared, signal: abort.signal };
      let tunnel: Promise<Socket>;
      try {
        tunnel = super.connect(...args);
      } finally {
        this.connectOpts = shared;
      }
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          abort.abort();
          reject(timedOut());
        }, connectTimeoutMs);
      });
      try {
        return await Promise.race([tunnel, late]);
      } finally {
        clearTimeout(timer);
      }
    }
  }
  return new BoundedTunnel(proxy, { keepAlive: true });
}

/**
 * One transport's agents: one per proxy URL, kept so that its tunnels can be reused across
 * calls. The environment is read on every request (it does not change in a running process, but
 * reading it is cheap and keeps tests honest).
 */
export function proxyAgents(connectTimeoutMs: number, env: ProxyEnv = process.env): AgentFor {
  const agents = new Map<string, Promise<Agent>>();
  return async (url) => {
    const proxy = proxyFor(new URL(url), env);
    if (!proxy) return undefined;
    let agent = agents.get(proxy.href);
    if (!agent) {
      agent = tunnelAgent(proxy, connectTimeoutMs);
      agents.set(proxy.href, agent);
    }
    return agent;
  };
}
