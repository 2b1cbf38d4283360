// A developer endpoint in use is visible: the header's badge names its host (light, dark and
// Chinese), and nothing of the AccessKey. The UI harness talks to the emulator, an endpoint that
// is not Alibaba Cloud's, so its session carries the override as the shell's would.
import { describe, expect, it } from 'vitest';
import type { UiApp } from './harness';
import { useUiSuite } from './suite';
import { textOf } from './ui-helpers';
import { EMULATOR_KEY } from '../emulator';

const ui = useUiSuite();
let app: UiApp | undefined;
const SHOTS = process.env.EHPC_UI_SHOTS;

describe('the developer endpoint badge', { timeout: 60_000 }, () => {
  for (const [locale, colorScheme, label] of [
    ['en-US', 'light', 'Dev ·'],
    ['en-US', 'dark', 'Dev ·'],
    ['zh-CN', 'light', '开发端点'],
  ] as const) {
    it(`names the host in the header (${locale}, ${colorScheme})`, async () => {
      app = await ui.open({ locale, colorScheme });
      const { page, fixture } = app;
      const badge = page.getByTestId('dev-endpoint');
      const text = await textOf(badge);
      expect(text).toBe(`${label} ${fixture.emulator.host}`);
      expect(await badge.getAttribute('title')).toContain('--dev-endpoint');
      expect(text).not.toContain(EMULATOR_KEY.accessKeyId);
      // It stays in the header with the settings button still on screen.
      await page.getByRole('button', { name: locale === 'zh-CN' ? '设置' : 'Settings' }).waitFor();
      const header = await page.locator('header.header').boundingBox();
      const box = await badge.boundingBox();
      expect(box && header && box.x + box.width <= header.x + header.width).toBe(true);
      if (SHOTS) await page.screenshot({ path: `${SHOTS}/badge-${locale}-${colorScheme}.png` });
      expect(app.problems).toEqual([]);
    });
  }
});
