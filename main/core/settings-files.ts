// The settings folder and its files (settings.json, which holds the pending-stop journal, and
// cluster-cache.json) are the user's alone: the folder 0700, the files 0600, for the app and the
// CLI alike. A symbolic link where one of the files should be is refused, never followed: the
// libraries that write them (conf and the cluster cache both use `atomically`) would otherwise
// write through it, wherever it points. Windows has no such modes; there the folder under the
// user's profile is private already, and only the link check applies.
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from './app-error';
import { settingsFileIsSymlink, settingsUnwritable } from './settings-errors';

export const SETTINGS_FILE_NAME = 'settings';
export const CLUSTER_CACHE_FILE_NAME = 'cluster-cache.json';

export function settingsFilePath(dir: string): string {
  return path.join(path.resolve(dir), `${SETTINGS_FILE_NAME}.json`);
}

export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;
/** Access for anyone but the owner. */
const NOT_OWNER_BITS = 0o077;

const hasModes = (): boolean => process.platform !== 'win32';

/** Throws SettingsFileIsSymlink when `filePath` is a link; a missing file is fine. */
export function refuseSymlink(filePath: string): void {
  let st: fs.Stats;
  try {
    st = fs.lstatSync(filePath);
  } catch {
    return; // missing (or unreadable: the read or write that follows says so)
  }
  if (st.isSymbolicLink()) throw settingsFileIsSymlink(filePath);
}

/**
 * Creates `dir` as 0700, or takes group and other access away from an existing one (an older
 * version created it 0755), and does the same (0600) for the files in it that exist. Links among
 * `files` are refused. A mode that cannot be changed (a folder owned by someone else, say
 * EHPC_VNC_CONFIG_DIR pointing at a shared one) is reported to `warn`, not fatal: the files
 * themselves are still written 0600. Throws what mkdir throws.
 */
export function makePrivate(
  dir: string,
  files: readonly string[],
  warn: (m: string) => void,
): void {
  fs.mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  for (const file of files) refuseSymlink(file);
  if (!hasModes()) return;
  tighten(dir, warn, 'folder');
  for (const file of files) tighten(file, warn, 'file');
}

function tighten(target: string, warn: (m: string) => void, kind: 'folder' | 'file'): void {
  let st: fs.Stats;
  try {
    // The folder may be a link (a dotfiles setup linking ~/.config): its target is what counts.
    // A file link never gets here (refused above).
    st = kind === 'folder' ? fs.statSync(target) : fs.lstatSync(target);
  } catch {
    return; // a file not written yet is created 0600
  }
  if ((st.mode & NOT_OWNER_BITS) === 0) return;
  try {
    fs.chmodSync(target, st.mode & 0o700);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException | null)?.code;
    warn(
      `The settings ${kind} ${target} can be read by other users and could not be made private` +
        `${code ? ` (${code})` : ''}; run chmod go-rwx on it.`,
    );
  }
}

/**
 * The settings folder `dir` made private (see makePrivate) before either file in it is read:
 * settings.json and cluster-cache.json. Throws an AppError: SettingsFileIsSymlink, or
 * SettingsUnwritable when the folder cannot be created.
 */
export function prepareSettingsFolder(dir: string, warn: (m: string) => void): void {
  const filePath = settingsFilePath(dir);
  try {
    makePrivate(dir, [filePath, path.join(dir, CLUSTER_CACHE_FILE_NAME)], warn);
  } catch (error) {
    throw error instanceof AppError ? error : settingsUnwritable(filePath, error);
  }
}
