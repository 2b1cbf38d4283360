// The one ECS 2014-05-26 operation the app calls: DescribeSecurityGroupAttribute, answering the
// rules of a cluster's security group. Same port as E-HPC; the server tells them apart by
// `x-acs-version`. ECS requires RegionId, and a group of another region is not found.
import { ApiError, invalidParams } from './errors';
import { required, type BusinessParams } from './params';
import type { ClusterStore } from './state';

export const ECS_API_VERSION = '2014-05-26';

type Body = Record<string, unknown>;

function describeSecurityGroupAttribute(params: BusinessParams, store: ClusterStore): Body {
  const regionId = params['RegionId'];
  if (!regionId) {
    throw new ApiError(400, 'MissingRegionId', 'RegionId is mandatory for this action.');
  }
  const sgId = required(params, 'SecurityGroupId');
  const direction = params['Direction'] ?? 'all';
  if (!['ingress', 'egress', 'all'].includes(direction)) throw invalidParams('Direction');
  const cluster = store.bySecurityGroup(sgId, regionId);
  if (!cluster) {
    throw new ApiError(
      404,
      'InvalidSecurityGroupId.NotFound',
      'The specified SecurityGroupId does not exist.',
    );
  }
  const rules = cluster.rules.filter((r) => direction === 'all' || r.Direction === direction);
  return {
    RegionId: regionId,
    SecurityGroupId: sgId,
    SecurityGroupName: `ehpc-${cluster.id}`,
    VpcId: `vpc-${cluster.id.replace(/^ehpc-/, '')}`,
    InnerAccessPolicy: 'Accept',
    Permissions: {
      // ECS names both fields on every rule; the family not used is empty.
      Permission: rules.map((r) => ({
        ...r,
        SourceCidrIp: r.SourceCidrIp ?? '',
        Ipv6SourceCidrIp: r.Ipv6SourceCidrIp ?? '',
      })),
    },
  };
}

/** Runs an ECS action, or throws the gateway's answer for one it does not emulate. */
export function runEcsOperation(action: string, params: BusinessParams, store: ClusterStore): Body {
  if (action === 'DescribeSecurityGroupAttribute') {
    return describeSecurityGroupAttribute(params, store);
  }
  throw new ApiError(404, 'InvalidAction.NotFound', `Specified api is not found.`);
}
