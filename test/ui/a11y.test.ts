// Accessibility: axe finds nothing on each main screen (light and dark), and the whole main path
// works from the keyboard alone with a visible focus.
import AxeBuilder from '@axe-core/playwright';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright';
import { EMULATOR_KEY } from '../emulator';
import { startAppFixture } from '../support/app-fixture';
import type { UiApp } from './harness';
import { useUiSuite } from './suite';
import { openCluster, success } from './ui-helpers';

const ui = useUiSuite();
let app: UiApp | undefined;

/** axe's WCAG 2.1 A/AA rules; returns "rule: target" for each violation, so failures read well. */
async function violations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
}

/** Which element has focus, by its accessible-ish name. */
async function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el) return '';
    const labels = (el as HTMLInputElement).labels;
    const label = el.getAttribute('aria-label') ?? labels?.[0]?.textContent ?? null;
    return (label ?? el.innerText ?? '').trim();
  });
}

/** The focused element draws a visible outline. */
async function focusVisible(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return false;
    const s = getComputedStyle(el);
    return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2;
  });
}

describe('accessibility', { timeout: 180_000 }, () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    it(`has no axe violations on any main screen (${colorScheme})`, async () => {
      app = await ui.open({ fixture: { signedIn: false }, colorScheme });
      const { page, fixture } = app;
      await page.getByText('Least-privilege RAM policy').click();
      expect(await violations(page), 'sign-in').toEqual([]);

      await page.getByLabel('AccessKey ID').fill(EMULATOR_KEY.accessKeyId);
      await page.getByLabel('AccessKey Secret', { exact: true }).fill('wrong');
      await page.getByRole('button', { name: 'Verify and save' }).click();
      await page.getByRole('alert').waitFor();
      expect(await violations(page), 'sign-in error').toEqual([]);

      await page.getByLabel('AccessKey Secret', { exact: true }).fill(EMULATOR_KEY.accessKeySecret);
      await page.getByRole('button', { name: 'Verify and save' }).click();
      await page.getByRole('button', { name: /^cfd-prod-001\b/ }).waitFor();
      expect(await violations(page), 'cluster picker').toEqual([]);

      await openCluster(page, 'cfd-prod-001');
      await page.getByLabel('Allow connections from (IP or CIDR)').fill('203.0.113.7');
      await page.locator('.vnc-state').getByText('VNC open').waitFor();
      expect(await violations(page), 'VNC tab').toEqual([]);

      fixture.emulator.inject({
        action: 'StopVisualService',
        fault: { kind: 'error', status: 403, code: 'InvalidClusterStatus' },
      });
      await page.getByRole('button', { name: 'Stop VNC' }).click();
      await page.getByRole('alert').filter({ hasText: 'InvalidClusterStatus' }).waitFor();
      expect(await violations(page), 'VNC error').toEqual([]);

      await page.getByRole('tab', { name: 'VNC password' }).click();
      await page.getByLabel('New VNC password', { exact: true }).fill('short');
      expect(await violations(page), 'password tab').toEqual([]);

      await page.getByRole('button', { name: 'Settings' }).click();
      await page.getByRole('heading', { name: 'Settings' }).waitFor();
      expect(await violations(page), 'settings').toEqual([]);
      await page.getByRole('button', { name: 'Forget key…' }).click();
      await page.getByRole('dialog').waitFor();
      expect(await violations(page), 'forget dialog').toEqual([]);
      expect(app.problems).toEqual([]);
    });
  }

  it('works from the keyboard alone: find, stop, set a password, settings', async () => {
    const fixture = await startAppFixture();
    fixture.settings.rememberCluster('ehpc-hz-000001', { cidrIp: '203.0.113.7' });
    app = await ui.open({ use: fixture });
    const { page } = app;
    const kb = page.keyboard;

    // Opens with the search focused; type, arrow into the list, Enter.
    await page.getByText('6 clusters').waitFor();
    expect(await focused(page)).toBe('Search clusters');
    expect(await focusVisible(page)).toBe(true);
    await kb.type('legacy');
    await page.getByText('1 of 6 clusters').waitFor();
    await kb.press('ArrowDown');
    expect(await focused(page)).toMatch(/^legacy-md/);
    expect(await focusVisible(page)).toBe(true);
    await kb.press('Backspace'); // not a text field: nothing happens
    await kb.press('Shift+Tab');
    expect(await focused(page)).toBe('Search clusters');
    await kb.press('ArrowDown');
    await kb.press('Enter');

    // The cluster view takes focus at its name; the tabs, then the actions, in reading order.
    await page.getByRole('heading', { level: 1, name: 'legacy-md' }).waitFor();
    expect(await focused(page)).toBe('legacy-md');
    await kb.press('Tab');
    expect(await focused(page)).toBe('VNC service');
    expect(await focusVisible(page)).toBe(true);
    await kb.press('Tab');
    expect(await focused(page)).toBe('Refresh VNC status');
    await kb.press('Tab');
    expect(await focused(page)).toBe('Stop VNC');
    await kb.press('Tab');
    expect(await focused(page)).toBe('Connect');
    await kb.press('Tab');
    expect(await focused(page)).toBe('Allow connections from (IP or CIDR)');
    await kb.type('203.0.113.9');
    await kb.press('Shift+Tab');
    expect(await focused(page)).toBe('Connect');
    await kb.press('Shift+Tab');
    expect(await focused(page)).toBe('Stop VNC');
    await kb.press('Enter');
    await success(page, 'VNC stopped on legacy-md.').waitFor();
    expect(fixture.emulator.cluster('ehpc-hz-000005')).toMatchObject({
      vnc: 'stopped',
      stopCidrIp: '203.0.113.9',
    });

    // Arrow keys switch tabs; Tab walks the password form.
    await page.getByRole('tab', { name: 'VNC service' }).focus();
    await kb.press('ArrowRight');
    expect(await focused(page)).toBe('VNC password');
    await page.getByRole('combobox', { name: 'Run as user' }).waitFor();
    await kb.press('Tab');
    expect(await focused(page)).toBe('Run as user');
    await kb.press('Tab');
    expect(await focused(page)).toBe('Password of root on the cluster');
    await kb.type('emu-root-pass-1');
    await kb.press('Tab'); // show/hide
    await kb.press('Tab');
    expect(await focused(page)).toBe('Remember this password in the keychain');
    await kb.press('Tab');
    expect(await focused(page)).toBe('New VNC password');
    await kb.type('Kb-Only-Pass1');
    await kb.press('Tab'); // show/hide
    await kb.press('Tab');
    expect(await focused(page)).toBe('Confirm new password');
    await kb.type('Kb-Only-Pass1');
    await kb.press('Enter'); // submits the form
    await success(page, 'VNC password set on legacy-md for root.').waitFor();
    expect(fixture.emulator.cluster('ehpc-hz-000005')?.vncPassword).toBe('Kb-Only-Pass1');

    // Settings, the forget dialog, and Esc closing it with focus back in the page.
    await page.getByRole('button', { name: 'Settings' }).focus();
    await kb.press('Enter');
    await page.getByRole('heading', { name: 'Settings' }).waitFor();
    await page.getByRole('button', { name: 'Forget key…' }).focus();
    await kb.press('Enter');
    await page.getByRole('dialog').waitFor();
    expect(await focused(page)).toBe('Cancel');
    await kb.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'hidden' });
    expect(await focused(page)).toBe('Forget key…');
    expect(await fixture.vault.resolveAccessKey()).not.toBeNull();
  });
});
