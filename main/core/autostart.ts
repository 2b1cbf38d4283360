// Launch at login. On Linux the app writes (or removes) a freedesktop autostart entry,
// `$XDG_CONFIG_HOME/autostart/e-hpc-vnc-tray.desktop` (`~/.config` when unset), which every
// XDG-compliant session starts at login. On macOS and Windows the OS keeps the list and Electron
// edits it through `app.setLoginItemSettings`; this module only computes what to pass, and the
// shell hands in the function (the core never imports Electron).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppError, appError } from './app-error';
import { APP_NAME } from './config-dir';

export const AUTOSTART_FILE_NAME = 'e-hpc-vnc-tray.desktop';

/** How the shell turns launch at login on and off (what AppService calls). */
export interface LoginItemPort {
  set(enabled: boolean): Promise<void> | void;
}

/** The command that starts the app. */
export interface LaunchCommand {
  path: string;
  args: string[];
}

/**
 * The command to start this app at login. A packaged app is its own executable; an AppImage
 * must be started through the image (`$APPIMAGE`), not the temporary mount `execPath` points
 * into; a development run is Electron plus the app folder.
 */
export function launchCommand(opts: {
  execPath: string;
  isPackaged: boolean;
  appPath?: string;
  env?: NodeJS.ProcessEnv;
}): LaunchCommand {
  const appImage = opts.env?.APPIMAGE;
  if (opts.isPackaged && appImage) return { path: appImage, args: [] };
  if (opts.isPackaged || !opts.appPath) return { path: opts.execPath, args: [] };
  return { path: opts.execPath, args: [opts.appPath] };
}

export function autostartDir(
  env: NodeJS.ProcessEnv = process.env,
  home: string = os.homedir(),
): string {
  // The spec says a relative XDG_CONFIG_HOME is invalid and must be ignored.
  const configHome = env.XDG_CONFIG_HOME;
  const base = configHome && path.isAbsolute(configHome) ? configHome : path.join(home, '.config');
  return path.join(base, 'autostart');
}

export function autostartFile(env?: NodeJS.ProcessEnv, home?: string): string {
  return path.join(autostartDir(env, home), AUTOSTART_FILE_NAME);
}

/**
 * One argument of an `Exec` key, quoted as the Desktop Entry spec asks: inside double quotes,
 * `"`, `` ` ``, `$` and `\` are escaped with a backslash; `%` is doubled (field codes). The
 * key's value is then escaped once more as a string value (`\` → `\\`), as the spec requires.
 */
export function quoteExecArg(arg: string): string {
  if (/[\n\r\0]/.test(arg)) throw new Error('A launch argument cannot contain a line break.');
  const quoted = `"${arg.replace(/(["`$\\])/g, '\\$1').replace(/%/g, '%%')}"`;
  return quoted.replace(/\\/g, '\\\\');
}

export function desktopEntry(command: LaunchCommand): string {
  const exec = [command.path, ...command.args].map(quoteExecArg).join(' ');
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Version=1.0',
    `Name=${APP_NAME}`,
    'Comment=Set and stop the VNC of Alibaba Cloud E-HPC clusters from the tray',
    `Exec=${exec}`,
    'Terminal=false',
    'Hidden=false',
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n');
}

function autostartFailed(file: string, error: unknown): AppError {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return appError('AutostartUnwritable', {
    params: code ? { file, detail: code } : { file },
  });
}

/** Writes (atomically) or removes the Linux autostart entry. */
export function setLinuxAutostart(
  enabled: boolean,
  opts: { command: LaunchCommand; env?: NodeJS.ProcessEnv; home?: string },
): void {
  const file = autostartFile(opts.env, opts.home);
  try {
    if (!enabled) {
      fs.rmSync(file, { force: true });
      return;
    }
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    const temp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(temp, desktopEntry(opts.command), { mode: 0o644 });
    fs.renameSync(temp, file);
  } catch (error) {
    throw autostartFailed(file, error);
  }
}

export function isLinuxAutostartEnabled(env?: NodeJS.ProcessEnv, home?: string): boolean {
  return fs.existsSync(autostartFile(env, home));
}

/** What Electron's `app.setLoginItemSettings` takes (the part used here). */
export interface LoginItemSettings {
  openAtLogin: boolean;
  path?: string;
  args?: string[];
}

/**
 * macOS: `openAtLogin` alone (the app bundle registers itself). Windows: the executable and
 * its arguments too, so that a development run registers Electron with the app folder.
 */
export function loginItemSettingsFor(
  enabled: boolean,
  platform: NodeJS.Platform,
  command: LaunchCommand,
): LoginItemSettings {
  if (platform === 'win32') return { openAtLogin: enabled, path: command.path, args: command.args };
  return { openAtLogin: enabled };
}

/**
 * The LoginItemPort for this platform: the XDG entry on Linux (and other freedesktop systems),
 * Electron's login items on macOS and Windows (`setLoginItemSettings` from the shell).
 */
export function createLoginItem(opts: {
  platform: NodeJS.Platform;
  command: LaunchCommand;
  env?: NodeJS.ProcessEnv;
  home?: string;
  setLoginItemSettings?: (settings: LoginItemSettings) => void;
}): LoginItemPort {
  const { platform, command } = opts;
  if (platform === 'darwin' || platform === 'win32') {
    const apply = opts.setLoginItemSettings;
    if (!apply) throw new Error('setLoginItemSettings is needed on macOS and Windows.');
    return {
      set(enabled) {
        try {
          apply(loginItemSettingsFor(enabled, platform, command));
        } catch {
          throw appError('AutostartUnwritable', { variant: 'refused' });
        }
      },
    };
  }
  return {
    set(enabled) {
      setLinuxAutostart(enabled, { command, env: opts.env, home: opts.home });
    },
  };
}
