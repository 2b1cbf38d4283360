// The settings store: one JSON file shared by the app (electron-store) and the CLI (conf), read
// again whenever the other has written it, and changed only under a lock both take. Only typed,
// non-secret fields get in; a file that is not JSON or does not fit the schema is kept aside and
// replaced by defaults. The cluster list is cached apart, in cluster-cache.ts.
import fs from 'node:fs';
import path from 'node:path';
import Conf, { type Options as ConfOptions } from 'conf';
import { lockSync } from 'proper-lockfile';
import type { z } from 'zod';
import { AppError, appError } from './app-error';
import { ClusterCache } from './cluster-cache';
import { fileVersionOf } from './file-version';
import { configDir } from './config-dir';
import { settingsMigrations } from './settings-migrations';
import {
  MAX_RECENT_CLUSTERS,
  defaultSettings,
  settingsJsonSchema,
  settingsSchema,
  type CachedClusterList,
  type PendingStop,
  type RememberedCluster,
  type SettingsData,
} from './settings-schema';
import { isValidClusterId } from '../../preload/shared/validation';
import { version as appVersion } from '../../package.json';

export type { SettingsData, PendingStop, CachedClusterList, RememberedCluster };

export const SETTINGS_FILE_NAME = 'settings';

/**
 * A lock older than this is left over from a process that died holding it, and is taken over.
 * Writes hold it for milliseconds; the library's minimum is 2 s.
 */
const LOCK_STALE_MS = 3000;
/** Longer than LOCK_STALE_MS, so that a dead holder's lock is taken over rather than failed on. */
const LOCK_WAIT_MS = 4000;
const LOCK_POLL_MS = 5;

/** conf's options plus electron-store's `name`; valid for `new Conf()` and `new ElectronStore()`. */
export type SettingsStoreOptions = ConfOptions<SettingsData> & { name: string };

/**
 * Options for the store behind settings.json in `dir`. Differences between the two libraries
 * that matter here: electron-store replaces `configName` with its own `name` (default
 * 'config'), so both are given; it reads a relative `cwd` against userData, so `cwd` is made
 * absolute; and it fills `projectVersion` from Electron's app version only when missing, while
 * conf requires it whenever there are migrations, so it is given from package.json.
 */
export function settingsStoreOptions(dir: string): SettingsStoreOptions {
  const { schema, rootSchema } = settingsJsonSchema();
  return {
    cwd: path.resolve(dir),
    configName: SETTINGS_FILE_NAME,
    name: SETTINGS_FILE_NAME,
    fileExtension: 'json',
    schema: schema as ConfOptions<SettingsData>['schema'],
    rootSchema: rootSchema as ConfOptions<SettingsData>['rootSchema'],
    defaults: defaultSettings(),
    migrations: settingsMigrations,
    projectVersion: appVersion,
    // We move a bad file aside ourselves (clearing it would lose it without a trace).
    clearInvalidConfig: false,
    // Cluster IDs may contain dots; keys are never paths.
    accessPropertiesByDotNotation: false,
    watch: false,
  };
}

export function settingsFilePath(dir: string): string {
  return path.join(path.resolve(dir), `${SETTINGS_FILE_NAME}.json`);
}

/** The part of conf's API used here; an ElectronStore instance fits it too. */
export interface KeyValueStore {
  readonly path: string;
  get store(): SettingsData;
  set store(value: SettingsData);
  /** Back to the defaults. */
  clear(): void;
}

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

/** Errors conf raises for a file it can read but not accept. */
function isInvalidContent(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  return (
    error.name === 'SyntaxError' ||
    error.message.startsWith('Config schema violation:') ||
    error.message.startsWith('Something went wrong during the migration!')
  );
}

function settingsUnwritable(filePath: string, error: unknown): AppError {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return appError('SettingsUnwritable', {
    params: code ? { file: filePath, detail: code } : { file: filePath },
  });
}

function settingsBusy(filePath: string): AppError {
  return appError('SettingsUnwritable', { variant: 'busy', params: { file: filePath } });
}

function invalidSetting(error: z.ZodError): AppError {
  const issue = error.issues[0];
  // The value itself is left out of the message: it may be anything a caller passed.
  return issue && issue.path.length > 0
    ? appError('InvalidInput', {
        variant: 'settingField',
        params: { field: issue.path.join('.') },
      })
    : appError('InvalidInput', { variant: 'setting' });
}

function timestampForFileName(date: Date): string {
  return date.toISOString().replace(/[:.]/g, '-');
}

/** Moves a bad settings file aside (never deletes it) and returns where it went. */
function quarantine(filePath: string, now = new Date()): string {
  const base = `${filePath}.corrupt-${timestampForFileName(now)}`;
  let target = base;
  for (let n = 1; fs.existsSync(target); n++) target = `${base}-${n}`;
  fs.renameSync(filePath, target);
  return target;
}

function warningFor(filePath: string, backup: string, error: unknown): string {
  const why =
    error instanceof Error && error.name === 'SyntaxError'
      ? 'is not valid JSON'
      : 'does not fit the expected format';
  return `The settings file ${filePath} ${why}; it was kept as ${backup} and the defaults are used.`;
}

/** Zod's parse result without `undefined` holes, so the file and the schema agree. */
function toPlainJson(value: unknown): SettingsData {
  return JSON.parse(JSON.stringify(value)) as SettingsData;
}

const SETTINGS_KEYS = Object.keys(settingsSchema.shape) as (keyof SettingsData)[];

/** What a caller gives to record a pending stop; the journal adds the rest. */
export interface NewPendingStop {
  clusterId: string;
  regionId: string;
  cidrIp?: string;
  requestedAt?: string;
}

export class Settings {
  readonly path: string;
  /** The last cluster list of each region: its own file beside this one (cluster-cache.ts). */
  readonly clusterCache: ClusterCache;
  private readonly kv: KeyValueStore;
  private cache?: { key: string; data: SettingsData };
  private readonly onWarning: (message: string) => void;

  /** Opens settings.json in `dir` (configDir() by default), recovering from a bad file. */
  static open(opts: OpenSettingsOptions = {}): Settings {
    const dir = opts.dir ?? configDir();
    const options = settingsStoreOptions(dir);
    const filePath = settingsFilePath(dir);
    const create = opts.createStore ?? ((o: SettingsStoreOptions) => new Conf<SettingsData>(o));
    const warn = opts.onWarning ?? (() => undefined);
    let store: KeyValueStore;
    try {
      store = create(options);
    } catch (error) {
      if (!isInvalidContent(error)) throw settingsUnwritable(filePath, error);
      const backup = moveAside(filePath, error);
      warn(warningFor(filePath, backup, error));
      try {
        store = create(options);
      } catch (retryError) {
        throw settingsUnwritable(filePath, retryError);
      }
    }
    return new Settings(store, opts);
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

  /** Drops everything remembered about a cluster (selection, recents, CidrIp, run-as user). */
  forgetCluster(clusterId: string): void {
    this.mutate((current) => {
      const { [clusterId]: _gone, ...clusters } = current.clusters;
      return {
        ...current,
        clusters,
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
    const now = new Date().toISOString();
    const entries = stops.map((stop) => {
      const entry: PendingStop = {
        clusterId: stop.clusterId,
        regionId: stop.regionId,
        requestedAt: stop.requestedAt ?? now,
        attempts: 0,
      };
      if (stop.cidrIp !== undefined) entry.cidrIp = stop.cidrIp;
      return entry;
    });
    if (entries.length === 0) return entries;
    const renewed = new Set(entries.map((e) => e.clusterId));
    this.mutate((current) => {
      const others = current.pendingStops.filter((p) => !renewed.has(p.clusterId));
      return { ...current, pendingStops: [...others, ...entries] };
    });
    return entries;
  }

  /** Counts a failed attempt at a pending stop; `lastError` is a message, never a secret. */
  recordPendingStopAttempt(clusterId: string, lastError?: string): PendingStop | undefined {
    let updated: PendingStop | undefined;
    this.mutate((current) => {
      const pendingStops = current.pendingStops.map((p) => {
        if (p.clusterId !== clusterId) return p;
        updated = { ...p, attempts: p.attempts + 1 };
        if (lastError !== undefined) updated.lastError = lastError.slice(0, 500);
        return updated;
      });
      return updated ? { ...current, pendingStops } : undefined;
    });
    return updated;
  }

  /** True when there was one to remove. */
  removePendingStop(clusterId: string): boolean {
    return this.removePendingStops([clusterId]) > 0;
  }

  /** Removes the entries of these clusters in one write; how many there were. */
  removePendingStops(clusterIds: readonly string[]): number {
    const gone = new Set(clusterIds);
    let removed = 0;
    this.mutate((current) => {
      const pendingStops = current.pendingStops.filter((p) => !gone.has(p.clusterId));
      removed = current.pendingStops.length - pendingStops.length;
      return removed > 0 ? { ...current, pendingStops } : undefined;
    });
    return removed;
  }

  private requireClusterId(clusterId: string): void {
    if (!isValidClusterId(clusterId)) {
      throw appError('InvalidInput', { variant: 'clusterId' });
    }
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
    const release = this.lock();
    try {
      const current = this.read();
      const next = change(current);
      return next ? this.write(next) : toPlainJson(current);
    } finally {
      release();
    }
  }

  /** Takes the file's lock, waiting while the other process holds it (for milliseconds). */
  private lock(): () => void {
    const deadline = Date.now() + LOCK_WAIT_MS;
    for (;;) {
      try {
        return lockSync(this.path, {
          realpath: false,
          stale: LOCK_STALE_MS,
          // Held for one synchronous write, never long enough for its mtime to need refreshing.
          onCompromised: () => undefined,
        });
      } catch (error) {
        const code = (error as NodeJS.ErrnoException | null)?.code;
        if (code !== 'ELOCKED') throw settingsUnwritable(this.path, error);
        if (Date.now() >= deadline) throw settingsBusy(this.path);
        sleepSync(LOCK_POLL_MS);
      }
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
    try {
      return this.parseFile(this.kv.store);
    } catch (error) {
      if (!isInvalidContent(error)) throw settingsUnwritable(this.path, error);
      // Someone (a hand edit, an older CLI) broke the file since it was opened.
      const backup = moveAside(this.path, error);
      this.onWarning(warningFor(this.path, backup, error));
      this.resetToDefaults();
      return defaultSettings();
    }
  }

  private parseFile(raw: SettingsData): SettingsData {
    const parsed = settingsSchema.safeParse(raw);
    if (parsed.success) return toPlainJson(parsed.data);
    // The JSON Schema cannot express every rule (CIDR ranges); the file is bad all the same.
    throw new Error(`Config schema violation: ${parsed.error.issues.length} problem(s)`);
  }

  private write(next: Record<string, unknown>): SettingsData {
    const parsed = settingsSchema.safeParse(next);
    if (!parsed.success) throw invalidSetting(parsed.error);
    const clean = toPlainJson(parsed.data);
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
    try {
      this.kv.clear();
    } catch (error) {
      throw settingsUnwritable(this.path, error);
    }
  }
}

/** Blocks this thread; only for the few milliseconds the other process holds the lock. */
function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

function moveAside(filePath: string, cause: unknown): string {
  try {
    return quarantine(filePath);
  } catch (error) {
    // Could not even move it: report the folder, not the content problem.
    throw settingsUnwritable(filePath, (error as NodeJS.ErrnoException).code ? error : cause);
  }
}
