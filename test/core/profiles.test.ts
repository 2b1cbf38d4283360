// Issue #13 item 3: one keychain item per AccessKey profile, and the settings choose the active
// one, for the app and for the CLI run without --profile. The real core against the emulator
// (which knows two keys), the real keychain (test/with-keyring.sh) and real settings files.
import { afterEach, describe, expect, it } from 'vitest';
import { createCore } from '../../main/core/compose';
import { keytarKeychain } from '../../main/core/keychain';
import { parseSettingsFile } from '../../main/core/settings-schema';
import { CredentialVault } from '../../main/core/vault';
import { EMULATOR_KEY } from '../emulator';
import { startAppFixture, type AppFixture } from '../support/app-fixture';

const WORK_KEY = {
  accessKeyId: 'TESTAKIDWORK00000002',
  accessKeySecret: 'emulator-secret-work-profile-0002',
};

let fx: AppFixture | undefined;

afterEach(async () => {
  if (!fx) return;
  // Every profile's item goes, not only the active one's (the fixture removes that one).
  const keychain = keytarKeychain();
  for (const { account } of await keychain.findCredentials(fx.keychainService))
    await keychain.deletePassword(fx.keychainService, account);
  await fx.close();
  fx = undefined;
});

async function withWorkProfile(): Promise<AppFixture> {
  const fixture = await startAppFixture({ clusters: 3 });
  fixture.emulator.addAccessKey(WORK_KEY);
  await new CredentialVault({ service: fixture.keychainService, profile: 'work' }).saveAccessKey(
    WORK_KEY,
  );
  return fixture;
}

/** The AccessKey ID the emulator saw on the last request (in the V3 Authorization header). */
function lastKeyId(fixture: AppFixture): string | undefined {
  const last = fixture.emulator.requests.at(-1);
  return /Credential=([^,]+)/.exec(last?.headers.authorization ?? '')?.[1];
}

describe('AccessKey profiles', () => {
  it('a settings file from before profiles reads as the default one; a bad name does not fit', () => {
    expect(parseSettingsFile({ regionId: 'cn-shanghai' })).toMatchObject({
      ok: true,
      data: { regionId: 'cn-shanghai', profile: 'default' },
    });
    expect(parseSettingsFile({ profile: 'work' })).toMatchObject({
      ok: true,
      data: { profile: 'work' },
    });
    expect(parseSettingsFile({ profile: 'access-key:x' }).ok).toBe(false);
  });

  it('lists the profiles in the keychain, and switching uses the other key from then on', async () => {
    fx = await withWorkProfile();
    const { handlers, settings } = fx;
    expect(await handlers.listProfiles({})).toEqual({
      ok: true,
      value: { active: 'default', stored: ['default', 'work'] },
    });
    await handlers.selectCluster({ clusterId: 'ehpc-hz-000001' });
    await handlers.listClusters({ refresh: true });
    expect(lastKeyId(fx)).toBe(EMULATOR_KEY.accessKeyId);

    const switched = await handlers.useProfile({ profile: 'work' });
    expect(switched.ok && switched.value).toMatchObject({
      signedIn: true,
      profile: 'work',
      accessKeyIdMasked: 'TEST****0002',
    });
    expect(settings.get()).toMatchObject({ profile: 'work', recentClusterIds: [] });
    // The previous account's clusters are not this one's.
    expect(settings.get().selectedClusterId).toBeUndefined();
    expect(settings.clusterCache.cachedRegions()).toEqual([]);
    await handlers.listClusters({ refresh: true });
    expect(lastKeyId(fx)).toBe(WORK_KEY.accessKeyId);
    const state = await handlers.getState({});
    expect(state.ok && state.value.session?.profile).toBe('work');

    // Signing out of one profile leaves the other's key.
    await handlers.signOut({});
    expect(await handlers.listProfiles({})).toEqual({
      ok: true,
      value: { active: 'work', stored: ['default'] },
    });
  });

  it('a profile with no key yet is signed out; signing in with a profile saves there and makes it active', async () => {
    fx = await startAppFixture({ clusters: 2 });
    const { handlers, settings } = fx;
    const empty = await handlers.useProfile({ profile: 'lab.2' });
    expect(empty.ok && empty.value).toMatchObject({ signedIn: false, profile: 'lab.2' });

    await handlers.useProfile({ profile: 'default' });
    fx.emulator.addAccessKey(WORK_KEY);
    const signedIn = await handlers.signIn({
      ...WORK_KEY,
      regionId: 'cn-hangzhou',
      profile: 'lab',
    });
    expect(signedIn.ok && signedIn.value).toMatchObject({ signedIn: true, profile: 'lab' });
    expect(settings.get().profile).toBe('lab');
    const listed = await handlers.listProfiles({});
    expect(listed.ok && listed.value).toEqual({ active: 'lab', stored: ['default', 'lab'] });
    // The default profile's key is where it was.
    const other = new CredentialVault({ service: fx.keychainService, env: {} });
    expect((await other.resolveAccessKey())?.key.accessKeyId).toBe(EMULATOR_KEY.accessKeyId);
  });

  it('refuses a profile name that is not one, before anything changes', async () => {
    fx = await startAppFixture({ clusters: 1 });
    for (const profile of ['', '-x', 'a b', 'access-key:x', 'x'.repeat(65), '../etc']) {
      const r = await fx.handlers.useProfile({ profile });
      expect(r.ok, profile).toBe(false);
      if (!r.ok) expect(r.error.code).toBe('InvalidInput');
    }
    const bad = await fx.handlers.signIn({ ...WORK_KEY, regionId: 'cn-hangzhou', profile: 'a/b' });
    expect(!bad.ok && bad.error.code).toBe('InvalidInput');
    expect(fx.settings.get().profile).toBe('default');
    expect(fx.emulator.count()).toBe(0);
  });

  it('another process (the CLI) follows the settings’ profile; given one, it keeps it', async () => {
    fx = await withWorkProfile();
    await fx.handlers.useProfile({ profile: 'work' });
    const shared = { settingsDir: fx.settingsDir, keychainService: fx.keychainService, env: {} };

    const following = createCore(shared);
    const session = await following.service.getSession();
    expect(session).toMatchObject({ profile: 'work', accessKeyIdMasked: 'TEST****0002' });

    const fixed = createCore({ ...shared, profile: 'default' });
    expect(await fixed.service.getSession()).toMatchObject({
      profile: 'default',
      accessKeyIdMasked: 'TEST****0001',
    });
    const refused = await fixed.handlers.useProfile({ profile: 'default' });
    expect(!refused.ok && refused.error.variant).toBe('profileFixed');
    expect(fx.settings.get().profile).toBe('work');
  });
});
