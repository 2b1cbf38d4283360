// The key-value store behind settings.json: conf for the CLI, electron-store (conf underneath)
// for the app, on the same file. It only reads, migrates and writes JSON: no JSON Schema and no
// ajv (compiling a validator cost 60-90 ms at every start). The content is checked once, with
// zod, by Settings (settings-schema.ts, parseSettingsFile). A file that is not JSON, or does not
// fit, is moved aside (never deleted) and replaced by the defaults.
import fs from 'node:fs';
import path from 'node:path';
import type { Options as ConfOptions } from 'conf';
import { settingsUnwritable } from './settings-errors';
import { PRIVATE_FILE_MODE, SETTINGS_FILE_NAME, settingsFilePath } from './settings-files';
import { settingsMigrations } from './settings-migrations';
import { defaultSettings, type SettingsData } from './settings-schema';
import { version as appVersion } from '../../package.json';

// The file's name and place: settings-files.ts (free of conf and zod, so the CLI's cached read
// can use them), re-exported here.
export { SETTINGS_FILE_NAME, settingsFilePath };

/** conf's options plus electron-store's `name`; valid for `new Conf()` and `new ElectronStore()`. */
export type SettingsStoreOptions = ConfOptions<SettingsData> & { name: string };

/**
 * Options for the store behind settings.json in `dir`. Differences between the two libraries
 * that matter here: electron-store replaces `configName` with its own `name` (default
 * 'config'), so both are given; it reads a relative `cwd` against userData, so `cwd` is made
 * absolute; and it fills `projectVersion` from Electron's app version only when missing, while
 * conf requires it whenever there are migrations, so it is given from package.json.
 * No `schema`, `rootSchema` or `ajvOptions`: any of them makes conf compile an ajv validator.
 */
export function settingsStoreOptions(dir: string): SettingsStoreOptions {
  return {
    cwd: path.resolve(dir),
    configName: SETTINGS_FILE_NAME,
    name: SETTINGS_FILE_NAME,
    fileExtension: 'json',
    defaults: defaultSettings(),
    migrations: settingsMigrations,
    projectVersion: appVersion,
    // The user's alone (settings-files.ts); conf's default is 0666 less the umask.
    configFileMode: PRIVATE_FILE_MODE,
    // We move a bad file aside ourselves (clearing it would lose it without a trace).
    clearInvalidConfig: false,
    // Cluster IDs may contain dots; keys are never paths.
    accessPropertiesByDotNotation: false,
    watch: false,
  };
}

/** The part of conf's API used here; an ElectronStore instance fits it too. */
export interface KeyValueStore {
  readonly path: string;
  get store(): SettingsData;
  set store(value: SettingsData);
  /** Back to the defaults. */
  clear(): void;
}

/** Thrown for a file that is JSON but not settings (settings-schema.ts decides). */
export const CONTENT_MISFIT = 'Config schema violation:';

export function contentMisfit(problems: number): Error {
  return new Error(`${CONTENT_MISFIT} ${problems} problem(s)`);
}

/** Errors for a file that can be read but not accepted (conf's and ours). */
export function isInvalidContent(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  return (
    error.name === 'SyntaxError' ||
    error.message.startsWith(CONTENT_MISFIT) ||
    error.message.startsWith('Something went wrong during the migration!')
  );
}

/** Builds the store, moving a file aside that conf cannot even read or migrate. */
export function createStore(
  create: (options: SettingsStoreOptions) => KeyValueStore,
  dir: string,
  warn: (message: string) => void,
): KeyValueStore {
  const options = settingsStoreOptions(dir);
  const filePath = settingsFilePath(dir);
  try {
    return create(options);
  } catch (error) {
    if (!isInvalidContent(error)) throw settingsUnwritable(filePath, error);
    setAside(filePath, error, warn);
    try {
      return create(options);
    } catch (retryError) {
      throw settingsUnwritable(filePath, retryError);
    }
  }
}

/** Moves a bad settings file aside (never deletes it) and tells `warn` where it went. */
export function setAside(filePath: string, cause: unknown, warn: (message: string) => void): void {
  let backup: string;
  try {
    backup = quarantine(filePath);
  } catch (error) {
    // Could not even move it: report the folder, not the content problem.
    throw settingsUnwritable(filePath, (error as NodeJS.ErrnoException).code ? error : cause);
  }
  const why =
    cause instanceof Error && cause.name === 'SyntaxError'
      ? 'is not valid JSON'
      : 'does not fit the expected format';
  warn(`The settings file ${filePath} ${why}; it was kept as ${backup} and the defaults are used.`);
}

function quarantine(filePath: string, now = new Date()): string {
  const base = `${filePath}.corrupt-${now.toISOString().replace(/[:.]/g, '-')}`;
  let target = base;
  for (let n = 1; fs.existsSync(target); n++) target = `${base}-${n}`;
  fs.renameSync(filePath, target);
  return target;
}
