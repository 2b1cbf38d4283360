// Arriving, in real Chromium against the real handler table, the emulator and the keychain:
// Connect starts stopped VNC and then asks the shell (a recording stand-in for its opener port)
// to open exactly vnc://<login node>:12016; no viewer → the address is copied and the page says
// so; "Detect my address" refuses without a URL set, and refuses an answer that is not one
// public address, served by a local HTTP stand-in (http is allowed for loopback only).
import AxeBuilder from '@axe-core/playwright';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { isAllowedExternalUrl } from '../../main/shell/security';
import { VNC_VIEWERS } from '../../renderer/src/screens/ConnectCard';
import { gate } from '../emulator';
import { startAppFixture } from '../support/app-fixture';
import { useUiSuite } from './suite';
import { errorAlert, openCluster, success } from './ui-helpers';

const CFD = 'ehpc-hz-000001'; // cfd-prod-001: VNC running; login node 203.0.113.2
const RENDER = 'ehpc-hz-000002'; // render-farm-01: VNC stopped; login node 203.0.113.3

const ui = useUiSuite();

/** A stand-in address service on loopback; `answer` is what it says next. */
let service: (Server & { answer: string; contentType: string; hits: number }) | undefined;
async function addressService(answer: string): Promise<string> {
  const server = Object.assign(
    createServer((_req, res) => {
      server.hits++;
      res.writeHead(200, { 'content-type': server.contentType }).end(server.answer);
    }),
    { answer, contentType: 'text/plain', hits: 0 },
  );
  service = server;
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', () => done()));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/ip`;
}
afterEach(async () => {
  const s = service;
  service = undefined;
  if (s) await new Promise<void>((done) => s.close(() => done()));
});

describe('Connect', { timeout: 60_000 }, () => {
  it('starts stopped VNC, then asks the shell to open exactly vnc://<address>:12016', async () => {
    const fixture = await startAppFixture();
    fixture.settings.rememberCluster(RENDER, { cidrIp: '198.51.100.7' });
    const app = await ui.open({ use: fixture });
    const { page } = app;
    await openCluster(page, 'render-farm-01');
    await page.locator('.vnc-state').getByText('VNC closed').waitFor();
    await page.getByText('Login node: 203.0.113.3:12016').waitFor();

    const held = gate();
    fixture.emulator.inject({ action: 'StartVisualService', times: 1, fault: held.fault });
    await page.getByRole('button', { name: 'Connect', exact: true }).click();
    await page.getByRole('button', { name: 'Connecting…' }).waitFor();
    await fixture.emulator.waitForRequests(1, 'StartVisualService');
    // Nothing is opened before VNC has started.
    expect(fixture.opener.urls).toEqual([]);
    held.open();

    await success(
      page,
      'Opening render-farm-01 in your VNC viewer: vnc://203.0.113.3:12016.',
    ).waitFor();
    await success(page, 'VNC was stopped: started it for 198.51.100.7.').waitFor();
    expect(fixture.opener.urls).toEqual(['vnc://203.0.113.3:12016']);
    expect(fixture.emulator.cluster(RENDER)).toMatchObject({
      vnc: 'running',
      cidrIp: '198.51.100.7',
    });
    await page.locator('.vnc-state').getByText('VNC open').waitFor();
    expect(app.problems).toEqual([]);
  });

  it('with the opt-in ticked where the password is set, copies it for the viewer until quit', async () => {
    const app = await ui.open();
    const { page, fixture } = app;
    await openCluster(page, 'cfd-prod-001');
    await page.getByRole('tab', { name: 'VNC password' }).click();
    const remember = page.getByLabel('Remember this VNC password in the system keychain');
    await remember.click();
    // Checked once main has saved the choice (the box shows what main says).
    await remember.and(page.locator(':checked')).waitFor();
    expect(fixture.service.getConnectPrefs().rememberVncPassword).toBe(true);
    await page.getByLabel('Password of root on the cluster').fill('emu-root-pass-1');
    await page.getByLabel('New VNC password', { exact: true }).fill('Vnc-Pass-2026');
    await page.getByLabel('Confirm new password').fill('Vnc-Pass-2026');
    await page.getByRole('button', { name: 'Set password' }).click();
    await success(page, 'VNC password set on cfd-prod-001 for root.').waitFor();
    expect(await fixture.vault.getVncPassword(CFD)).toBe('Vnc-Pass-2026');

    await page.getByRole('tab', { name: 'VNC service' }).click();
    await page.getByRole('button', { name: 'Connect', exact: true }).click();
    await success(
      page,
      'The VNC password is on the clipboard; it is cleared in 30 seconds.',
    ).waitFor();
    expect(fixture.clipboard.text).toBe('Vnc-Pass-2026');
    expect(fixture.opener.urls).toEqual(['vnc://203.0.113.2:12016']);
    // Quitting clears it (the shell calls this from before-quit).
    fixture.service.clearCopiedSecret();
    expect(fixture.clipboard.text).toBe('');
    expect(app.problems).toEqual([]);
  });

  it('copies the address and says so when no viewer handles vnc://', async () => {
    const fixture = await startAppFixture();
    fixture.opener.handler = false;
    const app = await ui.open({ use: fixture });
    const { page } = app;
    await openCluster(page, 'cfd-prod-001');
    await page.getByRole('button', { name: 'Connect', exact: true }).click();
    await success(
      page,
      'No VNC viewer on this computer opens vnc:// links. Copied 203.0.113.2:12016',
    ).waitFor();
    await success(page, 'Viewers that work: TigerVNC, RealVNC Viewer, TightVNC.').waitFor();
    // Each viewer links to its download page, one the shell lets the browser open.
    const links = await success(page, 'Viewers that work')
      .getByRole('link')
      .evaluateAll((as) => as.map((a) => [a.textContent, (a as HTMLAnchorElement).href]));
    expect(links).toEqual(VNC_VIEWERS.map((v) => [v.name, v.url]));
    for (const [, href] of links) expect(isAllowedExternalUrl(href ?? ''), href ?? '').toBe(true);
    expect(fixture.clipboard.text).toBe('203.0.113.2:12016');
    expect(fixture.opener.urls).toEqual(['vnc://203.0.113.2:12016']);
    expect(fixture.emulator.count('StartVisualService')).toBe(0);
    expect(fixture.emulator.cluster(CFD)?.vnc).toBe('running');
    expect(app.problems).toEqual([]);
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`the no-viewer notice and its links pass axe (${colorScheme})`, async () => {
      const fixture = await startAppFixture();
      fixture.opener.handler = false;
      const app = await ui.open({ use: fixture, colorScheme });
      const { page } = app;
      await openCluster(page, 'cfd-prod-001');
      await page.getByRole('button', { name: 'Connect', exact: true }).click();
      await page.getByRole('link', { name: 'TightVNC' }).waitFor();
      const result = await new AxeBuilder({ page })
        .include('section[aria-labelledby="connect-title"]')
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
        .analyze();
      expect(result.violations.map((v) => v.id)).toEqual([]);
    });
  }

  it('refuses an address field that is no address, instead of starting for the remembered one', async () => {
    const fixture = await startAppFixture();
    fixture.settings.rememberCluster(RENDER, { cidrIp: '198.51.100.7' });
    const app = await ui.open({ use: fixture });
    const { page } = app;
    await openCluster(page, 'render-farm-01');
    await page.getByLabel('Allow connections from (IP or CIDR)').fill('198.51.100');
    await page.getByRole('button', { name: 'Connect', exact: true }).click();
    await errorAlert(page, 'InvalidInput')
      .filter({ hasText: 'Enter an IPv4 or IPv6 address or CIDR block.' })
      .waitFor();
    expect(fixture.emulator.count('StartVisualService')).toBe(0);
    expect(fixture.opener.urls).toEqual([]);
  });

  it('says a cluster has no login node, and starts nothing', async () => {
    const fixture = await startAppFixture();
    fixture.emulator.setCluster(RENDER, { loginNodes: [] });
    const app = await ui.open({ use: fixture });
    const { page } = app;
    await openCluster(page, 'render-farm-01');
    await page.getByLabel('Allow connections from (IP or CIDR)').fill('198.51.100.7');
    await page.getByRole('button', { name: 'Connect', exact: true }).click();
    await errorAlert(page, 'NoLoginNode')
      .filter({ hasText: 'This cluster has no login node to connect to.' })
      .first()
      .waitFor();
    expect(fixture.emulator.count('StartVisualService')).toBe(0);
    expect(fixture.opener.urls).toEqual([]);
  });
});

describe('Your address', { timeout: 60_000 }, () => {
  it('offers the remembered addresses first', async () => {
    const fixture = await startAppFixture();
    fixture.settings.rememberCluster(CFD, { cidrIp: '198.51.100.0/24' });
    fixture.settings.rememberCluster(RENDER, { cidrIp: '203.0.113.9' });
    const app = await ui.open({ use: fixture });
    const { page } = app;
    await openCluster(page, 'render-farm-01');
    const field = page.getByLabel('Allow connections from (IP or CIDR)');
    const listId = await field.getAttribute('list');
    const offered = await page
      .locator(`datalist[id="${listId}"] option`)
      .evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
    expect(offered).toEqual(['203.0.113.9', '198.51.100.0/24']);
  });

  it('refuses to detect when no detection URL is set: no outside service by default', async () => {
    const app = await ui.open();
    const { page, fixture } = app;
    await openCluster(page, 'render-farm-01');
    await page.getByRole('button', { name: 'Detect my address' }).click();
    await errorAlert(page, 'AddressDetection')
      .filter({ hasText: 'No address-detection URL is set' })
      .waitFor();
    expect(fixture.service.getConnectPrefs().detectUrl).toBe('');
  });

  it('rejects a malformed answer, then offers a good one as /32 to confirm', async () => {
    const url = await addressService('<html><body>198.51.100.23</body></html>');
    const fixture = await startAppFixture();
    await fixture.service.setConnectPrefs({ detectUrl: url });
    const app = await ui.open({ use: fixture });
    const { page } = app;
    await openCluster(page, 'render-farm-01');
    const detect = page.getByRole('button', { name: 'Detect my address' });
    const field = page.getByLabel('Allow connections from (IP or CIDR)');

    await detect.click();
    await errorAlert(page, 'AddressDetection')
      .filter({ hasText: 'did not answer with a single IP address' })
      .waitFor();
    expect(await field.inputValue()).toBe('');

    if (!service) throw new Error('no stand-in');
    // A private address is refused too (with its own words, so the page shows the new answer).
    service.answer = '192.168.1.10\n';
    await detect.click();
    await errorAlert(page, 'AddressDetection')
      .filter({ hasText: 'a private or local address (192.168.1.10)' })
      .waitFor();
    expect(await field.inputValue()).toBe('');

    service.answer = '198.51.100.23\n';
    await detect.click();
    const use = page.getByRole('button', { name: 'Use 198.51.100.23/32' });
    await use.waitFor();
    // Shown for confirmation; the field changes only when the user says so.
    expect(await field.inputValue()).toBe('');
    await use.click();
    expect(await field.inputValue()).toBe('198.51.100.23/32');
    expect(app.problems).toEqual([]);
  });
});
