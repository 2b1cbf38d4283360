// Writes a PNG of every screen and state of the popover to docs/screenshots/, in light, dark and
// Simplified Chinese, by driving the real renderer build against the real core and the E-HPC
// emulator (the UI test harness). Run with `npm run screenshots` (inside a throwaway keyring).
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright';
import { en, zhCN, type MessageKey } from '../renderer/src/i18n/messages';
import { format } from '../renderer/src/i18n/i18n';
import { elsewhereClusters, EMULATOR_KEY } from '../test/emulator';
import {
  startAppFixture,
  type AppFixture,
  type AppFixtureOptions,
} from '../test/support/app-fixture';
import { startUi, type UiHarness } from '../test/ui/harness';
import { screenshotPage } from './screenshot-page';
import { keytarKeychain } from '../main/core/keychain';
import { CredentialVault } from '../main/core/vault';

const OUT = 'docs/screenshots';
const CFD = 'ehpc-hz-000001';
/** A second key the emulator knows, for the profile screens. Fake, like EMULATOR_KEY. */
const WORK_KEY = {
  accessKeyId: 'TESTAKIDWORK00000002',
  accessKeySecret: 'emulator-secret-work-profile-0002',
};

interface Variant {
  name: string;
  locale: string;
  colorScheme: 'light' | 'dark';
}

const VARIANTS: Variant[] = [
  { name: 'light', locale: 'en-US', colorScheme: 'light' },
  { name: 'dark', locale: 'en-US', colorScheme: 'dark' },
  { name: 'zh-CN', locale: 'zh-CN', colorScheme: 'light' },
];

interface Ctx {
  page: Page;
  fixture: AppFixture;
  /** The UI string for a key in this variant's language, to find controls by their names. */
  t(key: MessageKey, vars?: Record<string, string | number>): string;
  shot(name: string): Promise<void>;
}

type Scene = (ctx: Ctx) => Promise<void>;

interface Story {
  fixture?: AppFixtureOptions;
  /** Prepares the fixture before the page opens. */
  seed?: (fixture: AppFixture) => void;
  scene: Scene;
}

async function searchAndOpen({ page, t }: Ctx, name: string): Promise<void> {
  await page.getByRole('searchbox', { name: t('clusters.search') }).fill(name);
  await page.getByRole('button', { name: new RegExp(`^${name}\\b`) }).click();
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

const stories: Record<string, Story> = {
  signin: {
    fixture: { signedIn: false },
    async scene(ctx) {
      const { page, t } = ctx;
      await page.getByRole('button', { name: t('signin.submit') }).waitFor();
      await ctx.shot('01-sign-in');
      await page.getByText(t('signin.policyTitle')).click();
      await page.locator('pre').scrollIntoViewIfNeeded();
      await ctx.shot('02-sign-in-policy');
      await page.getByText(t('signin.policyTitle')).click();
      await page.getByLabel(t('signin.keyId')).fill(EMULATOR_KEY.accessKeyId);
      await page.getByLabel(t('signin.secret'), { exact: true }).fill('wrong-secret-value');
      await page.getByRole('button', { name: t('signin.submit') }).click();
      await page.getByRole('alert').scrollIntoViewIfNeeded();
      await ctx.shot('03-sign-in-wrong-secret');
    },
  },
  picker: {
    fixture: { clusters: 137 },
    async scene(ctx) {
      const { page, t } = ctx;
      await page.getByText(format(ctx.t('clusters.countAll'), { total: 137 })).waitFor();
      await ctx.shot('04-clusters');
      await page.getByRole('searchbox', { name: t('clusters.search') }).fill('weather-prod');
      await page.getByRole('button', { name: /^weather-prod-003\b/ }).waitFor();
      await ctx.shot('05-clusters-search');
      await page.getByRole('searchbox', { name: t('clusters.search') }).fill('no-such-cluster');
      await ctx.shot('06-clusters-no-match');
    },
  },
  pickerStates: {
    fixture: { clusters: [] },
    async scene(ctx) {
      const { page, t, fixture } = ctx;
      await page.locator('.empty').waitFor();
      await ctx.shot('07-clusters-empty');
      fixture.emulator.inject({
        action: 'ListClusters',
        fault: { kind: 'error', status: 503, code: 'ServiceUnavailable' },
      });
      await page.getByRole('button', { name: t('clusters.refresh') }).click();
      await page.getByRole('alert').waitFor();
      await ctx.shot('08-clusters-error');
    },
  },
  vnc: {
    seed: (f) => f.settings.rememberCluster(CFD, { cidrIp: '203.0.113.7' }),
    async scene(ctx) {
      const { page, t, fixture } = ctx;
      await searchAndOpen(ctx, 'cfd-prod-001');
      await page.locator('.vnc-state').getByText(t('vncBadge.running')).waitFor();
      await ctx.shot('09-vnc-running');
      fixture.emulator.inject({
        action: 'StopVisualService',
        times: 1,
        fault: { kind: 'latency', ms: 2500 },
      });
      await page.getByRole('button', { name: t('vnc.stop') }).click();
      await page.getByRole('button', { name: t('vnc.stopping') }).waitFor();
      await ctx.shot('10-vnc-stopping');
      await page.locator('.notice-success').waitFor();
      await page.locator('.vnc-state').getByText(t('vncBadge.stopped')).waitFor();
      await ctx.shot('11-vnc-stopped');
      fixture.emulator.inject({
        action: 'StartVisualService',
        fault: { kind: 'error', status: 407, code: 'NotAuthorized' },
      });
      await page.getByRole('button', { name: t('vnc.start') }).click();
      await page.getByRole('alert').waitFor();
      await page.locator('.scroll-padded').evaluate((el) => el.scrollTo(0, el.scrollHeight));
      await ctx.shot('12-vnc-not-authorized');
    },
  },
  vncPending: {
    seed: (f) => f.settings.rememberCluster(CFD, { cidrIp: '203.0.113.7' }),
    async scene(ctx) {
      const { page, t, fixture } = ctx;
      await searchAndOpen(ctx, 'cfd-prod-001');
      fixture.emulator.inject({
        action: 'StopVisualService',
        fault: { kind: 'error', status: 503, code: 'ServiceUnavailable' },
      });
      await page.getByRole('button', { name: t('vnc.stop') }).click();
      await page.getByText(t('vnc.pendingStop')).waitFor();
      await ctx.shot('23-vnc-stop-pending');
    },
  },
  vncInvalidCidr: {
    async scene(ctx) {
      const { page, t } = ctx;
      await searchAndOpen(ctx, 'render-farm-01');
      await page.getByLabel(t('vnc.cidr')).fill('300.1.2.3');
      await page.getByRole('button', { name: t('vnc.start') }).click();
      await page.locator('.field-error').first().waitFor();
      await ctx.shot('13-vnc-invalid-cidr');
    },
  },
  password: {
    async scene(ctx) {
      const { page, t } = ctx;
      await searchAndOpen(ctx, 'cfd-prod-001');
      await page.getByRole('tab', { name: t('cluster.tab.password') }).click();
      await page.getByRole('combobox', { name: t('pw.runasUser') }).waitFor();
      await ctx.shot('14-password');
      await page.getByLabel(t('pw.runasPassword', { user: 'root' })).fill('emu-root-pass-1');
      await page.getByLabel(t('pw.new'), { exact: true }).fill('abc def');
      await page.getByLabel(t('pw.confirm')).fill('abc');
      await page.getByRole('button', { name: t('pw.submit') }).click();
      await page.getByRole('alert').waitFor();
      await scrollPanelToBottom(page);
      await ctx.shot('15-password-violations');
      await page.getByRole('button', { name: t('pw.generateLabel') }).click();
      await page.getByRole('button', { name: t('pw.copyLabel') }).click();
      await page.getByText(t('pw.copiedClears')).waitFor();
      await scrollPanelTo(page, '.checklist');
      await ctx.shot('16-password-generated-copied');
      await page.getByLabel(t('pw.runasPassword', { user: 'root' })).fill('wrong-password');
      await page.getByRole('button', { name: t('pw.submit') }).click();
      await page.getByRole('alert').filter({ hasText: 'IncorrectCredential' }).waitFor();
      await scrollPanelToBottom(page);
      await ctx.shot('17-password-incorrect-credential');
      await page.getByLabel(t('pw.runasPassword', { user: 'root' })).fill('emu-root-pass-1');
      await page.getByLabel(t('pw.remember')).check();
      await page.getByRole('button', { name: t('pw.submit') }).click();
      await page.locator('.notice-success').waitFor();
      await scrollPanelToBottom(page);
      await ctx.shot('18-password-set');
      await scrollPanelTo(page, '.remembered');
      await ctx.shot('19-password-remembered');
    },
  },
  settings: {
    async scene(ctx) {
      const { page, t } = ctx;
      await page.getByRole('button', { name: t('nav.settings') }).click();
      await page.getByRole('heading', { name: t('settings.title') }).waitFor();
      await ctx.shot('20-settings');
      await page.getByRole('button', { name: t('settings.forget') }).click();
      await page.getByRole('dialog').waitFor();
      await ctx.shot('21-settings-forget');
      await page.keyboard.press('Escape');
      await page.getByRole('button', { name: t('settings.replace') }).click();
      await page.getByRole('button', { name: t('signin.submit') }).waitFor();
      await ctx.shot('22-settings-replace-key');
    },
  },
  exposure: {
    // VNC opened elsewhere in two regions, one of them to 0.0.0.0/0.
    fixture: { clusters: elsewhereClusters() },
    seed: (f) => f.settings.rememberCluster('ehpc-hz-000002', { cidrIp: '203.0.113.7' }),
    async scene(ctx) {
      const { page, t } = ctx;
      await page.locator('.wide-banner').waitFor();
      await page.getByText(t('vncBadge.running')).first().waitFor();
      await ctx.shot('40-exposure-wide-banner');
      await page.getByRole('combobox', { name: t('clusters.region') }).selectOption('*');
      await page.getByText('ehpc-sh-000001 · cn-shanghai').waitFor();
      await ctx.shot('41-clusters-all-regions');
      await page.getByRole('button', { name: /^render-two-rules\b/ }).click();
      await page.getByRole('heading', { level: 1, name: 'render-two-rules' }).waitFor();
      await page.locator('.reach-list').getByText('198.51.100.0/24').waitFor();
      await scrollPanelTo(page, 'section[aria-labelledby="reach-title"]');
      await ctx.shot('42-who-can-reach');
      await page.getByRole('button', { name: t('nav.back') }).click();
      await searchAndOpen(ctx, 'cfd-open-world');
      await page.locator('.reach-list').getByText(t('reach.wide')).waitFor();
      await scrollPanelTo(page, 'section[aria-labelledby="reach-title"]');
      await ctx.shot('43-who-can-reach-wide');
    },
  },
  settingsWatchProfiles: {
    // Two regions in use, and a second AccessKey profile stored in the keychain.
    fixture: { clusters: elsewhereClusters() },
    async scene(ctx) {
      const { page, t, fixture } = ctx;
      fixture.emulator.addAccessKey(WORK_KEY);
      await new CredentialVault({
        service: fixture.keychainService,
        profile: 'work',
      }).saveAccessKey(WORK_KEY);
      await page.getByRole('button', { name: t('nav.settings') }).click();
      const profile = page.getByRole('combobox', { name: t('profile.switch') });
      await profile.locator('option', { hasText: 'work' }).waitFor({ state: 'attached' });
      await page
        .getByText(t('watch.regions.inUseNow', { regions: 'cn-hangzhou, cn-shanghai' }))
        .waitFor();
      await ctx.shot('44-settings-profile');
      await profile.selectOption({ label: t('profile.new') });
      await page.getByRole('textbox', { name: t('profile.newName') }).fill('my lab');
      await page.getByRole('button', { name: t('profile.continue') }).click();
      await page.getByText(t('profile.invalid')).waitFor();
      await ctx.shot('45-settings-new-profile-invalid');
      await page.getByRole('button', { name: t('common.cancel') }).click();
      await scrollPanelTo(page, 'section[aria-labelledby="watch-title"]');
      await ctx.shot('46-settings-watch-in-use');
      await page.getByRole('radio', { name: t('watch.regions.pinned') }).check();
      await page
        .locator('section[aria-labelledby="watch-title"][aria-busy="false"] .region-checklist')
        .waitFor();
      await page.getByRole('combobox', { name: t('watch.interval') }).selectOption('30');
      await page.locator('section[aria-labelledby="watch-title"][aria-busy="false"]').waitFor();
      await scrollPanelTo(page, 'section[aria-labelledby="watch-title"]');
      await ctx.shot('47-settings-watch-pinned');
      await profile.selectOption('work');
      await page.getByTestId('active-profile').getByText('work').waitFor();
      await ctx.shot('48-settings-profile-switched');
      const keychain = keytarKeychain();
      for (const { account } of await keychain.findCredentials(fixture.keychainService))
        await keychain.deletePassword(fixture.keychainService, account);
    },
  },
  leaving: {
    seed: (f) => {
      f.settings.rememberCluster(CFD, { cidrIp: '203.0.113.7' });
      f.settings.selectCluster(CFD);
    },
    async scene(ctx) {
      const { page, t } = ctx;
      await openLeaving(ctx);
      await page.getByText(t('pending.empty')).waitFor();
      await ctx.shot('24-leaving-safely');
      await page.getByRole('switch', { name: t('leaving.onQuit') }).check();
      await page.getByRole('switch', { name: t('leaving.onSuspend') }).check();
      await page.getByRole('switch', { name: t('leaving.onShutdown') }).check();
      await page.getByRole('combobox', { name: t('leaving.idle') }).selectOption('30');
      const daily = page.getByLabel(t('leaving.daily'));
      await daily.fill('18:30');
      await daily.press('Enter');
      await page.getByRole('button', { name: t('leaving.daily.clear') }).waitFor();
      await page.getByRole('status').getByText(t('leaving.saved')).waitFor();
      await ctx.shot('25-leaving-safely-on');
      await page.locator('.screen').evaluate((el) => el.scrollTo(0, 0));
      await ctx.shot('26-leaving-safely-on-top');
    },
  },
  leavingPending: {
    fixture: { timeoutMs: 400 },
    seed: (f) => {
      f.settings.rememberCluster(CFD, { cidrIp: '203.0.113.7' });
      f.settings.selectCluster(CFD);
      // Cut off by a quit yesterday: journalled, one attempt, never confirmed.
      f.settings.addPendingStop({
        clusterId: 'ehpc-hz-000005',
        regionId: f.emulator.regionId,
        cidrIp: '198.51.100.0/24',
        requestedAt: new Date(Date.now() - 26 * 3600_000).toISOString(),
      });
      f.settings.recordPendingStopAttempt('ehpc-hz-000005', 'Interrupted');
    },
    async scene(ctx) {
      const { page, t, fixture } = ctx;
      fixture.emulator.inject({ action: 'StopVisualService', fault: { kind: 'hang' } });
      await fixture.service.stopVnc({ clusterId: CFD }).catch(() => undefined);
      await openLeaving(ctx);
      await page.getByRole('button', { name: t('pending.retry') }).waitFor();
      await ctx.shot('27-leaving-pending');
      fixture.emulator.clearFaults();
      await page.getByRole('button', { name: t('pending.retry') }).click();
      await page.getByText(t('pending.empty')).waitFor();
      await page.locator('.report').waitFor();
      await page.locator('.report').scrollIntoViewIfNeeded();
      await ctx.shot('28-leaving-pending-retried');
    },
  },
};

async function openLeaving({ page, t }: Ctx): Promise<void> {
  await page.getByRole('button', { name: t('nav.settings') }).click();
  await page.getByRole('button', { name: new RegExp(t('settings.leaving')) }).click();
  await page.getByRole('heading', { level: 1, name: t('leaving.title') }).waitFor();
}

async function scrollPanelToBottom(page: Page): Promise<void> {
  await page.locator('.scroll-padded').evaluate((el) => el.scrollTo(0, el.scrollHeight));
}

async function scrollPanelTo(page: Page, selector: string): Promise<void> {
  await page.locator(selector).evaluate((el) => el.scrollIntoView({ block: 'start' }));
}

async function run(ui: UiHarness, variant: Variant, only: string[]): Promise<number> {
  const catalogue = variant.locale.startsWith('zh') ? zhCN : en;
  let count = 0;
  for (const [name, story] of Object.entries(stories)) {
    if (only.length > 0 && !only.includes(name)) continue;
    const fixture = await startAppFixture(story.fixture);
    story.seed?.(fixture);
    const app = await ui.open({
      use: fixture,
      locale: variant.locale,
      colorScheme: variant.colorScheme,
    });
    const ctx: Ctx = {
      page: app.page,
      fixture,
      t: (key, vars) => format(catalogue[key], vars),
      async shot(file) {
        await screenshotPage(app.page, join(OUT, variant.name, `${file}.png`));
        count++;
      },
    };
    try {
      await story.scene(ctx);
    } finally {
      await app.close();
    }
    if (app.problems.length > 0)
      console.warn(`${variant.name}/${name}: ${app.problems.join('; ')}`);
  }
  return count;
}

const only = process.argv.slice(2);
const ui = await startUi();
try {
  for (const variant of VARIANTS) {
    if (only.length === 0) await rm(join(OUT, variant.name), { recursive: true, force: true });
    await mkdir(join(OUT, variant.name), { recursive: true });
    const n = await run(ui, variant, only);
    console.log(`${variant.name}: ${n} screenshots in ${join(OUT, variant.name)}`);
  }
} finally {
  await ui.close();
}
