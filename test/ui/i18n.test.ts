// Simplified Chinese: from the system language, from the setting, and for errors by code.
import { describe, expect, it } from 'vitest';
import type { UiApp } from './harness';
import { useUiSuite } from './suite';
import { textOf } from './ui-helpers';
import { localizeError } from '../../preload/shared/error-registry';

const ui = useUiSuite();
let app: UiApp | undefined;

describe('languages', { timeout: 60_000 }, () => {
  it('follows a Chinese system language, translating errors by code', async () => {
    app = await ui.open({ locale: 'zh-CN' });
    const { page, fixture } = app;
    await page.getByRole('searchbox', { name: '搜索集群' }).fill('cfd-prod-001');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    await page.getByRole('button', { name: /^cfd-prod-001\b/ }).click();
    await page.getByRole('tab', { name: 'VNC 服务' }).waitFor();

    fixture.emulator.inject({
      action: 'StopVisualService',
      fault: { kind: 'error', status: 407, code: 'NotAuthorized' },
    });
    await page.getByLabel('允许连接的来源（IP 或 CIDR）').fill('203.0.113.7');
    await page.getByRole('button', { name: '停止 VNC' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'NotAuthorized' });
    const text = await textOf(alert);
    expect(text).toContain('RAM 策略不允许此 AccessKey 执行该操作。');
    expect(text).toContain('错误码');
    expect(app.problems).toEqual([]);
  });

  it('says a code nobody documented in Chinese too, with its name and the server’s words', async () => {
    app = await ui.open({ locale: 'zh-CN' });
    const { page, fixture } = app;
    await page.getByText('6 个集群').waitFor();
    fixture.emulator.inject({
      action: 'ListClusters',
      fault: { kind: 'error', status: 400, code: 'Some.NewCode', message: 'A brand new failure.' },
    });
    await page.getByRole('button', { name: '刷新集群列表' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'Some.NewCode' });
    await alert.waitFor();
    // The same call, straight to the handler table, gives the registry wording and its params.
    const direct = await fixture.handlers.listClusters({ refresh: true });
    expect(direct.ok).toBe(false);
    if (direct.ok) return;
    const zh = localizeError(direct.error, 'zh-CN');
    expect(zh.message).toMatch(
      /^E-HPC 返回了错误 Some\.NewCode（ListClusters）：A brand new failure。$/,
    );
    const text = await alert.innerText();
    expect(text).toContain(zh.message);
    expect(text).toContain(zh.action);
    expect(text).not.toContain(direct.error.action); // main's English stays out
    expect(text).toContain('错误码'); // the frame around it is Chinese too
  });

  it('switches language in settings and remembers the choice', async () => {
    app = await ui.open({ locale: 'en-US' });
    const { page, fixture } = app;
    await page.getByRole('button', { name: 'Settings' }).click();
    const language = page.getByRole('combobox', { name: 'Language' });
    expect(await language.locator('option:checked').innerText()).toBe('System (English)');
    await language.selectOption('zh-CN');
    await page.getByRole('heading', { name: '设置' }).waitFor();
    expect(fixture.settings.get().language).toBe('zh-CN');
    await page.getByRole('combobox', { name: '语言' }).selectOption('system');
    await page.getByRole('heading', { name: 'Settings' }).waitFor();
    expect(fixture.settings.get().language).toBe('system');
  });
});
