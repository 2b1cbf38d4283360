// IP address rules shared by main (login-node addresses, the detected address) and the renderer
// (the connect URL it shows). Pure code: no Node, no DOM.

/** The four octets of a dotted-quad IPv4 address (no leading zeros), or null. */
export function parseIpv4(s: string): number[] | null {
  const parts = s.split('.');
  if (parts.length !== 4) return null;
  const nums: number[] = [];
  for (const p of parts) {
    if (!/^(0|[1-9][0-9]{0,2})$/.test(p)) return null;
    const n = Number(p);
    if (n > 255) return null;
    nums.push(n);
  }
  return nums;
}

/** The eight 16-bit groups of an IPv6 address (`::` allowed, no zone, no embedded IPv4), or null. */
export function parseIpv6(s: string): number[] | null {
  if (s.length > 39 || !/^[0-9a-fA-F:]+$/.test(s)) return null;
  const halves = s.split('::');
  if (halves.length > 2) return null;
  const groups = (part: string): number[] | null => {
    if (part === '') return [];
    const out: number[] = [];
    for (const g of part.split(':')) {
      if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return null;
      out.push(parseInt(g, 16));
    }
    return out;
  };
  const head = groups(halves[0] ?? '');
  const tail = halves.length === 2 ? groups(halves[1] ?? '') : [];
  if (!head || !tail) return null;
  if (halves.length === 1) return head.length === 8 ? head : null;
  const missing = 8 - head.length - tail.length;
  return missing >= 1 ? [...head, ...new Array<number>(missing).fill(0), ...tail] : null;
}

export type IpFamily = 4 | 6;

export function ipFamily(s: string): IpFamily | null {
  if (parseIpv4(s)) return 4;
  if (parseIpv6(s)) return 6;
  return null;
}

export function isIpAddress(s: string): boolean {
  return ipFamily(s) !== null;
}

/**
 * Whether an address is reachable on the public internet: not private (RFC 1918, unique local),
 * loopback, link-local, shared (CGNAT), multicast, unspecified or reserved. Documentation ranges
 * count as public: they are what examples and the emulator use.
 */
export function isPublicIp(s: string): boolean {
  const v4 = parseIpv4(s);
  if (v4) {
    const [a = 0, b = 0] = v4;
    if (a === 0 || a === 10 || a === 127 || a >= 224) return false;
    if (a === 169 && b === 254) return false;
    if (a === 172 && b >= 16 && b <= 31) return false;
    if (a === 192 && b === 168) return false;
    if (a === 100 && b >= 64 && b <= 127) return false;
    return true;
  }
  const v6 = parseIpv6(s);
  if (!v6) return false;
  // Global unicast is 2000::/3; everything else (::1, fc00::/7, fe80::/10, ff00::/8) is not.
  return ((v6[0] ?? 0) & 0xe000) === 0x2000;
}

/** The address as a single-host block: `/32` for IPv4, `/128` for IPv6. */
export function hostCidr(address: string): string {
  return `${address}/${ipFamily(address) === 6 ? 128 : 32}`;
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);
const HOST = /^(\[[0-9a-fA-F:]+\]|[A-Za-z0-9]([A-Za-z0-9.-]{0,251}[A-Za-z0-9])?)(:[0-9]{1,5})?$/;

/**
 * Where the user's address may be asked: an https:// URL, or http:// on this computer only (a
 * test stand-in, as the endpoint override allows). No credentials in the URL. Empty means "none".
 * Parsed by hand: this module runs where there is no URL class (the shared, DOM-free build).
 */
export function isAllowedDetectUrl(url: string): boolean {
  if (url.length > 2048 || /[\s\\]/.test(url)) return false;
  const m = /^(https?):\/\/([^/?#]*)([/?#].*)?$/i.exec(url);
  if (!m) return false;
  const scheme = (m[1] ?? '').toLowerCase();
  const authority = m[2] ?? '';
  // No user or password: a URL with credentials is one the user should not keep in settings.
  if (authority.includes('@') || !HOST.test(authority)) return false;
  if (scheme === 'https') return true;
  const host = authority.replace(/:[0-9]{1,5}$/, '').toLowerCase();
  return LOOPBACK_HOSTS.has(host);
}
