// Which proxy, if any, a request to E-HPC goes through: HTTPS_PROXY / HTTP_PROXY / NO_PROXY from
// the environment, in either case, the way curl, Go's net/http and the aliyun CLI read them.
// - An https:// endpoint uses https_proxy (or HTTPS_PROXY); an http:// one http_proxy (or
//   HTTP_PROXY). Neither falls back to the other, as in curl.
// - NO_PROXY: `*` (nothing is proxied), a host name (that host and its subdomains; a leading `.`
//   or `*.` means the same), an IP address or CIDR block, each optionally with `:port`.
// - This machine (127.0.0.0/8, localhost, ::1) is never proxied, as in Go: a proxy elsewhere
//   cannot reach it, and the endpoint rule allows plain HTTP only there.
// Pure policy: no network, nothing imported that costs start-up time.
import { BlockList, isIP } from 'node:net';
import { appError } from '../app-error';
import { isLoopbackHost } from './endpoint';

export type ProxyEnv = Readonly<Record<string, string | undefined>>;

/** The first non-empty of the lower-case then the upper-case variable, as curl reads them. */
function variable(env: ProxyEnv, name: string): string | undefined {
  for (const key of [name.toLowerCase(), name.toUpperCase()]) {
    const value = env[key]?.trim();
    if (value) return value;
  }
  return undefined;
}

const defaultPort = (protocol: string): number => (protocol === 'https:' ? 443 : 80);

/** `[::1]` → `::1`: URL keeps IPv6 hosts in brackets, NO_PROXY lists them either way. */
const unbracket = (host: string): string => host.replace(/^\[(.*)\]$/, '$1').toLowerCase();

/** One NO_PROXY entry against a host and port. */
function entryMatches(entry: string, host: string, port: number): boolean {
  let name = entry;
  let entryPort: number | undefined;
  // host:port, [v6]:port; a bare IPv6 address has colons but no port.
  const withPort = /^(\[[^\]]+\]|[^:]+):(\d+)$/.exec(entry);
  if (withPort) {
    name = withPort[1] ?? entry;
    entryPort = Number(withPort[2]);
  }
  if (entryPort !== undefined && entryPort !== port) return false;
  name = unbracket(name);
  const cidr = /^(.+)\/(\d{1,3})$/.exec(name);
  if (cidr) {
    const [address, bits] = [cidr[1] ?? '', Number(cidr[2])];
    const family = isIP(address);
    const hostFamily = isIP(host);
    if (family === 0 || hostFamily !== family || bits > (family === 4 ? 32 : 128)) return false;
    const block = new BlockList();
    block.addSubnet(address, bits, family === 4 ? 'ipv4' : 'ipv6');
    return block.check(host, family === 4 ? 'ipv4' : 'ipv6');
  }
  if (isIP(host) !== 0 || isIP(name) !== 0) return host === name;
  name = name.replace(/^\*?\./, '');
  return name !== '' && (host === name || host.endsWith(`.${name}`));
}

/** Whether NO_PROXY (or this machine being the target) sends `target` around any proxy. */
export function bypassesProxy(target: URL, env: ProxyEnv): boolean {
  if (isLoopbackHost(target.hostname)) return true;
  const list = variable(env, 'no_proxy');
  if (!list) return false;
  const host = unbracket(target.hostname).replace(/\.$/, '');
  const port = target.port ? Number(target.port) : defaultPort(target.protocol);
  return list
    .toLowerCase()
    .split(/[\s,]+/)
    .filter((entry) => entry !== '')
    .some((entry) => entry === '*' || entryMatches(entry, host, port));
}

/**
 * The proxy for a request to `target`, or undefined to go direct. A proxy given without a scheme
 * is an HTTP proxy (as in curl). Throws InvalidInput (never echoing the value: it may carry a
 * password) when the variable is not an http:// or https:// proxy URL.
 */
export function proxyFor(target: URL, env: ProxyEnv): URL | undefined {
  const name = target.protocol === 'https:' ? 'https_proxy' : 'http_proxy';
  const value = variable(env, name);
  if (!value || bypassesProxy(target, env)) return undefined;
  const params = { name: name.toUpperCase() };
  let proxy: URL;
  try {
    proxy = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `http://${value}`);
  } catch {
    throw appError('InvalidInput', { variant: 'proxyUrl', params });
  }
  if ((proxy.protocol !== 'http:' && proxy.protocol !== 'https:') || !proxy.hostname) {
    throw appError('InvalidInput', { variant: 'proxyUrl', params });
  }
  return proxy;
}
