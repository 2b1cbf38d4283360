// The regions in use are cached, and looked for again once the set is an hour old: a cluster
// created in a region the set did not have is then found (issue 11, item 2). A fresh set is
// trusted (no ListClusters beyond its regions). The real handler table against the emulator.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { EXPOSURE_CACHE_FILE_NAME } from '../../main/core/exposure-cache';
import { REGIONS_IN_USE_MAX_AGE_MS } from '../../main/core/exposure-refresh';
import { elsewhereClusters } from '../emulator';
import { startAppFixture, type AppFixture } from '../support/app-fixture';

let fx: AppFixture;
afterEach(async () => {
  await fx?.close();
});

/** Before the first read: the set in use is only cn-hangzhou, found `ageMs` ago. */
function cachedSet(ageMs: number): void {
  const file = join(dirname(fx.settings.clusterCache.path), EXPOSURE_CACHE_FILE_NAME);
  const fetchedAt = new Date(Date.now() - ageMs).toISOString();
  writeFileSync(
    file,
    JSON.stringify({
      version: 1,
      regionsInUse: { regions: ['cn-hangzhou'], fetchedAt },
      securityGroups: {},
    }),
    { mode: 0o600 },
  );
}

const regionsListed = () =>
  new Set(
    fx.emulator.requests.filter((r) => r.action === 'ListClusters').map((r) => r.query.RegionId),
  );

describe('regions in use, cached', () => {
  it('trusts a fresh set: only its regions are listed', async () => {
    fx = await startAppFixture({ clusters: elsewhereClusters() });
    cachedSet(60_000);
    const r = await fx.handlers.getExposure({ refresh: true });
    if (!r.ok) throw new Error(r.error.code);
    expect(r.value.regions).toEqual(['cn-hangzhou']);
    expect(regionsListed()).toEqual(new Set(['cn-hangzhou']));
  });

  it('looks again once the set is older than the limit, and finds the new region', async () => {
    fx = await startAppFixture({ clusters: elsewhereClusters() });
    cachedSet(REGIONS_IN_USE_MAX_AGE_MS + 60_000);
    const r = await fx.handlers.getExposure({ refresh: true });
    if (!r.ok) throw new Error(r.error.code);
    expect([...r.value.regions].sort()).toEqual(['cn-hangzhou', 'cn-shanghai']);
    expect(r.value.clusters.find((c) => c.clusterId === 'ehpc-sh-000001')?.vnc).toBe('running');
    expect(fx.emulator.count('ListRegions')).toBeGreaterThan(0);
  });
});
