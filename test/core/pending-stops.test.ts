// The pending-stop journal and single flight, through the real AppService and handler table,
// against the emulator over real HTTP, a real keychain and a real settings file.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppErrorInfo, Result } from '../../preload/shared/contract';
import { AppError } from '../../main/core/app-error';
import { createCore } from '../../main/core/compose';
import { EhpcClient } from '../../main/core/ehpc/client';
import { isDeferredStopFailure, PendingStopError } from '../../main/core/pending-stops';
import { gate } from '../emulator';
import { startAppFixture, type AppFixture } from '../support/app-fixture';

const id = (n: number) => `ehpc-hz-${String(n).padStart(6, '0')}`;
const CIDR = '203.0.113.0/24';

function failure<T>(r: Result<T>): AppErrorInfo {
  if (r.ok) throw new Error(`expected a failure, got ${JSON.stringify(r.value)}`);
  return r.error;
}

describe('which stop failures are kept for later', () => {
  it.each([
    'Network.Timeout',
    'Network.Reset',
    'Network.Refused',
    'Network.DNS',
    'Network.Unreachable',
    'ServiceUnavailable',
    'ConflictOpt',
    'Throttling.User',
    'AgentError',
    'BadResponse',
    'KeychainUnavailable',
    'Interrupted',
  ])('%s is deferred', (code) => {
    expect(isDeferredStopFailure({ code })).toBe(true);
  });

  it.each([
    'ClusterNotFound',
    'InvalidClusterStatus',
    'NotAuthorized',
    'InvalidAccessKeyId.NotFound',
    'SignatureDoesNotMatch',
    'NoCredentials',
    'InvalidInput',
    'Network.TLS',
    'InsecureEndpoint',
    'Internal',
  ])('%s is permanent', (code) => {
    expect(isDeferredStopFailure({ code })).toBe(false);
  });

  it('counts an unnamed code answered with HTTP 5xx as deferred, 4xx as permanent', () => {
    expect(isDeferredStopFailure({ code: 'OddGatewayCode', httpStatus: 502 })).toBe(true);
    expect(isDeferredStopFailure({ code: 'OddGatewayCode', httpStatus: 418 })).toBe(false);
  });

  it('keeps the code and says what happens next, flagged for the renderer', () => {
    const info = new PendingStopError(
      new AppError({ code: 'Network.Reset', message: 'Interrupted.', action: 'x', requestId: 'R' }),
    ).toInfo();
    expect(info).toMatchObject({ code: 'Network.Reset', pendingStop: true, requestId: 'R' });
    expect(info.action).toMatch(/pending/);
  });
});

describe('pending stops against the emulator', () => {
  let fx: AppFixture;

  beforeEach(async () => {
    fx = await startAppFixture({ timeoutMs: 1500 });
    fx.settings.rememberCluster(id(1), { cidrIp: CIDR });
    fx.settings.rememberCluster(id(5), { cidrIp: CIDR });
  });
  afterEach(async () => {
    fx.emulator.clearFaults();
    await fx.close();
  });

  it('sends one StopVisualService for many concurrent clicks on Stop', async () => {
    // The first stop is held at E-HPC until every click has been made.
    const held = gate();
    fx.emulator.inject({ action: 'StopVisualService', times: 1, fault: held.fault });
    const pending = Array.from({ length: 12 }, () => fx.handlers.stopVnc({ clusterId: id(1) }));
    await fx.emulator.waitForRequests(1, 'StopVisualService');
    held.open();
    const clicks = await Promise.all(pending);
    expect(clicks.every((r) => r.ok)).toBe(true);
    expect(fx.emulator.count('StopVisualService')).toBe(1);
    expect(fx.emulator.cluster(id(1))?.vnc).toBe('stopped');
    expect(fx.settings.pendingStops()).toEqual([]);
    expect(fx.service.getState()).toMatchObject({ busy: {}, vnc: { [id(1)]: 'stopped' } });
  });

  it('journals the stop before sending it, and shows it as in flight meanwhile', async () => {
    const held = gate();
    fx.emulator.inject({ action: 'StopVisualService', times: 1, fault: held.fault });
    const stopping = fx.service.stopVnc({ clusterId: id(1) });
    await fx.emulator.waitForRequests(1, 'StopVisualService');
    expect(fx.settings.pendingStops()).toMatchObject([
      { clusterId: id(1), regionId: 'cn-hangzhou', cidrIp: CIDR, attempts: 0 },
    ]);
    expect(fx.service.listPendingStops()).toMatchObject([{ clusterId: id(1), inFlight: true }]);
    // In flight is shown as busy, not as pending.
    expect(fx.service.getState().pendingStops).toBeUndefined();
    held.open();
    await stopping;
    expect(fx.settings.pendingStops()).toEqual([]);
  });

  it('keeps a stop cut off by the network, then retries it when asked', async () => {
    fx.emulator.inject({ action: 'StopVisualService', fault: { kind: 'reset' } });
    const error = failure(await fx.handlers.stopVnc({ clusterId: id(1) }));
    expect(error).toMatchObject({ code: 'Network.Reset', pendingStop: true, retryable: true });
    expect(fx.settings.pendingStops()).toMatchObject([
      { clusterId: id(1), cidrIp: CIDR, attempts: 1, lastError: 'Network.Reset' },
    ]);
    expect(fx.service.getState()).toMatchObject({
      busy: {},
      vnc: { [id(1)]: 'unknown' },
      pendingStops: [id(1)],
    });

    // Still offline: kept, one more attempt counted.
    const again = await fx.service.retryPendingStops();
    expect(again.stopped).toEqual([]);
    expect(again.remaining).toMatchObject([
      { stop: { clusterId: id(1) }, error: { code: 'Network.Reset' } },
    ]);
    expect(fx.settings.pendingStops()[0]?.attempts).toBe(2);

    // Back online.
    fx.emulator.clearFaults();
    const report = await fx.service.retryPendingStops();
    expect(report.stopped).toMatchObject([{ clusterId: id(1), attempts: 2 }]);
    expect(report.remaining).toEqual([]);
    expect(report.dropped).toEqual([]);
    expect(fx.settings.pendingStops()).toEqual([]);
    expect(fx.emulator.cluster(id(1))).toMatchObject({ vnc: 'stopped', stopCidrIp: CIDR });
    expect(fx.service.getState().pendingStops).toBeUndefined();
  });

  it('drops an entry that fails for good on retry, and says why', async () => {
    fx.settings.addPendingStop({ clusterId: id(1), regionId: 'cn-hangzhou', cidrIp: CIDR });
    fx.emulator.removeCluster(id(1));
    const report = await fx.service.retryPendingStops();
    expect(report.dropped).toMatchObject([
      { stop: { clusterId: id(1) }, error: { code: 'ClusterNotFound' } },
    ]);
    expect(fx.settings.pendingStops()).toEqual([]);
  });

  it('retries an entry left by a process that died mid-stop, in its own region', async () => {
    // What a killed process leaves: attempts 0, no error, region of the time.
    fx.settings.addPendingStop({ clusterId: id(5), regionId: 'cn-hangzhou', cidrIp: '192.0.2.5' });
    fx.settings.update({ regionId: 'cn-beijing' });
    const regions: string[] = [];
    const { service } = createCore({
      vault: fx.vault,
      settings: fx.settings,
      env: { EHPC_VNC_ENDPOINT: fx.emulator.url },
      createClient: (opts) => {
        regions.push(opts.regionId);
        return new EhpcClient(opts);
      },
    });
    const report = await service.retryPendingStops();
    expect(report.stopped.map((s) => s.clusterId)).toEqual([id(5)]);
    expect(regions).toEqual(['cn-hangzhou']);
    expect(fx.emulator.cluster(id(5))).toMatchObject({ vnc: 'stopped', stopCidrIp: '192.0.2.5' });
  });

  it('runs one retry for concurrent callers (launch and back-online at once)', async () => {
    fx.settings.addPendingStop({ clusterId: id(1), regionId: 'cn-hangzhou', cidrIp: CIDR });
    const [a, b] = await Promise.all([
      fx.service.retryPendingStops(),
      fx.handlers.retryPendingStops({}),
    ]);
    expect(fx.emulator.count('StopVisualService')).toBe(1);
    expect(a.stopped).toHaveLength(1);
    expect(b).toEqual({ ok: true, value: a });
  });

  it('drops an entry whose CidrIp is unknown, as invalid, without sending anything', async () => {
    fx.settings.addPendingStop({ clusterId: id(2), regionId: 'cn-hangzhou' });
    const report = await fx.service.retryPendingStops();
    expect(report.dropped).toMatchObject([{ error: { code: 'InvalidInput' } }]);
    expect(fx.emulator.count('StopVisualService')).toBe(0);
  });

  it('removes the entry when a later stop from the UI succeeds', async () => {
    fx.emulator.inject({ action: 'StopVisualService', times: 2, fault: { kind: 'reset' } });
    expect(failure(await fx.handlers.stopVnc({ clusterId: id(1) })).pendingStop).toBe(true);
    expect(fx.settings.pendingStops()).toHaveLength(1);
    const ok = await fx.handlers.stopVnc({ clusterId: id(1) });
    expect(ok.ok).toBe(true);
    expect(fx.settings.pendingStops()).toEqual([]);
  });

  it('does not keep a stop refused for good, and says so plainly', async () => {
    fx.emulator.inject({
      action: 'StopVisualService',
      times: 1,
      fault: { kind: 'error', status: 407, code: 'NotAuthorized' },
    });
    const error = failure(await fx.handlers.stopVnc({ clusterId: id(1) }));
    expect(error.code).toBe('NotAuthorized');
    expect(error.pendingStop).toBeUndefined();
    expect(fx.settings.pendingStops()).toEqual([]);
  });

  it('lets the user dismiss a pending stop', async () => {
    fx.settings.addPendingStop({ clusterId: id(1), regionId: 'cn-hangzhou', cidrIp: CIDR });
    const listed = await fx.handlers.listPendingStops({});
    expect(listed).toMatchObject({ ok: true, value: [{ clusterId: id(1), inFlight: false }] });
    const after = await fx.handlers.dismissPendingStop({ clusterId: id(1) });
    expect(after).toEqual({ ok: true, value: [] });
    expect(fx.emulator.count()).toBe(0);
  });

  it('journals the clusters known to run when stop-all cannot even list them', async () => {
    await fx.service.listClusters({ refresh: true });
    await fx.service.getVncStatus({ clusterId: id(1) }); // running, CidrIp remembered
    await fx.service.getVncStatus({ clusterId: id(2) }); // stopped: nothing owed
    fx.emulator.inject({ action: 'ListClusters', fault: { kind: 'reset' } });
    const result = await fx.service.stopAllVnc();
    // It says what it recorded; each recorded cluster is a failure kept as a pending stop.
    expect(result.recordedPending).toEqual([id(1), id(5)]);
    expect(result.failed.map((f) => f.error)).toMatchObject([
      { code: 'Network.Reset', pendingStop: true },
      { code: 'Network.Reset', pendingStop: true },
    ]);
    // id(5) was not asked about before, but the cached list has it running: asked, running.
    expect(fx.settings.pendingStops().map((p) => p.clusterId)).toEqual([id(1), id(5)]);
  });

  it('marks stops still in flight as interrupted when quitting cannot wait', async () => {
    fx.emulator.inject({ action: 'StopVisualService', times: 1, fault: { kind: 'hang' } });
    const stopping = fx.service.stopVnc({ clusterId: id(1) });
    await fx.emulator.waitForRequests(1, 'StopVisualService');
    expect(fx.service.recordInterruptedStops()).toEqual([id(1)]);
    expect(fx.settings.pendingStops()).toMatchObject([
      { clusterId: id(1), lastError: 'Interrupted', attempts: 1 },
    ]);
    // The hung write times out (never repeated), and the entry stays for the next launch.
    await expect(stopping).rejects.toMatchObject({ code: 'Network.Timeout' });
    expect(fx.settings.pendingStops()).toMatchObject([
      { clusterId: id(1), lastError: 'Network.Timeout', attempts: 2 },
    ]);
  });
});
