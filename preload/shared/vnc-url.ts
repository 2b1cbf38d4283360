// The one URL the app asks the system to open: `vnc://<address>:12016`. Built and checked here,
// in pure code, so that main (before handing it to the shell) and the renderer (showing it) agree.
import { parseIpv4, parseIpv6 } from './ip-address';
import { VNC_PORT } from './validation';

/** `vnc://203.0.113.7:12016`, or `vnc://[2001:db8::1]:12016` for IPv6. */
export function vncUrl(address: string): string {
  return `vnc://${parseIpv6(address) ? `[${address}]` : address}:${VNC_PORT}`;
}

/** What the viewer is given when no handler opens the URL: `203.0.113.7:12016`. */
export function vncAddress(address: string): string {
  return `${parseIpv6(address) ? `[${address}]` : address}:${VNC_PORT}`;
}

const HOST_NAME =
  /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/i;

/**
 * Whether `url` is exactly `vnc://<host>:12016` and nothing else: the host an IP address or one
 * of `knownHosts` (the cluster's), no user or password, no path, query or fragment. This is the
 * only shape the shell may open: anything else handed to the OS opener could start any program
 * registered for a scheme.
 */
export function isAllowedVncUrl(url: string, knownHosts: readonly string[] = []): boolean {
  const m = /^vnc:\/\/(\[[0-9a-fA-F:]+\]|[^/?#@:[\]]+):([0-9]+)$/.exec(url);
  if (!m) return false;
  const [, rawHost = '', port] = m;
  if (port !== String(VNC_PORT)) return false;
  if (rawHost.startsWith('[')) return parseIpv6(rawHost.slice(1, -1)) !== null;
  if (parseIpv4(rawHost)) return true;
  return (
    HOST_NAME.test(rawHost) && knownHosts.some((h) => h.toLowerCase() === rawHost.toLowerCase())
  );
}
