// Issue 13, item 2, through the app's handlers over real HTTP: an answer that is not E-HPC's (a
// gateway's HTML page) becomes BadResponse with its HTTP status, named in the message in both
// languages, although the SDK itself throws a bare SyntaxError that has lost the status
// (main/core/ehpc/sdk-http-hook.ts keeps it).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { describeError } from '../../preload/shared/error-registry';
import { startAppFixture, type AppFixture } from '../support/app-fixture';

describe('BadResponse names the HTTP status of a page that is not E-HPC’s', () => {
  let fx: AppFixture;

  beforeAll(async () => {
    fx = await startAppFixture();
  });
  afterAll(async () => {
    await fx?.close();
  });
  beforeEach(() => fx.emulator.clearFaults());

  it.each([502, 504, 200])('HTTP %i with an HTML page, for the window', async (status) => {
    fx.emulator.inject({
      action: 'GetVisualServiceStatus',
      fault: { kind: 'html', status },
    });
    const result = await fx.handlers.getVncStatus({ clusterId: 'ehpc-hz-000001' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const { error } = result;
    expect(error).toMatchObject({ code: 'BadResponse', httpStatus: status });
    expect(error.message).toContain(`HTTP ${status}`);
    expect(error.message).not.toMatch(/<html|Tengine|Unexpected token/);
    // What the window shows in Chinese, from the same variant and params.
    const zh = describeError(error, 'zh-CN');
    expect(zh.message).toContain(`HTTP ${status}`);
    expect(zh.message).toMatch(/代理或网关/);
  });

  it('leaves the next call unaffected', async () => {
    fx.emulator.inject({ action: 'GetVisualServiceStatus', times: 1, fault: { kind: 'html' } });
    const failed = await fx.handlers.getVncStatus({ clusterId: 'ehpc-hz-000001' });
    expect(failed.ok).toBe(false);
    const next = await fx.handlers.getVncStatus({ clusterId: 'ehpc-hz-000001' });
    expect(next.ok).toBe(true);
  });
});
