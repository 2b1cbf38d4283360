// The app's own retries (the SDK's `autoretry` does nothing in 0.4.x). Bounded attempts with
// exponential backoff and full jitter, for failures that another attempt can cure, and only those.
//
// Policy (see also the report in docs):
// - transient, up to maxAttempts: ServiceUnavailable / HTTP 503, ConflictOpt, Throttling and
//   Throttling.*, HTTP 429. The server refused before doing anything, so even a write is safe.
// - once (at most two attempts): AgentError, AliyunError, UnknownError, InternalError ("maybe
//   once" in ehpc-api.md), and Network.Reset (mostly a pooled keep-alive socket the server had
//   already closed). Every write the app sends is idempotent in effect: Start and Stop converge
//   on one state, and ModifyVisualServicePasswd sets an absolute value (a repeat sets the same
//   password), so one repeat cannot do harm.
// - Network.Timeout: once for read-only actions only. A write that timed out may still be running
//   on the cluster agent; repeating it would queue a second command behind the first and keep
//   the user waiting another full timeout, so the user is told instead and can check the state.
// - never: everything else, including Network.Refused (on loopback the emulator or proxy is
//   simply not there; remotely a firewall or proxy said no: neither heals in seconds),
//   Network.DNS, Network.TLS, BadResponse, and every credential, permission or input error.
import type { AppError } from '../app-error';
import type { AttemptInfo, RetryPolicy } from './types';

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 4,
  baseDelayMs: 300,
  maxDelayMs: 4000,
};

export type RetryClass = 'transient' | 'once' | 'never';

const ONCE_CODES = new Set([
  'AgentError',
  'AliyunError',
  'UnknownError',
  'InternalError',
  'Network.Reset',
]);

export function classifyForRetry(error: AppError, opts: { readOnly: boolean }): RetryClass {
  const { code, httpStatus } = error;
  if (
    code === 'ServiceUnavailable' ||
    code === 'ConflictOpt' ||
    code === 'Throttling' ||
    code.startsWith('Throttling.') ||
    httpStatus === 429
  ) {
    return 'transient';
  }
  if (ONCE_CODES.has(code)) return 'once';
  if (code === 'Network.Timeout') return opts.readOnly ? 'once' : 'never';
  return 'never';
}

/** Attempts allowed in total when the latest failure is of class `cls`. */
export function attemptsAllowed(cls: RetryClass, policy: RetryPolicy): number {
  if (cls === 'transient') return policy.maxAttempts;
  if (cls === 'once') return Math.min(2, policy.maxAttempts);
  return 1;
}

/**
 * Full jitter: a uniform delay in [0, min(maxDelay, base · 2^(retry-1))), where `retry` counts
 * retries from 1. Spreads a burst of clients (20 pages throttled at once) instead of syncing them.
 */
export function backoffDelay(retry: number, policy: RetryPolicy, random: () => number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, retry - 1));
  const r = Math.min(Math.max(random(), 0), 1);
  return Math.floor(r * ceiling);
}

export function resolvePolicy(partial: Partial<RetryPolicy> = {}): RetryPolicy {
  const int = (v: number | undefined, fallback: number, min: number): number =>
    v !== undefined && Number.isFinite(v) ? Math.max(min, Math.floor(v)) : fallback;
  return {
    maxAttempts: int(partial.maxAttempts, DEFAULT_RETRY_POLICY.maxAttempts, 1),
    baseDelayMs: int(partial.baseDelayMs, DEFAULT_RETRY_POLICY.baseDelayMs, 0),
    maxDelayMs: int(partial.maxDelayMs, DEFAULT_RETRY_POLICY.maxDelayMs, 0),
  };
}

export interface RetryRunOptions {
  action: string;
  readOnly: boolean;
  policy: RetryPolicy;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
  toError: (err: unknown) => AppError;
  onAttempt?: (info: AttemptInfo) => void;
}

export async function withRetry<T>(attempt: () => Promise<T>, opts: RetryRunOptions): Promise<T> {
  // An observer (logging, metrics) must never change the outcome of a call.
  const notify = (info: AttemptInfo): void => {
    try {
      opts.onAttempt?.(info);
    } catch {
      /* ignored on purpose */
    }
  };
  for (let n = 1; ; n++) {
    try {
      const value = await attempt();
      notify({ action: opts.action, attempt: n });
      return value;
    } catch (err) {
      const error = opts.toError(err);
      notify({ action: opts.action, attempt: n, error });
      const cls = classifyForRetry(error, { readOnly: opts.readOnly });
      if (n >= attemptsAllowed(cls, opts.policy)) throw error;
      await opts.sleep(backoffDelay(n, opts.policy, opts.random));
    }
  }
}
