// ListNodes' NodeInfo → a login node's addresses. Every field is optional (the field set is not
// confirmed): an address that is not a well-formed IP is dropped, since it ends up in a URL the
// system opens.
import { isIpAddress } from '../../../preload/shared/ip-address';

export interface LoginNode {
  id?: string;
  hostName?: string;
  status?: string;
  /** The private address (VPC). */
  privateAddress?: string;
  /** The public address: `PublicIpAddress` as documented, else an EIP field where present. */
  publicAddress?: string;
}

type Json = Record<string, unknown>;

const isRecord = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const ip = (v: unknown): string | undefined => {
  const s = typeof v === 'string' ? v.trim() : '';
  return s && isIpAddress(s) ? s : undefined;
};

const text = (v: unknown, max = 128): string | undefined =>
  typeof v === 'string' && v.length > 0 ? v.slice(0, max) : undefined;

/** An EIP field in either shape seen in Alibaba Cloud answers: a string, or `{IpAddress}`. */
const eip = (v: unknown): string | undefined => (isRecord(v) ? ip(v.IpAddress) : ip(v));

export function toLoginNode(raw: unknown): LoginNode | undefined {
  if (!isRecord(raw)) return undefined;
  const node: LoginNode = {};
  const set = <K extends keyof LoginNode>(key: K, value: LoginNode[K] | undefined) => {
    if (value !== undefined) node[key] = value;
  };
  set('id', text(raw.Id));
  set('hostName', text(raw.HostName, 253));
  set('status', text(raw.Status, 32)?.toLowerCase());
  set('privateAddress', ip(raw.IpAddress) ?? ip(raw.PrivateIpAddress));
  set(
    'publicAddress',
    ip(raw.PublicIpAddress) ?? eip(raw.EipAddress) ?? eip(raw.EipIpAddress) ?? eip(raw.Eip),
  );
  return node.privateAddress || node.publicAddress ? node : undefined;
}
