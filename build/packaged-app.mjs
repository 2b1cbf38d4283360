// Prints the path of the executable inside the unpacked app that `electron-builder --dir` made
// for this OS and architecture, so that CI can point the Electron end-to-end tests at the
// packaged app (EHPC_VNC_E2E_EXECUTABLE). Exits 1, saying where it looked, when there is none.
// Usage: node build/packaged-app.mjs [outputDir=release]
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';

const PRODUCT = 'E-HPC VNC Tray';
const LINUX_EXECUTABLE = 'ehpc-vnc-tray'; // electron-builder.config.cjs linux.executableName

// electron-builder names the folders mac, mac-arm64, win-unpacked, linux-arm64-unpacked, …:
// no suffix means x64.
const archOf = (folder) => /-(arm64|ia32|armv7l|universal)(-|$)/.exec(folder)?.[1] ?? 'x64';

function executableIn(folder) {
  if (process.platform === 'darwin') {
    return folder === 'mac' || folder.startsWith('mac-')
      ? path.join(folder, `${PRODUCT}.app`, 'Contents', 'MacOS', PRODUCT)
      : undefined;
  }
  const prefix = process.platform === 'win32' ? 'win' : 'linux';
  if (!folder.startsWith(prefix) || !folder.endsWith('-unpacked')) return undefined;
  return path.join(folder, process.platform === 'win32' ? `${PRODUCT}.exe` : LINUX_EXECUTABLE);
}

const outputDir = path.resolve(process.argv[2] ?? 'release');
const folders = existsSync(outputDir) ? readdirSync(outputDir) : [];
const found = folders
  .filter((folder) => archOf(folder) === process.arch)
  .map(executableIn)
  .filter((file) => file !== undefined)
  .map((file) => path.join(outputDir, file))
  .find((file) => existsSync(file));

if (!found) {
  console.error(
    `No unpacked ${process.platform}-${process.arch} app under ${outputDir} (run electron-builder --dir first).`,
  );
  process.exit(1);
}
console.log(found);
