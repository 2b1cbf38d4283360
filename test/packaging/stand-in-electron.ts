// A folder shaped like an unpacked Electron distribution for linux-x64, for packaging without the
// real binary (which cannot be downloaded on the CI machine). electron-builder copies such a
// folder as it is (it removes nothing from a custom `electronDist`), renames `electron` to the
// app's executable name, moves `LICENSE` to `LICENSE.electron.txt`, and flips the fuses in the
// executable. So the stand-in executable carries a real fuse wire, in Electron's default state,
// which lets the test read back what the build flipped.
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { FuseV1Options } from '@electron/fuses';
// Not re-exported by the package's index; the wire format's constants live here.
import { FuseState, SENTINEL } from '@electron/fuses/dist/constants';

const FUSE_WIRE_VERSION = 1;

/** Electron's own defaults, in wire order (FuseV1Options). */
const ELECTRON_DEFAULT_FUSES: Record<FuseV1Options, boolean> = {
  [FuseV1Options.RunAsNode]: true,
  [FuseV1Options.EnableCookieEncryption]: false,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: true,
  [FuseV1Options.EnableNodeCliInspectArguments]: true,
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: false,
  [FuseV1Options.OnlyLoadAppFromAsar]: false,
  [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: true,
};

function defaultFuseWire(): Buffer {
  const states = Object.values(ELECTRON_DEFAULT_FUSES).map((on) =>
    on ? FuseState.ENABLE : FuseState.DISABLE,
  );
  return Buffer.concat([
    Buffer.from(SENTINEL, 'ascii'),
    Buffer.from([FUSE_WIRE_VERSION, states.length, ...states]),
  ]);
}

/** Writes the stand-in distribution into `dir` and returns `dir`. */
export async function writeStandInElectron(dir: string, version: string): Promise<string> {
  await mkdir(path.join(dir, 'resources'), { recursive: true });
  await mkdir(path.join(dir, 'locales'), { recursive: true });
  const executable = Buffer.concat([
    Buffer.from('#!/bin/sh\n# Stand-in for the Electron binary in packaging tests. Fuse wire: '),
    defaultFuseWire(),
    Buffer.from('\necho "stand-in Electron: the real binary is not installed here" >&2\nexit 1\n'),
  ]);
  await writeFile(path.join(dir, 'electron'), executable);
  await chmod(path.join(dir, 'electron'), 0o755);
  await writeFile(path.join(dir, 'LICENSE'), 'Stand-in for the Electron MIT licence.\n');
  await writeFile(path.join(dir, 'version'), `${version}\n`);
  await writeFile(path.join(dir, 'locales', 'en-US.pak'), '');
  return dir;
}
