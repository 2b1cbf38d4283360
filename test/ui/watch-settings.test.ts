// Issue #11 items 2 and 6 in the window: the regions the exposure watch covers (every region in
// use, found automatically, or a pinned set chosen from ListRegions' list) and how often it
// re-checks. The real renderer in Chromium against the real handler table and the emulator,
// seeded with VNC open in two regions; what is asserted is the page and the settings file.
import type { Page } from 'playwright';
import { describe, expect, it } from 'vitest';
import { elsewhereClusters } from '../emulator';
import { startAppFixture } from '../support/app-fixture';
import { useUiSuite } from './suite';

const ui = useUiSuite();

/** The settings card, once every change made in it is saved (it is busy while one is sent). */
const savedCard = (page: Page) =>
  page.locator('section[aria-busy="false"]', { has: page.getByText('Watching for open VNC') });
const fixtureOptions = { clusters: elsewhereClusters() };

describe('the exposure watch in settings', { timeout: 60_000 }, () => {
  it('pins the watched regions from the list, and all regions then shows only those', async () => {
    const app = await ui.open({ fixture: fixtureOptions });
    const { page, fixture } = app;
    await page.getByRole('button', { name: 'Settings' }).click();
    const card = page.locator('section', { has: page.getByText('Watching for open VNC') });
    // The window's exposure check found both regions in use.
    await card.getByText('Found automatically; now cn-hangzhou, cn-shanghai.').waitFor();
    expect(fixture.settings.get().exposure.pinnedRegions).toBeUndefined();

    await card.getByRole('radio', { name: 'Only these' }).check();
    const hangzhou = card.getByRole('checkbox', { name: '华东1（杭州） (cn-hangzhou)' });
    const shanghai = card.getByRole('checkbox', { name: '华东2（上海） (cn-shanghai)' });
    await savedCard(page)
      .getByRole('checkbox', { name: /cn-shanghai/ })
      .waitFor();
    // Pinning starts from what was watched, so nothing drops out of the watch unasked.
    expect(await hangzhou.isChecked()).toBe(true);
    expect(await shanghai.isChecked()).toBe(true);
    expect(await card.getByRole('checkbox', { checked: true }).count()).toBe(2);
    // Every region ListRegions names can be chosen.
    expect(await card.getByRole('checkbox').count()).toBe(8);
    expect(fixture.settings.get().exposure.pinnedRegions).toEqual(['cn-hangzhou', 'cn-shanghai']);

    await shanghai.uncheck();
    await savedCard(page)
      .getByRole('checkbox', { name: /cn-shanghai/, checked: false })
      .waitFor();
    expect(fixture.settings.get().exposure.pinnedRegions).toEqual(['cn-hangzhou']);

    // The last tick stays: an empty set would mean "all regions in use", the other choice.
    await hangzhou.click();
    await card.getByRole('alert').getByText('Keep at least one region ticked').waitFor();
    expect(await hangzhou.isChecked()).toBe(true);
    expect(fixture.settings.get().exposure.pinnedRegions).toEqual(['cn-hangzhou']);

    // The window checked again in the pinned set: All regions lists Hangzhou's clusters only.
    await page.getByRole('button', { name: 'Back' }).click();
    await page.getByRole('combobox', { name: 'Region' }).selectOption({ label: 'All regions' });
    const rows = page.getByRole('list', { name: 'Clusters' }).getByRole('listitem');
    await rows.filter({ hasText: 'weather-sh' }).waitFor({ state: 'detached' });
    await rows.filter({ hasText: 'cfd-open-world' }).waitFor();
    expect(await rows.count()).toBe(4);
    expect(app.problems).toEqual([]);
  });

  it('unpins, and sets how often the watch re-checks (Off included)', async () => {
    const fixture = await startAppFixture(fixtureOptions);
    fixture.settings.update({ exposure: { pinnedRegions: ['cn-shanghai'], watchMinutes: 10 } });
    const app = await ui.open({ use: fixture });
    const { page } = app;
    await page.getByRole('button', { name: 'Settings' }).click();
    const card = page.locator('section', { has: page.getByText('Watching for open VNC') });
    const pinned = card.getByRole('radio', { name: 'Only these' });
    await pinned.waitFor();
    expect(await pinned.isChecked()).toBe(true);
    await card.getByText('Only the regions ticked below are checked').waitFor();

    const every = card.getByRole('combobox', { name: 'Check every' });
    expect(await every.inputValue()).toBe('10');
    await every.selectOption({ label: '30 min' });
    await savedCard(page).locator('select:has(option[value="30"]:checked)').waitFor();
    expect(fixture.settings.get().exposure).toEqual({
      pinnedRegions: ['cn-shanghai'],
      watchMinutes: 30,
    });
    await every.selectOption({ label: 'Off' });
    await savedCard(page).locator('select:has(option[value="0"]:checked)').waitFor();
    expect(fixture.settings.get().exposure.watchMinutes).toBe(0);

    await card.getByRole('radio', { name: 'All regions in use' }).check();
    await card.getByRole('checkbox').first().waitFor({ state: 'detached' });
    await savedCard(page).waitFor();
    expect(fixture.settings.get().exposure).toEqual({ watchMinutes: 0 });
    expect(app.problems).toEqual([]);
  });

  it('says it in Chinese', async () => {
    const app = await ui.open({ fixture: fixtureOptions, locale: 'zh-CN' });
    const { page } = app;
    await page.getByRole('button', { name: '设置' }).click();
    const card = page.locator('section', { has: page.getByText('监视开启的 VNC') });
    await card.getByText('自动发现；当前为 cn-hangzhou, cn-shanghai。').waitFor();
    expect(await card.getByRole('combobox', { name: '检查间隔' }).inputValue()).toBe('10');
    await card.getByRole('radio', { name: '仅以下地域' }).check();
    await card.getByText('只检查下面勾选的地域').waitFor();
    expect(app.problems).toEqual([]);
  });

  it('main refuses what the contract does not allow, and changes nothing', async () => {
    const fixture = await startAppFixture({ clusters: 2 });
    try {
      const before = fixture.settings.get().exposure;
      for (const request of [
        { pinnedRegions: ['not a region'] },
        { pinnedRegions: Array.from({ length: 33 }, (_, i) => `cn-r${i}`) },
        { exposureWatchMinutes: 1441 },
        { exposureWatchMinutes: -1 },
        { exposureWatchMinutes: 2.5 },
      ]) {
        const r = await fixture.handlers.setPreferences(request);
        expect(r.ok, JSON.stringify(request)).toBe(false);
        if (!r.ok) expect(r.error.code).toBe('InvalidInput');
      }
      expect(fixture.settings.get().exposure).toEqual(before);
      // Duplicates are kept once.
      const r = await fixture.handlers.setPreferences({
        pinnedRegions: ['cn-hangzhou', 'cn-hangzhou'],
      });
      expect(r.ok && r.value.pinnedRegions).toEqual(['cn-hangzhou']);
    } finally {
      await fixture.close();
    }
  });
});
