// Which file the tray shows, all made from build/icon.svg by scripts/icons.mjs. Windows gets a
// multi-size .ico, so the notification area picks the image drawn for the display's scaling
// (16 px at 100 % to 64 px at 400 %); macOS the black-and-alpha "Template" PNGs that the menu bar
// recolours for light and dark mode; Linux colour PNGs. Electron picks up the `@2x` PNGs beside
// them on HiDPI screens.
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
  if (platform === 'win32') return `${name}.ico`;
  if (platform === 'darwin') return `${name}Template.png`;
  return `${name}.png`;
}

export function trayIconPath(name: TrayIconName, where: IconLocation): string {
  const file = trayIconFile(name, where.platform);
  const dir =
    where.isPackaged && where.resourcesPath
      ? path.join(where.resourcesPath, 'tray')
      : path.join(where.appPath, 'build', 'tray');
  return path.join(dir, file);
}
