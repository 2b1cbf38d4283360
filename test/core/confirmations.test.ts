// The headless rule (the CLI, where no dialog can be shown): a narrow CidrIp goes through, a wide
// one is refused unless the caller was told to allow it, before E-HPC hears of it.
import { afterEach, describe, expect, it } from 'vitest';
import { headlessConfirmations } from '../../main/core/confirmations';
import { parseSettingsFile } from '../../main/core/settings-schema';
import { startAppFixture, type AppFixture } from '../support/app-fixture';

const CLUSTER = 'ehpc-hz-000001';

describe('confirmations without a dialog', () => {
  let fx: AppFixture | undefined;
  afterEach(async () => fx?.close());

  it('refuses a wide CidrIp, naming it and how to allow it', async () => {
    fx = await startAppFixture({ clusters: 1 });
    const wide = await fx.handlers.startVnc({ clusterId: CLUSTER, cidrIp: '0.0.0.0/0' });
    expect(wide.ok ? undefined : wide.error).toMatchObject({
      code: 'NotConfirmed',
      variant: 'wideHeadless',
      params: { cidr: '0.0.0.0/0' },
    });
    expect(wide.ok ? '' : wide.error.action).toContain('--yes');
    expect(fx.emulator.count('StartVisualService')).toBe(0);
    expect((await fx.handlers.startVnc({ clusterId: CLUSTER, cidrIp: '203.0.113.7' })).ok).toBe(
      true,
    );
  });

  it('allows a wide CidrIp when told to', async () => {
    fx = await startAppFixture({
      clusters: 1,
      confirm: headlessConfirmations({ allowWide: true }),
    });
    expect((await fx.handlers.startVnc({ clusterId: CLUSTER, cidrIp: '0.0.0.0/0' })).ok).toBe(true);
    expect(fx.emulator.count('StartVisualService')).toBe(1);
  });
});

describe('confirmed CidrIps in settings.json', () => {
  it('are absent from files written before them: nothing counts as confirmed', () => {
    const before = {
      regionId: 'cn-hangzhou',
      clusters: { [CLUSTER]: { cidrIp: '203.0.113.7', runasUser: 'root' } },
      __internal__: { migrations: { version: '0.1.0' } },
    };
    const read = parseSettingsFile(before);
    expect(read.ok && read.data.confirmedCidrs).toEqual({});
  });

  it('are kept per cluster, refused when malformed', () => {
    const ok = parseSettingsFile({ confirmedCidrs: { [CLUSTER]: ['203.0.113.0/24'] } });
    expect(ok.ok && ok.data.confirmedCidrs[CLUSTER]).toEqual(['203.0.113.0/24']);
    expect(parseSettingsFile({ confirmedCidrs: { [CLUSTER]: ['not a cidr'] } }).ok).toBe(false);
  });
});
