// Which security-group rules let VNC in, and which CIDRs are wide. Pure functions.
//
// A rule counts when it is an ingress Accept (Direction and Policy default to those when ECS
// leaves them out), its protocol is TCP or ALL, and its port range covers 12016 (`12016/12016`,
// `1/65535`, `-1/-1` for all ports).
import type { ReachCidr } from '../../preload/shared/contract';
import type { SecurityGroupRule } from './ehpc/ecs-client';

export const VNC_TCP_PORT = 12016;

function rangeCovers(range: string | undefined, port: number): boolean {
  if (!range) return false;
  const m = /^(-?\d+)\/(-?\d+)$/.exec(range.trim());
  if (!m) return false;
  const from = Number(m[1]);
  const to = Number(m[2]);
  if (from === -1 && to === -1) return true;
  return from <= port && port <= to;
}

export function letsVncIn(rule: SecurityGroupRule): boolean {
  const direction = (rule.direction ?? 'ingress').toLowerCase();
  const policy = (rule.policy ?? 'accept').toLowerCase();
  const protocol = (rule.ipProtocol ?? '').toUpperCase();
  return (
    direction === 'ingress' &&
    policy === 'accept' &&
    (protocol === 'TCP' || protocol === 'ALL') &&
    rangeCovers(rule.portRange, VNC_TCP_PORT)
  );
}

/** 0.0.0.0/0, ::/0 or an IPv4 prefix shorter than /16 (a bare address is a /32). */
export function isWideCidr(cidr: string): boolean {
  const [addr = '', prefix] = cidr.trim().split('/');
  if (addr.includes(':')) return prefix !== undefined && Number(prefix) === 0;
  if (prefix === undefined) return false;
  const n = Number(prefix);
  return Number.isInteger(n) && n < 16;
}

/** A bare address and its /32 are the same CIDR for matching. */
export const sameCidr = (a: string, b: string): boolean =>
  a.replace(/\/32$/, '') === b.replace(/\/32$/, '');

/** The CIDRs the rules let reach VNC, in rule order, each once; which one this app opened. */
export function vncReach(
  rules: readonly SecurityGroupRule[],
  rememberedCidr: string | undefined,
): ReachCidr[] {
  const out: ReachCidr[] = [];
  for (const rule of rules) {
    if (!letsVncIn(rule)) continue;
    for (const cidr of [rule.sourceCidrIp, rule.ipv6SourceCidrIp]) {
      if (!cidr || out.some((c) => c.cidr === cidr)) continue;
      out.push({
        cidr,
        byThisApp: rememberedCidr !== undefined && sameCidr(cidr, rememberedCidr),
        wide: isWideCidr(cidr),
      });
    }
  }
  return out;
}
