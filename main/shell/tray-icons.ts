// Which file the tray shows. PNGs on every platform for now (an .ico for Windows is the
// installer work's to add); macOS gets the black-and-alpha "Template" variants that the menu bar
// recolours for light and dark mode. `@2x` files next to them are picked up for HiDPI.
import path from 'node:path';
import type { TrayIconName } from './tray-menu';

export interface IconLocation {
  platform: NodeJS.Platform;
  /** `app.getAppPath()`: the project folder in development, the asar in a package. */
  appPath: string;
  /** `process.resourcesPath` in a package (where build/tray is copied as `tray/`). */
  resourcesPath?: string;
  isPackaged: boolean;
}

export function trayIconFile(name: TrayIconName, platform: NodeJS.Platform): string {
  return platform === 'darwin' ? `${name}Template.png` : `${name}.png`;
}

export function trayIconPath(name: TrayIconName, where: IconLocation): string {
  const file = trayIconFile(name, where.platform);
  const dir =
    where.isPackaged && where.resourcesPath
      ? path.join(where.resourcesPath, 'tray')
      : path.join(where.appPath, 'build', 'tray');
  return path.join(dir, file);
}
