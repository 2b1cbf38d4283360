// Issue #13 item 3 in the window: the settings show which AccessKey profile is active, switch
// among those stored in the keychain, and connect a new one by name (validated). The real
// renderer in Chromium against the real handler table, the emulator (which knows two keys) and
// the real keychain.
import { describe, expect, it } from 'vitest';
import { keytarKeychain } from '../../main/core/keychain';
import { CredentialVault } from '../../main/core/vault';
import { startAppFixture, type AppFixture } from '../support/app-fixture';
import { useUiSuite } from './suite';

const ui = useUiSuite();

const WORK_KEY = {
  accessKeyId: 'TESTAKIDWORK00000002',
  accessKeySecret: 'emulator-secret-work-profile-0002',
};

/** A fixture signed in as the default profile, with a second key stored as `work`. */
async function twoProfiles(): Promise<AppFixture> {
  const fixture = await startAppFixture({ clusters: 3 });
  fixture.emulator.addAccessKey(WORK_KEY);
  const work = new CredentialVault({ service: fixture.keychainService, profile: 'work' });
  await work.saveAccessKey(WORK_KEY);
  return fixture;
}

/** Every profile's keychain item of the fixture (its close() removes the active one only). */
async function forgetProfiles(fixture: AppFixture): Promise<void> {
  const keychain = keytarKeychain();
  for (const { account } of await keychain.findCredentials(fixture.keychainService))
    await keychain.deletePassword(fixture.keychainService, account);
}

describe('AccessKey profiles in settings', { timeout: 60_000 }, () => {
  it('shows the active profile and switches to another stored in the keychain', async () => {
    const fixture = await twoProfiles();
    const app = await ui.open({ use: fixture });
    const { page } = app;
    await page.getByRole('button', { name: 'Settings' }).click();
    const active = page.getByTestId('active-profile');
    await active.getByText('default').waitFor();
    const select = page.getByRole('combobox', { name: 'Switch profile' });
    await select.locator('option', { hasText: 'work' }).waitFor({ state: 'attached' });
    expect(await select.locator('option').allInnerTexts()).toEqual([
      'default',
      'work',
      'New profile…',
    ]);

    // The window's first exposure check (default's key: its cached answer, then a new check)
    // lists every documented region, later pages too: let it start and end, so that the last
    // ListClusters below can only be the new account's.
    await expect
      .poll(() => app.calls.filter((c) => c === 'getExposure').length)
      .toBeGreaterThanOrEqual(2);
    await fixture.quiet();
    await select.selectOption('work');
    await active.getByText('work').waitFor();
    await page.locator('dl.facts').getByText('TEST****0002').waitFor();
    expect(fixture.settings.get().profile).toBe('work');
    // The clusters are the new account's, listed with its key.
    await page.getByRole('button', { name: 'Back' }).click();
    await page.getByRole('list', { name: 'Clusters' }).getByRole('listitem').first().waitFor();
    const listed = fixture.emulator.requests.filter((r) => r.action === 'ListClusters').at(-1);
    expect(listed?.headers.authorization).toContain(`Credential=${WORK_KEY.accessKeyId}`);
    expect(app.problems).toEqual([]);
    await forgetProfiles(fixture);
  });

  it('connects a new profile by name, refusing a name that is not one', async () => {
    const fixture = await twoProfiles();
    const app = await ui.open({ use: fixture });
    const { page } = app;
    await page.getByRole('button', { name: 'Settings' }).click();
    const select = page.getByRole('combobox', { name: 'Switch profile' });
    await select.locator('option', { hasText: 'work' }).waitFor({ state: 'attached' });
    await select.selectOption({ label: 'New profile…' });
    const name = page.getByRole('textbox', { name: 'New profile name' });
    const add = page.getByRole('button', { name: 'Add and connect…' });
    await name.fill('my lab');
    await add.click();
    await page.getByText('Use letters, digits, “.”, “_” and “-” (up to 64)').waitFor();
    await name.fill('work');
    await add.click();
    await page.getByText('That profile exists: choose it in the list above.').waitFor();
    expect(fixture.settings.get().profile).toBe('default');

    await name.fill('lab-2');
    await add.click();
    await page.getByRole('heading', { name: 'Connect the profile “lab-2”' }).waitFor();
    await page.getByRole('textbox', { name: 'AccessKey ID' }).fill(WORK_KEY.accessKeyId);
    await page.getByLabel('AccessKey Secret', { exact: true }).fill(WORK_KEY.accessKeySecret);
    await page.getByRole('button', { name: 'Verify and save' }).click();
    await page.getByTestId('active-profile').getByText('lab-2').waitFor();
    expect(fixture.settings.get().profile).toBe('lab-2');
    const lab = new CredentialVault({
      service: fixture.keychainService,
      profile: 'lab-2',
      env: {},
    });
    expect((await lab.resolveAccessKey())?.key.accessKeyId).toBe(WORK_KEY.accessKeyId);

    // Forgetting lab-2's key signs out; the sign-in screen offers the profiles that have one.
    await page.getByRole('button', { name: 'Forget key…' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Forget key' }).click();
    const other = page.getByRole('combobox', { name: 'Use another profile' });
    await other.locator('option', { hasText: 'work' }).waitFor({ state: 'attached' });
    await other.selectOption('default');
    await page.getByTestId('active-profile').getByText('default').waitFor();
    await page.locator('dl.facts').getByText('TEST****0001').waitFor();
    expect(app.problems).toEqual([]);
    await forgetProfiles(fixture);
  });

  it('says it in Chinese', async () => {
    const fixture = await twoProfiles();
    const app = await ui.open({ use: fixture, locale: 'zh-CN' });
    const { page } = app;
    await page.getByRole('button', { name: '设置' }).click();
    const select = page.getByRole('combobox', { name: '切换配置' });
    await select.locator('option', { hasText: '新建配置…' }).waitFor({ state: 'attached' });
    await page.getByText('每个配置在系统钥匙串中保存自己的 AccessKey').waitFor();
    expect(app.problems).toEqual([]);
    await forgetProfiles(fixture);
  });
});
