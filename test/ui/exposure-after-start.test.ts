// After this app starts or stops VNC on a cluster, its "who can reach VNC" and the tray's open
// count follow at once, not at the next exposure check: main re-reads that one cluster's rules
// (exposure-refresh.ts) and the window reads main's snapshot. Every later ListClusters is held,
// so a full check cannot be what shows it. The real renderer in Chromium, the real handler
// table, the emulator seeded with VNC opened elsewhere (genomics-closed: VNC stopped, no rule).
// Also: the window's Stop with no CIDR anywhere closes what the rules show, asking nothing.
import { describe, expect, it } from 'vitest';
import { elsewhereClusters, gate } from '../emulator';
import type { UiApp } from './harness';
import { useUiSuite } from './suite';
import { openCluster, success, textOf } from './ui-helpers';

const ui = useUiSuite();
let listsBefore = 0;
const NO_RULE = 'No rule of the security group lets anyone reach VNC (port 12016).';

/**
 * genomics-closed open, its reach read ("no rule"), then every new check held at ListClusters
 * (and counted: a check that ran would show up there, even once the client gave up on it).
 */
async function closedClusterWithChecksHeld(app: UiApp): Promise<() => void> {
  const { page, fixture } = app;
  await openCluster(page, 'genomics-closed');
  await page.locator('.vnc-state').getByText('VNC closed').waitFor();
  await page.getByText(NO_RULE).waitFor();
  // The first check tells each cluster as soon as it is known: let it end (its last pages too).
  await fixture.quiet();
  const held = gate();
  fixture.emulator.inject({ action: 'ListClusters', fault: held.fault });
  listsBefore = fixture.emulator.count('ListClusters');
  return held.open;
}

describe('exposure after a start or a stop here', { timeout: 60_000 }, () => {
  it('Start: who can reach VNC and the tray count follow at once', async () => {
    const app = await ui.open({ fixture: { clusters: elsewhereClusters() } });
    const { page, fixture } = app;
    const release = await closedClusterWithChecksHeld(app);
    try {
      const openBefore = fixture.service.getState().exposure?.openCount ?? 0;
      await page.getByLabel('Allow connections from (IP or CIDR)').fill('203.0.113.0/24');
      await page.getByRole('button', { name: 'Start VNC' }).click();
      const reach = page.getByRole('list', { name: 'Who can reach VNC' });
      await reach.getByText('203.0.113.0/24').waitFor();
      expect(await textOf(reach)).toMatch(/^203\.0\.113\.0\/24\s+Opened by this app$/);
      expect(fixture.emulator.count('ListClusters')).toBe(listsBefore);
      expect(fixture.service.getState().exposure?.openCount).toBe(openBefore + 1);
      expect(fixture.service.getState().exposure?.open.map((c) => c.clusterId)).toContain(
        'ehpc-hz-000003',
      );

      // And back: the stop closes the rule, the card and the count say so.
      await page.getByRole('button', { name: 'Stop VNC' }).click();
      await success(page, 'VNC stopped on genomics-closed.').waitFor();
      await page.getByText(NO_RULE).waitFor();
      expect(fixture.service.getState().exposure?.openCount).toBe(openBefore);
      expect(app.problems).toEqual([]);
    } finally {
      release();
    }
  });

  it('Connect that starts VNC: who can reach it follows at once', async () => {
    const app = await ui.open({ fixture: { clusters: elsewhereClusters() } });
    const { page, fixture } = app;
    const release = await closedClusterWithChecksHeld(app);
    try {
      await page.getByText(/^Login node: /).waitFor();
      await page.getByLabel('Allow connections from (IP or CIDR)').fill('198.51.100.7');
      await page.getByRole('button', { name: 'Connect', exact: true }).click();
      const reach = page.getByRole('list', { name: 'Who can reach VNC' });
      await reach.getByText('198.51.100.7').waitFor();
      expect(fixture.emulator.count('ListClusters')).toBe(listsBefore);
      expect(fixture.emulator.cluster('ehpc-hz-000003')?.vnc).toBe('running');
      expect(fixture.service.getState().exposure?.open.map((c) => c.clusterId)).toContain(
        'ehpc-hz-000003',
      );
      expect(app.problems).toEqual([]);
    } finally {
      release();
    }
  });

  it('Stop with no CIDR remembered or typed closes what the rules show, asking nothing', async () => {
    const app = await ui.open({ fixture: { clusters: elsewhereClusters() } });
    const { page, fixture } = app;
    await openCluster(page, 'cfd-open-world');
    const reach = page.getByRole('list', { name: 'Who can reach VNC' });
    await reach.getByText('0.0.0.0/0').waitFor();
    expect(await page.getByLabel('Allow connections from (IP or CIDR)').inputValue()).toBe('');
    await page.getByRole('button', { name: 'Stop VNC' }).click();
    await success(page, 'VNC stopped on cfd-open-world.').waitFor();
    await page.getByText(NO_RULE).waitFor();
    const cluster = fixture.emulator.cluster('ehpc-hz-000001');
    expect(cluster?.vnc).toBe('stopped');
    expect(cluster?.rules.filter((r) => r.PortRange === '12016/12016')).toEqual([]);
    expect(await page.getByText('Stopping needs the IP or CIDR block').count()).toBe(0);
    expect(app.problems).toEqual([]);
  });

  it('the banner’s Stop all says what it left pending, as the tray and the CLI do', async () => {
    const app = await ui.open({ fixture: { clusters: elsewhereClusters() } });
    const { page, fixture } = app;
    fixture.emulator.inject({
      action: 'StopVisualService',
      clusterId: 'ehpc-sh-000001',
      fault: { kind: 'error', status: 503, code: 'ServiceUnavailable' },
    });
    const banner = page.locator('.wide-banner');
    await banner.getByRole('button', { name: 'Stop all VNC' }).click();
    const notice = page.getByRole('status').filter({
      hasText:
        /^Stopped VNC on 3 clusters in 2 regions; 2 already stopped; 1 recorded as pending\.$/,
    });
    await notice.waitFor();
    expect(await notice.getAttribute('class')).toContain('notice-warn');
    expect(fixture.settings.pendingStops().map((p) => p.clusterId)).toEqual(['ehpc-sh-000001']);
    expect(app.problems).toEqual([]);
  });
});
