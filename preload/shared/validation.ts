// Input rules shared by main (which enforces them before anything is sent) and the renderer
// (which shows them live). Pure code: it runs in Node, in the preload and in the page.
import { ipFamily, parseIpv6 } from './ip-address';

/** Special characters seed 000 allows in a VNC password. Spaces on the seed page are layout. */
export const VNC_PASSWORD_SPECIALS = "()~!@#$%^&*-_+=|{}[]:;'/<>,.?";
export const VNC_PASSWORD_MIN = 8;
export const VNC_PASSWORD_MAX = 30;
export const VNC_PORT = 12016;

export type PasswordRuleId = 'length' | 'classes' | 'charset';

export interface PasswordRuleResult {
  id: PasswordRuleId;
  ok: boolean;
}

export interface PasswordCheck {
  ok: boolean;
  rules: PasswordRuleResult[];
  /** Which character classes are present, for the live checklist. */
  classes: { upper: boolean; lower: boolean; digit: boolean; special: boolean };
  classCount: number;
}

const isUpper = (c: string): boolean => c >= 'A' && c <= 'Z';
const isLower = (c: string): boolean => c >= 'a' && c <= 'z';
const isDigit = (c: string): boolean => c >= '0' && c <= '9';
const isSpecial = (c: string): boolean => VNC_PASSWORD_SPECIALS.includes(c);

/** Checks a new VNC password against seed 000's policy, rule by rule. */
export function checkVncPassword(password: string): PasswordCheck {
  const chars = [...password];
  const classes = {
    upper: chars.some(isUpper),
    lower: chars.some(isLower),
    digit: chars.some(isDigit),
    special: chars.some(isSpecial),
  };
  const classCount = Object.values(classes).filter(Boolean).length;
  const rules: PasswordRuleResult[] = [
    { id: 'length', ok: chars.length >= VNC_PASSWORD_MIN && chars.length <= VNC_PASSWORD_MAX },
    { id: 'classes', ok: classCount >= 3 },
    {
      id: 'charset',
      ok: chars.every((c) => isUpper(c) || isLower(c) || isDigit(c) || isSpecial(c)),
    },
  ];
  return { ok: rules.every((r) => r.ok), rules, classes, classCount };
}

const UPPER = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const LOWER = 'abcdefghijkmnopqrstuvwxyz';
const DIGITS = '23456789';
// A subset of the allowed specials that survives shells, URLs and VNC clients' keymaps.
const GENERATOR_SPECIALS = '!@#%^*-_+=.?';

/** Uniform integer in [0, n) from a CSPRNG, without modulo bias. */
function randomIndex(n: number, random: (buf: Uint32Array) => Uint32Array): number {
  const limit = Math.floor(0x1_0000_0000 / n) * n;
  const buf = new Uint32Array(1);
  for (;;) {
    const v = random(buf)[0] ?? 0;
    if (v < limit) return v % n;
  }
}

/**
 * Generates a compliant VNC password from a CSPRNG (Web Crypto in both Node and the page).
 * Always contains all four classes; look-alike characters (0/O, 1/l/I) are left out.
 */
export function generateVncPassword(
  length = 16,
  random: (buf: Uint32Array) => Uint32Array = (b) => globalThis.crypto.getRandomValues(b),
): string {
  const n = Math.min(VNC_PASSWORD_MAX, Math.max(VNC_PASSWORD_MIN, Math.trunc(length)));
  const pools = [UPPER, LOWER, DIGITS, GENERATOR_SPECIALS];
  const all = pools.join('');
  const out = pools.map((p) => p[randomIndex(p.length, random)] as string);
  while (out.length < n) out.push(all[randomIndex(all.length, random)] as string);
  for (let i = out.length - 1; i > 0; i--) {
    const j = randomIndex(i + 1, random);
    [out[i], out[j]] = [out[j] as string, out[i] as string];
  }
  return out.join('');
}

/** E-HPC cluster IDs look like `ehpc-hz-FYUr32****`: bounded, no control or shell characters. */
export function isValidClusterId(id: string): boolean {
  return /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/.test(id);
}

/** A Linux user name on the cluster (RunasUser). */
export function isValidRunasUser(name: string): boolean {
  return /^[a-z_][a-z0-9_.-]{0,31}$/i.test(name);
}

/** A region ID such as `cn-hangzhou` or `ap-southeast-1`. */
export function isValidRegionId(id: string): boolean {
  return /^[a-z]{2,}(-[a-z0-9]+){1,4}$/.test(id);
}

/** The profile whose AccessKey is the keychain's original `access-key` item. */
export const DEFAULT_PROFILE = 'default';

/**
 * A profile name (`--profile`, ALIBABA_CLOUD_PROFILE, the app's settings): letters, digits, `.`,
 * `_`, `-`, up to 64, starting with a letter or digit. It becomes part of a keychain account.
 */
export function isValidProfileName(name: string): boolean {
  return /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/.test(name);
}

/** An AccessKey ID: letters and digits (LTAI..., STS.* for temporary keys). */
export function isValidAccessKeyId(id: string): boolean {
  return /^[A-Za-z0-9.]{8,128}$/.test(id);
}

/** The longest CidrIp: a full IPv6 address (39 characters) and `/128`. */
export const CIDR_IP_MAX = 43;

/** The prefix length of a CIDR block, in range for its family, or null. */
function prefixOf(prefix: string, max: number): number | null {
  if (!/^(0|[1-9][0-9]{0,2})$/.test(prefix)) return null;
  const bits = Number(prefix);
  return bits <= max ? bits : null;
}

/**
 * CidrIp: an IPv4 or IPv6 address (`203.0.113.7`, `2001:db8::7`) or CIDR block
 * (`203.0.113.0/24`, `2001:db8::/48`). StartVisualService turns an IPv6 one into the security
 * group's `Ipv6SourceCidrIp` rule.
 */
export function isValidCidrIp(s: string): boolean {
  if (s.length > CIDR_IP_MAX) return false;
  const [addr = '', prefix, ...rest] = s.split('/');
  const family = ipFamily(addr);
  if (rest.length > 0 || family === null) return false;
  return prefix === undefined || prefixOf(prefix, family === 4 ? 32 : 128) !== null;
}

/** IPv6 in its one canonical text (RFC 5952): lower case, no leading zeros, longest zero run `::`. */
function formatIpv6(groups: readonly number[]): string {
  let best = { at: -1, len: 1 };
  for (let i = 0; i < groups.length;) {
    let j = i;
    while (j < groups.length && groups[j] === 0) j++;
    if (j - i > best.len) best = { at: i, len: j - i };
    i = j > i ? j : i + 1;
  }
  const hex = groups.map((g) => g.toString(16));
  if (best.at < 0) return hex.join(':');
  const head = hex.slice(0, best.at).join(':');
  const tail = hex.slice(best.at + best.len).join(':');
  return `${head}::${tail}`;
}

/**
 * The CidrIp as it is sent and remembered: trimmed, and an IPv6 address in its canonical text, so
 * that `2001:DB8:0::7`, `2001:db8::7` and the rule E-HPC reports are the same CIDR. IPv4 is kept as
 * typed (it has one text already); host bits are kept, as the user gave them. Invalid input is
 * returned trimmed, for the validation to refuse.
 */
export function canonicalCidrIp(s: string): string {
  const t = s.trim();
  const [addr = '', prefix, ...rest] = t.split('/');
  const v6 = rest.length === 0 ? parseIpv6(addr) : null;
  if (!v6) return t;
  const text = formatIpv6(v6);
  return prefix === undefined ? text : `${text}/${prefix}`;
}

/**
 * A CidrIp that opens VNC to much of the internet (issue 11's rule, the same as the exposure
 * check's): any address (`0.0.0.0/0`, `::/0`) or an IPv4 block wider than /16 (65,536 addresses).
 * A bare address is one host. Such a start is confirmed by the user every time.
 */
export function isWideCidr(cidr: string): boolean {
  const [addr = '', prefix] = cidr.trim().split('/');
  if (prefix === undefined) return false;
  const bits = Number(prefix);
  if (addr.includes(':')) return !Number.isInteger(bits) || bits === 0;
  return !Number.isInteger(bits) || bits < 16;
}
