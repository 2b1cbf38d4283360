// Concurrency limits shared by requests started at different times (page 1 and the speculative
// pages first, then whatever the real TotalCount adds), which a one-shot map pool cannot be.
// `createLimiter` is a fixed bound; `createAdaptiveLimiter` is the bound an endpoint gets in an
// exposure check or a stop-all: wide while the service keeps up, halved when it says Throttling.
import type { AppError } from '../app-error';

export type Limiter = <T>(task: () => Promise<T>) => Promise<T>;

export function createLimiter(concurrency: number): Limiter {
  const width = Math.max(1, Math.floor(concurrency));
  let running = 0;
  const waiting: (() => void)[] = [];
  // A finishing task hands its slot straight to the next waiter, so that a newcomer arriving in
  // between cannot take it as well.
  const release = (): void => {
    const next = waiting.shift();
    if (next) next();
    else running--;
  };
  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (running >= width) await new Promise<void>((resolve) => waiting.push(resolve));
    else running++;
    try {
      return await task();
    } finally {
      release();
    }
  };
}

/** The service's "slow down": Throttling, Throttling.User, Throttling.Api, ... or HTTP 429. */
export function isThrottling(error: Pick<AppError, 'code' | 'httpStatus'>): boolean {
  return (
    error.code === 'Throttling' || error.code.startsWith('Throttling.') || error.httpStatus === 429
  );
}

export interface AdaptiveLimiter extends Limiter {
  /** Requests allowed in flight now. */
  width(): number;
  /** One answer (any attempt, retries included) said Throttling*: halve, once per window. */
  throttled(): void;
}

/**
 * A bound that starts at `max` and adapts to what the service says, the way TCP adapts to loss:
 * a Throttling answer halves it (never below `min`); every request that then completes without
 * one gives a slot back (+1, so at most doubling per round trip), up to `max` again.
 *
 * The requests already in flight when it halved were sent at the old width, so their throttled
 * answers (and their retries', see retry.ts) say nothing new: until as many requests have
 * completed as were then in flight, it neither halves again nor grows. Counted in completions,
 * not time, so that it behaves the same at any latency (and in tests).
 */
export function createAdaptiveLimiter(opts: { max: number; min?: number }): AdaptiveLimiter {
  const max = Math.max(1, Math.floor(opts.max));
  const min = Math.min(max, Math.max(1, Math.floor(opts.min ?? 1)));
  let width = max;
  let running = 0;
  let cooldown = 0;
  const waiting: (() => void)[] = [];
  // A waiter's slot is counted when it is woken, so a newcomer arriving before it resumes cannot
  // take the slot as well.
  const wake = (): void => {
    while (running < width && waiting.length > 0) {
      running++;
      waiting.shift()?.();
    }
  };
  const release = (): void => {
    running--;
    if (cooldown > 0) cooldown--;
    else if (width < max) width++;
    wake();
  };
  const limiter = (async <T>(task: () => Promise<T>): Promise<T> => {
    if (running < width && waiting.length === 0) running++;
    else await new Promise<void>((resolve) => waiting.push(resolve));
    try {
      return await task();
    } finally {
      release();
    }
  }) as AdaptiveLimiter;
  limiter.width = () => width;
  limiter.throttled = () => {
    if (cooldown > 0) return;
    width = Math.max(min, Math.floor(width / 2));
    cooldown = Math.max(1, running);
  };
  return limiter;
}
