// The one check cluster-cache.json gets (without zod, for the CLI's fast `clusters --cached`): what
// fits comes back with only the known fields, in one order; anything else is no cache at all.
import { describe, expect, it } from 'vitest';
import { clusterSummary } from '../../preload/shared/shapes';
import { parseClusterCacheFile } from '../../main/core/cluster-cache-file';

const cluster = (extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  id: 'ehpc-hz-000001',
  name: 'render-dev-001',
  status: 'running',
  regionId: 'cn-hangzhou',
  ...extra,
});
const file = (clusters: unknown[], list: Record<string, unknown> = {}): unknown => ({
  version: 1,
  regions: {
    'cn-hangzhou': { fetchedAt: '2026-11-25T10:00:00.000Z', totalCount: 1, clusters, ...list },
  },
});

describe('parseClusterCacheFile', () => {
  it('keeps the known fields in one order, drops the others, and fits the contract', () => {
    const written = {
      nodeCount: 2,
      zoneId: 'cn-hangzhou-h',
      status: 'running',
      secret: 'never printed',
      name: 'render-dev-001',
      regionId: 'cn-hangzhou',
      id: 'ehpc-hz-000001',
    };
    const regions = parseClusterCacheFile(file([written]));
    const read = regions?.['cn-hangzhou']?.clusters[0];
    expect(Object.keys(read ?? {})).toEqual([
      'id',
      'name',
      'status',
      'regionId',
      'zoneId',
      'nodeCount',
    ]);
    // What is printed is a ClusterSummary as the contract declares it (strict: no stray field).
    expect(clusterSummary.safeParse(read).success).toBe(true);
    expect(regions?.['cn-hangzhou']).toMatchObject({
      totalCount: 1,
      fetchedAt: '2026-11-25T10:00:00.000Z',
    });
  });

  it.each([
    ['a cluster ID with a shell character', cluster({ id: 'ehpc;rm' })],
    ['a name over 256 characters', cluster({ name: 'x'.repeat(257) })],
    ['a status that is not text', cluster({ status: 1 })],
    ['a region ID of another shape', cluster({ regionId: 'Hangzhou' })],
    ['a null optional field', cluster({ zoneId: null })],
    ['a negative node count', cluster({ nodeCount: -1 })],
    ['a fractional node count', cluster({ nodeCount: 1.5 })],
    ['a cluster without a status', { id: 'ehpc-hz-000001', name: 'n', regionId: 'cn-hangzhou' }],
    ['a cluster that is a string', 'ehpc-hz-000001'],
  ])('refuses the whole file for %s', (_why, bad) => {
    expect(parseClusterCacheFile(file([cluster(), bad]))).toBeUndefined();
  });

  it.each([
    ['another format version', { version: 2, regions: {} }],
    ['no regions', { version: 1 }],
    ['a region key of another shape', { version: 1, regions: { __proto__x: {} } }],
    ['a list without its time', file([cluster()], { fetchedAt: undefined })],
    ['a fetch time over 40 characters', file([cluster()], { fetchedAt: 'x'.repeat(41) })],
    ['a total that is not a count', file([cluster()], { totalCount: '1' })],
    ['clusters that are not a list', file([cluster()], { clusters: {} })],
    ['an array', []],
    ['null', null],
  ])('refuses %s', (_why, raw) => {
    expect(parseClusterCacheFile(raw)).toBeUndefined();
  });

  it('reads an empty cache and every region of a full one', () => {
    expect(parseClusterCacheFile({ version: 1, regions: {} })).toEqual({});
    const two = {
      version: 1,
      regions: {
        'cn-hangzhou': { fetchedAt: 't', totalCount: 0, clusters: [] },
        'ap-southeast-1': { fetchedAt: 't', totalCount: 1, clusters: [cluster()] },
      },
    };
    expect(Object.keys(parseClusterCacheFile(two) ?? {})).toEqual([
      'cn-hangzhou',
      'ap-southeast-1',
    ]);
  });
});
