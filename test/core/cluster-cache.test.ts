// The cluster cache on real files: in memory at once, on disk after the caller's answer, shared
// with the other process, and never a reason to fail.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CLUSTER_CACHE_FILE_NAME, ClusterCache } from '../../main/core/cluster-cache';
import { Settings } from '../../main/core/settings';
import type { CachedClusterList } from '../../main/core/settings-schema';

let dir: string;
let file: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ehpc-cluster-cache-'));
  file = path.join(dir, CLUSTER_CACHE_FILE_NAME);
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

const list = (n: number, fetchedAt = '2026-11-25T10:00:00.000Z'): CachedClusterList => ({
  fetchedAt,
  totalCount: n,
  clusters: Array.from({ length: n }, (_, i) => ({
    id: `ehpc-hz-${String(i).padStart(4, '0')}`,
    name: `cluster ${i}`,
    status: 'running',
    regionId: 'cn-hangzhou',
  })),
});
const onDisk = (): unknown => JSON.parse(fs.readFileSync(file, 'utf8'));

describe('ClusterCache', () => {
  it('has a list at once and writes the file after the caller has moved on', async () => {
    const cache = new ClusterCache(file);
    const written = cache.set('cn-hangzhou', list(3));
    expect(cache.get('cn-hangzhou')).toEqual(list(3));
    // Nothing is serialised or written in the caller's turn.
    expect(fs.existsSync(file)).toBe(false);
    await written;
    expect(onDisk()).toEqual({ version: 1, regions: { 'cn-hangzhou': list(3) } });
    if (process.platform !== 'win32') expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  });

  it('writes a burst of changes as the last of them, and flush() waits for it', async () => {
    const cache = new ClusterCache(file);
    for (let n = 1; n <= 5; n++) void cache.set('cn-hangzhou', list(n));
    void cache.set('cn-beijing', list(2));
    await cache.flush();
    expect(onDisk()).toEqual({
      version: 1,
      regions: { 'cn-hangzhou': list(5), 'cn-beijing': list(2) },
    });
  });

  it('keeps a change made while a write is under way', async () => {
    const cache = new ClusterCache(file);
    const first = cache.set('cn-hangzhou', list(1));
    // Let the first write start, then change the cache before it ends.
    await new Promise<void>((resolve) => setImmediate(resolve));
    void cache.set('cn-hangzhou', list(7));
    await first;
    await cache.flush();
    expect(onDisk()).toEqual({ version: 1, regions: { 'cn-hangzhou': list(7) } });
    expect(new ClusterCache(file).get('cn-hangzhou')).toEqual(list(7));
  });

  it("sees the other process's writes, and the other process sees its own", async () => {
    const app = new ClusterCache(file);
    const cli = new ClusterCache(file);
    expect(app.get('cn-hangzhou')).toBeUndefined();
    await cli.set('cn-hangzhou', list(4));
    expect(app.get('cn-hangzhou')).toEqual(list(4));
    await app.set('cn-hangzhou', list(2, '2026-11-25T11:00:00.000Z'));
    expect(cli.get('cn-hangzhou')).toEqual(list(2, '2026-11-25T11:00:00.000Z'));
  });

  it('clear() forgets every region, in memory and on disk', async () => {
    const cache = new ClusterCache(file);
    await cache.set('cn-hangzhou', list(2));
    await cache.set('cn-beijing', list(1));
    await cache.clear();
    expect(cache.get('cn-hangzhou')).toBeUndefined();
    expect(onDisk()).toEqual({ version: 1, regions: {} });
    expect(new ClusterCache(file).get('cn-beijing')).toBeUndefined();
  });

  it.each([
    ['not JSON', '{"version": 1, "regions": '],
    ['another format version', JSON.stringify({ version: 2, regions: {} })],
    ['a list that does not fit', JSON.stringify({ version: 1, regions: { x: 'y' } })],
  ])('reads a file that is %s as empty, and replaces it on the next write', async (_, text) => {
    fs.writeFileSync(file, text);
    const cache = new ClusterCache(file);
    expect(cache.get('cn-hangzhou')).toBeUndefined();
    await cache.set('cn-hangzhou', list(1));
    expect(onDisk()).toEqual({ version: 1, regions: { 'cn-hangzhou': list(1) } });
  });

  it('warns when the file cannot be written, and still answers from memory', async () => {
    const blocker = path.join(dir, 'not-a-folder');
    fs.writeFileSync(blocker, '');
    const warnings: string[] = [];
    const cache = new ClusterCache(path.join(blocker, CLUSTER_CACHE_FILE_NAME), {
      onWarning: (m) => warnings.push(m),
    });
    await expect(cache.set('cn-hangzhou', list(2))).resolves.toBeUndefined();
    expect(cache.get('cn-hangzhou')).toEqual(list(2));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/could not cache the cluster list in .*not-a-folder/);
  });

  it('lives beside settings.json, outside it', async () => {
    const settings = Settings.open({ dir });
    expect(settings.clusterCache.path).toBe(file);
    await settings.clusterCache.set('cn-hangzhou', list(3));
    const settingsFile = JSON.parse(fs.readFileSync(settings.path, 'utf8')) as object;
    expect(Object.keys(settingsFile)).not.toContain('clusterCache');
    expect(JSON.stringify(settingsFile)).not.toContain('ehpc-hz-0000');
  });
});
