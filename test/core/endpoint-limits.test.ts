// EndpointLimits: an exposure check bounds the requests in flight per endpoint (product and
// region), so one region's or product's wave does not wait behind another's; each bound halves
// when its endpoint answers Throttling and grows back as requests go through (the attempts are
// heard through the batch's clients, against the emulator over real HTTP).
import { afterEach, describe, expect, it } from 'vitest';
import { AccountSession } from '../../main/core/account-session';
import { createAdaptiveLimiter } from '../../main/core/ehpc/limiter';
import { EndpointLimits, RegionClients } from '../../main/core/exposure';
import { startAppFixture, type AppFixture } from '../support/app-fixture';

/** Starts `n` tasks through `limit` that stay open until released; counts how many started. */
function hold(limit: (task: () => Promise<void>) => Promise<void>, n: number) {
  let started = 0;
  let release!: () => void;
  const opened = new Promise<void>((resolve) => (release = resolve));
  const done = Promise.all(
    Array.from({ length: n }, () =>
      limit(async () => {
        started++;
        await opened;
      }),
    ),
  );
  return { started: () => started, release, done };
}

describe('EndpointLimits', () => {
  it('bounds each endpoint on its own: E-HPC and ECS, region by region', async () => {
    const limits = new EndpointLimits(2);
    const hz = hold(limits.ehpc('cn-hangzhou'), 5);
    const sh = hold(limits.ehpc('cn-shanghai'), 5);
    const hzEcs = hold(limits.ecs('cn-hangzhou'), 5);
    await Promise.resolve();
    expect([hz.started(), sh.started(), hzEcs.started()]).toEqual([2, 2, 2]);
    for (const h of [hz, sh, hzEcs]) h.release();
    await Promise.all([hz.done, sh.done, hzEcs.done]);
    expect([hz.started(), sh.started(), hzEcs.started()]).toEqual([5, 5, 5]);
  });

  it('shares one bound between callers of the same endpoint', async () => {
    const limits = new EndpointLimits(3);
    const a = hold(limits.ecs('cn-beijing'), 3);
    const b = hold(limits.ecs('cn-beijing'), 3);
    await Promise.resolve();
    expect(a.started() + b.started()).toBe(3);
    a.release();
    b.release();
    await Promise.all([a.done, b.done]);
    expect(a.started() + b.started()).toBe(6);
  });
});

describe('the adaptive bound', () => {
  it('halves on Throttling once per window, never below its minimum, and grows back', async () => {
    const limit = createAdaptiveLimiter({ max: 8, min: 2 });
    const first = hold(limit, 8);
    await Promise.resolve();
    expect(first.started()).toBe(8);
    limit.throttled();
    expect(limit.width()).toBe(4);
    // The other answers of the same window were sent at the old width: no second halving.
    limit.throttled();
    limit.throttled();
    expect(limit.width()).toBe(4);
    const second = hold(limit, 8);
    first.release();
    await first.done;
    // The window has drained: 4 of the next 8 run, and none grows the bound yet (cooldown).
    await Promise.resolve();
    expect(second.started()).toBe(4);
    expect(limit.width()).toBe(4);
    limit.throttled();
    expect(limit.width()).toBe(2);
    second.release();
    await second.done;
    // Completions without a Throttling answer give slots back, up to the maximum.
    for (let i = 0; i < 10; i++) await limit(async () => undefined);
    expect(limit.width()).toBe(8);
    // However often it is told, it keeps its minimum.
    for (let i = 0; i < 5; i++) {
      limit.throttled();
      await limit(async () => undefined);
    }
    expect(limit.width()).toBe(2);
  });
});

describe('a batch’s clients and its bounds', () => {
  let fx: AppFixture | undefined;
  afterEach(async () => {
    await fx?.close();
    fx = undefined;
  });

  it('an attempt answered Throttling (the client retries it) halves that endpoint’s bound only', async () => {
    fx = await startAppFixture({ clusters: 4 });
    const session = new AccountSession({
      vault: fx.vault,
      settings: fx.settings,
      endpoint: fx.emulator.url,
      onChange: () => undefined,
    });
    const limits = new EndpointLimits(8);
    const clients = new RegionClients(session, limits);
    const hz = limits.ehpc('cn-hangzhou');
    fx.emulator.inject({
      action: 'GetVisualServiceStatus',
      times: 1,
      fault: { kind: 'error', status: 400, code: 'Throttling.User' },
    });
    const client = await clients.ehpcFor('cn-hangzhou');
    const status = await hz(() => client.getVncStatus('ehpc-hz-000001'));
    // The retry got through; the bound heard the throttled attempt all the same.
    expect(status.vnc).toBe('stopped');
    expect(fx.emulator.count('GetVisualServiceStatus')).toBe(2);
    expect(hz.width()).toBe(4);
    expect(limits.ecs('cn-hangzhou').width()).toBe(8);
    expect(limits.ehpc('cn-shanghai').width()).toBe(8);
    // Requests that go through give the slots back.
    for (let i = 0; i < 6; i++) await hz(() => client.getVncStatus('ehpc-hz-000002'));
    expect(hz.width()).toBe(8);
  });
});
