// EndpointLimits: an exposure check bounds the requests in flight per endpoint (product and
// region), so one region's or product's wave does not wait behind another's.
import { describe, expect, it } from 'vitest';
import { EndpointLimits } from '../../main/core/exposure';

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
