// The app's behaviour, minus Electron: what every IPC operation and every CLI command does.
// The shell, the CLI and the test harnesses all drive this one facade (built by compose.ts);
// the work is done by the units it wires together:
//   account-session.ts   who is signed in; E-HPC clients with the vault's AccessKey
//   user-preferences.ts  language, region, selected and recent clusters
//   cluster-catalog.ts   regions, clusters (cached per region), cluster users
//   vnc-operations.ts    one cluster's VNC: status, start, stop, password
//   journalled-stops.ts  stops written down before they are sent; retry, dismiss, interrupted
//   exposure.ts          every region in use: VNC open or not, and who can reach it
//   exposure-stop.ts     a stop closing every CIDR found in the 12016 rules
//   stop-everywhere.ts   stop-all across regions, journalling what it cannot confirm
//   automatic-stops.ts   the stops nobody clicks, and their settings
//   secret-clipboard.ts  copy a secret, clear it later (or at quit)
//   confirmations.ts     main's own yes before VNC is exposed (a native dialog in the shell)
//   connect.ts           arrive: where to connect, start if stopped, open the viewer
//   address-detection.ts the user's public address, from the URL they chose
//   live-state.ts        the snapshot pushed to the window and the tray
//   background-work.ts   flights and other work in progress; what `idle()` waits for
// Inputs arrive already validated against the contract's schemas (see ipc-handlers.ts).
import type {
  ActionResult,
  AppState,
  AutoStopInfo,
  AutoStopScope,
  ClusterList,
  ClusterUser,
  ExposureSnapshot,
  ConnectPrefs,
  ConnectResult,
  ConnectTarget,
  DetectedAddress,
  PendingRetryReport,
  PendingStopInfo,
  Preferences,
  Region,
  Request,
  SessionInfo,
  StopAllResult,
  VncStatus,
} from '../../preload/shared/contract';
import { AccountSession } from './account-session';
import { detectAddress } from './address-detection';
import { AutomaticStops } from './automatic-stops';
import type { LoginItemPort } from './autostart';
import { BackgroundWork, type WorkObserver } from './background-work';
import { ClusterCatalog } from './cluster-catalog';
import { Confirmations, headlessConfirmations, type ConfirmPort } from './confirmations';
import { Connector, type ConnectOptions, type OpenerPort } from './connect';
import { ConnectTargets } from './connect-target';
import type { EhpcClient } from './ehpc/client';
import type { EhpcClientOptions } from './ehpc/types';
import { ExposureModel } from './exposure';
import { ExposureCache } from './exposure-cache';
import { ExposureStops } from './exposure-stop';
import { ExposureWatch } from './exposure-watch';
import { appError } from './app-error';
import { JournalledStops } from './journalled-stops';
import { LiveState } from './live-state';
import { SecretClipboard, type ClipboardPort } from './secret-clipboard';
import type { Settings } from './settings';
import { stopEverywhere, type StopEverywhereDeps } from './stop-everywhere';
import { UserPreferences } from './user-preferences';
import type { CredentialVault } from './vault';
import { VncOperations } from './vnc-operations';

export type { ClipboardPort, ConfirmPort, OpenerPort };

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
  /** Asks the user before VNC is exposed (confirmations.ts); headlessConfirmations() if absent. */
  confirm?: ConfirmPort;
  /** Opens `vnc://` URLs in the system's viewer (the shell's; absent in the CLI unless --open). */
  opener?: OpenerPort;
  createClient?: (opts: EhpcClientOptions) => EhpcClient;
  /** Turns launch at login on and off (the shell's; absent in the CLI, where it is unsupported). */
  loginItem?: LoginItemPort;
  /** Decides which automatic stops this computer offers. */
  platform?: NodeJS.Platform;
  /** Told when the pending-stop journal cannot be written (the stop is sent all the same). */
  onWarning?: (message: string) => void;
  /** Hears of list refreshes, which `idle()` does not wait for (tests wait for them). */
  observer?: WorkObserver;
}

export class AppService {
  private readonly work: BackgroundWork;
  private readonly live: LiveState;
  private readonly session: AccountSession;
  private readonly preferences: UserPreferences;
  private readonly catalog: ClusterCatalog;
  private readonly stops: JournalledStops;
  private readonly vnc: VncOperations;
  private readonly automatic: AutomaticStops;
  private readonly clipboard: SecretClipboard;
  private readonly stopAllDeps: StopEverywhereDeps;
  private readonly exposure: ExposureModel;
  private readonly exposureCache: ExposureCache;
  private readonly exposureStops: ExposureStops;
  /** Re-checks the exposure at start, on popover, on wake and every N minutes (the shell drives it). */
  readonly exposureWatch: ExposureWatch;
  private readonly targets: ConnectTargets;
  private readonly connector: Connector;

  constructor(deps: AppServiceDeps) {
    const env = deps.env ?? process.env;
    const { settings, vault } = deps;
    const envTimeout = Number(env.EHPC_VNC_TIMEOUT_SECONDS);
    const endpoint = deps.endpoint ?? (env.EHPC_VNC_ENDPOINT || undefined);
    const timeoutMs =
      deps.timeoutMs ?? (envTimeout > 0 ? Math.round(envTimeout * 1000) : undefined);
    const emit = () => this.live.emit();

    this.work = new BackgroundWork(() => settings.clusterCache.flush(), deps.observer);
    this.live = new LiveState(this.work.flights, () => ({
      settings,
      session: () => this.session.summary(),
      clusterNames: (ids) => this.catalog.namesOf(ids),
    }));
    this.session = new AccountSession({
      vault,
      settings,
      ...(endpoint ? { endpoint } : {}),
      ...(timeoutMs ? { timeoutMs } : {}),
      ...(deps.regionId ? { regionOverride: deps.regionId } : {}),
      ...(deps.createClient ? { createClient: deps.createClient } : {}),
      onChange: emit,
    });
    this.preferences = new UserPreferences(settings, emit);
    const { session, live, work } = this;
    this.catalog = new ClusterCatalog({ settings, session, work, onChange: emit });
    this.stops = new JournalledStops({
      settings,
      session,
      live,
      ...(deps.onWarning ? { onWarning: deps.onWarning } : {}),
    });
    const confirmations = new Confirmations({
      port: deps.confirm ?? headlessConfirmations(),
      settings,
      clusterName: (id) => this.catalog.namesOf([id])[id],
    });
    this.vnc = new VncOperations({
      vault,
      settings,
      session,
      live,
      stops: this.stops,
      confirmations,
    });
    this.automatic = new AutomaticStops({
      settings,
      ...(deps.loginItem ? { loginItem: deps.loginItem } : {}),
      platform: deps.platform ?? process.platform,
      stopAll: () => this.stopAllVnc(),
      status: (clusterId) => this.getVncStatus({ clusterId }),
      stop: (clusterId) => this.stopVnc({ clusterId }),
    });
    this.clipboard = new SecretClipboard(deps.clipboard);
    this.exposureCache = ExposureCache.beside(settings.clusterCache.path, deps.onWarning);
    this.exposure = new ExposureModel({
      settings,
      session,
      vnc: this.vnc,
      cache: this.exposureCache,
      onSummary: (summary) => live.setExposure(summary),
    });
    const model = this.exposure;
    this.exposureStops = new ExposureStops({ settings, session, stops: this.stops, model });
    const exposureStops = this.exposureStops;
    this.stops.retryStop = async (entry) => {
      try {
        return await exposureStops.stop(entry.clusterId, entry.regionId, {
          ...(entry.cidrIp ? { given: entry.cidrIp } : {}),
        });
      } catch (err) {
        // Nothing at all is known to close: the entry cannot be finished, and says so.
        if (err instanceof Error && 'variant' in err && err.variant === 'noCidrRemembered') {
          this.stops.journal.settle(entry.clusterId);
          throw appError('InvalidInput', {
            variant: 'noCidrKnown',
            params: { clusterId: entry.clusterId },
          });
        }
        throw err;
      }
    };
    this.stopAllDeps = { settings, session, live, stops: this.stops, model, exposureStops };
    this.exposureWatch = new ExposureWatch({
      check: () => this.getExposure({ refresh: true }),
      intervalMinutes: () => settings.peek().exposure.watchMinutes,
      // Signed out (as last learnt), a check could only fail.
      enabled: () => this.session.summary()?.signedIn !== false,
    });
    this.targets = new ConnectTargets({ session });
    this.connector = new Connector({
      settings,
      vault,
      targets: this.targets,
      clipboard: this.clipboard,
      status: (clusterId) => this.vnc.status(clusterId),
      // Through the facade: a start from Connect is confirmed and remembered like any other.
      start: (req) => this.startVnc(req),
      ...(deps.opener ? { opener: deps.opener } : {}),
    });
  }

  // ---- State pushed to the window and the tray

  getState(): AppState {
    return this.live.snapshot();
  }

  onState(listener: (state: AppState) => void): () => void {
    return this.live.onState(listener);
  }

  /**
   * Resolves when no operation on a cluster (a stop, a start, a password, a status) and no
   * stop-all is in flight, and the cluster cache is on disk: what quitting waits for. A list
   * refresh does not hold it up.
   */
  idle(): Promise<void> {
    return this.work.idle();
  }

  // ---- Account and preferences

  getSession(): Promise<SessionInfo> {
    return this.session.getSession();
  }

  async signIn(req: Request<'signIn'>): Promise<SessionInfo> {
    const session = await this.session.signIn(req);
    // The groups and clusters remembered so far may be another account's.
    this.exposureCache.clear();
    return session;
  }

  async signOut(req: Request<'signOut'> = {}): Promise<SessionInfo> {
    const session = await this.session.signOut(req);
    this.exposureCache.clear();
    return session;
  }

  getPreferences(): Preferences {
    return this.preferences.get();
  }

  setPreferences(req: Request<'setPreferences'>): Preferences {
    const preferences = this.preferences.set(req);
    if (req.exposureWatchMinutes !== undefined) this.exposureWatch.reschedule();
    return preferences;
  }

  selectCluster(req: Request<'selectCluster'>): Preferences {
    return this.preferences.selectCluster(req);
  }

  // ---- Reading

  listRegions(): Promise<Region[]> {
    return this.catalog.listRegions();
  }

  listClusters(req: Request<'listClusters'>): Promise<ClusterList> {
    return this.catalog.listClusters(req);
  }

  listUsers(req: Request<'listUsers'>): Promise<ClusterUser[]> {
    return this.catalog.listUsers(req);
  }

  /**
   * Every region in use (or one): VNC open or not and who can reach it. `refresh: false` answers
   * the last check (persisted), `true` checks now.
   */
  getExposure(req: Request<'getExposure'>): Promise<ExposureSnapshot> {
    if (!req.refresh) return Promise.resolve(this.exposure.cached());
    return this.work.read(this.exposure.check(req.regionId ? { regionId: req.regionId } : {}));
  }

  async getVncStatus(req: Request<'getVncStatus'>): Promise<VncStatus> {
    return this.vnc.status(req.clusterId);
  }

  // ---- Acting

  async startVnc(req: Request<'startVnc'>): Promise<ActionResult> {
    return this.vnc.start(req);
  }

  /** Closes every CIDR found in the 12016 rules, plus the remembered one and the one given. */
  async stopVnc(req: Request<'stopVnc'>): Promise<ActionResult> {
    const regionId = req.regionId ?? this.session.regionId();
    const stopped = this.exposureStops.stop(req.clusterId, regionId, {
      ...(req.cidrIp ? { given: req.cidrIp } : {}),
    });
    const result = await this.work.change(stopped);
    this.exposure.noteStopped([req.clusterId]);
    return result;
  }

  /** Every region in use, whoever opened VNC; journals what it cannot confirm. */
  stopAllVnc(): Promise<StopAllResult> {
    return this.work.change(stopEverywhere(this.stopAllDeps));
  }

  setVncPassword(req: Request<'setVncPassword'>): Promise<ActionResult> {
    return this.vnc.setPassword(req);
  }

  hasRememberedRunasPassword(req: Request<'hasRememberedRunasPassword'>): Promise<boolean> {
    return this.vnc.hasRememberedRunasPassword(req);
  }

  forgetRunasPassword(req: Request<'forgetRunasPassword'>): Promise<boolean> {
    return this.vnc.forgetRunasPassword(req);
  }

  copySecret(req: Request<'copySecret'>): boolean {
    return this.clipboard.copy(req);
  }

  /** Quitting: clears a secret we copied if the clipboard still holds it. */
  clearCopiedSecret(): void {
    this.clipboard.clearIfOurs();
  }

  // ---- Arriving: where to connect, connect, the user's own address

  getConnectTarget(req: Request<'getConnectTarget'>): Promise<ConnectTarget> {
    return this.targets.get(req.clusterId, { refresh: req.refresh === true });
  }

  connect(req: Request<'connect'>, opts?: ConnectOptions): Promise<ConnectResult> {
    return this.connector.connect(req, opts);
  }

  detectAddress(): Promise<DetectedAddress> {
    return detectAddress({ url: () => this.connector.prefs().detectUrl });
  }

  getConnectPrefs(): ConnectPrefs {
    return this.connector.prefs();
  }

  setConnectPrefs(req: Request<'setConnectPrefs'>): Promise<ConnectPrefs> {
    return this.connector.setPrefs(req);
  }

  // ---- Pending stops and automatic stops

  listPendingStops(): PendingStopInfo[] {
    return this.stops.list();
  }

  retryPendingStops(): Promise<PendingRetryReport> {
    return this.stops.retry();
  }

  dismissPendingStop(req: Request<'dismissPendingStop'>): PendingStopInfo[] {
    return this.stops.dismiss(req);
  }

  recordInterruptedStops(): string[] {
    return this.stops.recordInterrupted();
  }

  autoStop(scope: AutoStopScope): Promise<StopAllResult> {
    return this.automatic.run(scope);
  }

  getAutoStop(): AutoStopInfo {
    return this.automatic.info();
  }

  setAutoStop(req: Request<'setAutoStop'>): Promise<AutoStopInfo> {
    return this.automatic.set(req);
  }
}
