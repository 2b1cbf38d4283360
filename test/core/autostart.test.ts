// Launch at login: the Linux XDG autostart entry written to real files, and what macOS and
// Windows get through Electron's setLoginItemSettings.
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  AUTOSTART_FILE_NAME,
  autostartDir,
  createLoginItem,
  desktopEntry,
  isLinuxAutostartEnabled,
  launchCommand,
  loginItemSettingsFor,
  quoteExecArg,
  setLinuxAutostart,
  type LoginItemSettings,
} from '../../main/core/autostart';

/** Reads an Exec value back the way a desktop environment does (string unescape, then unquote). */
function parseExec(value: string): string[] {
  const unescaped = value.replace(/\\\\/g, '\\');
  const args: string[] = [];
  const re = /"((?:[^"\\]|\\.)*)"/g;
  for (let m = re.exec(unescaped); m; m = re.exec(unescaped)) {
    args.push((m[1] as string).replace(/\\(["`$\\])/g, '$1').replace(/%%/g, '%'));
  }
  return args;
}

describe('the autostart folder', () => {
  it('is ~/.config/autostart, or under XDG_CONFIG_HOME when that is absolute', () => {
    expect(autostartDir({}, '/home/ann')).toBe('/home/ann/.config/autostart');
    expect(autostartDir({ XDG_CONFIG_HOME: '/srv/cfg' }, '/home/ann')).toBe('/srv/cfg/autostart');
    // The spec says a relative value is invalid and must be ignored.
    expect(autostartDir({ XDG_CONFIG_HOME: 'cfg' }, '/home/ann')).toBe(
      '/home/ann/.config/autostart',
    );
  });
});

describe('the desktop entry', () => {
  it('quotes every argument so that spaces, quotes, $ and % survive', () => {
    const tricky = ['/opt/E-HPC VNC Tray/e-hpc "vnc"', '--x=$HOME`id`', '100%', 'C:\\dir'];
    for (const arg of tricky) expect(parseExec(quoteExecArg(arg))).toEqual([arg]);
    expect(() => quoteExecArg('a\nb')).toThrow();
  });

  it('starts the app without a terminal', () => {
    const text = desktopEntry({ path: '/opt/E-HPC VNC Tray/e-hpc-vnc-tray', args: [] });
    expect(text.split('\n')[0]).toBe('[Desktop Entry]');
    expect(text).toMatch(/^Type=Application$/m);
    expect(text).toMatch(/^Name=E-HPC VNC Tray$/m);
    expect(text).toMatch(/^Terminal=false$/m);
    const exec = /^Exec=(.*)$/m.exec(text)?.[1] ?? '';
    expect(parseExec(exec)).toEqual(['/opt/E-HPC VNC Tray/e-hpc-vnc-tray']);
  });

  it('launches an AppImage through the image, a dev run through Electron and the app folder', () => {
    expect(
      launchCommand({
        execPath: '/tmp/.mount_x/e-hpc',
        isPackaged: true,
        env: { APPIMAGE: '/home/a/E-HPC.AppImage' },
      }),
    ).toEqual({ path: '/home/a/E-HPC.AppImage', args: [] });
    expect(launchCommand({ execPath: '/opt/app/e-hpc', isPackaged: true, env: {} })).toEqual({
      path: '/opt/app/e-hpc',
      args: [],
    });
    expect(
      launchCommand({ execPath: '/n/electron', isPackaged: false, appPath: '/src/app', env: {} }),
    ).toEqual({ path: '/n/electron', args: ['/src/app'] });
  });
});

describe('the Linux login item', () => {
  let home: string;
  const command = { path: '/opt/E-HPC VNC Tray/e-hpc-vnc-tray', args: [] };

  beforeEach(async () => {
    home = await mkdtemp(join(tmpdir(), 'ehpc-autostart-'));
  });
  afterEach(async () => {
    await rm(home, { recursive: true, force: true });
  });

  it('writes the entry under XDG_CONFIG_HOME, and removes it again', async () => {
    const env = { XDG_CONFIG_HOME: join(home, 'cfg') };
    const item = createLoginItem({ platform: 'linux', command, env, home });
    const file = join(home, 'cfg', 'autostart', AUTOSTART_FILE_NAME);
    await item.set(true);
    expect(existsSync(file)).toBe(true);
    expect(isLinuxAutostartEnabled(env, home)).toBe(true);
    expect(readFileSync(file, 'utf8')).toBe(desktopEntry(command));
    expect(statSync(file).mode & 0o777).toBe(0o644);
    await item.set(true); // again: same file, no error
    await item.set(false);
    expect(existsSync(file)).toBe(false);
    await item.set(false); // already gone: fine
    expect(isLinuxAutostartEnabled(env, home)).toBe(false);
  });

  it('defaults to ~/.config/autostart', () => {
    setLinuxAutostart(true, { command, env: {}, home });
    expect(existsSync(join(home, '.config', 'autostart', AUTOSTART_FILE_NAME))).toBe(true);
  });

  it('fails with a typed error when the folder cannot be made', () => {
    const blocker = join(home, 'not-a-folder');
    writeFileSync(blocker, '');
    expect(() =>
      setLinuxAutostart(true, { command, env: { XDG_CONFIG_HOME: blocker }, home }),
    ).toThrow(expect.objectContaining({ code: 'AutostartUnwritable' }));
  });
});

describe('the macOS and Windows login items', () => {
  const command = { path: 'C:\\Program Files\\E-HPC VNC Tray\\E-HPC VNC Tray.exe', args: [] };

  it('passes what each OS needs to setLoginItemSettings', () => {
    expect(loginItemSettingsFor(true, 'darwin', command)).toEqual({ openAtLogin: true });
    expect(loginItemSettingsFor(true, 'win32', command)).toEqual({
      openAtLogin: true,
      path: command.path,
      args: [],
    });
    expect(loginItemSettingsFor(false, 'win32', command).openAtLogin).toBe(false);
  });

  it('calls the shell’s setter, and turns its failure into a typed error', async () => {
    const calls: LoginItemSettings[] = [];
    const item = createLoginItem({
      platform: 'darwin',
      command,
      setLoginItemSettings: (s) => void calls.push(s),
    });
    await item.set(true);
    await item.set(false);
    expect(calls).toEqual([{ openAtLogin: true }, { openAtLogin: false }]);

    const refusing = createLoginItem({
      platform: 'win32',
      command,
      setLoginItemSettings: () => {
        throw new Error('access denied');
      },
    });
    expect(() => refusing.set(true)).toThrow(
      expect.objectContaining({ code: 'AutostartUnwritable' }),
    );
    expect(() => createLoginItem({ platform: 'darwin', command })).toThrow();
  });
});
