// Where the Electron executable is, if anywhere: shared by the Electron end-to-end test and
// `npm run demo`. Machines installed with ELECTRON_SKIP_BINARY_DOWNLOAD have none.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * The Electron executable, found the way electron/index.js finds it but without running that
 * file (which would try to download a missing binary).
 */
export function electronBinary(): string | undefined {
  let dir: string;
  try {
    dir = path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return undefined;
  }
  const pathFile = path.join(dir, 'path.txt');
  if (!existsSync(pathFile)) return undefined;
  const distDir = process.env.ELECTRON_OVERRIDE_DIST_PATH || path.join(dir, 'dist');
  const exe = path.join(distDir, readFileSync(pathFile, 'utf8').trim());
  return existsSync(exe) ? exe : undefined;
}
