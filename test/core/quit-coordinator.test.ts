// The quit coordinator: with fakes for its rules (re-entry, deadline, failures), and with the
// real AppService and AutoStopController against the emulator for what it is for: a quit during
// an in-flight stop lets the stop finish, or journals it, before quit() is called.
import { afterEach, describe, expect, it } from 'vitest';
import { AutoStopController } from '../../main/core/auto-stop';
import { QuitCoordinator, type QuitCoordinatorDeps } from '../../main/core/quit-coordinator';
import type { PendingStop } from '../../main/core/settings';
import { gate } from '../emulator';
import { startAppFixture, type AppFixture } from '../support/app-fixture';

function quitEvent(): { preventDefault(): void; prevented: boolean } {
  return {
    prevented: false,
    preventDefault() {
      this.prevented = true;
    },
  };
}

function deferred(): { promise: Promise<void>; resolve(): void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

interface Fakes {
  deps: QuitCoordinatorDeps;
  quits: number;
  drains: number;
  interrupted: number;
  fireDeadline(): void;
}

function fakes(overrides: Partial<QuitCoordinatorDeps> = {}): Fakes {
  let deadline: (() => void) | undefined;
  const f: Fakes = {
    quits: 0,
    drains: 0,
    interrupted: 0,
    fireDeadline: () => deadline?.(),
    deps: {
      drain: () => {
        f.drains++;
        return Promise.resolve();
      },
      autoStopOnQuit: () => Promise.resolve(),
      journalInterrupted: () => {
        f.interrupted++;
        return ['ehpc-hz-000001'];
      },
      quit: () => {
        f.quits++;
      },
      setTimeout: (run) => {
        deadline = run;
        return 1;
      },
      clearTimeout: () => undefined,
      ...overrides,
    },
  };
  return f;
}

describe('the quit coordinator', () => {
  it('holds the first quit back, drains, quits once, then lets the next quit through', async () => {
    const f = fakes();
    const c = new QuitCoordinator(f.deps);
    const first = quitEvent();
    c.onBeforeQuit(first);
    expect(first.prevented).toBe(true);
    expect(c.phase).toBe('draining');
    const second = quitEvent(); // the user clicks Quit again
    c.onBeforeQuit(second);
    expect(second.prevented).toBe(true);
    expect(await c.finished).toEqual({ timedOut: false, interrupted: [] });
    expect(f.quits).toBe(1);
    expect(f.interrupted).toBe(0);
    const third = quitEvent(); // the quit() it called
    c.onBeforeQuit(third);
    expect(third.prevented).toBe(false);
    expect(f.quits).toBe(1);
    expect(c.phase).toBe('done');
  });

  it('gives up at the deadline, journals what was cut off, and quits', async () => {
    const never = new Promise<void>(() => undefined);
    const f = fakes({ drain: () => never, autoStopOnQuit: () => never });
    const c = new QuitCoordinator(f.deps);
    c.onBeforeQuit(quitEvent());
    expect(f.quits).toBe(0);
    f.fireDeadline();
    expect(await c.finished).toEqual({ timedOut: true, interrupted: ['ehpc-hz-000001'] });
    expect(f.interrupted).toBe(1);
    expect(f.quits).toBe(1);
  });

  it('quits even when draining, the auto-stop, journalling and logging all fail', async () => {
    const f = fakes({
      drain: () => Promise.reject(new Error('drain')),
      autoStopOnQuit: () => {
        throw new Error('sync throw');
      },
      journalInterrupted: () => {
        throw new Error('disk full');
      },
      log: () => {
        throw new Error('log');
      },
    });
    const c = new QuitCoordinator(f.deps);
    c.onBeforeQuit(quitEvent());
    expect(await c.finished).toMatchObject({ timedOut: false });
    expect(f.quits).toBe(1);

    const hanging = fakes({
      drain: () => new Promise(() => undefined),
      journalInterrupted: () => {
        throw new Error('disk full');
      },
    });
    const h = new QuitCoordinator(hanging.deps);
    h.onBeforeQuit(quitEvent());
    hanging.fireDeadline();
    expect(await h.finished).toEqual({ timedOut: true, interrupted: [] });
    expect(hanging.quits).toBe(1);
  });

  it('waits for the on-quit stop, then drains what it queued', async () => {
    const stop = deferred();
    const order: string[] = [];
    const f = fakes({
      drain: () => {
        order.push('drain');
        return Promise.resolve();
      },
      autoStopOnQuit: async () => {
        await stop.promise;
        order.push('stopped');
      },
      quit: () => void order.push('quit'),
    });
    const c = new QuitCoordinator(f.deps);
    c.onBeforeQuit(quitEvent());
    await Promise.resolve();
    expect(order).toEqual(['drain']);
    stop.resolve();
    await c.finished;
    expect(order).toEqual(['drain', 'stopped', 'drain', 'quit']);
  });
});

describe('quitting during a stop, with the real service and the emulator', () => {
  let fx: AppFixture | undefined;
  const id = 'ehpc-hz-000001';
  const CIDR = '203.0.113.9';

  afterEach(async () => {
    fx?.emulator.clearFaults();
    await fx?.close();
    fx = undefined;
  });

  /** Wires the coordinator as the shell does; records the journal and the cluster at quit(). */
  function wire(f: AppFixture, timeoutMs: number) {
    const autoStop = new AutoStopController({
      settings: () => f.settings.get().autoStop,
      stop: (scope) => f.service.autoStop(scope),
    });
    const atQuit: { journal?: PendingStop[]; vnc?: string } = {};
    const coordinator = new QuitCoordinator({
      drain: () => f.service.idle(),
      autoStopOnQuit: () => autoStop.handle('quit'),
      journalInterrupted: () => f.service.recordInterruptedStops(),
      quit: () => {
        atQuit.journal = f.settings.pendingStops();
        atQuit.vnc = f.emulator.cluster(id)?.vnc;
      },
      timeoutMs,
    });
    return { coordinator, atQuit };
  }

  it('lets a slow stop finish before quitting', async () => {
    fx = await startAppFixture({ timeoutMs: 5000 });
    fx.settings.rememberCluster(id, { cidrIp: CIDR });
    // The stop is held at E-HPC until the quit has been asked for.
    const held = gate();
    fx.emulator.inject({ action: 'StopVisualService', times: 1, fault: held.fault });
    const { coordinator, atQuit } = wire(fx, 10_000);
    const stopping = fx.handlers.stopVnc({ clusterId: id });
    await fx.emulator.waitForRequests(1, 'StopVisualService');
    coordinator.onBeforeQuit(quitEvent());
    held.open();
    expect(await coordinator.finished).toMatchObject({ timedOut: false });
    expect(atQuit).toEqual({ journal: [], vnc: 'stopped' });
    expect((await stopping).ok).toBe(true);
  });

  it('journals a stop that times out during the quit, then quits', async () => {
    fx = await startAppFixture({ timeoutMs: 600 });
    fx.settings.rememberCluster(id, { cidrIp: CIDR });
    fx.emulator.inject({ action: 'StopVisualService', times: 1, fault: { kind: 'hang' } });
    const { coordinator, atQuit } = wire(fx, 10_000);
    const stopping = fx.handlers.stopVnc({ clusterId: id });
    await fx.emulator.waitForRequests(1, 'StopVisualService');
    coordinator.onBeforeQuit(quitEvent());
    expect(await coordinator.finished).toMatchObject({ timedOut: false });
    expect(atQuit.journal).toMatchObject([
      { clusterId: id, cidrIp: CIDR, attempts: 1, lastError: 'Network.Timeout' },
    ]);
    expect(await stopping).toMatchObject({ ok: false, error: { pendingStop: true } });
  });

  it('journals a stop the deadline cuts off as interrupted, and does not wait for it', async () => {
    fx = await startAppFixture({ timeoutMs: 4000 });
    fx.settings.rememberCluster(id, { cidrIp: CIDR });
    fx.emulator.inject({ action: 'StopVisualService', times: 1, fault: { kind: 'hang' } });
    const { coordinator, atQuit } = wire(fx, 200);
    void fx.handlers.stopVnc({ clusterId: id });
    await fx.emulator.waitForRequests(1, 'StopVisualService');
    coordinator.onBeforeQuit(quitEvent());
    expect(await coordinator.finished).toEqual({ timedOut: true, interrupted: [id] });
    expect(atQuit.journal).toMatchObject([{ clusterId: id, lastError: 'Interrupted' }]);
    // The next launch retries it.
    fx.emulator.clearFaults();
    await fx.service.idle();
    const report = await fx.service.retryPendingStops();
    expect(report.stopped.map((s) => s.clusterId)).toEqual([id]);
    expect(fx.emulator.cluster(id)?.vnc).toBe('stopped');
  });

  it('runs the configured on-quit stop of the selected cluster before quitting', async () => {
    fx = await startAppFixture({ timeoutMs: 5000 });
    fx.settings.rememberCluster(id, { cidrIp: CIDR });
    fx.settings.selectCluster(id);
    fx.settings.update({ autoStop: { ...fx.settings.get().autoStop, onQuit: 'selected' } });
    const { coordinator, atQuit } = wire(fx, 10_000);
    coordinator.onBeforeQuit(quitEvent());
    await coordinator.finished;
    expect(fx.emulator.count('StopVisualService')).toBe(1);
    expect(atQuit).toEqual({ journal: [], vnc: 'stopped' });
  });

  it('stops nothing on quit by default', async () => {
    fx = await startAppFixture({ timeoutMs: 5000 });
    fx.settings.rememberCluster(id, { cidrIp: CIDR });
    fx.settings.selectCluster(id);
    const { coordinator, atQuit } = wire(fx, 10_000);
    coordinator.onBeforeQuit(quitEvent());
    await coordinator.finished;
    expect(fx.emulator.count()).toBe(0);
    expect(atQuit).toEqual({ journal: [], vnc: 'running' });
  });
});
