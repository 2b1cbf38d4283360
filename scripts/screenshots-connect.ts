// Screenshots of "arrive" (Connect, your address, the detection URL setting) in light, dark and
// Simplified Chinese, into docs/screenshots/<variant>/3x-*.png, from the real renderer build
// against the real core and the emulator. `npm run screenshots` runs it after the main set.
import { mkdir } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Page } from 'playwright';
import { format } from '../renderer/src/i18n/i18n';
import { en, zhCN, type MessageKey } from '../renderer/src/i18n/messages';
import { startAppFixture, type AppFixture } from '../test/support/app-fixture';
import { startUi } from '../test/ui/harness';
import { screenshotPage } from './screenshot-page';

const OUT = 'docs/screenshots';
const VARIANTS = [
  { name: 'light', locale: 'en-US', colorScheme: 'light' as const },
  { name: 'dark', locale: 'en-US', colorScheme: 'dark' as const },
  { name: 'zh-CN', locale: 'zh-CN', colorScheme: 'light' as const },
];

interface Ctx {
  page: Page;
  fixture: AppFixture;
  t(key: MessageKey, vars?: Record<string, string>): string;
  shot(name: string): Promise<void>;
}

/** A loopback stand-in for an address service, as a user might set one. */
const addressService = createServer((_req, res) =>
  res.writeHead(200, { 'content-type': 'text/plain' }).end('198.51.100.23\n'),
);
await new Promise<void>((done) => addressService.listen(0, '127.0.0.1', () => done()));
const DETECT_URL = `http://127.0.0.1:${(addressService.address() as AddressInfo).port}/ip`;
/** The same, for someone whose public address is IPv6. */
const addressService6 = createServer((_req, res) =>
  res.writeHead(200, { 'content-type': 'text/plain' }).end('2001:db8:4::23\n'),
);
await new Promise<void>((done) => addressService6.listen(0, '127.0.0.1', () => done()));
const DETECT_URL_6 = `http://127.0.0.1:${(addressService6.address() as AddressInfo).port}/ip`;

async function open({ page, t }: Ctx, name: string): Promise<void> {
  await page.getByRole('searchbox', { name: t('clusters.search') }).fill(name);
  await page.getByRole('button', { name: new RegExp(`^${name}\\b`) }).click();
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

async function showConnectCard(page: Page): Promise<void> {
  await page
    .locator('section[aria-labelledby="connect-title"]')
    .evaluate((el) => el.scrollIntoView({ block: 'start' }));
}

const stories: Record<
  string,
  { seed?: (f: AppFixture) => Promise<void> | void; scene(c: Ctx): Promise<void> }
> = {
  opened: {
    seed: async (f) => {
      f.settings.rememberCluster('ehpc-hz-000002', { cidrIp: '198.51.100.7' });
      await f.service.setConnectPrefs({ rememberVncPassword: true });
      await f.vault.saveVncPassword('ehpc-hz-000002', 'Vnc#Pass2026x');
    },
    async scene(ctx) {
      const { page, t } = ctx;
      await open(ctx, 'render-farm-01');
      await page.getByText(t('connect.address', { address: '203.0.113.3:12016' })).waitFor();
      await page.getByRole('button', { name: t('connect.button'), exact: true }).click();
      await page.getByText(t('connect.passwordCopied')).waitFor();
      await showConnectCard(page);
      await ctx.shot('30-connect-opened');
    },
  },
  copied: {
    seed: (f) => {
      f.opener.handler = false;
    },
    async scene(ctx) {
      const { page, t } = ctx;
      await open(ctx, 'cfd-prod-001');
      await page.getByRole('button', { name: t('connect.button'), exact: true }).click();
      await page.getByText(t('connect.viewers')).waitFor();
      await showConnectCard(page);
      await ctx.shot('31-connect-address-copied');
    },
  },
  privateOnly: {
    async scene(ctx) {
      const { page, t } = ctx;
      await open(ctx, 'legacy-md');
      await page.getByText(t('connect.privateOnly', { address: '192.168.5.10' })).waitFor();
      await showConnectCard(page);
      await ctx.shot('32-connect-private-address');
    },
  },
  detect: {
    seed: async (f) => {
      await f.service.setConnectPrefs({ detectUrl: DETECT_URL });
    },
    async scene(ctx) {
      const { page, t } = ctx;
      await open(ctx, 'render-farm-01');
      await page.getByRole('button', { name: t('address.detect') }).click();
      const use = page.getByRole('button', {
        name: t('address.use', { cidr: '198.51.100.23/32' }),
      });
      await use.waitFor();
      await use.evaluate((el) => el.scrollIntoView({ block: 'center' }));
      await ctx.shot('33-address-detected');
    },
  },
  detectIpv6: {
    seed: async (f) => {
      await f.service.setConnectPrefs({ detectUrl: DETECT_URL_6 });
    },
    async scene(ctx) {
      const { page, t } = ctx;
      await open(ctx, 'render-farm-01');
      await page.getByRole('button', { name: t('address.detect') }).click();
      const use = page.getByRole('button', {
        name: t('address.use', { cidr: '2001:db8:4::23/128' }),
      });
      await use.waitFor();
      await page.getByText(t('address.ipv6')).waitFor();
      await use.evaluate((el) => el.scrollIntoView({ block: 'center' }));
      await ctx.shot('35-address-detected-ipv6');
    },
  },
  settings: {
    async scene(ctx) {
      const { page, t } = ctx;
      await page.getByRole('button', { name: t('nav.settings') }).click();
      const field = page.getByLabel(t('settings.detectUrl'));
      await field.fill('http://ip.example.com/');
      await field.blur();
      await page.getByText(t('settings.detectUrlInvalid')).waitFor();
      // Centred, so that the message under the field is in the picture too.
      await field.evaluate((el) => el.scrollIntoView({ block: 'center' }));
      await ctx.shot('34-settings-detect-url');
    },
  },
};

const only = process.argv.slice(2);
const ui = await startUi();
try {
  for (const variant of VARIANTS) {
    await mkdir(join(OUT, variant.name), { recursive: true });
    const catalogue = variant.locale.startsWith('zh') ? zhCN : en;
    for (const [name, story] of Object.entries(stories)) {
      if (only.length > 0 && !only.includes(name)) continue;
      const fixture = await startAppFixture();
      await story.seed?.(fixture);
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
    console.log(`${variant.name}: connect screenshots in ${join(OUT, variant.name)}`);
  }
} finally {
  await ui.close();
  addressService.close();
  addressService6.close();
}
