// What an exposure check and a stop-all send their requests through: one E-HPC and one ECS
// client per region (one keychain read for the whole batch), and one adaptive bound per endpoint.
import type { AccountSession } from './account-session';
import type { EhpcClient } from './ehpc/client';
import type { EcsClient } from './ehpc/ecs-client';
import { createAdaptiveLimiter, isThrottling, type AdaptiveLimiter } from './ehpc/limiter';

/**
 * Requests in flight at once per endpoint (one product in one region: E-HPC's statuses,
 * DescribeCluster and stops; ECS's rules), while the endpoint does not say Throttling.
 *
 * Bounded per endpoint because that is what each service sees and throttles. Wide, because a
 * check's requests are independent and small: a first check of 1000 clusters in 3 regions sends
 * about 530 E-HPC requests per region at once (a status and a DescribeCluster per running
 * cluster), and any bound below that is a round trip more (64 made it 15 round trips cold, 5
 * warm: bench item 11). What protects the service is that the bound adapts: a Throttling answer
 * halves it, requests that go through give it back (ehpc/limiter.ts), and it is kept from one
 * check to the next, so a check after a throttled one starts at what the service took.
 */
export const EXPOSURE_MAX_CONCURRENCY = 1024;
/** However often the service throttles, a check still moves. */
export const EXPOSURE_MIN_CONCURRENCY = 2;

export type Product = 'ehpc' | 'ecs';

/** One adaptive limiter per endpoint (product and region). */
export class EndpointLimits {
  private readonly limits = new Map<string, AdaptiveLimiter>();
  constructor(private readonly width: number = EXPOSURE_MAX_CONCURRENCY) {}
  ehpc(regionId: string): AdaptiveLimiter {
    return this.of('ehpc', regionId);
  }
  ecs(regionId: string): AdaptiveLimiter {
    return this.of('ecs', regionId);
  }
  of(product: Product, regionId: string): AdaptiveLimiter {
    const key = `${product} ${regionId}`;
    let l = this.limits.get(key);
    if (!l) {
      l = createAdaptiveLimiter({
        max: this.width,
        min: Math.min(this.width, EXPOSURE_MIN_CONCURRENCY),
      });
      this.limits.set(key, l);
    }
    return l;
  }
}

/**
 * The E-HPC and ECS clients of one check, one per region (one keychain read each batch). With
 * `limits`, every attempt's Throttling answer (retries included) narrows its endpoint's bound.
 */
export class RegionClients {
  private readonly ehpc = new Map<string, Promise<EhpcClient>>();
  private readonly ecs = new Map<string, Promise<EcsClient>>();
  private readonly source: ReturnType<AccountSession['batch']>;
  constructor(session: AccountSession, limits?: EndpointLimits) {
    this.source = session.batch(
      limits &&
        ((product, regionId, info) => {
          if (info.error && isThrottling(info.error)) limits.of(product, regionId).throttled();
        }),
    );
  }
  ehpcFor(regionId: string): Promise<EhpcClient> {
    let c = this.ehpc.get(regionId);
    if (!c) this.ehpc.set(regionId, (c = this.source.ehpc(regionId)));
    return c;
  }
  ecsFor(regionId: string): Promise<EcsClient> {
    let c = this.ecs.get(regionId);
    if (!c) this.ecs.set(regionId, (c = this.source.ecs(regionId)));
    return c;
  }
}
