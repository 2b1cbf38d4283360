// Failure drills at the core level: every fault kind the emulator can play, and every documented
// error code, during every user action, through the real handler table over real HTTP. Each must
// end as a Result with the right code and a clean message; afterwards nothing is left busy (no
// stale "stopping…"), a stop that may succeed later is journalled, and the next call works.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HandlerTable, Result } from '../../preload/shared/contract';
import type { AppService } from '../../main/core/app-service';
import { createCore } from '../../main/core/compose';
import { EhpcClient } from '../../main/core/ehpc/client';
import { isDeferredStopFailure } from '../../main/core/pending-stops';
import type { Fault } from '../emulator';
import { startAppFixture, type AppFixture } from '../support/app-fixture';
import { GATEWAY_ERROR_CODES, SEED_ERROR_CODES } from '../support/documented-codes';

const TIMEOUT_MS = 400;
const CLUSTER = 'ehpc-hz-000001';
const CIDR = '203.0.113.0/24';

interface Action {
  name: string;
  apiAction: string;
  run(h: HandlerTable): Promise<Result<unknown>>;
}

const ACTIONS: Action[] = [
  {
    name: 'status',
    apiAction: 'GetVisualServiceStatus',
    run: (h) => h.getVncStatus({ clusterId: CLUSTER }),
  },
  {
    name: 'start',
    apiAction: 'StartVisualService',
    run: (h) => h.startVnc({ clusterId: CLUSTER, cidrIp: CIDR }),
  },
  {
    name: 'stop',
    apiAction: 'StopVisualService',
    run: (h) => h.stopVnc({ clusterId: CLUSTER, cidrIp: CIDR }),
  },
  {
    name: 'password',
    apiAction: 'ModifyVisualServicePasswd',
    run: (h) =>
      h.setVncPassword({
        clusterId: CLUSTER,
        runasUser: 'root',
        runasPassword: 'emu-root-pass-1',
        rememberRunasPassword: false,
        newPassword: 'Vnc#Drill2026x',
      }),
  },
  { name: 'list', apiAction: 'ListClusters', run: (h) => h.listClusters({ refresh: true }) },
];

/**
 * Seed 000/003's table and the gateway's. The codes retried four times with backoff are left to
 * KINDS (503, ConflictOpt) or represented by Throttling.User, to keep the drill quick.
 */
const RETRIED_AT_LENGTH = new Set([
  'ServiceUnavailable',
  'ConflictOpt',
  'Throttling',
  'Throttling.Api',
]);
const DOCUMENTED: [number, string][] = [
  ...[...SEED_ERROR_CODES, ...GATEWAY_ERROR_CODES].filter(
    ([, code]) => !RETRIED_AT_LENGTH.has(code),
  ),
  [400, 'InvalidRegionId'],
  [502, 'SomeUndocumentedGatewayCode'],
];

const KINDS: { label: string; fault: Fault; code: string }[] = [
  {
    label: 'latency beyond the timeout',
    fault: { kind: 'latency', ms: TIMEOUT_MS * 4 },
    code: 'Network.Timeout',
  },
  { label: 'hang', fault: { kind: 'hang' }, code: 'Network.Timeout' },
  { label: 'connection reset', fault: { kind: 'reset' }, code: 'Network.Reset' },
  { label: 'HTML from a proxy', fault: { kind: 'html' }, code: 'BadResponse' },
  {
    label: '503 forever',
    fault: { kind: 'error', status: 503, code: 'ServiceUnavailable' },
    code: 'ServiceUnavailable',
  },
  {
    label: 'ConflictOpt forever',
    fault: { kind: 'error', status: 403, code: 'ConflictOpt' },
    code: 'ConflictOpt',
  },
  ...DOCUMENTED.map(([status, code]) => ({
    label: `${status} ${code}`,
    fault: { kind: 'error', status, code, message: 'server words' } as Fault,
    code,
  })),
];

const DRILLS = ACTIONS.flatMap((action) => KINDS.map((kind) => ({ action, kind })));

describe('failure drills', () => {
  let fx: AppFixture;
  let service: AppService;
  let handlers: HandlerTable;

  beforeAll(async () => {
    fx = await startAppFixture({ timeoutMs: TIMEOUT_MS });
    // The fixture's own service, with retries that back off for a millisecond instead of seconds.
    ({ service, handlers } = createCore({
      vault: fx.vault,
      settings: fx.settings,
      env: { EHPC_VNC_ENDPOINT: fx.emulator.url },
      timeoutMs: TIMEOUT_MS,
      createClient: (opts) => new EhpcClient({ ...opts, retry: { baseDelayMs: 1, maxDelayMs: 2 } }),
    }));
  });
  afterAll(async () => {
    await service?.idle();
    await fx?.close();
  });

  it.each(DRILLS)('$action.name under $kind.label', async ({ action, kind }) => {
    fx.emulator.clearFaults();
    fx.emulator.inject({ action: action.apiAction, fault: kind.fault });
    const result = await action.run(handlers);

    expect(result.ok).toBe(false);
    if (result.ok) return;
    const { error } = result;
    expect(error.code).toBe(kind.code);
    for (const text of [error.message, error.action]) {
      expect(text.length).toBeGreaterThan(5);
      expect(text).not.toMatch(/\[object|\bat \S+:\d+:\d+|\bError:|https?:\/\/|\n/);
    }
    expect(service.getState().busy).toEqual({});

    const journalled = fx.settings.pendingStops().map((p) => p.clusterId);
    if (action.name === 'stop' && isDeferredStopFailure(error)) {
      expect(error.pendingStop).toBe(true);
      expect(journalled).toEqual([CLUSTER]);
    } else {
      expect(error.pendingStop).toBeUndefined();
      expect(journalled).toEqual([]);
    }

    // Recovery: the same action works once the fault is gone, and leaves nothing behind.
    fx.emulator.clearFaults();
    const next = await action.run(handlers);
    expect(next.ok, JSON.stringify(next)).toBe(true);
    expect(service.getState().busy).toEqual({});
    expect(fx.settings.pendingStops()).toEqual([]);
    if (action.name === 'status' || action.name === 'stop' || action.name === 'start') {
      expect(service.getState().vnc[CLUSTER]).not.toBe('unknown');
    }
  });
});
