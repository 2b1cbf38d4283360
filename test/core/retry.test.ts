import { describe, expect, it } from 'vitest';
import { AppError } from '../../main/core/app-error';
import { toAppError } from '../../main/core/errors';
import {
  attemptsAllowed,
  backoffDelay,
  classifyForRetry,
  DEFAULT_RETRY_POLICY,
  resolvePolicy,
  withRetry,
} from '../../main/core/ehpc/retry';
import type { AttemptInfo } from '../../main/core/ehpc/types';

const err = (code: string, httpStatus?: number): AppError =>
  new AppError({ code, message: 'm', action: 'a', httpStatus });

describe('classifyForRetry', () => {
  it.each([
    ['ServiceUnavailable', 503],
    ['ConflictOpt', 403],
    ['Throttling', 400],
    ['Throttling.User', 400],
    ['Throttling.Api', 400],
    ['SomethingNew', 429],
  ])('%s (%i) is transient for reads and writes', (code, status) => {
    expect(classifyForRetry(err(code, status), { readOnly: true })).toBe('transient');
    expect(classifyForRetry(err(code, status), { readOnly: false })).toBe('transient');
  });

  it.each(['AgentError', 'AliyunError', 'UnknownError', 'InternalError', 'Network.Reset'])(
    '%s is retried once',
    (code) => {
      expect(classifyForRetry(err(code), { readOnly: true })).toBe('once');
      expect(classifyForRetry(err(code), { readOnly: false })).toBe('once');
    },
  );

  it('retries a timeout once for a read, never for a write', () => {
    expect(classifyForRetry(err('Network.Timeout'), { readOnly: true })).toBe('once');
    expect(classifyForRetry(err('Network.Timeout'), { readOnly: false })).toBe('never');
  });

  it.each([
    'InvalidParams',
    'NotEnabled',
    'InDebt',
    'InvalidClusterStatus',
    'IncorrectCredential',
    'ExecFail',
    'ClusterNotFound',
    'NotAuthorized',
    'PartFailure',
    'SignatureDoesNotMatch',
    'InvalidAccessKeyId.NotFound',
    'Forbidden.RAM',
    'Network.Refused',
    'Network.DNS',
    'Network.TLS',
    'BadResponse',
    'InvalidInput',
    'Internal',
  ])('never retries %s', (code) => {
    expect(classifyForRetry(err(code, 400), { readOnly: true })).toBe('never');
  });

  it('bounds attempts by class', () => {
    const p = DEFAULT_RETRY_POLICY;
    expect(attemptsAllowed('transient', p)).toBe(4);
    expect(attemptsAllowed('once', p)).toBe(2);
    expect(attemptsAllowed('never', p)).toBe(1);
    expect(attemptsAllowed('once', { ...p, maxAttempts: 1 })).toBe(1);
  });
});

describe('backoffDelay (full jitter)', () => {
  const p = DEFAULT_RETRY_POLICY;

  it('grows exponentially up to maxDelayMs, as its ceiling', () => {
    const almostOne = () => 0.999999;
    expect([1, 2, 3, 4, 5, 6, 10].map((n) => backoffDelay(n, p, almostOne))).toEqual([
      299, 599, 1199, 2399, 3999, 3999, 3999,
    ]);
  });

  it('may be zero and never exceeds the ceiling, whatever random gives', () => {
    expect(backoffDelay(3, p, () => 0)).toBe(0);
    expect(backoffDelay(1, p, () => 0.5)).toBe(150);
    expect(backoffDelay(2, p, () => 5)).toBe(600);
    expect(backoffDelay(2, p, () => -1)).toBe(0);
    for (let n = 1; n <= 8; n++) {
      for (let i = 0; i < 50; i++) {
        const ms = backoffDelay(n, p, Math.random);
        expect(ms).toBeGreaterThanOrEqual(0);
        expect(ms).toBeLessThanOrEqual(Math.min(p.maxDelayMs, p.baseDelayMs * 2 ** (n - 1)));
      }
    }
  });
});

describe('resolvePolicy', () => {
  it('fills defaults and refuses nonsense', () => {
    expect(resolvePolicy()).toEqual({ maxAttempts: 4, baseDelayMs: 300, maxDelayMs: 4000 });
    expect(resolvePolicy({ maxAttempts: 0, baseDelayMs: -5 })).toEqual({
      maxAttempts: 1,
      baseDelayMs: 0,
      maxDelayMs: 4000,
    });
    expect(resolvePolicy({ maxAttempts: Number.NaN })).toEqual(DEFAULT_RETRY_POLICY);
  });
});

describe('withRetry', () => {
  function harness(failures: AppError[], readOnly = true) {
    const sleeps: number[] = [];
    const attempts: AttemptInfo[] = [];
    let calls = 0;
    const run = withRetry(
      async () => {
        const f = failures[calls++];
        if (f) throw f;
        return 'ok';
      },
      {
        action: 'ListClusters',
        readOnly,
        policy: DEFAULT_RETRY_POLICY,
        sleep: async (ms) => {
          sleeps.push(ms);
        },
        random: () => 0.5,
        toError: (e) => toAppError(e),
        onAttempt: (info) => attempts.push(info),
      },
    );
    return { run, sleeps, attempts, calls: () => calls };
  }

  it('retries transient failures with growing backoff, then succeeds', async () => {
    const h = harness([err('ServiceUnavailable', 503), err('Throttling.User', 400)]);
    await expect(h.run).resolves.toBe('ok');
    expect(h.calls()).toBe(3);
    expect(h.sleeps).toEqual([150, 300]);
    expect(h.attempts.map((a) => [a.attempt, a.error?.code])).toEqual([
      [1, 'ServiceUnavailable'],
      [2, 'Throttling.User'],
      [3, undefined],
    ]);
  });

  it('gives up after maxAttempts and throws the last error', async () => {
    const h = harness(Array.from({ length: 10 }, () => err('ServiceUnavailable', 503)));
    await expect(h.run).rejects.toMatchObject({ code: 'ServiceUnavailable' });
    expect(h.calls()).toBe(4);
    expect(h.sleeps).toEqual([150, 300, 600]);
  });

  it('never retries a permanent failure', async () => {
    const h = harness([err('InvalidParams', 400)]);
    await expect(h.run).rejects.toMatchObject({ code: 'InvalidParams' });
    expect(h.calls()).toBe(1);
    expect(h.sleeps).toEqual([]);
  });

  it('retries a "maybe once" failure exactly once', async () => {
    const h = harness([err('AgentError', 403), err('AgentError', 403), err('AgentError', 403)]);
    await expect(h.run).rejects.toMatchObject({ code: 'AgentError' });
    expect(h.calls()).toBe(2);
  });

  it('does not repeat a write that timed out', async () => {
    const h = harness([err('Network.Timeout')], false);
    await expect(h.run).rejects.toMatchObject({ code: 'Network.Timeout' });
    expect(h.calls()).toBe(1);
  });

  it('maps raw errors through toError and survives a throwing observer', async () => {
    const raw = Object.assign(new Error('x'), { code: 'ECONNREFUSED' });
    const run = withRetry(() => Promise.reject(raw), {
      action: 'ListRegions',
      readOnly: true,
      policy: DEFAULT_RETRY_POLICY,
      sleep: () => Promise.resolve(),
      random: () => 0,
      toError: (e) => toAppError(e),
      onAttempt: () => {
        throw new Error('observer bug');
      },
    });
    await expect(run).rejects.toMatchObject({ code: 'Network.Refused' });
  });
});
