// The last cluster list of each region, in its own file beside settings.json. It is kept apart
// from the settings because it is large (a thousand clusters is a few hundred KB) and only a
// cache: settings.json is validated and fsynced on every write, and the pending-stop journal,
// which is written before every stop, lives there. With the cache inside, every stop paid for
// re-validating and re-writing the whole list.
//
// Here a write is asynchronous and off the caller's path: the list is kept in memory at once,
// and the file follows on a later turn of the event loop (atomically: temp file, then rename).
// Like settings.json the file is shared with the other process (the app or the CLI), so a read
// notices when someone else rewrote it; and like it, the file is the user's alone (0600 in a
// 0700 folder), and a symbolic link in its place is neither read nor written through.
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from './app-error';
import { CLUSTER_CACHE_FORMAT_VERSION, parseClusterCacheFile } from './cluster-cache-file';
import { fileVersionOf } from './file-version';
import {
  CLUSTER_CACHE_FILE_NAME,
  PRIVATE_DIR_MODE,
  PRIVATE_FILE_MODE,
  refuseSymlink,
} from './settings-files';
import type { CachedClusterList } from './settings-schema';

export { CLUSTER_CACHE_FILE_NAME };

type Regions = Record<string, CachedClusterList>;

export interface ClusterCacheOptions {
  /** Told when the file could not be written; the list itself is never lost for the caller. */
  onWarning?: (message: string) => void;
}

export class ClusterCache {
  readonly path: string;
  private readonly onWarning: (message: string) => void;
  /** What the file holds (or is about to hold); undefined until first read. */
  private regions?: Regions;
  /** The version of the file `regions` was read from or written as. */
  private fileVersion?: string;
  private writing?: Promise<void>;
  private dirty = false;

  constructor(filePath: string, opts: ClusterCacheOptions = {}) {
    this.path = filePath;
    this.onWarning = opts.onWarning ?? (() => undefined);
  }

  /** The cache beside a settings file. */
  static besideSettings(settingsPath: string, opts?: ClusterCacheOptions): ClusterCache {
    return new ClusterCache(path.join(path.dirname(settingsPath), CLUSTER_CACHE_FILE_NAME), opts);
  }

  /**
   * The cached list of a region. The object is shared, not copied (the list can hold a thousand
   * clusters and is read on every refresh): callers must not change it.
   */
  get(regionId: string): CachedClusterList | undefined {
    return this.current()[regionId];
  }

  /** The regions a list is cached for. */
  cachedRegions(): string[] {
    return Object.keys(this.current());
  }

  /** Caches a region's list now; the returned promise resolves once the file has it. */
  set(regionId: string, list: CachedClusterList): Promise<void> {
    const entry: CachedClusterList = {
      fetchedAt: list.fetchedAt,
      totalCount: list.totalCount,
      clusters: list.clusters,
    };
    this.regions = { ...this.current(), [regionId]: entry };
    return this.persist();
  }

  /** Forgets every region (signing out: the next account must not see this one's clusters). */
  clear(): Promise<void> {
    this.regions = {};
    return this.persist();
  }

  /** Resolves when every change made so far is in the file. */
  async flush(): Promise<void> {
    await this.writing;
  }

  private current(): Regions {
    // While a write is under way, memory is newer than the file.
    if (this.writing && this.regions) return this.regions;
    const version = fileVersionOf(this.path);
    if (this.regions && version === this.fileVersion) return this.regions;
    this.regions = this.readFile();
    this.fileVersion = version;
    return this.regions;
  }

  /**
   * A missing, unreadable or outdated file is an empty cache; the next write replaces it. A link
   * is an empty cache too, and said so: what it points at is not read.
   */
  private readFile(): Regions {
    let raw: unknown;
    try {
      refuseSymlink(this.path);
      raw = JSON.parse(fs.readFileSync(this.path, 'utf8'));
    } catch (error) {
      if (error instanceof AppError) this.onWarning(`${error.message} ${error.action}`);
      return {};
    }
    return parseClusterCacheFile(raw) ?? {};
  }

  private writeFailure(error: unknown): string {
    if (error instanceof AppError) return `${error.message} ${error.action}`;
    const code = (error as NodeJS.ErrnoException | null)?.code;
    return `could not cache the cluster list in ${this.path}${code ? ` (${code})` : ''}`;
  }

  private persist(): Promise<void> {
    this.dirty = true;
    this.writing ??= this.drain();
    return this.writing;
  }

  /** Writes until the file holds the latest regions; changes made meanwhile go in the next write. */
  private async drain(): Promise<void> {
    // Let the caller answer first: serialising a long list is the one costly step here.
    await new Promise<void>((resolve) => setImmediate(resolve));
    try {
      while (this.dirty) {
        this.dirty = false;
        const json = JSON.stringify({
          version: CLUSTER_CACHE_FORMAT_VERSION,
          regions: this.regions ?? {},
        });
        try {
          await fs.promises.mkdir(path.dirname(this.path), {
            recursive: true,
            mode: PRIVATE_DIR_MODE,
          });
          // `atomically` would write through a link (it resolves the path first).
          refuseSymlink(this.path);
          // Imported here: reading the cache (the CLI's `clusters --cached`) never needs it.
          const { writeFile } = await import('atomically');
          // No fsync: losing the newest cache in a power cut costs one refresh, nothing more.
          await writeFile(this.path, json, {
            encoding: 'utf8',
            mode: PRIVATE_FILE_MODE,
            fsync: false,
          });
          this.fileVersion = fileVersionOf(this.path);
        } catch (error) {
          this.onWarning(this.writeFailure(error));
        }
      }
    } finally {
      // In the same turn as the last `dirty` check, so no change can slip between the two.
      this.writing = undefined;
    }
  }
}
