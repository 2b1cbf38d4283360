// Setting the VNC password: the live policy checklist, the run-as user's password (typed or
// remembered in the keychain), generate and copy.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright';
import type { UiApp } from './harness';
import { useUiSuite } from './suite';
import { errorAlert, openCluster, success, textOf } from './ui-helpers';

const CFD = 'ehpc-hz-000001';
const ROOT_PASSWORD = 'emu-root-pass-1'; // the emulator's root password on every cluster

const ui = useUiSuite();
let app: UiApp | undefined;

async function openPasswordTab(page: Page): Promise<void> {
  await openCluster(page, 'cfd-prod-001');
  await page.getByRole('tab', { name: 'VNC password' }).click();
  await page.getByRole('combobox', { name: 'Run as user' }).waitFor();
}

/** Each rule's line in the checklist says whether it is met (for screen readers too). */
async function ruleStates(page: Page): Promise<Record<string, boolean>> {
  const items = page.getByRole('list', { name: 'Password rules' }).getByRole('listitem');
  const out: Record<string, boolean> = {};
  for (const item of await items.all()) {
    const rule = (await item.getAttribute('data-rule')) ?? '?';
    out[rule] = (await item.innerText()).includes('(met)');
  }
  return out;
}

const newPassword = (page: Page) => page.getByLabel('New VNC password', { exact: true });
const confirmation = (page: Page) => page.getByLabel('Confirm new password');

describe('VNC password', { timeout: 60_000 }, () => {
  it('shows policy violations live, refuses them, then sets a compliant password', async () => {
    app = await ui.open();
    const { page, fixture } = app;
    await openPasswordTab(page);
    await page.getByLabel('Password of root on the cluster').fill(ROOT_PASSWORD);

    await newPassword(page).fill('abc');
    expect(await ruleStates(page)).toEqual({
      length: false,
      classes: false,
      charset: true,
      match: false,
    });
    await newPassword(page).fill('abc defGH1');
    expect(await ruleStates(page)).toEqual({
      length: true,
      classes: true,
      charset: false,
      match: false,
    });
    await newPassword(page).fill('Vnc-Pass-2024');
    await confirmation(page).fill('Vnc-Pass-2025');
    expect(await ruleStates(page)).toEqual({
      length: true,
      classes: true,
      charset: true,
      match: false,
    });

    await page.getByRole('button', { name: 'Set password' }).click();
    await page.getByRole('alert').filter({ hasText: 'does not meet every rule' }).waitFor();
    expect(fixture.emulator.count('ModifyVisualServicePasswd')).toBe(0);

    await confirmation(page).fill('Vnc-Pass-2024');
    expect(await ruleStates(page)).toEqual({
      length: true,
      classes: true,
      charset: true,
      match: true,
    });
    await page.getByRole('button', { name: 'Set password' }).click();
    await success(page, 'VNC password set on cfd-prod-001 for root.').waitFor();
    expect(fixture.emulator.cluster(CFD)?.vncPassword).toBe('Vnc-Pass-2024');
    // The form forgets what was typed.
    expect(await newPassword(page).inputValue()).toBe('');
    expect(await page.content()).not.toContain('Vnc-Pass-2024');
    expect(app.problems).toEqual([]);
  });

  it('reports IncorrectCredential for a wrong run-as password and changes nothing', async () => {
    app = await ui.open();
    const { page, fixture } = app;
    await openPasswordTab(page);
    await page.getByLabel('Password of root on the cluster').fill('wrong-root-password');
    await newPassword(page).fill('Vnc-Pass-2024');
    await confirmation(page).fill('Vnc-Pass-2024');
    await page.getByRole('button', { name: 'Set password' }).click();

    const alert = errorAlert(page, 'IncorrectCredential');
    const text = await textOf(alert);
    expect(text).toContain('The run-as user name or password is incorrect.');
    expect(text).toMatch(/RequestId\s*\S+/);
    expect(fixture.emulator.cluster(CFD)?.vncPassword).toBeUndefined();
  });

  it('runs as another listed user, remembers its password, uses it, and forgets it', async () => {
    app = await ui.open();
    const { page, fixture } = app;
    await openPasswordTab(page);
    const user = page.getByRole('combobox', { name: 'Run as user' });
    await user.locator('option', { hasText: 'alice' }).waitFor({ state: 'attached' });
    expect(await user.locator('option').allInnerTexts()).toEqual(['root', 'alice', 'bob']);
    await user.selectOption('alice');

    await page.getByLabel('Password of alice on the cluster').fill('emu-alice-pass-1');
    await page.getByLabel('Remember this password in the keychain').check();
    await newPassword(page).fill('First-Pass-1');
    await confirmation(page).fill('First-Pass-1');
    await page.getByRole('button', { name: 'Set password' }).click();
    await success(page, 'VNC password set on cfd-prod-001 for alice.').waitFor();
    expect(await fixture.vault.getRunasPassword(CFD, 'alice')).toBe('emu-alice-pass-1');

    await page.getByText('Using the password remembered for alice.').waitFor();
    await newPassword(page).fill('Second-Pass-2');
    await confirmation(page).fill('Second-Pass-2');
    await page.getByRole('button', { name: 'Set password' }).click();
    await success(page, 'VNC password set on cfd-prod-001 for alice.').waitFor();
    await page.getByText('Using the password remembered for alice.').waitFor();
    expect(fixture.emulator.cluster(CFD)?.vncPassword).toBe('Second-Pass-2');

    await page.getByRole('button', { name: 'Forget it' }).click();
    await page.getByLabel('Password of alice on the cluster').waitFor();
    expect(await fixture.vault.getRunasPassword(CFD, 'alice')).toBeNull();
  });

  it('generates a compliant password and copies it to a clipboard that clears', async () => {
    app = await ui.open();
    const { page, fixture } = app;
    await openPasswordTab(page);
    await page.getByRole('button', { name: 'Generate a strong password' }).click();
    const generated = await newPassword(page).inputValue();
    expect(generated).toHaveLength(16);
    expect(await confirmation(page).inputValue()).toBe(generated);
    expect(await ruleStates(page)).toEqual({
      length: true,
      classes: true,
      charset: true,
      match: true,
    });
    // Generated passwords are shown so the user can read them.
    expect(await newPassword(page).getAttribute('type')).toBe('text');

    await page.getByRole('button', { name: 'Copy the new password' }).click();
    await success(page, 'Copied. The clipboard clears in 30 s.').waitFor();
    expect(fixture.clipboard.text).toBe(generated);
  });
});
