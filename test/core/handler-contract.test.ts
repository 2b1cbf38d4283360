// Handler answers and the contract's response schemas are one fact: with `checkResponses` (on in
// every test through test/support/app-fixture.ts, and so in every UI test) an answer that drifts
// from its schema fails loudly, and the real table's answers all pass.
import { describe, expect, it } from 'vitest';
import { createTableFrom, type Implementations } from '../../main/core/ipc-handlers';
import { appErrorInfo, contract, operations } from '../../preload/shared/contract';
import { appError } from '../../main/core/app-error';

const session = {
  signedIn: false,
  source: 'none' as const,
  regionId: 'cn-hangzhou',
  profile: 'default',
  keychainAvailable: true,
};

function implementations(overrides: Partial<Record<string, () => unknown>>): Implementations {
  const impl = Object.fromEntries(operations.map((op) => [op, () => session])) as Record<
    string,
    () => unknown
  >;
  return { ...impl, ...overrides } as unknown as Implementations;
}

describe('handler answers against the contract', () => {
  it('passes an answer that matches', async () => {
    const table = createTableFrom(implementations({}), { checkResponses: true });
    await expect(table.getSession({})).resolves.toEqual({ ok: true, value: session });
  });

  it('throws on a field the contract does not declare (a secret could ride on it)', async () => {
    const leaky = implementations({ getSession: () => ({ ...session, accessKeySecret: 'x' }) });
    await expect(createTableFrom(leaky, { checkResponses: true }).getSession({})).rejects.toThrow(
      /getSession: the response does not match the contract/,
    );
    // Without the check (the app), the answer goes out as the handler made it.
    await expect(createTableFrom(leaky).getSession({})).resolves.toMatchObject({ ok: true });
  });

  it('throws on a missing or mistyped field', async () => {
    const wrong = implementations({ getVncStatus: () => ({ clusterId: 'c', vnc: 'on' }) });
    await expect(
      createTableFrom(wrong, { checkResponses: true }).getVncStatus({ clusterId: 'ehpc-1' }),
    ).rejects.toThrow(/getVncStatus: the response does not match the contract at vnc/);
  });

  it('checks errors against AppErrorInfo', async () => {
    const failing = implementations({
      getState: () => {
        throw appError('InvalidInput', { variant: 'clusterId' });
      },
    });
    const result = await createTableFrom(failing, { checkResponses: true }).getState({});
    expect(result.ok).toBe(false);
    if (!result.ok) expect(appErrorInfo.safeParse(result.error).success).toBe(true);
  });

  it('has a named response schema for every operation', () => {
    for (const op of operations) {
      const response = contract[op].response;
      expect(response.safeParse(undefined).success, op).toBe(false);
    }
  });
});
