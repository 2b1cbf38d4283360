// Input rules shared by main (which enforces them before anything is sent) and the renderer
// (which shows them live). Pure code: it runs in Node, in the preload and in the page.

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

function parseIpv4(s: string): number[] | null {
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

/** CidrIp: an IPv4 address (`203.0.113.7`) or an IPv4 CIDR block (`203.0.113.0/24`). */
export function isValidCidrIp(s: string): boolean {
  const [addr, prefix, ...rest] = s.split('/');
  if (rest.length > 0 || addr === undefined || parseIpv4(addr) === null) return false;
  if (prefix === undefined) return true;
  return /^(0|[1-9][0-9]?)$/.test(prefix) && Number(prefix) <= 32;
}

/**
 * A CidrIp that opens VNC to much of the internet: any address (`0.0.0.0/0`, `::/0`) or an IPv4
 * block wider than /16 (65,536 addresses). Such a start is confirmed by the user every time.
 */
export function isWideCidr(cidr: string): boolean {
  const [addr = '', prefix] = cidr.trim().split('/');
  if (addr.includes(':')) return prefix !== undefined && Number(prefix) < 64;
  if (prefix === undefined) return false;
  const bits = Number(prefix);
  return !Number.isInteger(bits) || bits < 16;
}
