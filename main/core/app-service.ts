// The app's behaviour, minus Electron: what every IPC operation and every CLI command does.
// The shell, the CLI and the test harnesses all drive this one class. Inputs arrive already
// validated against the contract's schemas (see ipc-handlers.ts); domain rules that deserve a
// per-rule message (the VNC password policy) are checked here.
//
// Secrets: the AccessKey is read from the vault for each operation and dropped when it ends; the
// run-as and VNC passwords live only in the arguments of the call that needs them.
import type {
  ActionResult,
  AppState,
  AutoStopInfo,
  AutoStopScope,
  ClusterList,
  ClusterUser,
  PendingRetryReport,
  PendingStopInfo,
  Preferences,
  Region,
  Request,
  SessionInfo,
  StopAllResult,
  VncState,
  VncStatus,
} from '../../preload/shared/contract';
import { checkVncPassword } from '../../preload/shared/validation';
import { AppError, invalidInput } from './app-error';
import { EhpcClient } from './ehpc/client';
import type { AccessKey, EhpcClientOptions } from './ehpc/types';
import { toAppError } from './errors';
import { createLimiter } from './ehpc/limiter';
import { autoStopSupport, toAutoStopPreferences } from './auto-stop';
import type { LoginItemPort } from './autostart';
import {
  INTERRUPTED,
  isDeferredStopFailure,
  PendingStopError,
  PendingStopJournal,
  toPendingStopInfo,
  type StopTarget,
} from './pending-stops';
import type { AutoStopSettings } from './settings-schema';
import { CredentialVault, maskAccessKeyId } from './vault';
import type { Settings } from './settings';
import { SingleFlight } from './single-flight';

export interface ClipboardPort {
  writeText(text: string): void;
  readText(): string;
  clear(): void;
}

export interface AppServiceDeps {
  vault: CredentialVault;
  settings: Settings;
  /** Reads EHPC_VNC_ENDPOINT and EHPC_VNC_TIMEOUT_SECONDS when the options below are absent. */
  env?: NodeJS.ProcessEnv;
  endpoint?: string;
  timeoutMs?: number;
  /** Overrides the remembered region for this process only (the CLI's --region). */
  regionId?: string;
  clipboard?: ClipboardPort;
  createClient?: (opts: EhpcClientOptions) => EhpcClient;
  /** Turns launch at login on and off (the shell's; absent in the CLI, where it is unsupported). */
  loginItem?: LoginItemPort;
  /** Decides which automatic stops this computer offers. */
  platform?: NodeJS.Platform;
  /** Told when the pending-stop journal cannot be written (the stop is sent all the same). */
  onWarning?: (message: string) => void;
}

/** How many clusters stop-all queries and stops at once: fifty clusters in one wave. */
const STOP_ALL_CONCURRENCY = 64;
/** How many journalled stops are retried at once. */
const RETRY_CONCURRENCY = 4;

const PASSWORD_RULE_MESSAGES = {
  length: 'The VNC password must be 8 to 30 characters long.',
  classes:
    'The VNC password needs at least three of: upper case letters, lower case letters, digits, special characters.',
  charset:
    "The VNC password may contain only letters, digits and these characters: ()~!@#$%^&*-_+=|{}[]:;'/<>,.?",
} as const;

export class AppService {
  private readonly vault: CredentialVault;
  private readonly settings: Settings;
  private readonly endpoint?: string;
  private readonly timeoutMs?: number;
  private readonly regionOverride?: string;
  private readonly clipboard?: ClipboardPort;
  private readonly createClient: (opts: EhpcClientOptions) => EhpcClient;
  private readonly flights = new SingleFlight();
  /** Work outside a flight that writes files as it goes or ends: stop-alls, list refreshes. */
  private readonly changes = new Set<Promise<unknown>>();
  private readonly reads = new Set<Promise<unknown>>();
  private readonly listeners = new Set<(state: AppState) => void>();
  private readonly vnc: Record<string, VncState> = {};
  private readonly busy = new Map<string, AppState['busy'][string]>();
  private clipboardTimer?: ReturnType<typeof setTimeout>;
  private readonly journal: PendingStopJournal;
  /** Callers waiting for a stop, per cluster: asked for and not settled (queued or on the wire). */
  private readonly stopRequests = new Map<string, number>();
  private retrying?: Promise<PendingRetryReport>;
  private readonly loginItem?: LoginItemPort;
  private readonly platform: NodeJS.Platform;
  private emitScheduled = false;
  /** Stops confirmed by stop-all whose journal entries are about to be cleared in one write. */
  private readonly settling = new Set<string>();

  constructor(deps: AppServiceDeps) {
    const env = deps.env ?? process.env;
    this.vault = deps.vault;
    this.settings = deps.settings;
    this.endpoint = deps.endpoint ?? (env.EHPC_VNC_ENDPOINT || undefined);
    const envTimeout = Number(env.EHPC_VNC_TIMEOUT_SECONDS);
    this.timeoutMs = deps.timeoutMs ?? (envTimeout > 0 ? Math.round(envTimeout * 1000) : undefined);
    this.regionOverride = deps.regionId;
    this.clipboard = deps.clipboard;
    this.createClient = deps.createClient ?? ((opts) => new EhpcClient(opts));
    this.journal = new PendingStopJournal(deps.settings, deps.onWarning);
    this.loginItem = deps.loginItem;
    this.platform = deps.platform ?? process.platform;
  }

  // ----------------------------------------------------------------------------------------
  // State pushed to the window and the tray

  getState(): AppState {
    const current = this.settings.peek();
    const selectedClusterId = current.selectedClusterId;
    const pendingStops = current.pendingStops
      .map((p) => p.clusterId)
      .filter((id) => this.busy.get(id) !== 'stopping' && !this.settling.has(id));
    return {
      ...(selectedClusterId ? { selectedClusterId } : {}),
      vnc: { ...this.vnc },
      busy: Object.fromEntries(this.busy),
      ...(pendingStops.length > 0 ? { pendingStops } : {}),
    };
  }

  onState(listener: (state: AppState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Resolves when no operation on a cluster (a stop, a start, a password, a status) and no
   * stop-all is in flight, and the cluster cache is on disk: what quitting waits for. A list
   * refresh does not hold it up.
   */
  idle(): Promise<void> {
    return this.settle(false);
  }

  /**
   * `idle()`, and no list refresh in flight either: after this nothing writes to the settings
   * folder, which tests then remove.
   */
  quiescent(): Promise<void> {
    return this.settle(true);
  }

  private async settle(withReads: boolean): Promise<void> {
    const outside = () => [...this.changes, ...(withReads ? this.reads : [])];
    // Work that ends while another is awaited may start or cache more, so repeat until quiet.
    do {
      await this.flights.idle();
      await Promise.allSettled(outside());
      await this.settings.clusterCache.flush();
    } while (this.flights.size > 0 || outside().length > 0);
  }

  /** Lets `idle()` (a change) or `quiescent()` alone (a read) wait for `work`, outside a flight. */
  private outlast<T>(kind: 'change' | 'read', work: Promise<T>): Promise<T> {
    const set = kind === 'change' ? this.changes : this.reads;
    set.add(work);
    const forget = () => set.delete(work);
    work.then(forget, forget);
    return work;
  }

  /**
   * Tells the listeners (the window, the tray menu) about a change, once per turn of the event
   * loop: stop-all changes the state twice per cluster, and each push is an IPC message and a
   * tray menu rebuild. The state is read when the push goes out, so it is always the latest.
   */
  private emit(): void {
    if (this.emitScheduled) return;
    this.emitScheduled = true;
    setImmediate(() => {
      this.emitScheduled = false;
      this.emitNow();
    });
  }

  private emitNow(): void {
    const state = this.getState();
    for (const listener of this.listeners) {
      try {
        listener(state);
      } catch {
        // A broken listener (a closed window) must not break the operation that emitted.
      }
    }
  }

  private async track<T>(
    clusterId: string,
    kind: AppState['busy'][string],
    task: () => Promise<T>,
  ): Promise<T> {
    return this.flights.run(clusterId, kind, async () => {
      this.busy.set(clusterId, kind);
      this.emit();
      try {
        return await task();
      } finally {
        this.busy.delete(clusterId);
        this.emit();
      }
    });
  }

  private regionId(): string {
    return this.regionOverride ?? this.settings.peek().regionId;
  }

  private setVnc(clusterId: string, state: VncState): void {
    this.vnc[clusterId] = state;
  }

  // ----------------------------------------------------------------------------------------
  // Account

  async getSession(): Promise<SessionInfo> {
    const regionId = this.regionId();
    const keychainAvailable = await this.vault.keychainAvailable();
    let resolved: Awaited<ReturnType<CredentialVault['resolveAccessKey']>> = null;
    try {
      resolved = await this.vault.resolveAccessKey();
    } catch (err) {
      // No keychain is not an error here: the session is simply signed out, and says why.
      if (!(err instanceof AppError && err.code === 'KeychainUnavailable')) throw err;
    }
    if (!resolved) return { signedIn: false, source: 'none', regionId, keychainAvailable };
    return {
      signedIn: true,
      source: resolved.source,
      accessKeyIdMasked: maskAccessKeyId(resolved.key.accessKeyId),
      regionId,
      keychainAvailable,
    };
  }

  /** Verifies the key with one listing call, then saves it to the keychain (never before). */
  async signIn(req: Request<'signIn'>): Promise<SessionInfo> {
    const key: AccessKey = {
      accessKeyId: req.accessKeyId.trim(),
      accessKeySecret: req.accessKeySecret,
      ...(req.securityToken ? { securityToken: req.securityToken } : {}),
    };
    const client = this.clientFor(key, req.regionId);
    const verified = await client.verifyCredentials();
    await this.vault.saveAccessKey(key);
    this.settings.update({ regionId: req.regionId });
    // The lists cached so far may be another account's.
    void this.settings.clusterCache.clear();
    if (verified.page) this.cacheList(req.regionId, verified.page);
    return this.getSession();
  }

  /** Forgets the AccessKey and the account's cached cluster lists. */
  async signOut(): Promise<SessionInfo> {
    await this.vault.deleteAccessKey();
    await this.settings.clusterCache.clear();
    return this.getSession();
  }

  // ----------------------------------------------------------------------------------------
  // Preferences

  getPreferences(): Preferences {
    const s = this.settings.peek();
    return {
      language: s.language,
      regionId: s.regionId,
      ...(s.selectedClusterId ? { selectedClusterId: s.selectedClusterId } : {}),
      recentClusterIds: [...s.recentClusterIds],
      clusters: structuredClone(s.clusters),
    };
  }

  setPreferences(req: Request<'setPreferences'>): Preferences {
    const patch: { language?: Preferences['language']; regionId?: string } = {};
    if (req.language) patch.language = req.language;
    if (req.regionId) patch.regionId = req.regionId;
    this.settings.update(patch);
    return this.getPreferences();
  }

  selectCluster(req: Request<'selectCluster'>): Preferences {
    this.settings.selectCluster(req.clusterId);
    this.emit();
    return this.getPreferences();
  }

  // ----------------------------------------------------------------------------------------
  // Reading

  async listRegions(): Promise<Region[]> {
    const client = await this.client();
    return client.listRegions();
  }

  /**
   * The cached list at once (`refresh: false`), or a fresh one. A refresh tells the client how
   * many clusters there were last time so that it can fetch every page in one wave.
   */
  listClusters(req: Request<'listClusters'>): Promise<ClusterList> {
    return this.outlast('read', this.cachedOrFreshList(req));
  }

  private async cachedOrFreshList(req: Request<'listClusters'>): Promise<ClusterList> {
    const regionId = this.regionId();
    const cached = this.settings.clusterCache.get(regionId);
    if (!req.refresh && cached) {
      return { regionId, clusters: cached.clusters, fetchedAt: cached.fetchedAt, fromCache: true };
    }
    const client = await this.client();
    const listed = await client.listClusters(
      cached ? { expectedTotal: cached.totalCount } : undefined,
    );
    const fetchedAt = this.cacheList(regionId, listed);
    return { regionId, clusters: listed.clusters, fetchedAt, fromCache: false };
  }

  /**
   * Caches a fresh list. The cache has it in memory at once; the file is written after the
   * caller has its answer, and `idle()` waits for that, so quitting never loses it.
   */
  private cacheList(
    regionId: string,
    listed: { clusters: ClusterList['clusters']; totalCount: number },
  ): string {
    const fetchedAt = new Date().toISOString();
    void this.settings.clusterCache.set(regionId, {
      clusters: listed.clusters,
      totalCount: listed.totalCount,
      fetchedAt,
    });
    return fetchedAt;
  }

  async listUsers(req: Request<'listUsers'>): Promise<ClusterUser[]> {
    const client = await this.client();
    return client.listUsers(req.clusterId);
  }

  async getVncStatus(req: Request<'getVncStatus'>): Promise<VncStatus> {
    return this.statusOf(req.clusterId);
  }

  /** `client` lets a batch (stop-all) share one keychain read and one SDK client. */
  private statusOf(clusterId: string, client = () => this.client()): Promise<VncStatus> {
    // The client is resolved inside the flight, so that a repeated request joins synchronously.
    return this.track(clusterId, 'status', async () => {
      const status = await (await client()).getVncStatus(clusterId);
      this.setVnc(clusterId, status.vnc);
      return status;
    });
  }

  // ----------------------------------------------------------------------------------------
  // Acting

  async startVnc(req: Request<'startVnc'>): Promise<ActionResult> {
    return this.track(req.clusterId, 'starting', async () => {
      const client = await this.client();
      const result = await client.startVnc(req.clusterId, req.cidrIp);
      this.settings.rememberCluster(req.clusterId, { cidrIp: req.cidrIp });
      this.setVnc(req.clusterId, 'running');
      return result;
    });
  }

  /**
   * Stops VNC with the given CidrIp, or the one VNC was started with from this app. The stop is
   * journalled before it is sent (see pending-stops.ts); a repeated request while one is in
   * flight joins it, so any number of clicks sends one StopVisualService.
   */
  async stopVnc(req: Request<'stopVnc'>): Promise<ActionResult> {
    return this.stopOf(req.clusterId, req.cidrIp);
  }

  private stopOf(
    clusterId: string,
    givenCidrIp?: string,
    client?: () => Promise<EhpcClient>,
  ): Promise<ActionResult> {
    const cidrIp = givenCidrIp ?? this.settings.peek().clusters[clusterId]?.cidrIp;
    if (!cidrIp) throw noCidrRemembered(clusterId);
    // No await before the flight starts: concurrent calls must find it in flight and join.
    const target = { clusterId, regionId: this.regionId(), cidrIp };
    this.journal.begin(target);
    return this.journalledStop(target, client);
  }

  /**
   * `settle` ends the journal entry; stop-all passes one that collects them, to end the whole
   * wave's entries in one write.
   */
  private journalledStop(
    target: StopTarget & { cidrIp: string },
    client = () => this.client(target.regionId),
    settle = (clusterId: string) => this.journal.settle(clusterId),
  ): Promise<ActionResult> {
    const { clusterId } = target;
    this.stopRequests.set(clusterId, (this.stopRequests.get(clusterId) ?? 0) + 1);
    const flight = this.track(clusterId, 'stopping', async () => {
      try {
        const result = await (await client()).stopVnc(clusterId, target.cidrIp);
        settle(clusterId);
        this.setVnc(clusterId, 'stopped');
        return result;
      } catch (err) {
        // After a failed stop nobody knows the state: say so rather than keep a stale "running".
        this.setVnc(clusterId, 'unknown');
        const error = toAppError(err);
        if (!isDeferredStopFailure(error)) {
          settle(clusterId);
          throw error;
        }
        throw this.journal.failed(clusterId, error.code) ? new PendingStopError(error) : error;
      }
    });
    return flight.finally(() => {
      const left = (this.stopRequests.get(clusterId) ?? 1) - 1;
      if (left > 0) this.stopRequests.set(clusterId, left);
      else this.stopRequests.delete(clusterId);
    });
  }

  /**
   * Stops VNC on every running cluster of the region whose VNC is running (or unknown), in two
   * waves through one pool: every status, then every stop. The statuses of the clusters the
   * cached list has as running go out together with the refresh of the list, so with a cache
   * the whole batch takes about two round trips; a cluster only the refresh knows is asked
   * about when the refresh arrives.
   */
  stopAllVnc(): Promise<StopAllResult> {
    return this.outlast('change', this.stopAllInRegion());
  }

  private async stopAllInRegion(): Promise<StopAllResult> {
    const regionId = this.regionId();
    // One keychain read and one SDK client for the whole batch.
    const shared = this.client(regionId);
    shared.catch(() => undefined);
    const client = () => shared;
    const limit = createLimiter(STOP_ALL_CONCURRENCY);
    const asked = new Map<string, Promise<VncStatus>>();
    const askStatus = (clusterId: string): Promise<VncStatus> => {
      let status = asked.get(clusterId);
      if (!status) {
        status = limit(() => this.statusOf(clusterId, client));
        // The refresh may show the cluster gone or stopped; then this answer is not needed.
        status.catch(() => undefined);
        asked.set(clusterId, status);
      }
      return status;
    };
    const cached = this.settings.clusterCache.get(regionId);
    for (const c of cached?.clusters ?? []) if (c.status === 'running') void askStatus(c.id);

    let listed: Awaited<ReturnType<EhpcClient['listClusters']>>;
    try {
      listed = await (await shared).listClusters({ expectedTotal: cached?.totalCount });
    } catch (err) {
      // What the statuses sent with the refresh learnt counts as known too.
      await Promise.allSettled(asked.values());
      throw this.journalKnownRunning(regionId, toAppError(err));
    }
    this.cacheList(regionId, listed);
    // The refreshed list decides which clusters count; speculative answers about others are dropped.
    const running = listed.clusters.filter((c) => c.status === 'running');
    const result: StopAllResult = { stopped: [], alreadyStopped: [], failed: [] };
    const fail = (clusterId: string, err: unknown) =>
      result.failed.push({ clusterId, error: toAppError(err).toInfo() });

    // Wave 1: every status. Then the whole set of stops is journalled in one write...
    const statuses = await Promise.allSettled(running.map((c) => askStatus(c.id)));
    const remembered = this.settings.peek().clusters;
    const targets: (StopTarget & { cidrIp: string })[] = [];
    const toSettle: string[] = [];
    statuses.forEach((status, i) => {
      const clusterId = (running[i] as (typeof running)[number]).id;
      const cidrIp = remembered[clusterId]?.cidrIp;
      if (status.status === 'rejected') fail(clusterId, status.reason);
      else if (status.value.vnc === 'stopped') {
        result.alreadyStopped.push(clusterId);
        // Nothing is owed any more, whatever the journal said.
        if (!this.stopRequests.has(clusterId)) toSettle.push(clusterId);
      } else if (!cidrIp) fail(clusterId, noCidrRemembered(clusterId));
      else targets.push({ clusterId, regionId, cidrIp });
    });
    this.journal.beginMany(targets);

    // ...wave 2: every stop; the entries of those that ended are cleared in one write too.
    // Until then they are `settling`, so the state never shows them as pending in between.
    const settle = (clusterId: string) => {
      this.settling.add(clusterId);
      toSettle.push(clusterId);
    };
    const stops = await Promise.allSettled(
      targets.map((t) => limit(() => this.journalledStop(t, client, settle))),
    );
    this.journal.settleMany(toSettle);
    for (const id of toSettle) this.settling.delete(id);
    stops.forEach((stop, i) => {
      const clusterId = (targets[i] as (typeof targets)[number]).clusterId;
      if (stop.status === 'fulfilled') result.stopped.push(clusterId);
      else fail(clusterId, stop.reason);
    });
    this.emit();
    return result;
  }

  /**
   * Stop-all could not even list the clusters (offline, say). Rather than drop the request, the
   * clusters this session last saw with VNC running (or unknown) and a remembered CidrIp are
   * journalled, so the retry stops them. Only a deferrable failure does this.
   */
  private journalKnownRunning(regionId: string, error: AppError): AppError {
    if (!isDeferredStopFailure(error)) return error;
    const inRegion = new Set(this.settings.clusterCache.get(regionId)?.clusters.map((c) => c.id));
    const remembered = this.settings.peek().clusters;
    let recorded = 0;
    for (const [clusterId, state] of Object.entries(this.vnc)) {
      const cidrIp = remembered[clusterId]?.cidrIp;
      if (state === 'stopped' || !cidrIp || !inRegion.has(clusterId)) continue;
      if (
        this.journal.begin({ clusterId, regionId, cidrIp }) &&
        this.journal.failed(clusterId, error.code)
      ) {
        recorded++;
      }
    }
    if (recorded === 0) return error;
    this.emit();
    return new PendingStopError(error);
  }

  // ----------------------------------------------------------------------------------------
  // Pending stops and automatic stops

  listPendingStops(): PendingStopInfo[] {
    return this.journal
      .list()
      .map((entry) => toPendingStopInfo(entry, this.busy.get(entry.clusterId) === 'stopping'));
  }

  /**
   * Retries every journalled stop, each in its own region. Concurrent calls (launch and
   * "back online" at once) share one run. Each entry ends up stopped (removed), dropped
   * (removed: failed for good) or remaining (kept, one more attempt counted).
   */
  retryPendingStops(): Promise<PendingRetryReport> {
    this.retrying ??= this.runRetry().finally(() => {
      this.retrying = undefined;
    });
    return this.retrying;
  }

  private async runRetry(): Promise<PendingRetryReport> {
    const report: PendingRetryReport = { stopped: [], dropped: [], remaining: [] };
    const remembered = this.settings.peek().clusters;
    const limit = createLimiter(RETRY_CONCURRENCY);
    await Promise.all(
      this.journal.list().map((entry) =>
        limit(async () => {
          const stop = toPendingStopInfo(entry, false);
          const cidrIp = entry.cidrIp ?? remembered[entry.clusterId]?.cidrIp;
          try {
            if (!cidrIp) {
              this.journal.settle(entry.clusterId);
              throw invalidInput(
                `No CIDR block is known for ${entry.clusterId}, so its stop cannot be sent.`,
                'Stop it with the address or CIDR block VNC was started with.',
              );
            }
            await this.journalledStop({
              clusterId: entry.clusterId,
              regionId: entry.regionId,
              cidrIp,
            });
            report.stopped.push(stop);
          } catch (err) {
            const error = toAppError(err);
            const kept = this.journal.find(entry.clusterId) !== undefined;
            (kept ? report.remaining : report.dropped).push({ stop, error: error.toInfo() });
          }
        }),
      ),
    );
    this.emit();
    return report;
  }

  dismissPendingStop(req: Request<'dismissPendingStop'>): PendingStopInfo[] {
    this.journal.dismiss(req.clusterId);
    this.emit();
    return this.listPendingStops();
  }

  /**
   * Journals every stop still in flight as cut off (the quit coordinator's deadline passed),
   * so the next launch finishes it. Returns their cluster IDs.
   */
  recordInterruptedStops(): string[] {
    const interrupted: string[] = [];
    for (const clusterId of this.stopRequests.keys()) {
      if (this.journal.failed(clusterId, INTERRUPTED)) interrupted.push(clusterId);
    }
    return interrupted;
  }

  /**
   * An automatic stop: every cluster of the region (as stop-all), or the selected one. A
   * selected cluster without a remembered CidrIp is checked first: stopped is fine, anything
   * else is reported as failed, since StopVisualService needs the CidrIp.
   */
  async autoStop(scope: AutoStopScope): Promise<StopAllResult> {
    if (scope === 'all') return this.stopAllVnc();
    const result: StopAllResult = { stopped: [], alreadyStopped: [], failed: [] };
    const current = this.settings.peek();
    const clusterId = current.selectedClusterId;
    if (!clusterId) return result;
    try {
      if (!current.clusters[clusterId]?.cidrIp) {
        const status = await this.getVncStatus({ clusterId });
        if (status.vnc === 'stopped') {
          result.alreadyStopped.push(clusterId);
          return result;
        }
      }
      await this.stopVnc({ clusterId });
      result.stopped.push(clusterId);
    } catch (err) {
      result.failed.push({ clusterId, error: toAppError(err).toInfo() });
    }
    return result;
  }

  getAutoStop(): AutoStopInfo {
    const autoStop = this.settings.peek().autoStop;
    return {
      settings: toAutoStopPreferences(autoStop),
      scope: autoStop.scope,
      supported: autoStopSupport(this.platform, this.loginItem !== undefined),
    };
  }

  /** Changes the given fields; launch at login is applied to the system before it is saved. */
  async setAutoStop(req: Request<'setAutoStop'>): Promise<AutoStopInfo> {
    const current = this.settings.peek().autoStop;
    const next: AutoStopSettings = { ...current };
    if (req.onQuit !== undefined) next.onQuit = req.onQuit;
    if (req.scope !== undefined) next.scope = req.scope;
    if (req.onLock !== undefined) next.onLock = req.onLock;
    if (req.onSuspend !== undefined) next.onSuspend = req.onSuspend;
    if (req.onShutdown !== undefined) next.onShutdown = req.onShutdown;
    if (req.idleMinutes !== undefined) next.idleMinutes = req.idleMinutes;
    if (req.dailyAt === null) delete next.dailyAt;
    else if (req.dailyAt !== undefined) next.dailyAt = req.dailyAt;
    if (req.launchAtLogin !== undefined && req.launchAtLogin !== current.launchAtLogin) {
      if (!this.loginItem) {
        throw new AppError({
          code: 'Unsupported',
          message: 'Starting at login cannot be set up from here.',
          action: 'Change it in the E-HPC VNC Tray app.',
        });
      }
      await this.loginItem.set(req.launchAtLogin);
      next.launchAtLogin = req.launchAtLogin;
    }
    this.settings.update({ autoStop: next });
    return this.getAutoStop();
  }

  async setVncPassword(req: Request<'setVncPassword'>): Promise<ActionResult> {
    const check = checkVncPassword(req.newPassword);
    const broken = check.rules.find((r) => !r.ok);
    if (broken) {
      throw invalidInput(
        PASSWORD_RULE_MESSAGES[broken.id],
        'Choose another password or use Generate.',
      );
    }
    const runasPassword =
      req.runasPassword ?? (await this.vault.getRunasPassword(req.clusterId, req.runasUser));
    if (!runasPassword) {
      throw invalidInput(
        `Enter the password of ${req.runasUser} on the cluster.`,
        'E-HPC needs the run-as user’s password to set the VNC password.',
      );
    }
    const client = await this.client();
    return this.track(req.clusterId, 'password', async () => {
      const result = await client.modifyVncPassword({
        clusterId: req.clusterId,
        runasUser: req.runasUser,
        runasUserPassword: runasPassword,
        passwd: req.newPassword,
      });
      this.settings.rememberCluster(req.clusterId, { runasUser: req.runasUser });
      if (req.rememberRunasPassword && req.runasPassword) {
        await this.vault.saveRunasPassword(req.clusterId, req.runasUser, req.runasPassword);
      }
      return result;
    });
  }

  async hasRememberedRunasPassword(req: Request<'hasRememberedRunasPassword'>): Promise<boolean> {
    return (await this.vault.getRunasPassword(req.clusterId, req.runasUser)) !== null;
  }

  async forgetRunasPassword(req: Request<'forgetRunasPassword'>): Promise<boolean> {
    return this.vault.deleteRunasPassword(req.clusterId, req.runasUser);
  }

  /** Copies a secret and clears the clipboard later, unless the user copied something else. */
  copySecret(req: Request<'copySecret'>): boolean {
    const clipboard = this.clipboard;
    if (!clipboard) {
      throw new AppError({
        code: 'Unsupported',
        message: 'Copying is not available here.',
        action: 'Select the password and copy it yourself.',
      });
    }
    clipboard.writeText(req.text);
    clearTimeout(this.clipboardTimer);
    const copied = req.text;
    this.clipboardTimer = setTimeout(() => {
      if (clipboard.readText() === copied) clipboard.clear();
    }, req.clearAfterSeconds * 1000);
    this.clipboardTimer.unref?.();
    return true;
  }

  // ----------------------------------------------------------------------------------------
  // Clients

  private clientFor(credentials: AccessKey, regionId: string): EhpcClient {
    return this.createClient({
      credentials,
      regionId,
      ...(this.endpoint ? { endpoint: this.endpoint } : {}),
      ...(this.timeoutMs ? { timeoutMs: this.timeoutMs } : {}),
    });
  }

  /** A client for the region (the current one by default) with the stored (or env) AccessKey. */
  private async client(regionId = this.regionId()): Promise<EhpcClient> {
    const resolved = await this.vault.resolveAccessKey();
    if (!resolved) {
      throw new AppError({
        code: 'NoCredentials',
        message: 'No AccessKey is set up yet.',
        action: 'Connect your Alibaba Cloud account with an AccessKey ID and Secret.',
      });
    }
    return this.clientFor(resolved.key, regionId);
  }
}

function noCidrRemembered(clusterId: string): AppError {
  return invalidInput(
    `No CIDR block is remembered for ${clusterId}.`,
    'Give the address or CIDR block VNC was started with (StopVisualService needs it).',
  );
}
