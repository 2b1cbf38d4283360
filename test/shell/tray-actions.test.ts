// The tray's actions against the real core: handler table, E-HPC client over HTTP to the
// emulator, settings file and keychain. What is asserted is the emulator's state and the
// notifications a person would see.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createActionRunner } from '../../main/shell/tray-actions';
import { trayLabelsFor, type Notice } from '../../main/shell/tray-labels';
import { stopAllSummary } from '../../preload/shared/stop-all-summary';
import { clusterIdFor, elsewhereClusters } from '../emulator';
import { startAppFixture, type AppFixture } from '../support/app-fixture';

const en = trayLabelsFor('en', 'en-US');
const id = (n: number) => clusterIdFor('cn-hangzhou', n);

let fixture: AppFixture;
let notices: Notice[];
let outcomes: boolean[];

beforeEach(async () => {
  fixture = await startAppFixture();
  notices = [];
  outcomes = [];
});
afterEach(async () => {
  await fixture?.close();
});

async function runner() {
  const listed = await fixture.handlers.listClusters({ refresh: true });
  const names = new Map(listed.ok ? listed.value.clusters.map((c) => [c.id, c.name]) : []);
  return createActionRunner({
    table: fixture.handlers,
    notify: (n) => notices.push(n),
    labels: () => en,
    clusterName: (clusterId) => names.get(clusterId) ?? clusterId,
    onOutcome: (ok) => outcomes.push(ok),
  });
}

describe('tray actions', () => {
  it('stops VNC on a cluster in one go and says so by name', async () => {
    const run = await runner();
    const started = await fixture.handlers.startVnc({ clusterId: id(2), cidrIp: '203.0.113.7' });
    expect(started.ok).toBe(true);
    expect(fixture.emulator.cluster(id(2))?.vnc).toBe('running');

    expect(await run.run({ kind: 'stop', clusterId: id(2) })).toBe(true);
    expect(fixture.emulator.cluster(id(2))?.vnc).toBe('stopped');
    expect(fixture.emulator.cluster(id(2))?.stopCidrIp).toBe('203.0.113.7');
    expect(notices).toEqual([{ title: 'VNC stopped', body: 'VNC on render-farm-01 is stopped.' }]);
    expect(outcomes).toEqual([true]);
  });

  it('reports a failure with the error’s message and what to do', async () => {
    const run = await runner();
    // Nothing remembers the CidrIp VNC on cluster 1 was started with.
    expect(await run.run({ kind: 'stop', clusterId: id(1) })).toBe(false);
    expect(fixture.emulator.cluster(id(1))?.vnc).toBe('running');
    expect(notices).toHaveLength(1);
    expect(notices[0]?.title).toBe('Could not stop VNC on cfd-prod-001');
    expect(notices[0]?.body).toContain('No CIDR block is remembered');
    expect(notices[0]?.body).toContain('StopVisualService needs it');
    expect(outcomes).toEqual([false]);
  });

  it('reports what E-HPC answered when the stop fails there', async () => {
    const run = await runner();
    fixture.settings.rememberCluster(id(1), { cidrIp: '198.51.100.0/24' });
    fixture.emulator.inject({
      action: 'StopVisualService',
      times: 10,
      fault: { kind: 'error', status: 403, code: 'InvalidClusterStatus' },
    });
    expect(await run.run({ kind: 'stop', clusterId: id(1) })).toBe(false);
    expect(fixture.emulator.cluster(id(1))?.vnc).toBe('running');
    expect(notices[0]?.title).toBe('Could not stop VNC on cfd-prod-001');
    expect(notices[0]?.body).toContain(
      "The cluster's current state does not allow this operation.",
    );
    expect(notices[0]?.body).toContain('Wait until the cluster is running');
  });

  it('stops VNC on every cluster, and names the ones that failed', async () => {
    const run = await runner();
    fixture.settings.rememberCluster(id(1), { cidrIp: '198.51.100.0/24' });
    // Cluster 5 runs VNC too, but no CidrIp is known for it.
    expect(await run.run({ kind: 'stopAll' })).toBe(false);
    expect(fixture.emulator.cluster(id(1))?.vnc).toBe('stopped');
    expect(fixture.emulator.cluster(id(5))?.vnc).toBe('running');
    expect(notices).toHaveLength(1);
    expect(notices[0]?.title).toBe('VNC stopped on 1 cluster(s), failed on 1');
    expect(notices[0]?.body).toContain('legacy-md: No CIDR block is remembered');
    expect(notices[0]?.body).toMatch(
      /^Stopped VNC on 1 cluster in 1 region; \d+ already stopped; 0 recorded as pending; 1 failed\. legacy-md: /,
    );

    fixture.settings.rememberCluster(id(5), { cidrIp: '198.51.100.0/24' });
    expect(await run.run({ kind: 'stopAll' })).toBe(true);
    expect(fixture.emulator.cluster(id(5))?.vnc).toBe('stopped');
    expect(notices[1]?.title).toBe('VNC stopped on all clusters');
    expect(notices[1]?.body).toMatch(
      /^Stopped VNC on 1 cluster in 1 region; \d+ already stopped; 0 recorded as pending\.$/,
    );
    expect(outcomes).toEqual([false, true]);
  });

  it('says how many stops it recorded as pending when E-HPC cannot confirm them', async () => {
    const run = await runner();
    fixture.settings.rememberCluster(id(1), { cidrIp: '198.51.100.0/24' });
    fixture.settings.rememberCluster(id(5), { cidrIp: '198.51.100.0/24' });
    fixture.emulator.inject({
      action: 'StopVisualService',
      fault: { kind: 'error', status: 503, code: 'ServiceUnavailable' },
    });
    expect(await run.run({ kind: 'stopAll' })).toBe(false);
    expect(
      fixture.settings
        .pendingStops()
        .map((p) => p.clusterId)
        .sort(),
    ).toEqual([id(1), id(5)]);
    expect(notices).toHaveLength(1);
    expect(notices[0]?.title).toBe('VNC stop not confirmed on 2 clusters yet');
    expect(notices[0]?.body).toMatch(
      /^Stopped VNC on 0 clusters in 1 region; \d+ already stopped; 2 recorded as pending\. The stop is kept as pending and retried automatically/,
    );
    expect(outcomes).toEqual([false]);
  });

  it('says when a 12016 rule is still open after stop-all, in the registry’s words', async () => {
    await fixture.close();
    fixture = await startAppFixture({ clusters: elsewhereClusters() });
    const id2 = 'ehpc-hz-000002';
    // An ALL rule: StopVisualService removes only the 12016/12016 rule of its CidrIp.
    const all = {
      IpProtocol: 'ALL',
      PortRange: '-1/-1',
      SourceCidrIp: '192.0.2.0/24',
      Policy: 'Accept',
      Direction: 'ingress',
    };
    fixture.emulator.setCluster(id2, {
      rules: [...(fixture.emulator.cluster(id2)?.rules ?? []), all],
    });
    const run = await runner();
    expect(await run.run({ kind: 'stopAll' })).toBe(false);
    expect(fixture.emulator.cluster(id2)?.vnc).toBe('stopped');
    expect(notices).toHaveLength(1);
    expect(notices[0]?.title).toBe('Port 12016 still open on 1 cluster');
    expect(notices[0]?.body).toMatch(
      /^Stopped VNC on \d+ clusters in 2 regions; \d+ already stopped; 0 recorded as pending\. VNC on render-two-rules was stopped, but its security group still lets 192\.0\.2\.0\/24 reach port 12016\. Stop VNC again, or remove the rule in the ECS console\.$/,
    );
    expect(outcomes).toEqual([false]);
  });

  it('words the stop-all notice in Chinese, pending stops included', async () => {
    const zh = trayLabelsFor('zh-CN', 'en-US');
    const counts = { stopped: 12, regions: 2, already: 40, pending: 3, failed: 0 };
    expect(stopAllSummary(counts, 'en')).toBe(
      'Stopped VNC on 12 clusters in 2 regions; 40 already stopped; 3 recorded as pending.',
    );
    expect(stopAllSummary(counts, 'zh-CN')).toBe(
      '已停止 2 个地域中 12 个集群的 VNC；40 个原本已停止；3 个已记为待确认。',
    );
    expect(zh.stopAllPending(3)).toBe('3 个集群的 VNC 停止尚未确认');
  });

  it('switches the selected cluster and checks VNC status', async () => {
    const run = await runner();
    expect(await run.run({ kind: 'select', clusterId: id(2) })).toBe(true);
    expect(fixture.settings.get().selectedClusterId).toBe(id(2));
    expect(notices[0]).toEqual({ title: 'Cluster selected', body: 'render-farm-01' });

    expect(await run.run({ kind: 'refreshStatus', clusterId: id(1) })).toBe(true);
    expect(notices[1]?.title).toBe('cfd-prod-001');
    expect(notices[1]?.body).toMatch(/^VNC running — /);
  });

  it('refuses a malformed cluster ID before anything is sent', async () => {
    const run = await runner();
    const before = fixture.emulator.count();
    expect(await run.run({ kind: 'stop', clusterId: 'bad id;' })).toBe(false);
    expect(fixture.emulator.count()).toBe(before);
    expect(notices[0]?.title).toBe('Could not stop VNC on bad id;');
  });
});
