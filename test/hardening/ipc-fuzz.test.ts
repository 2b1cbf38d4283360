// IPC fuzzing: for every operation of the contract, hundreds of generated malformed payloads
// through the REAL handler table (the one the shell registers on ipcMain), wired to the emulator,
// a real keychain and a real settings file. Each must come back as a typed InvalidInput Result:
// nothing thrown past the handler, nothing sent to the cloud, nothing polluted.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  contract,
  operations,
  type Operation,
  type Request,
  type Result,
} from '../../preload/shared/contract';
import { startAppFixture, type AppFixture } from '../support/app-fixture';

const RUNS_PER_OPERATION = 300;

/** One valid request per operation: the base the malformed ones are made from. */
const VALID: { [K in Operation]: Request<K> } = {
  getSession: {},
  signIn: {
    accessKeyId: 'LTAI5tEmulatorKey0001',
    accessKeySecret: 'not-a-real-secret',
    regionId: 'cn-hangzhou',
  },
  signOut: {},
  listProfiles: {},
  useProfile: { profile: 'work' },
  listRegions: {},
  getPreferences: {},
  setPreferences: { language: 'en', regionId: 'cn-hangzhou' },
  listClusters: { refresh: true },
  selectCluster: { clusterId: 'ehpc-hz-000001' },
  listUsers: { clusterId: 'ehpc-hz-000001' },
  getVncStatus: { clusterId: 'ehpc-hz-000001' },
  startVnc: { clusterId: 'ehpc-hz-000001', cidrIp: '203.0.113.0/24' },
  stopVnc: { clusterId: 'ehpc-hz-000001', cidrIp: '203.0.113.0/24' },
  stopAllVnc: {},
  getExposure: { refresh: true },
  setVncPassword: {
    clusterId: 'ehpc-hz-000001',
    runasUser: 'root',
    runasPassword: 'emu-root-pass-1',
    rememberRunasPassword: false,
    newPassword: 'Vnc#Pass2026x',
  },
  hasRememberedRunasPassword: { clusterId: 'ehpc-hz-000001', runasUser: 'root' },
  forgetRunasPassword: { clusterId: 'ehpc-hz-000001', runasUser: 'root' },
  copySecret: { text: 'Vnc#Pass2026x', clearAfterSeconds: 30 },
  getState: {},
  listPendingStops: {},
  retryPendingStops: {},
  dismissPendingStop: { clusterId: 'ehpc-hz-000001' },
  getAutoStop: {},
  setAutoStop: { onQuit: 'selected', idleMinutes: 15, dailyAt: '18:00' },
  getConnectTarget: { clusterId: 'ehpc-hz-000001' },
  connect: { clusterId: 'ehpc-hz-000001', cidrIp: '203.0.113.7' },
  detectAddress: {},
  getConnectPrefs: {},
  setConnectPrefs: { detectUrl: 'https://example.com/ip', rememberVncPassword: false },
};

const schemaOf = (op: Operation): z.ZodObject => contract[op].request as unknown as z.ZodObject;
const keysOf = (op: Operation): string[] => Object.keys(schemaOf(op).shape);
const isRequired = (op: Operation, key: string): boolean =>
  !(schemaOf(op).shape[key] as z.ZodType).safeParse(undefined).success;

/** Sets a key as an own data property, so that `__proto__` is a key and not the prototype. */
function withKey(base: object, key: string, value: unknown): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...base };
  Object.defineProperty(copy, key, { value, enumerable: true, writable: true, configurable: true });
  return copy;
}

function nested(depth: number, leaf: unknown, asArray: boolean): unknown {
  let value: unknown = leaf;
  for (let i = 0; i < depth; i++) value = asArray ? [value] : { a: value };
  return value;
}

const DANGEROUS_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty'];
const pollution = { polluted: 'yes', isAdmin: true };

/** Values no field of the contract accepts (dailyAt's `null` is filtered per field below). */
const wrongValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    Number.NaN,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    -0.5,
    1e308,
    null,
    '',
    0,
  ),
  fc.integer({ min: 5_000, max: 70_000 }).map((n) => 'x'.repeat(n)),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }),
  fc.double(),
  fc.integer(),
  fc.boolean(),
  fc.bigInt(),
  fc.date({ noInvalidDate: true }),
  fc.array(fc.anything({ maxDepth: 2 }), { maxLength: 5 }),
  fc.integer({ min: 50, max: 2000 }).map((d) => nested(d, 'leaf', false)),
  fc.integer({ min: 50, max: 2000 }).map((d) => nested(d, 1, true)),
  fc.constantFrom(...DANGEROUS_KEYS).map((k) => withKey({}, k, pollution)),
  fc.object({ maxDepth: 2 }),
);

function malformed(op: Operation): fc.Arbitrary<unknown> {
  const base = VALID[op];
  const keys = keysOf(op);
  const required = keys.filter((k) => isRequired(op, k));
  const notAnObject = fc.oneof(
    wrongValue.filter((v) => typeof v !== 'object' || v === null || Array.isArray(v)),
    fc.constant(undefined),
    fc.constant([base]),
    fc.constant(Object.values(base)),
  );
  const extraKey = fc
    .tuple(
      fc.oneof(
        fc.constantFrom(...DANGEROUS_KEYS),
        fc.string({ minLength: 1, maxLength: 30 }).filter((k) => !keys.includes(k)),
      ),
      fc.oneof(wrongValue, fc.constant(pollution)),
    )
    .map(([key, value]) => withKey(base, key, value));
  const arbitraries: fc.Arbitrary<unknown>[] = [notAnObject, extraKey];
  if (keys.length > 0) {
    const wrongField = fc
      .tuple(fc.constantFrom(...keys), wrongValue)
      .map(([key, value]) => withKey(base, key, value));
    arbitraries.push(wrongField);
  }
  if (required.length > 0) {
    const missing = fc
      .subarray(required, { minLength: 1 })
      .map((gone) => Object.fromEntries(Object.entries(base).filter(([k]) => !gone.includes(k))));
    arbitraries.push(missing);
  }
  return fc.oneof(...arbitraries);
}

/** What crosses IPC is a structured clone; a payload that cannot be cloned goes in as it is. */
function asSent(payload: unknown): unknown {
  try {
    return structuredClone(payload);
  } catch {
    return payload;
  }
}

function prototypeSnapshot(): string {
  return [Object.prototype, Array.prototype, Function.prototype, String.prototype]
    .map((p) => Object.getOwnPropertyNames(p).sort().join(','))
    .join('|');
}

describe('IPC fuzzing through the real handler table', () => {
  let fx: AppFixture;
  const before = prototypeSnapshot();

  beforeAll(async () => {
    fx = await startAppFixture({ timeoutMs: 2000 });
  });
  afterAll(async () => {
    await fx?.close();
  });

  it('has a valid base request for every operation (else the fuzzing proves nothing)', () => {
    expect(Object.keys(VALID).sort()).toEqual([...operations].sort());
    for (const op of operations) {
      expect(schemaOf(op).safeParse(VALID[op]).success, op).toBe(true);
    }
  });

  it.each(operations)('%s refuses every malformed payload with a typed error', async (op) => {
    const handler = fx.handlers[op] as (payload: unknown) => Promise<Result<unknown>>;
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(malformed(op), async (raw) => {
        const payload = asSent(raw);
        // A rare generated value may be valid after all (an integer for idleMinutes): skip it.
        fc.pre(!schemaOf(op).safeParse(payload).success);
        let result: Result<unknown>;
        try {
          result = await handler(payload);
        } catch (error) {
          throw new Error(`the handler threw: ${String(error)}`);
        }
        expect(result.ok).toBe(false);
        if (result.ok) return;
        // The registry wording (variant, params) may come along, so the window can translate it.
        expect(Object.keys(result.error)).toEqual(
          expect.arrayContaining(['action', 'code', 'message', 'retryable']),
        );
        for (const key of Object.keys(result.error)) {
          expect(['action', 'code', 'message', 'retryable', 'variant', 'params']).toContain(key);
        }
        expect(JSON.stringify(result.error)).not.toMatch(/\[object|xxxxxxxxxx/);
        expect(result.error.code).toBe('InvalidInput');
        expect(result.error.retryable).toBe(false);
        expect(result.error.message.length).toBeGreaterThan(5);
        expect(result.error.message.length).toBeLessThan(200);
        expect(result.error.message).not.toMatch(/\[object|\bat \S+:\d+|xxxxxxxxxx/);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        refused++;
      }),
      { numRuns: RUNS_PER_OPERATION, seed: 20260504 + operations.indexOf(op) },
    );
    expect(refused).toBeGreaterThanOrEqual(RUNS_PER_OPERATION * 0.9);
    expect(fx.emulator.count()).toBe(0);
  });

  it('sent nothing to the cloud and polluted no prototype', () => {
    expect(fx.emulator.count()).toBe(0);
    expect(prototypeSnapshot()).toBe(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    // Nothing invalid reached the settings file either.
    expect(fx.settings.get().pendingStops).toEqual([]);
    expect(fx.settings.get().autoStop.onQuit).toBe('off');
  });
});
