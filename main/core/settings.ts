// The settings: one JSON file shared by the app (electron-store) and the CLI (conf), re-read
// when the other has written it, changed only under a lock both take, checked once with zod (a
// bad file is kept aside and replaced by defaults), private to the user, links refused. Helpers
// by job: settings-{store,lock,files,errors,schema,migrations,pending-stops}.ts; the cluster
// list has its own file (cluster-cache.ts).
import Conf from 'conf';
import path from 'node:path';
import { ClusterCache } from './cluster-cache';
import { fileVersionOf } from './file-version';
import { configDir } from './config-dir';
import { invalidClusterId, invalidSetting, settingsUnwritable } from './settings-errors';
import { prepareSettingsFolder, refuseSymlink } from './settings-files';
import { lockSettingsFile } from './settings-lock';
import {
  journalEntries,
  withAttempt,
  withEntries,
  withoutClusters,
  type NewPendingStop,
} from './settings-pending-stops';
import {
  contentMisfit,
  createStore,
  isInvalidContent,
  setAside,
  type KeyValueStore,
  type SettingsStoreOptions,
} from './settings-store';
import {
  MAX_RECENT_CLUSTERS,
  defaultSettings,
  parseSettingsFile,
  settingsSchema,
  type CachedClusterList,
  type PendingStop,
  type RememberedCluster,
  type SettingsData,
} from './settings-schema';
import { isValidClusterId } from '../../preload/shared/validation';

export type { SettingsData, PendingStop, CachedClusterList, RememberedCluster, NewPendingStop };
export {
  SETTINGS_FILE_NAME,
  settingsFilePath,
  settingsStoreOptions,
  type KeyValueStore,
  type SettingsStoreOptions,
} from './settings-store';

export interface SettingsOptions {
  /** Told when the file had to be replaced; the CLI prints it to stderr, the app logs it. */
  onWarning?: (message: string) => void;
}

export interface OpenSettingsOptions extends SettingsOptions {
  /** The folder; configDir() when absent. */
  dir?: string;
  /** Builds the store; conf when absent. The Electron shell passes `(o) => new ElectronStore(o)`. */
  createStore?: (options: SettingsStoreOptions) => KeyValueStore;
}

/** Zod's parse result without `undefined` holes, so the file and the schema agree. */
function toPlainJson(value: unknown): SettingsData {
  return JSON.parse(JSON.stringify(value)) as SettingsData;
}

const SETTINGS_KEYS = Object.keys(settingsSchema.shape) as (keyof SettingsData)[];

export class Settings {
  readonly path: string;
  /** The last cluster list of each region: its own file beside this one (cluster-cache.ts). */
  readonly clusterCache: ClusterCache;
  private readonly kv: KeyValueStore;
  private cache?: { key: string; data: SettingsData };
  private readonly onWarning: (message: string) => void;

  /** Opens settings.json in `dir` (configDir() by default); makes the folder private first. */
  static open(opts: OpenSettingsOptions = {}): Settings {
    const dir = path.resolve(opts.dir ?? configDir());
    const warn = opts.onWarning ?? (() => undefined);
    prepareSettingsFolder(dir, warn);
    const create = opts.createStore ?? ((o: SettingsStoreOptions) => new Conf<SettingsData>(o));
    const settings = new Settings(createStore(create, dir, warn), opts);
    settings.read(); // checks the content now: a bad file is set aside while starting up
    return settings;
  }

  constructor(store: KeyValueStore, opts: SettingsOptions = {}) {
    this.kv = store;
    this.path = store.path;
    this.onWarning = opts.onWarning ?? (() => undefined);
    this.clusterCache = ClusterCache.besideSettings(store.path, { onWarning: this.onWarning });
  }

  /** The settings as they are in the file now (a copy the caller may change). */
  get(): SettingsData {
    return structuredClone(this.read());
  }

  /**
   * The same, read-only and without copying: for hot paths (every state push, every call reads
   * the region). Frozen, so a caller that tries to change it fails loudly.
   */
  peek(): Readonly<SettingsData> {
    return this.read();
  }

  /** Replaces the given top-level fields; keys that are not settings are ignored. */
  update(patch: Partial<SettingsData>): SettingsData {
    const picked: Record<string, unknown> = {};
    for (const key of SETTINGS_KEYS) {
      if (Object.hasOwn(patch, key)) picked[key] = patch[key];
    }
    return this.mutate((current) => ({ ...current, ...picked }));
  }

  /** Remembers the CidrIp and run-as user of a cluster; an explicit `undefined` forgets one. */
  rememberCluster(clusterId: string, patch: { cidrIp?: string; runasUser?: string }): void {
    this.requireClusterId(clusterId);
    this.mutate((current) => {
      const entry: Record<string, unknown> = { ...current.clusters[clusterId] };
      for (const key of ['cidrIp', 'runasUser'] as const) {
        if (Object.hasOwn(patch, key)) entry[key] = patch[key];
      }
      return { ...current, clusters: { ...current.clusters, [clusterId]: entry } };
    });
  }

  /** Drops everything remembered about a cluster (selection, recents, CidrIps, run-as user). */
  forgetCluster(clusterId: string): void {
    this.mutate((current) => {
      const { [clusterId]: _gone, ...clusters } = current.clusters;
      const { [clusterId]: _unconfirmed, ...confirmedCidrs } = current.confirmedCidrs;
      return {
        ...current,
        clusters,
        confirmedCidrs,
        recentClusterIds: current.recentClusterIds.filter((id) => id !== clusterId),
        selectedClusterId:
          current.selectedClusterId === clusterId ? undefined : current.selectedClusterId,
      };
    });
  }

  /** Selects a cluster and moves it to the front of the recent list. */
  selectCluster(clusterId: string): void {
    this.requireClusterId(clusterId);
    this.mutate((current) => {
      const recent = [clusterId, ...current.recentClusterIds.filter((id) => id !== clusterId)];
      return {
        ...current,
        selectedClusterId: clusterId,
        recentClusterIds: recent.slice(0, MAX_RECENT_CLUSTERS),
      };
    });
  }

  pendingStops(): PendingStop[] {
    return this.read().pendingStops;
  }

  /** Records a stop still owed to a cluster (one entry per cluster; a new request restarts it). */
  addPendingStop(stop: NewPendingStop): PendingStop {
    return this.addPendingStops([stop])[0] as PendingStop;
  }

  /** The same for many clusters in one write (stop-all journals its whole wave at once). */
  addPendingStops(stops: readonly NewPendingStop[]): PendingStop[] {
    const entries = journalEntries(stops);
    if (entries.length === 0) return entries;
    this.mutate((current) => ({
      ...current,
      pendingStops: withEntries(current.pendingStops, entries),
    }));
    return entries;
  }

  /** Counts a failed attempt at a pending stop; `lastError` is a message, never a secret. */
  recordPendingStopAttempt(clusterId: string, lastError?: string): PendingStop | undefined {
    let updated: PendingStop | undefined;
    this.mutate((current) => {
      const next = withAttempt(current.pendingStops, clusterId, lastError);
      updated = next.updated;
      return updated ? { ...current, pendingStops: next.journal } : undefined;
    });
    return updated;
  }

  /** True when there was one to remove. */
  removePendingStop(clusterId: string): boolean {
    return this.removePendingStops([clusterId]) > 0;
  }

  /** Removes the entries of these clusters in one write; how many there were. */
  removePendingStops(clusterIds: readonly string[]): number {
    let removed = 0;
    this.mutate((current) => {
      const pendingStops = withoutClusters(current.pendingStops, clusterIds);
      removed = current.pendingStops.length - pendingStops.length;
      return removed > 0 ? { ...current, pendingStops } : undefined;
    });
    return removed;
  }

  private requireClusterId(clusterId: string): void {
    if (!isValidClusterId(clusterId)) throw invalidClusterId();
  }

  /**
   * Every change is a read-modify-write of a file the other process (the app or the CLI) may be
   * changing in the same instant: a logout hook's `ehpc-vnc stop` and the app's stop on logout
   * both journal their stops. So the read and the write happen under a lock shared by both
   * processes (proper-lockfile: an atomic mkdir of settings.json.lock), and neither loses the
   * other's change. `change` returns the new settings, or undefined to leave them as they are.
   */
  private mutate(
    change: (current: SettingsData) => Record<string, unknown> | undefined,
  ): SettingsData {
    const release = lockSettingsFile(this.path);
    try {
      const current = this.read();
      const next = change(current);
      return next ? this.write(next) : toPlainJson(current);
    } finally {
      release();
    }
  }

  /**
   * Reading the store re-reads, re-parses and re-validates the whole file (a thousand cached
   * clusters make that tens of milliseconds), so the parsed data is kept until the file changes.
   * The file is shared with another process (the CLI or the app), hence the stat on every read.
   */
  private read(): SettingsData {
    const key = fileVersionOf(this.path);
    if (key !== undefined && this.cache?.key === key) return this.cache.data;
    const data = deepFreeze(this.readFile());
    this.cache = key === undefined ? undefined : { key, data };
    return data;
  }

  private readFile(): SettingsData {
    refuseSymlink(this.path);
    try {
      return this.parseFile(this.kv.store);
    } catch (error) {
      if (!isInvalidContent(error)) throw settingsUnwritable(this.path, error);
      // Someone (a hand edit, an older CLI) broke the file since it was opened.
      setAside(this.path, error, this.onWarning);
      this.resetToDefaults();
      return defaultSettings();
    }
  }

  private parseFile(raw: unknown): SettingsData {
    const checked = parseSettingsFile(raw);
    if (!checked.ok) throw contentMisfit(checked.problems);
    return toPlainJson(checked.data);
  }

  private write(next: Record<string, unknown>): SettingsData {
    const parsed = settingsSchema.safeParse(next);
    if (!parsed.success) throw invalidSetting(parsed.error);
    const clean = toPlainJson(parsed.data);
    refuseSymlink(this.path);
    try {
      this.kv.store = clean;
    } catch (error) {
      throw settingsUnwritable(this.path, error);
    }
    const key = fileVersionOf(this.path);
    this.cache = key === undefined ? undefined : { key, data: deepFreeze(toPlainJson(clean)) };
    return toPlainJson(clean);
  }

  private resetToDefaults(): void {
    refuseSymlink(this.path);
    try {
      this.kv.clear();
    } catch (error) {
      throw settingsUnwritable(this.path, error);
    }
  }
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
