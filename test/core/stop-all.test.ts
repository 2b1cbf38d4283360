// Stop-all through the real AppService against the emulator over real HTTP: statuses ride with
// the list's refresh, the refreshed list decides which clusters count, and the window and tray
// get one state push per turn of the event loop rather than one per change.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CLUSTER_CACHE_FILE_NAME } from '../../main/core/cluster-cache';
import type { AppState } from '../../preload/shared/contract';
import { gate, generatedClusters, type SeedCluster } from '../emulator';
import { startAppFixture, type AppFixture } from '../support/app-fixture';

const CIDR = '203.0.113.0/24';
const REGION = 'cn-hangzhou';
// 120 clusters (three pages), every one running with VNC up.
const seeds: SeedCluster[] = generatedClusters(120, REGION).map((c) => ({
  ...c,
  status: 'running',
  vnc: 'running',
}));
const ids = seeds.map((c) => c.id);
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

let fx: AppFixture;

beforeEach(async () => {
  fx = await startAppFixture({ clusters: seeds });
  for (const id of ids) fx.settings.rememberCluster(id, { cidrIp: CIDR });
});
afterEach(async () => {
  fx.emulator.clearFaults();
  await fx.close();
});

describe('stop-all', () => {
  it('asks for the statuses of the cached running clusters while the list is refreshed', async () => {
    await fx.service.listClusters({ refresh: true });
    const cachedBefore = fx.settings.clusterCache.get(REGION);
    // Hold every ListClusters page back until the test has looked; the statuses must not wait.
    let openGate = (): void => undefined;
    const opened = new Promise<void>((resolve) => (openGate = resolve));
    fx.emulator.inject({ action: 'ListClusters', fault: { kind: 'gate', opened } });
    const stopping = fx.service.stopAllVnc();
    await fx.emulator.waitForRequests(ids.length, 'GetVisualServiceStatus');
    // Every status has been asked, and the refresh has not come back yet: the cache still holds
    // the old list (stop-all caches the new one the moment it arrives).
    expect(fx.settings.clusterCache.get(REGION)).toBe(cachedBefore);
    expect(fx.emulator.count('StopVisualService')).toBe(0);
    fx.emulator.clearFaults();
    openGate();

    const result = await stopping;
    expect(result.stopped.sort()).toEqual([...ids].sort());
    expect(result.failed).toEqual([]);
    // One status and one stop per cluster, nothing asked twice.
    expect(fx.emulator.count('GetVisualServiceStatus')).toBe(ids.length);
    expect(fx.emulator.count('StopVisualService')).toBe(ids.length);
    expect(ids.every((id) => fx.emulator.cluster(id)?.vnc === 'stopped')).toBe(true);
  });

  it('stops each cluster as soon as its own status is in, not after the whole check', async () => {
    await fx.service.listClusters({ refresh: true });
    const [slow, ...others] = ids;
    if (!slow) throw new Error('seed too small');
    const held = gate();
    fx.emulator.inject({ action: 'GetVisualServiceStatus', clusterId: slow, fault: held.fault });
    const stopping = fx.service.stopAllVnc();
    // Every other cluster is stopped while one status is still unanswered.
    await fx.emulator.waitForRequests(others.length, 'StopVisualService');
    expect(fx.emulator.cluster(slow)?.vnc).toBe('running');
    held.open();
    const result = await stopping;
    expect(result.stopped.sort()).toEqual([...ids].sort());
    expect(fx.emulator.count('StopVisualService')).toBe(ids.length);
    // The rules were read once each, with the status; none had a 12016 rule, so none is read
    // again after its stop (nothing can be "still" open that was not open before).
    expect(fx.emulator.count('DescribeSecurityGroupAttribute')).toBe(ids.length);
    expect(fx.settings.pendingStops()).toEqual([]);
  });

  it('also stops a cluster created since the list was cached', async () => {
    await fx.service.listClusters({ refresh: true });
    const [newcomer] = generatedClusters(121, REGION).slice(120);
    if (!newcomer) throw new Error('no 121st cluster');
    fx.emulator.addCluster({ ...newcomer, status: 'running', vnc: 'running' });
    fx.settings.rememberCluster(newcomer.id, { cidrIp: CIDR });

    const result = await fx.service.stopAllVnc();
    expect(result.stopped).toContain(newcomer.id);
    expect(result.stopped).toHaveLength(ids.length + 1);
    expect(fx.emulator.cluster(newcomer.id)?.vnc).toBe('stopped');
    // The refreshed list is the new cache.
    expect(fx.settings.clusterCache.get(REGION)?.clusters.map((c) => c.id)).toContain(newcomer.id);
  });

  it('leaves out clusters the refresh no longer has as running, whatever their status said', async () => {
    await fx.service.listClusters({ refresh: true });
    const [gone, halted] = ids;
    if (!gone || !halted) throw new Error('seed too small');
    fx.emulator.removeCluster(gone);
    fx.emulator.setCluster(halted, { status: 'stopped' });

    const result = await fx.service.stopAllVnc();
    const mentioned = [
      ...result.stopped,
      ...result.alreadyStopped,
      ...result.failed.map((f) => f.clusterId),
    ];
    expect(mentioned).not.toContain(gone);
    expect(mentioned).not.toContain(halted);
    expect(result.stopped).toHaveLength(ids.length - 2);
    expect(result.failed).toEqual([]);
    expect(fx.emulator.count('StopVisualService')).toBe(ids.length - 2);
  });

  it('lists first when nothing is cached, and still stops every cluster', async () => {
    expect(fx.settings.clusterCache.get(REGION)).toBeUndefined();
    const result = await fx.service.stopAllVnc();
    expect(result.stopped).toHaveLength(ids.length);
    expect(fx.emulator.count('GetVisualServiceStatus')).toBe(ids.length);
  });
});

describe('state pushes', () => {
  it('sends one push per turn of the event loop, with the latest state', async () => {
    const pushes: AppState[] = [];
    fx.service.onState((state) => pushes.push(state));
    const [a, b] = ids;
    if (!a || !b) throw new Error('seed too small');
    fx.service.selectCluster({ clusterId: a });
    fx.service.selectCluster({ clusterId: b });
    expect(pushes).toEqual([]);
    await nextTurn();
    expect(pushes).toHaveLength(1);
    expect(pushes[0]?.selectedClusterId).toBe(b);
  });

  it('ends stop-all with a push that shows every cluster stopped and nothing busy', async () => {
    await fx.service.listClusters({ refresh: true });
    const pushes: AppState[] = [];
    fx.service.onState((state) => pushes.push(state));
    await fx.service.stopAllVnc();
    await nextTurn();
    const last = pushes.at(-1);
    expect(last?.busy).toEqual({});
    expect(ids.every((id) => last?.vnc[id] === 'stopped')).toBe(true);
    // Two operations per cluster, each starting and ending: far more changes than pushes.
    expect(pushes.length).toBeLessThan(ids.length * 4);
  });
});

describe('the cached lists and the account', () => {
  it('forgets the cached lists on sign-out', async () => {
    await fx.service.listClusters({ refresh: true });
    expect(fx.settings.clusterCache.get(REGION)?.clusters).toHaveLength(ids.length);
    await fx.service.signOut();
    expect(fx.settings.clusterCache.get(REGION)).toBeUndefined();
  });

  it("does not show one account's clusters after signing in with another", async () => {
    await fx.settings.clusterCache.set('cn-beijing', {
      fetchedAt: '2026-11-01T00:00:00.000Z',
      totalCount: 1,
      clusters: [
        { id: 'ehpc-bj-other', name: 'other account', status: 'running', regionId: 'cn-beijing' },
      ],
    });
    const { EMULATOR_KEY } = await import('../emulator');
    await fx.service.signIn({
      accessKeyId: EMULATOR_KEY.accessKeyId,
      accessKeySecret: EMULATOR_KEY.accessKeySecret,
      regionId: REGION,
    });
    expect(fx.settings.clusterCache.get('cn-beijing')).toBeUndefined();
  });
});

describe('idle(), and the fixture quiet()', () => {
  // Quitting waits for idle(), every test's clean-up for the fixture's quiet() (idle() and the
  // list refreshes the core reports to it): after it, nothing writes to the settings folder. Neither a refresh nor a stop-all is an operation on one cluster, so
  // neither is in a flight.
  const holdListClusters = () => {
    let open = (): void => undefined;
    const opened = new Promise<void>((resolve) => (open = resolve));
    fx.emulator.inject({ action: 'ListClusters', fault: { kind: 'gate', opened } });
    return () => {
      fx.emulator.clearFaults();
      open();
    };
  };
  const cachedRegionsOnDisk = () => {
    const file = join(fx.settingsDir, CLUSTER_CACHE_FILE_NAME);
    return Object.keys((JSON.parse(readFileSync(file, 'utf8')) as { regions: object }).regions);
  };

  it.each([
    ['quiet() waits for a list refresh', 'quiet', () => fx.service.listClusters({ refresh: true })],
    ['idle() waits for a stop-all', 'idle', () => fx.service.stopAllVnc()],
  ] as const)('%s still on the wire, and for the cache it writes', async (_, wait, start) => {
    const release = holdListClusters();
    const work = start();
    await fx.emulator.waitForRequests(1, 'ListClusters');
    let settled = false;
    const quiet = (wait === 'quiet' ? fx.quiet() : fx.service.idle()).then(() => (settled = true));
    await nextTurn();
    expect(settled).toBe(false);
    release();
    await quiet;
    await work;
    expect(cachedRegionsOnDisk()).toEqual([REGION]);
  });

  it('idle() does not hold quitting up for a list refresh', async () => {
    const release = holdListClusters();
    const refresh = fx.service.listClusters({ refresh: true });
    await fx.emulator.waitForRequests(1, 'ListClusters');
    await fx.service.idle();
    release();
    await refresh;
  });
});
