// `clusters --cached`: the cached list read with nothing but what that needs, so the command
// costs little more than starting Node. No core, SDK, keychain, conf or zod: the folder is made
// private and links refused as the settings do it (prepareSettingsFolder), and the cache file
// gets its one check (cluster-cache-file.ts). The region is the one given (--region,
// ALIBABA_CLOUD_REGION_ID), else the settings' own, read alone from settings.json; whenever that
// file is anything but plain (missing, a link, not JSON, a migration pending, no valid region),
// or nothing is cached for the region, the full run answers and checks the whole file as always.
// The other settings are not checked here, as this command does not use them: a damaged field
// elsewhere in the file is reported by the next command that reads it.
import { lstatSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { version as appVersion } from '../../package.json';
import { isValidRegionId } from '../../preload/shared/validation';
import type { ClusterList } from '../../preload/shared/contract';
import { ClusterCache } from '../core/cluster-cache';
import { configDir } from '../core/config-dir';
import {
  CLUSTER_CACHE_FILE_NAME,
  prepareSettingsFolder,
  settingsFilePath,
} from '../core/settings-files';
import type { GlobalOptions } from './global-options';
import { checkGlobalOptions, warnTo } from './option-checks';
import type { CliIO } from './output';

/** The region's cached list; undefined when the full run must answer. Throws what it would. */
export function cachedClusterList(
  opts: GlobalOptions,
  io: CliIO,
  env: NodeJS.ProcessEnv,
): ClusterList | undefined {
  const given = checkGlobalOptions(opts, env).region;
  const dir = path.resolve(configDir(env));
  // Held back until the answer is sure: the full run would otherwise warn a second time.
  const warnings: string[] = [];
  const hold = (message: string): void => void warnings.push(message);
  prepareSettingsFolder(dir, hold);
  const region = given ?? settingsRegion(settingsFilePath(dir));
  if (region === undefined) return undefined;
  const cache = new ClusterCache(path.join(dir, CLUSTER_CACHE_FILE_NAME), { onWarning: hold });
  const cached = cache.get(region);
  if (!cached) return undefined;
  warnings.forEach(warnTo(io));
  return {
    regionId: region,
    clusters: cached.clusters,
    fetchedAt: cached.fetchedAt,
    fromCache: true,
  };
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The settings' region, when settings.json is plain and up to date; undefined otherwise (the full
 * run then opens the file through the settings code, migrates or reports it). `__internal__` is
 * where conf records the last migration applied: another version means one may be pending.
 */
function settingsRegion(file: string): string | undefined {
  try {
    if (!lstatSync(file).isFile()) return undefined;
    const raw: unknown = JSON.parse(readFileSync(file, 'utf8'));
    if (!isObject(raw)) return undefined;
    const internal = raw.__internal__;
    const migrated = isObject(internal) && isObject(internal.migrations) && internal.migrations;
    if (!migrated || migrated.version !== appVersion) return undefined;
    return typeof raw.regionId === 'string' && isValidRegionId(raw.regionId)
      ? raw.regionId
      : undefined;
  } catch {
    return undefined;
  }
}
