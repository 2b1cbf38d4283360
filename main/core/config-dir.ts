// Where the settings file lives. The app (electron-store) and the CLI (conf) must agree on one
// folder, so the CLI computes by hand the folder Electron's `app.getPath('userData')` gives for
// our productName, and both honour the same override.
import os from 'node:os';
import path from 'node:path';

/** Electron names the userData folder after package.json's `productName`. */
export const APP_NAME = 'E-HPC VNC Tray';

/** Overrides the settings folder for the app and the CLI alike (tests, portable setups). */
export const CONFIG_DIR_ENV = 'EHPC_VNC_CONFIG_DIR';

export function configDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = os.homedir(),
): string {
  const override = env[CONFIG_DIR_ENV];
  // electron-store would read a relative folder as relative to userData; conf, to the process
  // cwd. Resolving here keeps the two on the same file.
  if (override) return path.resolve(override);

  switch (platform) {
    case 'win32':
      return path.win32.join(env.APPDATA || path.win32.join(home, 'AppData', 'Roaming'), APP_NAME);
    case 'darwin':
      return path.posix.join(home, 'Library', 'Application Support', APP_NAME);
    default:
      // Linux and the other freedesktop systems, as Chromium's XDG lookup does it.
      return path.posix.join(env.XDG_CONFIG_HOME || path.posix.join(home, '.config'), APP_NAME);
  }
}
