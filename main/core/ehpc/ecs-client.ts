// The one ECS 2014-05-26 call the app makes: DescribeSecurityGroupAttribute, to learn which
// CIDRs the cluster's security group lets reach VNC (TCP 12016). Same SDK, V3 signature, retries
// and error model as the E-HPC client; `RegionId` on every call; endpoint `ecs.<region>...`, or
// the override, which serves every product.
import { appError } from '../app-error';
import { toAppError } from '../errors';
import { DEFAULT_TIMEOUT_MS } from './client';
import { resolveEndpoint } from './endpoint';
import { listIn } from './mappers';
import { resolvePolicy, withRetry } from './retry';
import { createSdkTransport, type RpcTransport } from './sdk-transport';
import type { EhpcClientOptions, RetryPolicy } from './types';

export const ECS_API_VERSION = '2014-05-26';

/** One rule of a security group, as far as the exposure model needs it (all fields optional). */
export interface SecurityGroupRule {
  ipProtocol?: string;
  portRange?: string;
  sourceCidrIp?: string;
  ipv6SourceCidrIp?: string;
  policy?: string;
  direction?: string;
}

const text = (v: unknown): string | undefined =>
  typeof v === 'string' && v.length > 0 ? v : undefined;

function toRule(raw: unknown): SecurityGroupRule | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const r = raw as Record<string, unknown>;
  const rule: SecurityGroupRule = {};
  const set = (k: keyof SecurityGroupRule, v: unknown) => {
    const t = text(v);
    if (t) rule[k] = t;
  };
  set('ipProtocol', r.IpProtocol);
  set('portRange', r.PortRange);
  set('sourceCidrIp', r.SourceCidrIp);
  set('ipv6SourceCidrIp', r.Ipv6SourceCidrIp);
  set('policy', r.Policy);
  set('direction', r.Direction);
  return rule;
}

export class EcsClient {
  private readonly transport: RpcTransport;
  private readonly policy: RetryPolicy;

  constructor(private readonly opts: EhpcClientOptions) {
    const endpoint = resolveEndpoint(opts.regionId, opts.endpoint, 'ecs');
    const timeoutMs =
      opts.timeoutMs !== undefined && opts.timeoutMs > 0 ? opts.timeoutMs : DEFAULT_TIMEOUT_MS;
    this.policy = resolvePolicy(opts.retry);
    this.transport = createSdkTransport({
      credentials: opts.credentials,
      endpoint,
      timeoutMs,
      regionId: opts.regionId,
      version: ECS_API_VERSION,
    });
  }

  /** The ingress rules of a security group. */
  async securityGroupRules(securityGroupId: string): Promise<SecurityGroupRule[]> {
    if (!/^sg-[\w-]{1,80}$/.test(securityGroupId)) {
      throw appError('InvalidInput', {
        variant: 'request',
        params: { problem: 'SecurityGroupId' },
      });
    }
    const action = 'DescribeSecurityGroupAttribute';
    const { credentials } = this.opts;
    const redact = [
      credentials.accessKeySecret,
      ...(credentials.securityToken ? [credentials.securityToken] : []),
    ];
    const body = await withRetry(
      async () =>
        (
          await this.transport(action, 'GET', {
            SecurityGroupId: securityGroupId,
            Direction: 'ingress',
          })
        ).body,
      {
        action,
        readOnly: true,
        policy: this.policy,
        sleep: this.opts.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms))),
        random: this.opts.random ?? Math.random,
        toError: (err) => toAppError(err, { action, redact }),
        onAttempt: this.opts.onAttempt,
      },
    );
    const rules: SecurityGroupRule[] = [];
    for (const raw of listIn(body, 'Permissions', 'Permission')) {
      const rule = toRule(raw);
      if (rule) rules.push(rule);
    }
    return rules;
  }
}
