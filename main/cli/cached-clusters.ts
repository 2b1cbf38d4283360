// `clusters --cached` with the region given (--region, ALIBABA_CLOUD_REGION_ID): the cached list
// read with nothing but what that needs, so the command costs little more than starting Node. No
// core, SDK, keychain, conf or zod: the folder is made private and links refused as the settings
// do it (prepareSettingsFolder), and the cache file gets its one check (cluster-cache-file.ts).
// The settings file is not read, so it is not needed here; when the region is the settings' own,
// or nothing is cached for it, the full run answers (and checks the settings as always).
import path from 'node:path';
import type { ClusterList } from '../../preload/shared/contract';
import { ClusterCache } from '../core/cluster-cache';
import { configDir } from '../core/config-dir';
import { CLUSTER_CACHE_FILE_NAME, prepareSettingsFolder } from '../core/settings-files';
import type { GlobalOptions } from './global-options';
import { checkGlobalOptions, warnTo } from './option-checks';
import type { CliIO } from './output';

/** The region's cached list; undefined when the full run must answer. Throws what it would. */
export function cachedClusterList(
  opts: GlobalOptions,
  io: CliIO,
  env: NodeJS.ProcessEnv,
): ClusterList | undefined {
  const { region } = checkGlobalOptions(opts, env);
  if (region === undefined) return undefined;
  const dir = path.resolve(configDir(env));
  // Held back until the answer is sure: the full run would otherwise warn a second time.
  const warnings: string[] = [];
  const hold = (message: string): void => void warnings.push(message);
  prepareSettingsFolder(dir, hold);
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
