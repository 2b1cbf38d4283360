// Issue #11 in the window: VNC badges with open ones first, the wide-exposure banner and its
// one-click stop, "All regions", and who can reach VNC. The real renderer in Chromium against
// the real handler table and the emulator, seeded with VNC opened elsewhere in two regions
// (cn-hangzhou: 0.0.0.0/0, two rules, closed, 100.64.0.0/10; cn-shanghai: one /24, closed).
import { describe, expect, it } from 'vitest';
import { elsewhereClusters, gate } from '../emulator';
import { startAppFixture } from '../support/app-fixture';
import { useUiSuite } from './suite';
import { openCluster, textOf } from './ui-helpers';

const ui = useUiSuite();
const fixtureOptions = { clusters: elsewhereClusters() };

describe('exposure in the window', { timeout: 60_000 }, () => {
  it('badges VNC per cluster, open ones first, never in the cluster state’s words', async () => {
    const app = await ui.open({ fixture: fixtureOptions });
    const { page } = app;
    const rows = page.getByRole('list', { name: 'Clusters' }).getByRole('listitem');
    await rows.filter({ hasText: 'genomics-closed' }).getByText('VNC closed').waitFor();
    const texts = await rows.allInnerTexts();
    expect(texts.map((r) => r.match(/VNC (open|closed|unknown)/)?.[0])).toEqual([
      'VNC open',
      'VNC open',
      'VNC open',
      'VNC closed',
    ]);
    expect(texts[3]).toMatch(/genomics-closed[\s\S]*Cluster: running/);
    // The cluster's state is plain text; only VNC is a badge.
    expect(await page.locator('.cluster-list .badge').count()).toBe(4);
    expect(await page.locator('.cluster-list .badge', { hasText: 'Cluster' }).count()).toBe(0);
    expect(app.problems).toEqual([]);
  });

  it('warns about VNC reachable from a wide CIDR and stops it all in one click', async () => {
    const app = await ui.open({ fixture: fixtureOptions });
    const { page, fixture } = app;
    const banner = page.locator('.wide-banner');
    await banner.getByText('VNC on 2 clusters can be reached from the whole internet').waitFor();
    await banner.getByRole('button', { name: 'Stop all VNC' }).click();
    await page
      .getByRole('status')
      .filter({
        hasText:
          /^Stopped VNC on 4 clusters in 2 regions; 2 already stopped; 0 recorded as pending\.$/,
      })
      .waitFor();
    expect(await banner.count()).toBe(0);
    for (const c of fixture.emulator.clusters()) expect(c.vnc, c.id).toBe('stopped');
    const rows = page.getByRole('list', { name: 'Clusters' }).getByRole('listitem');
    await rows.filter({ hasText: 'cfd-open-world' }).getByText('VNC closed').waitFor();
    expect(app.problems).toEqual([]);
  });

  it('stops the one cluster open to the internet with its own button', async () => {
    const fixture = await startAppFixture(fixtureOptions);
    // Only 0.0.0.0/0 stays wide: the carrier-grade NAT range is closed first.
    await fixture.handlers.stopVnc({ clusterId: 'ehpc-hz-000004' });
    // Hold the banner's stop, to see it busy.
    const held = gate();
    fixture.emulator.inject({ action: 'StopVisualService', times: 1, fault: held.fault });
    const app = await ui.open({ use: fixture });
    const { page } = app;
    const banner = page.locator('.wide-banner');
    await banner
      .getByText('VNC on cfd-open-world (cn-hangzhou) can be reached from 0.0.0.0/0')
      .waitFor();
    const stop = banner.getByRole('button', { name: 'Stop VNC on cfd-open-world' });
    await stop.click();
    await banner.locator('button[aria-disabled="true"]').waitFor();
    held.open();
    await page.getByRole('status').filter({ hasText: 'Stopped VNC on cfd-open-world.' }).waitFor();
    expect(fixture.emulator.cluster('ehpc-hz-000001')?.vnc).toBe('stopped');
    // Not a stop-all: the other open VNC is left as it is.
    expect(fixture.emulator.cluster('ehpc-hz-000002')?.vnc).toBe('running');
    expect(app.calls).not.toContain('stopAllVnc');
    expect(app.problems).toEqual([]);
  });

  it('lists every region in use under "All regions" and opens a cluster of another one', async () => {
    const app = await ui.open({ fixture: fixtureOptions });
    const { page, fixture } = app;
    await page.getByRole('combobox', { name: 'Region' }).selectOption({ label: 'All regions' });
    const rows = page.getByRole('list', { name: 'Clusters' }).getByRole('listitem');
    const shanghai = rows.filter({ hasText: 'ehpc-sh-000001 · cn-shanghai' });
    await shanghai.getByText('VNC open').waitFor();
    await page.getByText('7 clusters').waitFor();
    expect(app.calls).toContain('getExposure');

    await page.getByRole('button', { name: /^weather-sh\b/ }).click();
    await page.getByRole('heading', { level: 1, name: 'weather-sh' }).waitFor();
    expect(fixture.settings.get().regionId).toBe('cn-shanghai');
    await page.locator('.vnc-state').getByText('VNC open').waitFor();
    const reach = page.getByRole('list', { name: 'Who can reach VNC' });
    expect(await textOf(reach)).toBe('198.51.100.0/24');
    expect(app.problems).toEqual([]);
  });

  it('shows who can reach VNC: wide ones marked, the one this app opened named', async () => {
    const fixture = await startAppFixture(fixtureOptions);
    fixture.settings.rememberCluster('ehpc-hz-000002', { cidrIp: '203.0.113.7' });
    const app = await ui.open({ use: fixture });
    const { page } = app;

    await openCluster(page, 'cfd-open-world');
    const reach = page.getByRole('list', { name: 'Who can reach VNC' });
    await reach.getByText('Wide').waitFor();
    expect(await textOf(reach)).toMatch(/^0\.0\.0\.0\/0\s+Wide$/);
    // The cluster's state is secondary text; VNC's is the badge, in other words.
    expect(await textOf(page.locator('.cluster-head .cluster-state'))).toBe('Cluster: running');
    await page.locator('.vnc-state').getByText('VNC open', { exact: true }).waitFor();
    expect(await page.getByText('Running', { exact: true }).count()).toBe(0);

    await page.getByRole('button', { name: 'Back' }).click();
    await openCluster(page, 'render-two-rules');
    const rows = page.getByRole('list', { name: 'Who can reach VNC' }).getByRole('listitem');
    await rows.filter({ hasText: '198.51.100.0/24' }).waitFor();
    expect(await rows.allInnerTexts()).toEqual([
      expect.stringMatching(/^203\.0\.113\.7\s+Opened by this app$/),
      '198.51.100.0/24',
    ]);
    expect(app.problems).toEqual([]);
  });

  it('says "unknown" with the RAM action to add when the security group cannot be read', async () => {
    const fixture = await startAppFixture(fixtureOptions);
    fixture.emulator.inject({
      action: 'DescribeSecurityGroupAttribute',
      fault: { kind: 'error', status: 403, code: 'Forbidden.RAM' },
    });
    const app = await ui.open({ use: fixture });
    const { page } = app;
    await openCluster(page, 'cfd-open-world');
    await page.getByText('Unknown: the security group could not be read.').waitFor();
    expect(await textOf(page.locator('.reach-unknown'))).toContain(
      'Add ecs:DescribeSecurityGroupAttribute to the AccessKey’s RAM policy to see it.',
    );
    // VNC's own state is still read.
    await page.locator('.vnc-state').getByText('VNC open').waitFor();
    expect(app.problems).toEqual([]);
  });
});
