// When the shell retries the pending-stop journal: the real AppService against the emulator does
// the retrying; the clock, the interval timer and "online" are driven by hand.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PendingRetryReport } from '../../preload/shared/contract';
import {
  ONLINE_POLL_MS,
  PERIODIC_RETRY_MS,
  PendingRetryLoop,
  type RetryTrigger,
} from '../../main/shell/pending-retry-loop';
import { clusterIdFor } from '../emulator';
import { startAppFixture, type AppFixture } from '../support/app-fixture';

const farm = clusterIdFor('cn-hangzhou', 2);
const CIDR = '203.0.113.7';

interface Reported {
  report: PendingRetryReport;
  loud: boolean;
  trigger: RetryTrigger;
}

class ManualTimers {
  run?: () => void;
  ms?: number;
  setInterval(run: () => void, ms: number): unknown {
    if (this.run) throw new Error('one interval at a time');
    this.run = run;
    this.ms = ms;
    return 1;
  }
  clearInterval(): void {
    this.run = undefined;
  }
  get polling(): boolean {
    return this.run !== undefined;
  }
  tick(): void {
    this.run?.();
  }
}

let fixture: AppFixture;
let timers: ManualTimers;
let now: number;
let online: boolean;
let reports: Reported[];

beforeEach(async () => {
  fixture = await startAppFixture();
  timers = new ManualTimers();
  now = 1_000_000;
  online = true;
  reports = [];
});
afterEach(async () => {
  await fixture?.close();
});

function loop(retry = () => fixture.service.retryPendingStops()): PendingRetryLoop {
  return new PendingRetryLoop({
    hasPending: () => (fixture.service.getState().pendingStops?.length ?? 0) > 0,
    isOnline: () => online,
    retry,
    report: (report, opts) => reports.push({ report, ...opts }),
    now: () => now,
    timers,
  });
}

/** A poll tick, and whatever retry it started, to the end. */
async function tick(l: PendingRetryLoop): Promise<Reported | undefined> {
  const before = reports.length;
  timers.tick();
  await l.settled();
  return reports.length > before ? reports[reports.length - 1] : undefined;
}

/** Starts VNC on the farm and has its stop fail in a way that keeps it in the journal. */
async function pendingStop(): Promise<void> {
  await fixture.handlers.startVnc({ clusterId: farm, cidrIp: CIDR });
  fixture.emulator.inject({
    action: 'StopVisualService',
    times: 1,
    fault: { kind: 'html', status: 502 },
  });
  const result = await fixture.handlers.stopVnc({ clusterId: farm });
  expect(result).toMatchObject({ ok: false, error: { pendingStop: true } });
}

describe('PendingRetryLoop', () => {
  it('polls only while something is pending', async () => {
    const l = loop();
    l.update();
    expect(timers.polling).toBe(false);
    await pendingStop();
    l.update();
    expect(timers.polling).toBe(true);
    expect(timers.ms).toBe(ONLINE_POLL_MS);

    await l.retryNow('user');
    expect(fixture.emulator.cluster(farm)?.vnc).toBe('stopped');
    expect(timers.polling).toBe(false);
  });

  it('retries when the network comes back, not while it is away', async () => {
    const l = loop();
    online = false;
    await pendingStop();
    l.update();
    expect(await tick(l)).toBeUndefined();
    now += PERIODIC_RETRY_MS * 3;
    expect(await tick(l)).toBeUndefined();
    expect(fixture.emulator.cluster(farm)?.vnc).toBe('running');

    online = true;
    const reported = await tick(l);
    expect(reported?.trigger).toBe('online');
    expect(reported?.loud).toBe(false);
    expect(reported?.report.stopped.map((s) => s.clusterId)).toEqual([farm]);
    expect(fixture.emulator.cluster(farm)?.vnc).toBe('stopped');
    expect(timers.polling).toBe(false);
  });

  it('retries every few minutes while "online" but unreachable', async () => {
    const l = loop();
    await pendingStop();
    l.update();
    expect(await tick(l)).toBeUndefined();
    now += PERIODIC_RETRY_MS - 1;
    expect(await tick(l)).toBeUndefined();

    // Still failing at the first periodic retry: kept, and retried a period later.
    fixture.emulator.inject({
      action: 'StopVisualService',
      times: 1,
      fault: { kind: 'html', status: 502 },
    });
    now += 1;
    const first = await tick(l);
    expect(first?.trigger).toBe('periodic');
    expect(first?.report.remaining.map((r) => r.stop.clusterId)).toEqual([farm]);
    expect(timers.polling).toBe(true);

    now += PERIODIC_RETRY_MS;
    const second = await tick(l);
    expect(second?.report.stopped.map((s) => s.clusterId)).toEqual([farm]);
  });

  it('reports launch and user retries loudly, background ones quietly', async () => {
    const l = loop();
    await l.retryNow('launch');
    await l.retryNow('wake');
    await l.retryNow('user');
    expect(reports.map((r) => [r.trigger, r.loud])).toEqual([
      ['launch', true],
      ['wake', false],
      ['user', true],
    ]);
  });

  it('joins a retry in flight; a click during a quiet one makes its report loud', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let runs = 0;
    const l = loop(async () => {
      runs++;
      await gate;
      return fixture.service.retryPendingStops();
    });
    const background = l.retryNow('online');
    const click = l.retryNow('user');
    release();
    await Promise.all([background, click]);
    expect(runs).toBe(1);
    expect(reports.map((r) => [r.trigger, r.loud])).toEqual([['online', true]]);
  });

  it('survives a failing retry or report, and stops for good once disposed', async () => {
    const failing = loop(() => Promise.reject(new Error('boom')));
    await expect(failing.retryNow('user')).resolves.toBeUndefined();
    expect(reports).toEqual([]);

    const l = new PendingRetryLoop({
      hasPending: () => true,
      isOnline: () => online,
      retry: () => fixture.service.retryPendingStops(),
      report: () => {
        throw new Error('notifications are broken');
      },
      now: () => now,
      timers,
    });
    await expect(l.retryNow('user')).resolves.toBeUndefined();
    expect(timers.polling).toBe(true);
    l.dispose();
    expect(timers.polling).toBe(false);
    l.update();
    expect(timers.polling).toBe(false);
  });
});
