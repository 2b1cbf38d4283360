// First run: connect an account with a wrong, then the right secret; later forget it again.
import { describe, expect, it } from 'vitest';
import { EMULATOR_KEY } from '../emulator';
import type { UiApp } from './harness';
import { useUiSuite } from './suite';
import { errorAlert, textOf } from './ui-helpers';

const ui = useUiSuite();
let app: UiApp | undefined;

describe('onboarding', () => {
  it('refuses a wrong secret without saving it, then connects with the right one', async () => {
    app = await ui.open({ fixture: { signedIn: false } });
    const { page, fixture } = app;

    await page.getByRole('heading', { name: 'Connect your Alibaba Cloud account' }).waitFor();
    // The key ID field is focused: the window opens ready to paste.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(
      await page.getByLabel('AccessKey ID').getAttribute('id'),
    );
    await page.getByLabel('AccessKey ID').fill(EMULATOR_KEY.accessKeyId);
    await page.getByLabel('AccessKey Secret', { exact: true }).fill('not-the-secret');
    await page.getByRole('button', { name: 'Verify and save' }).click();

    const alert = errorAlert(page, 'SignatureDoesNotMatch');
    expect(await textOf(alert)).toContain('The AccessKey secret does not match the AccessKey ID.');
    expect(await alert.innerText()).toMatch(/RequestId/);
    expect(await fixture.vault.resolveAccessKey()).toBeNull();

    await page.getByLabel('AccessKey Secret', { exact: true }).fill(EMULATOR_KEY.accessKeySecret);
    await page.getByRole('button', { name: 'Verify and save' }).click();

    await page.getByRole('button', { name: /^cfd-prod-001\b/ }).waitFor();
    const saved = await fixture.vault.resolveAccessKey();
    expect(saved?.source).toBe('keychain');
    expect(saved?.key.accessKeyId).toBe(EMULATOR_KEY.accessKeyId);
    // The secret never comes back to the page.
    expect(await page.content()).not.toContain(EMULATOR_KEY.accessKeySecret);
    expect(app.problems).toEqual([]);
  });

  it('explains the least-privilege policy and offers to copy it', async () => {
    app = await ui.open({ fixture: { signedIn: false } });
    const { page } = app;
    const policy = page.getByText('Least-privilege RAM policy');
    await policy.click();
    const block = page
      .getByRole('region', { name: 'Least-privilege RAM policy' })
      .or(page.locator('pre'));
    const text = await textOf(block.first());
    for (const action of [
      'ehpc:StopVisualService',
      'ehpc:ModifyVisualServicePasswd',
      'ehpc:ListClusters',
      'ehpc:DescribeCluster',
      'ecs:DescribeSecurityGroupAttribute',
      'ehpc:ListNodes',
    ]) {
      expect(text).toContain(action);
    }
    // Each read beyond the VNC actions says why it is asked for.
    await page.getByText('ehpc:ListNodes finds the login node’s address for Connect').waitFor();
    expect(JSON.parse(text)).toMatchObject({ Version: '1' });
    await page.getByRole('button', { name: 'Copy policy' }).waitFor();
    expect(await textOf(page.getByText(/stored in your system keychain/))).toBeTruthy();
  });

  it('shows the masked key in settings and forgets it after confirmation', async () => {
    app = await ui.open();
    const { page, fixture } = app;
    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByRole('heading', { name: 'Settings' }).waitFor();
    const account = await textOf(page.locator('dl.facts'));
    expect(account).toContain('System keychain');
    expect(account).not.toContain(EMULATOR_KEY.accessKeyId);
    expect(account).toMatch(/TEST\*+/);

    await page.getByRole('button', { name: 'Forget key…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Forget the AccessKey?' });
    await dialog.waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(await fixture.vault.resolveAccessKey()).not.toBeNull();

    // Remembered run-as passwords go too, unless the user unticks the box (ticked each time).
    await fixture.vault.saveRunasPassword('ehpc-hz-000001', 'root', 'emu-root-pass-1');
    await page.getByRole('button', { name: 'Forget key…' }).click();
    const removeRunas = dialog.getByRole('checkbox', {
      name: 'Also remove the run-as and VNC passwords remembered for clusters',
    });
    expect(await removeRunas.isChecked()).toBe(true);
    await dialog.getByRole('button', { name: 'Forget key' }).click();
    await page.getByRole('heading', { name: 'Connect your Alibaba Cloud account' }).waitFor();
    expect(await fixture.vault.resolveAccessKey()).toBeNull();
    expect(await fixture.vault.getRunasPassword('ehpc-hz-000001', 'root')).toBeNull();
  });

  it('keeps the run-as passwords when the box is unticked', async () => {
    app = await ui.open();
    const { page, fixture } = app;
    await fixture.vault.saveRunasPassword('ehpc-hz-000001', 'root', 'emu-root-pass-1');
    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByRole('button', { name: 'Forget key…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Forget the AccessKey?' });
    await dialog
      .getByRole('checkbox', {
        name: 'Also remove the run-as and VNC passwords remembered for clusters',
      })
      .uncheck();
    await dialog.getByRole('button', { name: 'Forget key' }).click();
    await page.getByRole('heading', { name: 'Connect your Alibaba Cloud account' }).waitFor();
    expect(await fixture.vault.resolveAccessKey()).toBeNull();
    expect(await fixture.vault.getRunasPassword('ehpc-hz-000001', 'root')).toBe('emu-root-pass-1');
    await fixture.vault.deleteRunasPassword('ehpc-hz-000001', 'root');
  });
});
