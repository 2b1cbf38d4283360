import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { trayIconFile, trayIconPath } from '../../main/shell/tray-icons';
import type { TrayIconName } from '../../main/shell/tray-menu';

const names: TrayIconName[] = ['running', 'stopped', 'unknown', 'working', 'error'];
const root = path.resolve(__dirname, '../..');

function pngSize(file: string): { width: number; height: number } {
  const buf = readFileSync(file);
  expect(buf.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

describe('tray icons', () => {
  it('uses an .ico on Windows, template images on macOS and colour PNGs elsewhere', () => {
    expect(trayIconFile('running', 'win32')).toBe('running.ico');
    expect(trayIconFile('running', 'darwin')).toBe('runningTemplate.png');
    expect(trayIconFile('error', 'linux')).toBe('error.png');
    expect(trayIconFile('working', 'freebsd')).toBe('working.png');
  });

  it('finds them in build/tray in development and in resources/tray in a package', () => {
    const dev = { platform: 'linux' as const, appPath: '/src/app', isPackaged: false };
    expect(trayIconPath('stopped', dev)).toBe(
      path.join('/src/app', 'build', 'tray', 'stopped.png'),
    );
    const packaged = {
      platform: 'darwin' as const,
      appPath: '/Applications/X.app/Contents/Resources/app.asar',
      resourcesPath: '/Applications/X.app/Contents/Resources',
      isPackaged: true,
    };
    expect(trayIconPath('stopped', packaged)).toBe(
      path.join('/Applications/X.app/Contents/Resources', 'tray', 'stoppedTemplate.png'),
    );
  });

  it('exist for every state and platform, at 16 px and 32 px (@2x)', () => {
    for (const name of names) {
      for (const platform of ['darwin', 'linux'] as const) {
        const file = trayIconPath(name, { platform, appPath: root, isPackaged: false });
        expect(pngSize(file)).toEqual({ width: 16, height: 16 });
        expect(pngSize(file.replace(/\.png$/, '@2x.png'))).toEqual({ width: 32, height: 32 });
      }
      const ico = readFileSync(
        trayIconPath(name, { platform: 'win32', appPath: root, isPackaged: false }),
      );
      expect(ico.readUInt16LE(2)).toBe(1); // an icon
      expect(ico[6]).toBe(16); // the first image is the 100 % one (test/packaging checks the rest)
    }
  });
});
