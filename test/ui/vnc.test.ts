// The VNC service of a cluster: stop (the primary action), start, retries, refusals, and
// operations started elsewhere (the tray) showing up in the window.
import { describe, expect, it } from 'vitest';
import { startAppFixture } from '../support/app-fixture';
import { gate } from '../emulator';
import type { UiApp } from './harness';
import { useUiSuite } from './suite';
import { errorAlert, openCluster, success, textOf } from './ui-helpers';

const CFD = 'ehpc-hz-000001'; // cfd-prod-001: running, VNC running
const RENDER = 'ehpc-hz-000002'; // render-farm-01: running, VNC stopped

const ui = useUiSuite();
let app: UiApp | undefined;

/** A signed-in app whose settings remember the CidrIp cfd-prod-001's VNC was started with. */
async function openWithRememberedCidr(): Promise<UiApp> {
  const fixture = await startAppFixture();
  fixture.settings.rememberCluster(CFD, { cidrIp: '203.0.113.7' });
  return ui.open({ use: fixture });
}

describe('VNC service', { timeout: 60_000 }, () => {
  it('stops VNC with the CidrIp it was started with', async () => {
    app = await openWithRememberedCidr();
    const { page, fixture } = app;
    await openCluster(page, 'cfd-prod-001');
    const status = page.locator('.vnc-state');
    await status.getByText('VNC open').waitFor();
    expect(await page.getByLabel('Allow connections from (IP or CIDR)').inputValue()).toBe(
      '203.0.113.7',
    );

    await page.getByRole('button', { name: 'Stop VNC' }).click();
    await success(page, 'VNC stopped on cfd-prod-001.').waitFor();
    await status.getByText('VNC closed').waitFor();
    expect(fixture.emulator.cluster(CFD)?.vnc).toBe('stopped');
    expect(fixture.emulator.cluster(CFD)?.stopCidrIp).toBe('203.0.113.7');
    expect(app.problems).toEqual([]);
  });

  it('asks for the CidrIp before stopping when none is remembered', async () => {
    app = await ui.open();
    const { page, fixture } = app;
    await openCluster(page, 'cfd-prod-001');
    await page.getByRole('button', { name: 'Stop VNC' }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: 'Stopping needs the IP or CIDR block' })
      .waitFor();
    const cidr = page.getByLabel('Allow connections from (IP or CIDR)');
    expect(await cidr.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(fixture.emulator.count('StopVisualService')).toBe(0);

    await cidr.fill('203.0.113.7');
    await page.getByRole('button', { name: 'Stop VNC' }).click();
    await success(page, 'VNC stopped on cfd-prod-001.').waitFor();
    expect(fixture.emulator.cluster(CFD)?.vnc).toBe('stopped');
  });

  it('starts VNC after refusing an invalid CidrIp, and remembers the valid one', async () => {
    app = await ui.open();
    const { page, fixture } = app;
    await openCluster(page, 'render-farm-01');
    await page.locator('.vnc-state').getByText('VNC closed').waitFor();
    const cidr = page.getByLabel('Allow connections from (IP or CIDR)');
    await cidr.fill('300.1.2.3');
    await page.getByRole('button', { name: 'Start VNC' }).click();
    await page.getByText('Enter an address like 203.0.113.7').waitFor();
    expect(await cidr.getAttribute('aria-invalid')).toBe('true');
    expect(fixture.emulator.count('StartVisualService')).toBe(0);

    await cidr.fill('198.51.100.0/24');
    await page.getByRole('button', { name: 'Start VNC' }).click();
    await success(page, 'VNC started on render-farm-01, reachable from 198.51.100.0/24.').waitFor();
    await page.locator('.vnc-state').getByText('VNC open').waitFor();
    expect(fixture.emulator.cluster(RENDER)).toMatchObject({
      vnc: 'running',
      cidrIp: '198.51.100.0/24',
    });
    expect(fixture.settings.get().clusters[RENDER]?.cidrIp).toBe('198.51.100.0/24');
  });

  it('retries a 503 to success', async () => {
    app = await openWithRememberedCidr();
    const { page, fixture } = app;
    await openCluster(page, 'cfd-prod-001');
    fixture.emulator.inject({
      action: 'StopVisualService',
      times: 2,
      fault: { kind: 'error', status: 503, code: 'ServiceUnavailable' },
    });
    await page.getByRole('button', { name: 'Stop VNC' }).click();
    await success(page, 'VNC stopped on cfd-prod-001.').waitFor();
    expect(fixture.emulator.count('StopVisualService')).toBe(3);
    expect(fixture.emulator.cluster(CFD)?.vnc).toBe('stopped');
    expect(await page.getByRole('alert').count()).toBe(0);
  });

  it('shows NotAuthorized where it happened, with a copyable RequestId', async () => {
    app = await openWithRememberedCidr();
    const { page, fixture } = app;
    await openCluster(page, 'cfd-prod-001');
    fixture.emulator.inject({
      action: 'StopVisualService',
      fault: { kind: 'error', status: 407, code: 'NotAuthorized', message: 'not authorized' },
    });
    await page.getByRole('button', { name: 'Stop VNC' }).click();
    const alert = errorAlert(page, 'NotAuthorized');
    const text = await textOf(alert);
    expect(text).toContain('RAM does not allow this AccessKey to perform this operation.');
    expect(text).toContain('Ask your administrator');
    const shownId = await alert.locator('.request-id code').innerText();
    expect(shownId).toMatch(/^[0-9A-F-]{20,}$/i);
    await alert.getByRole('button', { name: `Copy RequestId ${shownId}` }).waitFor();
    // Nothing changed on the cluster, and the button is usable again.
    expect(fixture.emulator.cluster(CFD)?.vnc).toBe('running');
    expect(
      await page.getByRole('button', { name: 'Stop VNC' }).getAttribute('aria-disabled'),
    ).toBeNull();
  });

  it('reflects a stop started from the tray while the window is open', async () => {
    app = await openWithRememberedCidr();
    const { page, fixture } = app;
    await openCluster(page, 'cfd-prod-001');
    await page.locator('.vnc-state').getByText('VNC open').waitFor();
    // The stop is held at E-HPC until the page has shown it in flight.
    const held = gate();
    fixture.emulator.inject({ action: 'StopVisualService', times: 1, fault: held.fault });
    const fromTray = fixture.service.stopVnc({ clusterId: CFD });
    await page.getByRole('button', { name: 'Stopping VNC…' }).waitFor();
    expect(
      await page.getByRole('button', { name: 'Stopping VNC…' }).getAttribute('aria-disabled'),
    ).toBe('true');
    held.open();
    await fromTray;
    await page.getByRole('button', { name: 'Stop VNC' }).waitFor();
    await page.locator('.vnc-state').getByText('VNC closed').waitFor();
  });

  it('keeps an unconfirmed stop pending and retries it on demand', async () => {
    app = await openWithRememberedCidr();
    const { page, fixture } = app;
    await openCluster(page, 'cfd-prod-001');
    fixture.emulator.inject({
      action: 'StopVisualService',
      fault: { kind: 'error', status: 503, code: 'ServiceUnavailable' },
    });
    await page.getByRole('button', { name: 'Stop VNC' }).click();
    const owed = page.getByText('The stop is not confirmed yet.');
    await owed.waitFor();
    expect(fixture.emulator.cluster(CFD)?.vnc).toBe('running');

    fixture.emulator.clearFaults();
    await page.getByRole('button', { name: 'Retry now' }).click();
    await owed.waitFor({ state: 'detached' });
    // The note goes as soon as the retry starts; the stop itself lands a moment later.
    await expect
      .poll(() => fixture.emulator.cluster(CFD)?.vnc, { timeout: 15_000 })
      .toBe('stopped');
  });

  it('refreshes the VNC status on demand', async () => {
    app = await ui.open();
    const { page, fixture } = app;
    await openCluster(page, 'render-farm-01');
    await page.locator('.vnc-state').getByText('VNC closed').waitFor();
    // The window's exposure check (started when it opened) asks every cluster's status too: let
    // it finish, so that the count below is the refresh's alone.
    await expect
      .poll(() => app?.calls.filter((op) => op === 'getExposure').length, { timeout: 15_000 })
      .toBeGreaterThanOrEqual(2);
    await fixture.quiet();
    fixture.emulator.setCluster(RENDER, { vnc: 'running' });
    const before = fixture.emulator.count('GetVisualServiceStatus');
    await page.getByRole('button', { name: 'Refresh VNC status' }).click();
    await page.locator('.vnc-state').getByText('VNC open').waitFor();
    expect(fixture.emulator.count('GetVisualServiceStatus')).toBe(before + 1);
  });
});
