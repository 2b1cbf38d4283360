// The start-up error box says what to do, not only what went wrong: a symlink where settings.json
// should be (refused by the real settings code, on real files) names the file and the fix.
import { mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Settings } from '../../main/core/settings';
import { startupFailure } from '../../main/shell/startup-failure';

describe('the start-up error box', () => {
  let dir = '';
  afterEach(async () => rm(dir, { recursive: true, force: true }));

  async function symlinkRefusal(): Promise<unknown> {
    dir = await mkdtemp(path.join(tmpdir(), 'ehpc-startup-'));
    const elsewhere = path.join(dir, 'elsewhere.json');
    await writeFile(elsewhere, '{}');
    await symlink(elsewhere, path.join(dir, 'settings.json'));
    try {
      Settings.open({ dir }).peek();
    } catch (error) {
      return error;
    }
    throw new Error('a symlinked settings.json was opened');
  }

  it('shows the message and the action of a settings error, in English', async () => {
    const { title, content } = startupFailure(await symlinkRefusal(), 'en-US');
    expect(title).toBe('E-HPC VNC Tray could not start');
    expect(content).toContain('symbolic link');
    expect(content).toContain('Delete the link');
    expect(content).toContain('SettingsFileIsSymlink');
  });

  it('and in Chinese on a Chinese system', async () => {
    const { title, content } = startupFailure(await symlinkRefusal(), 'zh-CN');
    expect(title).toBe('E-HPC VNC Tray 无法启动');
    expect(content).toContain('请删除该链接');
  });

  it('shows an unexpected error’s message', () => {
    expect(startupFailure(new Error('boom'), 'en').content).toBe('boom');
  });
});
