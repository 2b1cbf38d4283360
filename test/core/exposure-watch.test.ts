// The exposure watch's triggers and backoff, with a fake clock and timers (timings are the
// subject here, so no real time passes: every step is driven by the test).
import { describe, expect, it } from 'vitest';
import { appError } from '../../main/core/app-error';
import {
  ExposureWatch,
  POPOVER_RECHECK_MS,
  type WatchTimers,
} from '../../main/core/exposure-watch';

class FakeTimers implements WatchTimers {
  pending = new Map<number, { run: () => void; ms: number }>();
  private next = 1;
  setTimeout(run: () => void, ms: number): unknown {
    const id = this.next++;
    this.pending.set(id, { run, ms });
    return id;
  }
  clearTimeout(handle: unknown): void {
    this.pending.delete(handle as number);
  }
  only(): { run: () => void; ms: number } {
    expect(this.pending.size).toBe(1);
    return [...this.pending.values()][0] as { run: () => void; ms: number };
  }
}

function setup(opts: { minutes?: number; fail?: () => unknown } = {}) {
  const timers = new FakeTimers();
  let now = 1_000_000;
  let checks = 0;
  let minutes = opts.minutes ?? 10;
  const watch = new ExposureWatch({
    check: async () => {
      checks++;
      const err = opts.fail?.();
      if (err) throw err;
    },
    intervalMinutes: () => minutes,
    enabled: () => true,
    timers,
    now: () => now,
  });
  return {
    watch,
    timers,
    checks: () => checks,
    advance: (ms: number) => (now += ms),
    setMinutes: (m: number) => (minutes = m),
  };
}

describe('ExposureWatch', () => {
  it('checks at start, then every interval', async () => {
    const w = setup();
    await w.watch.start();
    expect(w.checks()).toBe(1);
    expect(w.timers.only().ms).toBe(10 * 60_000);
    w.timers.only().run();
    await Promise.resolve();
    await new Promise((r) => setImmediate(r));
    expect(w.checks()).toBe(2);
  });

  it('checks when the popover opens, at most once per 15 s, and after wake', async () => {
    const w = setup();
    await w.watch.start();
    await w.watch.popoverOpened();
    expect(w.checks()).toBe(1);
    w.advance(POPOVER_RECHECK_MS);
    await w.watch.popoverOpened();
    expect(w.checks()).toBe(2);
    await w.watch.woke();
    expect(w.checks()).toBe(3);
  });

  it('0 minutes turns the periodic check off', async () => {
    const w = setup({ minutes: 0 });
    await w.watch.start();
    expect(w.checks()).toBe(1);
    expect(w.timers.pending.size).toBe(0);
  });

  it('doubles the interval while E-HPC throttles, and resets after a good check', async () => {
    let throttle = true;
    const w = setup({ fail: () => (throttle ? appError('Throttling.User') : undefined) });
    await w.watch.start();
    expect(w.timers.only().ms).toBe(20 * 60_000);
    await w.watch.woke();
    expect(w.timers.only().ms).toBe(40 * 60_000);
    throttle = false;
    await w.watch.woke();
    expect(w.timers.only().ms).toBe(10 * 60_000);
  });

  it('stop() cancels the timer and ignores triggers', async () => {
    const w = setup();
    await w.watch.start();
    w.watch.stop();
    expect(w.timers.pending.size).toBe(0);
    await w.watch.woke();
    expect(w.checks()).toBe(1);
  });
});
