// What the page shows when ListRegions cannot be asked (signed out) or fails: the regions on
// E-HPC's endpoint page (shared/ehpc-api.md). ListRegions is preferred when it answers.
import type { Region } from '../../preload/shared/contract';
import { DOCUMENTED_EHPC_REGIONS } from '../../preload/shared/documented-regions';

export const FALLBACK_REGIONS: readonly Region[] = DOCUMENTED_EHPC_REGIONS.map((regionId) => ({
  regionId,
}));

/** The least-privilege RAM policy from shared/ehpc-api.md, pretty-printed for copying. */
export const RAM_POLICY = JSON.stringify(
  {
    Version: '1',
    Statement: [
      {
        Effect: 'Allow',
        Resource: '*',
        Action: [
          'ehpc:ListRegions',
          'ehpc:ListClusters',
          'ehpc:ListUsers',
          'ehpc:GetVisualServiceStatus',
          'ehpc:StartVisualService',
          'ehpc:StopVisualService',
          'ehpc:ModifyVisualServicePasswd',
          'ehpc:DescribeCluster',
          'ecs:DescribeSecurityGroupAttribute',
          // Connect: the login node's address (read only).
          'ehpc:ListNodes',
        ],
      },
    ],
  },
  null,
  2,
);

/** Ensures the current region is selectable even when the list does not name it. */
export function withRegion(regions: readonly Region[], regionId: string): Region[] {
  return regions.some((r) => r.regionId === regionId) ? [...regions] : [{ regionId }, ...regions];
}

export function regionLabel(r: Region): string {
  return r.localName && r.localName !== r.regionId ? `${r.localName} (${r.regionId})` : r.regionId;
}
