// The notices after stops nobody clicked, from real reports and outcomes: the real AppService and
// AutoStopController against the emulator (some clusters stopped, gone, or behind a broken proxy).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AutoStopController, type AutoStopOutcome } from '../../main/core/auto-stop';
import type { AutoStopSettings } from '../../main/core/settings-schema';
import { autoStopNotices, pendingRetryNotices } from '../../main/shell/leaving-notices';
import { trayLabelsFor } from '../../main/shell/tray-labels';
import { clusterIdFor, sampleClusters } from '../emulator';
import { startAppFixture, type AppFixture } from '../support/app-fixture';

const en = trayLabelsFor('en', 'en-US');
const zh = trayLabelsFor('zh-CN', 'en-US');
const id = (n: number) => clusterIdFor('cn-hangzhou', n);
const CIDR = '203.0.113.7';
let fixture: AppFixture;
/** Names as the app knew them (a cluster deleted later keeps its name here, as in the tray). */
let names: Record<string, string>;
const name = (clusterId: string) => names[clusterId] ?? clusterId;

beforeEach(async () => {
  fixture = await startAppFixture();
  names = Object.fromEntries(sampleClusters('cn-hangzhou').map((c) => [c.id, c.name]));
});
afterEach(async () => {
  await fixture?.close();
});

function journal(clusterId: string): void {
  fixture.settings.addPendingStop({ clusterId, regionId: 'cn-hangzhou', cidrIp: CIDR });
}

describe('pendingRetryNotices', () => {
  it('reports each stop done, each one given up with its error, and what is left', async () => {
    journal(id(1)); // cfd-prod-001: goes through
    journal(id(5)); // legacy-md: deleted meanwhile, so given up
    journal(id(2)); // render-farm-01: behind a proxy that answers with an error page
    fixture.emulator.removeCluster(id(5));
    fixture.emulator.inject({
      action: 'StopVisualService',
      clusterId: id(2),
      fault: { kind: 'html', status: 502 },
    });
    const report = await fixture.service.retryPendingStops();

    const notices = pendingRetryNotices(report, en, name, { loud: false });
    expect(notices).toHaveLength(2);
    expect(notices[0]).toEqual({
      title: 'Pending VNC stop done',
      body: 'VNC on cfd-prod-001 is stopped. 1 still pending, retried automatically.',
    });
    expect(notices[1]?.title).toBe('Gave up stopping VNC on legacy-md');
    expect(notices[1]?.body).toMatch(/\S/);
    expect(fixture.emulator.cluster(id(1))?.vnc).toBe('stopped');

    // Offline for a while: background retries that change nothing stay quiet, a loud one speaks.
    const again = await fixture.service.retryPendingStops();
    expect(pendingRetryNotices(again, en, name, { loud: false })).toEqual([]);
    const [told, ...rest] = pendingRetryNotices(again, en, name, { loud: true });
    expect(rest).toEqual([]);
    expect(told?.title).toBe('1 VNC stop still pending — retried when the network is back');
    expect(told?.body).toMatch(/^render-farm-01: /);
    expect(told?.body).toContain('retried automatically');
  });

  it('says nothing when there was nothing to retry, even when loud', async () => {
    const report = await fixture.service.retryPendingStops();
    expect(pendingRetryNotices(report, en, name, { loud: true })).toEqual([]);
  });

  it('speaks Chinese', async () => {
    journal(id(1));
    const report = await fixture.service.retryPendingStops();
    expect(pendingRetryNotices(report, zh, name, { loud: false })).toEqual([
      { title: '待完成的 VNC 停止已完成', body: 'cfd-prod-001 的 VNC 已停止。' },
    ]);
  });
});

describe('autoStopNotices', () => {
  async function outcomeOf(
    patch: Partial<AutoStopSettings>,
    reason: 'lock-screen' | 'suspend',
  ): Promise<AutoStopOutcome> {
    const outcomes: AutoStopOutcome[] = [];
    const controller = new AutoStopController({
      settings: () => ({ ...fixture.settings.peek().autoStop, ...patch }),
      stop: (scope) => fixture.service.autoStop(scope),
      onOutcome: (o) => outcomes.push(o),
    });
    await controller.handle(reason);
    const [outcome] = outcomes;
    if (!outcome) throw new Error('no outcome');
    return outcome;
  }

  it('names the trigger and the clusters it stopped', async () => {
    await fixture.handlers.selectCluster({ clusterId: id(2) });
    await fixture.handlers.startVnc({ clusterId: id(2), cidrIp: CIDR });
    const outcome = await outcomeOf({ onLock: true, scope: 'selected' }, 'lock-screen');
    expect(autoStopNotices(outcome, en, name)).toEqual([
      {
        title: 'VNC stopped automatically',
        body: 'Screen locked: VNC on render-farm-01 is stopped.',
      },
    ]);
    expect(autoStopNotices(outcome, zh, name)).toEqual([
      { title: '已自动停止 VNC', body: '屏幕已锁定：render-farm-01 的 VNC 已停止。' },
    ]);
  });

  it('stays quiet when everything was already stopped', async () => {
    await fixture.handlers.selectCluster({ clusterId: id(2) }); // VNC stopped, no CidrIp known
    const outcome = await outcomeOf({ onSuspend: true, scope: 'selected' }, 'suspend');
    expect(outcome.result?.alreadyStopped).toEqual([id(2)]);
    expect(autoStopNotices(outcome, en, name)).toEqual([]);
  });

  it('reports clusters it could not stop, with the error and what to do', async () => {
    await fixture.handlers.selectCluster({ clusterId: id(1) });
    fixture.settings.rememberCluster(id(1), { cidrIp: CIDR });
    fixture.emulator.setCluster(id(1), { status: 'exception' });
    const outcome = await outcomeOf({ onLock: true, scope: 'selected' }, 'lock-screen');
    const [notice, ...rest] = autoStopNotices(outcome, en, name);
    expect(rest).toEqual([]);
    expect(notice?.title).toBe('Screen locked: could not stop VNC');
    expect(notice?.body).toMatch(/^cfd-prod-001: /);
  });

  it('reports a stop that could not run at all', async () => {
    await fixture.vault.deleteAccessKey();
    const outcome = await outcomeOf({ onSuspend: true, scope: 'all' }, 'suspend');
    expect(outcome.error?.code).toBe('NoCredentials');
    const [notice] = autoStopNotices(outcome, en, name);
    expect(notice?.title).toBe('Going to sleep: could not stop VNC');
    expect(notice?.body).toContain('No AccessKey is set up yet.');
  });
});
