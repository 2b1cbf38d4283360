// The cluster picker: the cached list at once, a background refresh, and search among many.
import { describe, expect, it } from 'vitest';
import { gate, generatedClusters } from '../emulator';
import { startAppFixture } from '../support/app-fixture';
import type { UiApp } from './harness';
import { useUiSuite } from './suite';
import { textOf } from './ui-helpers';

const ui = useUiSuite();
let app: UiApp | undefined;

describe('cluster picker', { timeout: 60_000 }, () => {
  it('finds one of 137 clusters by name or ID and opens it', async () => {
    app = await ui.open({ fixture: { clusters: 137 } });
    const { page } = app;
    const search = page.getByRole('searchbox', { name: 'Search clusters' });
    await page.getByText('137 clusters').waitFor();
    // The popover opens ready to type.
    expect(await search.evaluate((el) => el === document.activeElement)).toBe(true);

    await search.fill('weather-prod-099');
    await page.getByText('1 of 137 clusters').waitFor();
    const rows = page.getByRole('list', { name: 'Clusters' }).getByRole('listitem');
    expect(await rows.count()).toBe(1);
    // VNC's state is the badge once the exposure check answers; the cluster's is plain text.
    await rows
      .first()
      .getByText(/^VNC (open|closed)$/)
      .waitFor();
    expect(await textOf(rows.first())).toMatch(
      /weather-prod-099\s+ehpc-hz-000099\s+Cluster: running\s+VNC (open|closed)/,
    );

    await search.fill('HZ-000094'); // by ID, case-insensitively; #94 is still being created
    await page.getByText('1 of 137 clusters').waitFor();
    const creating = page.getByRole('list', { name: 'Clusters' }).getByRole('listitem');
    expect(await textOf(creating)).toContain('Cluster: creating');
    expect(await creating.getByRole('button').count()).toBe(0); // only running clusters act

    await search.fill('nothing-like-this');
    await page.getByText('No cluster matches “nothing-like-this”.').waitFor();

    await search.fill('000099');
    await page.getByRole('button', { name: /^weather-prod-099\b/ }).click();
    await page.getByRole('heading', { level: 1, name: 'weather-prod-099' }).waitFor();
    expect(app.fixture.settings.get().selectedClusterId).toBe('ehpc-hz-000099');
    expect(app.problems).toEqual([]);
  });

  it('caps rendering with a thousand clusters and reveals more on demand', async () => {
    app = await ui.open({ fixture: { clusters: 1000 } });
    const { page } = app;
    await page.getByText('1000 clusters').waitFor();
    const buttons = page.getByRole('list', { name: 'Clusters' }).getByRole('button');
    expect(await buttons.count()).toBe(100);
    await page.getByRole('button', { name: 'Show 100 more' }).click();
    await buttons.nth(199).waitFor();
    expect(await buttons.count()).toBe(200);
  });

  it('shows the cached list at once while it refreshes in the background', async () => {
    const fixture = await startAppFixture({ clusters: 12 });
    // A first visit fills the cache.
    await fixture.handlers.listClusters({ refresh: true });
    fixture.emulator.addCluster({ id: 'ehpc-hz-new001', name: 'brand-new', status: 'running' });
    // Hold the background refresh until the cached list has been seen: every ListClusters, since
    // the exposure check lists the clusters too and could take a one-request hold for itself.
    const held = gate();
    fixture.emulator.inject({ action: 'ListClusters', fault: held.fault });
    app = await ui.open({ use: fixture });
    const { page } = app;

    await page.getByText('12 clusters').waitFor();
    expect(await textOf(page.getByText(/Cached .* refreshing/))).toBeTruthy();
    expect(await page.getByRole('button', { name: /^brand-new\b/ }).count()).toBe(0);

    held.open();
    await page.getByText('13 clusters').waitFor();
    await page.getByRole('button', { name: /^brand-new\b/ }).waitFor();
    expect(await textOf(page.getByText(/^Updated /))).toBeTruthy();
  });

  it('refreshes on demand and shows an error in place, then recovers', async () => {
    app = await ui.open();
    const { page, fixture } = app;
    await page.getByText('6 clusters').waitFor();
    fixture.emulator.inject({
      action: 'ListClusters',
      fault: { kind: 'error', status: 400, code: 'InDebt', message: 'The account is in debt.' },
    });
    await page.getByRole('button', { name: 'Refresh cluster list' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'InDebt' });
    expect(await textOf(alert)).toContain('The Alibaba Cloud account has overdue payments.');
    // The list it had stays usable.
    expect(await page.getByRole('button', { name: /^cfd-prod-001\b/ }).count()).toBe(1);

    fixture.emulator.clearFaults();
    await alert.getByRole('button', { name: 'Try again' }).click();
    await alert.waitFor({ state: 'detached' });
  });

  it('shows an empty state for a region without clusters, and switches regions', async () => {
    const fixture = await startAppFixture({ clusters: [] });
    // Every ListRegions is held until the picker has said it is still asking: the exposure check
    // asks for the regions too, and a hold on the first request alone could catch its call
    // instead of the picker's.
    const held = gate();
    fixture.emulator.inject({ action: 'ListRegions', fault: held.fault });
    app = await ui.open({ use: fixture });
    const { page } = app;
    await page.getByText('No clusters in cn-hangzhou.').waitFor();
    const region = page.getByRole('combobox', { name: 'Region' });
    const loading = page.getByRole('status').filter({ hasText: 'Loading regions…' });
    await loading.waitFor();
    expect(await region.getAttribute('aria-busy')).toBe('true');

    held.open();
    await loading.waitFor({ state: 'detached' });
    expect(await region.getAttribute('aria-busy')).toBeNull();
    expect(await region.locator('option').allInnerTexts()).toContain('华北2（北京） (cn-beijing)');
    await region.selectOption('cn-beijing');
    await page.getByText('No clusters in cn-beijing.').waitFor();
    expect(fixture.settings.get().regionId).toBe('cn-beijing');
  });
});

describe('coming back to the popover', { timeout: 60_000 }, () => {
  const RENDER = 'ehpc-hz-000002'; // render-farm-01: running, VNC stopped
  const listCalls = (a: UiApp) => a.calls.filter((op) => op === 'listClusters').length;
  const statusCalls = (a: UiApp) => a.calls.filter((op) => op === 'getVncStatus').length;
  // What the window sees when the shell shows and focuses the hidden popover again.
  const comeBack = (a: UiApp) => a.page.evaluate(() => window.dispatchEvent(new Event('focus')));

  it('fetches the list and the VNC status again after a while, not right away', async () => {
    app = await ui.open({ fakeClock: true });
    const { page, fixture } = app;
    const count = page.getByText(/^\d+ clusters$/);
    const before = Number((await textOf(count)).split(' ')[0]);
    await page.getByRole('button', { name: /^render-farm-01\b/ }).click();
    const status = page.locator('.vnc-state');
    await status.getByText('VNC closed').waitFor();

    // Meanwhile, elsewhere: VNC started from the console, and a new cluster.
    fixture.emulator.setCluster(RENDER, { vnc: 'running' });
    const [newcomer] = generatedClusters(1, fixture.emulator.regionId);
    if (!newcomer) throw new Error('no generated cluster');
    fixture.emulator.addCluster({ ...newcomer, id: 'ehpc-hz-brandnew', name: 'brand-new-cluster' });

    // Reopened at once: nothing is fetched again.
    const lists = listCalls(app);
    const statuses = statusCalls(app);
    await comeBack(app);
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
    expect([listCalls(app), statusCalls(app)]).toEqual([lists, statuses]);

    // Reopened after a while: both are fetched again, in the background.
    await page.clock.fastForward(20_000);
    await comeBack(app);
    await status.getByText('VNC open').waitFor();
    expect(listCalls(app)).toBe(lists + 1);
    await page.getByRole('button', { name: 'Back' }).click();
    await page.getByText(`${before + 1} clusters`).waitFor();
    expect(await page.getByRole('button', { name: /^brand-new-cluster\b/ }).count()).toBe(1);
    expect(app.problems).toEqual([]);
  });
});
