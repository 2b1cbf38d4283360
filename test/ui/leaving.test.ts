// "Leaving safely": every automatic-stop setting saved the moment it changes (checked in the
// settings file and through the handler table), what this computer cannot do shown as such,
// and the pending-stop journal listed, retried and forgotten against the emulator.
import AxeBuilder from '@axe-core/playwright';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright';
import type { AutoStopInfo } from '../../preload/shared/contract';
import { gate } from '../emulator';
import { startAppFixture, type AppFixture, type AppFixtureOptions } from '../support/app-fixture';
import type { UiApp } from './harness';
import { useUiSuite } from './suite';
import { openCluster, textOf } from './ui-helpers';

const CFD = 'ehpc-hz-000001'; // cfd-prod-001: running, VNC running
const LEGACY = 'ehpc-hz-000005'; // legacy-md: running, VNC running

const ui = useUiSuite();
let app: UiApp | undefined;

/** Settings (gear) → Leaving safely. */
async function openLeaving(page: Page, names = EN): Promise<void> {
  await page.getByRole('button', { name: names.settings }).click();
  await page.getByRole('button', { name: new RegExp(`^${names.leaving}`) }).click();
  await page.getByRole('heading', { level: 1, name: names.leaving }).waitFor();
}
const EN = { settings: 'Settings', leaving: 'Leaving safely' };

/** What main now says, straight from the handler table. */
async function autoStopOf(fixture: AppFixture): Promise<AutoStopInfo> {
  const r = await fixture.handlers.getAutoStop({});
  if (!r.ok) throw new Error(`getAutoStop failed: ${r.error.code}`);
  return r.value;
}

async function openApp(opts: AppFixtureOptions = {}, seed?: (f: AppFixture) => void) {
  const fixture = await startAppFixture(opts);
  fixture.settings.rememberCluster(CFD, { cidrIp: '203.0.113.7' });
  seed?.(fixture);
  return ui.open({ use: fixture });
}

/** Waits until the saved file says `check` (the file is what the tray and the CLI read). */
async function saved(fixture: AppFixture, check: (info: AutoStopInfo) => boolean) {
  await expect.poll(async () => check(await autoStopOf(fixture))).toBe(true);
}

describe('Leaving safely: the settings', { timeout: 90_000 }, () => {
  it('saves each switch the moment it changes, and says so', async () => {
    app = await openApp();
    const { page, fixture } = app;
    await openLeaving(page);
    for (const name of [
      'The app quits',
      'The computer sleeps',
      'You shut down, restart or log off',
    ])
      expect(await page.getByRole('switch', { name }).isChecked(), name).toBe(false);

    // From the keyboard: Space flips a focused switch.
    await page.getByRole('switch', { name: 'The app quits' }).focus();
    await page.keyboard.press('Space');
    await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    await saved(fixture, (i) => i.settings.onQuit === 'selected');

    await page.getByRole('switch', { name: 'The computer sleeps' }).check();
    await saved(fixture, (i) => i.settings.onSuspend);
    await page.getByRole('switch', { name: 'You shut down, restart or log off' }).check();
    await saved(fixture, (i) => i.settings.onShutdown);
    expect(fixture.settings.get().autoStop).toMatchObject({
      onQuit: 'selected',
      onSuspend: true,
      onShutdown: true,
      onLock: false,
    });

    await page.getByRole('switch', { name: 'The computer sleeps' }).uncheck();
    await saved(fixture, (i) => !i.settings.onSuspend);
    await page.getByRole('switch', { name: 'The app quits' }).uncheck();
    await saved(fixture, (i) => i.settings.onQuit === 'off');
    expect(fixture.settings.get().autoStop).toMatchObject({ onShutdown: true, onQuit: 'off' });

    // A fresh window shows what was saved.
    await page.reload();
    await openLeaving(page);
    expect(
      await page.getByRole('switch', { name: 'You shut down, restart or log off' }).isChecked(),
    ).toBe(true);
    expect(await page.getByRole('switch', { name: 'The computer sleeps' }).isChecked()).toBe(false);
    expect(app.problems).toEqual([]);
  });

  it('chooses which clusters, and quitting follows the choice', async () => {
    app = await openApp({}, (f) => f.settings.selectCluster(CFD));
    const { page, fixture } = app;
    await page.getByRole('heading', { level: 1, name: 'cfd-prod-001' }).waitFor();
    await openLeaving(page);
    const selected = page.getByRole('radio', { name: 'Selected cluster' });
    const all = page.getByRole('radio', { name: 'All clusters' });
    expect(await selected.isChecked()).toBe(true);
    await page
      .getByText('Each stop below acts on cfd-prod-001, the cluster you last opened.')
      .waitFor();

    await all.check();
    await saved(fixture, (i) => i.scope === 'all');
    await page
      .getByText(`every cluster in ${fixture.emulator.regionId} with VNC running`)
      .waitFor();
    expect(fixture.settings.get().autoStop).toMatchObject({ scope: 'all', onQuit: 'off' });

    await page.getByRole('switch', { name: 'The app quits' }).check();
    await saved(fixture, (i) => i.settings.onQuit === 'all');
    // Back to the selected cluster, by arrow key as radios go: quitting moves along.
    await all.focus();
    await page.keyboard.press('ArrowLeft');
    await saved(fixture, (i) => i.scope === 'selected' && i.settings.onQuit === 'selected');
    expect(await selected.isChecked()).toBe(true);
  });

  it('sets the idle minutes', async () => {
    app = await openApp();
    const { page, fixture } = app;
    await openLeaving(page);
    const idle = page.getByRole('combobox', { name: 'You are idle for' });
    expect(await idle.inputValue()).toBe('0');
    await idle.selectOption({ label: '15 min' });
    await saved(fixture, (i) => i.settings.idleMinutes === 15);
    await idle.selectOption({ label: '1 h' });
    await saved(fixture, (i) => i.settings.idleMinutes === 60);
    expect(fixture.settings.get().autoStop.idleMinutes).toBe(60);
    await idle.selectOption({ label: 'Off' });
    await saved(fixture, (i) => i.settings.idleMinutes === 0);
  });

  it('shows an idle time saved elsewhere that is not in the list', async () => {
    app = await openApp({}, (f) =>
      f.settings.update({ autoStop: { ...f.settings.get().autoStop, idleMinutes: 45 } }),
    );
    const { page } = app;
    await openLeaving(page);
    const idle = page.getByRole('combobox', { name: 'You are idle for' });
    expect(await idle.inputValue()).toBe('45');
    expect(await idle.locator('option:checked').innerText()).toBe('45 min');
  });

  it('sets the daily time, and clears it with the button or by emptying the field', async () => {
    app = await openApp();
    const { page, fixture } = app;
    await openLeaving(page);
    const daily = page.getByLabel('Every day at');
    expect(await daily.inputValue()).toBe('');

    await daily.fill('18:30');
    await daily.press('Enter');
    await saved(fixture, (i) => i.settings.dailyAt === '18:30');
    expect(fixture.settings.get().autoStop.dailyAt).toBe('18:30');

    await page.getByRole('button', { name: 'Clear the daily time' }).click();
    await saved(fixture, (i) => i.settings.dailyAt === undefined);
    expect(fixture.settings.get().autoStop).not.toHaveProperty('dailyAt');
    expect(await daily.inputValue()).toBe('');
    // The button went away with the time; focus stayed in the row.
    expect(await daily.evaluate((el) => el === document.activeElement)).toBe(true);

    // Leaving the field saves it too (Tab moves between its hour and minute parts first).
    const elsewhere = page.getByRole('heading', { level: 1, name: 'Leaving safely' });
    await daily.fill('07:05');
    await elsewhere.click();
    await saved(fixture, (i) => i.settings.dailyAt === '07:05');
    await daily.fill('');
    await elsewhere.click();
    await saved(fixture, (i) => i.settings.dailyAt === undefined);
  });
});

describe('Leaving safely: what this computer offers', { timeout: 90_000 }, () => {
  it('shows the screen-lock stop and start at login as unavailable on Linux', async () => {
    app = await openApp({ platform: 'linux' });
    const { page, fixture } = app;
    const { supported } = await autoStopOf(fixture);
    expect(supported).toMatchObject({ onLock: false, launchAtLogin: false, onSuspend: true });
    await openLeaving(page);

    const lock = page.getByRole('switch', { name: 'The screen locks' });
    expect(await lock.isDisabled()).toBe(true);
    expect(await lock.isChecked()).toBe(false);
    const lockHint = await lock.evaluate(
      (el) => document.getElementById(el.getAttribute('aria-describedby') ?? '')?.textContent,
    );
    expect(lockHint).toContain('this system does not tell apps when the screen locks');

    const login = page.getByRole('switch', { name: 'Start at login' });
    expect(await login.isDisabled()).toBe(true);
    await page.getByText('Starting at login cannot be set up on this system.').waitFor();
    expect(await page.getByRole('switch', { name: 'The computer sleeps' }).isDisabled()).toBe(
      false,
    );
  });

  it('offers both where the system has them, and applies start at login', async () => {
    const loginCalls: boolean[] = [];
    app = await openApp({
      platform: 'darwin',
      loginItem: { set: (enabled) => void loginCalls.push(enabled) },
    });
    const { page, fixture } = app;
    await openLeaving(page);
    await page.getByRole('switch', { name: 'The screen locks' }).check();
    await saved(fixture, (i) => i.settings.onLock);
    await page.getByRole('switch', { name: 'Start at login' }).check();
    await saved(fixture, (i) => i.settings.launchAtLogin);
    expect(loginCalls).toEqual([true]);
    expect(fixture.settings.get().autoStop).toMatchObject({ onLock: true, launchAtLogin: true });
  });

  it('shows a refused change where it happened and puts the switch back', async () => {
    app = await openApp({
      platform: 'win32',
      loginItem: {
        set: () => {
          throw new Error('The system refused the login item.');
        },
      },
    });
    const { page, fixture } = app;
    await openLeaving(page);
    const login = page.getByRole('switch', { name: 'Start at login' });
    // click(), not check(): the switch is expected to spring back, and check() fails when that
    // happens before it looks.
    await login.click();
    const row = page.locator('.setting').filter({ has: login });
    await row.getByRole('alert').waitFor();
    await expect.poll(() => login.isChecked()).toBe(false);
    expect(fixture.settings.get().autoStop.launchAtLogin).toBe(false);
    // Other rows carry no error, and still save.
    expect(await page.getByRole('alert').count()).toBe(1);
    await page.getByRole('switch', { name: 'The computer sleeps' }).check();
    await saved(fixture, (i) => i.settings.onSuspend);
  });
});

describe('Leaving safely: pending stops', { timeout: 90_000 }, () => {
  it('lists a stop that timed out, and Retry now finishes it on the emulator', async () => {
    app = await openApp({ timeoutMs: 400 });
    const { page, fixture } = app;
    await openCluster(page, 'cfd-prod-001');
    fixture.emulator.inject({ action: 'StopVisualService', fault: { kind: 'hang' } });
    await page.getByRole('button', { name: 'Stop VNC' }).click();
    await page.getByText('The stop is not confirmed yet.').waitFor();

    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByRole('button', { name: /^Leaving safely.*1 stop pending/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Leaving safely' }).waitFor();
    const entry = page.locator('.pending-item').filter({ hasText: 'cfd-prod-001' });
    const text = await textOf(entry);
    expect(text).toContain(CFD);
    expect(text).toContain('1 failed attempt');
    expect(text).toContain('Last error: E‑HPC did not answer in time');
    expect(text).toMatch(/Requested \d\d:\d\d/);
    expect(fixture.emulator.cluster(CFD)?.vnc).toBe('running');

    fixture.emulator.clearFaults();
    await page.getByRole('button', { name: 'Retry now' }).click();
    await page.getByRole('status').filter({ hasText: 'Stopped: cfd-prod-001.' }).waitFor();
    await page.getByText('None. Every stop you asked for was confirmed.').waitFor();
    expect(fixture.emulator.cluster(CFD)?.vnc).toBe('stopped');
    expect(fixture.settings.pendingStops()).toEqual([]);
    // The Retry button left with the last entry: focus went to the card, not to nowhere.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('pending-title');
    expect(app.problems).toEqual([]);
  });

  it('appears while the screen is open, marked while in flight, and reports what stays', async () => {
    app = await openApp();
    const { page, fixture } = app;
    await openLeaving(page);
    await page.getByText('None. Every stop you asked for was confirmed.').waitFor();

    // A stop from the tray that E-HPC holds, then drops, shows up by itself: first on its way…
    // (Held by a gate, not a timeout: the page is looked at while the stop is surely in flight.)
    const first = gate({ kind: 'reset' });
    fixture.emulator.inject({ action: 'StopVisualService', fault: first.fault });
    const fromTray = fixture.service.stopVnc({ clusterId: CFD }).catch(() => undefined);
    const entry = page.locator('.pending-item').filter({ hasText: 'cfd-prod-001' });
    await entry.getByText('Stopping now…').waitFor();
    expect(await entry.getByRole('button', { name: /Forget/ }).count()).toBe(0);
    first.open();
    await fromTray;
    // …then owed, with why.
    await entry.getByText('Last error: the connection dropped').waitFor();
    await entry.getByText('1 failed attempt').waitFor();

    // Dropped again: kept, one more attempt counted, and the report says so.
    fixture.emulator.clearFaults();
    const again = gate({ kind: 'reset' });
    fixture.emulator.inject({ action: 'StopVisualService', fault: again.fault });
    await page.getByRole('button', { name: 'Retry now' }).click();
    await entry.getByText('Stopping now…').waitFor();
    again.open();
    await page
      .getByRole('status')
      .filter({ hasText: 'Still pending: cfd-prod-001 (the connection dropped).' })
      .waitFor();
    await entry.getByText('2 failed attempts').waitFor();
    expect(fixture.settings.pendingStops()).toMatchObject([{ clusterId: CFD, attempts: 2 }]);

    fixture.emulator.clearFaults();
    await page.getByRole('button', { name: 'Retry now' }).click();
    await page.getByRole('status').filter({ hasText: 'Stopped: cfd-prod-001.' }).waitFor();
    expect(fixture.emulator.cluster(CFD)?.vnc).toBe('stopped');
  });

  it('says what was given up, with the reason', async () => {
    app = await openApp({}, (f) => {
      f.settings.addPendingStop({
        clusterId: CFD,
        regionId: f.emulator.regionId,
        cidrIp: '203.0.113.7',
      });
    });
    const { page, fixture } = app;
    await openLeaving(page);
    fixture.emulator.inject({
      action: 'StopVisualService',
      fault: { kind: 'error', status: 407, code: 'NotAuthorized', message: 'not authorized' },
    });
    await page.getByRole('button', { name: 'Retry now' }).click();
    const report = page.getByRole('status').filter({ hasText: 'Gave up on cfd-prod-001' });
    const text = await textOf(report);
    expect(text).toContain('RAM does not allow this AccessKey to perform this operation.');
    expect(text).toContain('NotAuthorized');
    expect(fixture.settings.pendingStops()).toEqual([]);
  });

  it('forgets one entry without sending anything', async () => {
    app = await openApp({}, (f) => {
      const regionId = f.emulator.regionId;
      f.settings.addPendingStop({ clusterId: CFD, regionId, cidrIp: '203.0.113.7' });
      f.settings.addPendingStop({
        clusterId: LEGACY,
        regionId,
        cidrIp: '198.51.100.0/24',
        requestedAt: '2025-03-04T05:06:07.000Z',
      });
      f.settings.recordPendingStopAttempt(LEGACY, 'Interrupted');
    });
    const { page, fixture } = app;
    await openLeaving(page);
    const legacy = page.locator('.pending-item').filter({ hasText: 'legacy-md' });
    const text = await textOf(legacy);
    expect(text).toContain('Last error: the app quit before E‑HPC answered');
    expect(text).toContain('2025'); // not today: the date is shown

    await page.getByRole('button', { name: 'Forget the pending stop of legacy-md' }).click();
    await page.getByRole('status').filter({ hasText: 'Stopped retrying legacy-md.' }).waitFor();
    await legacy.waitFor({ state: 'detached' });
    expect(fixture.settings.pendingStops().map((p) => p.clusterId)).toEqual([CFD]);
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('pending-title');

    await page.getByRole('button', { name: 'Forget the pending stop of cfd-prod-001' }).click();
    await page.getByText('None. Every stop you asked for was confirmed.').waitFor();
    expect(fixture.settings.pendingStops()).toEqual([]);
    expect(fixture.emulator.count('StopVisualService')).toBe(0);
  });
});

describe('Leaving safely: access and languages', { timeout: 120_000 }, () => {
  async function violations(page: Page): Promise<string[]> {
    const result = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
      .analyze();
    return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
  }

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`has no axe violations (${colorScheme})`, async () => {
      const fixture = await startAppFixture({ platform: 'linux' });
      fixture.settings.rememberCluster(CFD, { cidrIp: '203.0.113.7' });
      fixture.settings.addPendingStop({
        clusterId: LEGACY,
        regionId: fixture.emulator.regionId,
        cidrIp: '198.51.100.0/24',
      });
      fixture.settings.recordPendingStopAttempt(LEGACY, 'Network.Timeout');
      app = await ui.open({ use: fixture, colorScheme });
      const { page } = app;
      await openLeaving(page);
      await page.locator('.pending-item').waitFor();
      expect(await violations(page), 'with a pending stop').toEqual([]);

      await page.getByRole('switch', { name: 'The app quits' }).check();
      await page.getByLabel('Every day at').fill('18:00');
      await page.getByLabel('Every day at').press('Enter');
      await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
      await page.getByRole('button', { name: 'Retry now' }).click();
      await page.getByRole('status').filter({ hasText: 'Stopped: legacy-md.' }).waitFor();
      expect(await violations(page), 'saved, retried').toEqual([]);

      // Back leads to Settings, onto the way here.
      await page.getByRole('button', { name: 'Back to settings' }).click();
      await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
      const focused = await page.evaluate(() => document.activeElement?.textContent ?? '');
      expect(focused).toMatch(/^Leaving safely/);
      expect(app.problems).toEqual([]);
    });
  }

  it('speaks Simplified Chinese', async () => {
    const fixture = await startAppFixture({ platform: 'linux' });
    fixture.settings.addPendingStop({
      clusterId: LEGACY,
      regionId: fixture.emulator.regionId,
      cidrIp: '198.51.100.0/24',
    });
    fixture.settings.recordPendingStopAttempt(LEGACY, 'Interrupted');
    app = await ui.open({ use: fixture, locale: 'zh-CN' });
    const { page } = app;
    await page.getByRole('button', { name: '设置' }).click();
    await page.getByRole('button', { name: /^安全离开.*1 个停止待确认/ }).click();
    await page.getByRole('heading', { level: 1, name: '安全离开' }).waitFor();
    await page.getByRole('radio', { name: '所选集群' }).waitFor();
    await page.getByText('不可用：此系统不会通知应用屏幕已锁定。请改用空闲时间。').waitFor();
    expect(await page.getByRole('switch', { name: '锁定屏幕时' }).isDisabled()).toBe(true);
    await page.getByText('上次错误：E‑HPC 应答前应用已退出').waitFor();
    await page.getByRole('button', { name: '忽略 legacy-md 的待确认停止' }).waitFor();
    await page.getByRole('switch', { name: '电脑睡眠时' }).check();
    await page.getByRole('status').filter({ hasText: '已保存' }).waitFor();
    await page.getByRole('combobox', { name: '空闲达到' }).selectOption({ label: '30 分钟' });
    await expect.poll(() => fixture.settings.get().autoStop.idleMinutes).toBe(30);
    expect(app.problems).toEqual([]);
  });
});
