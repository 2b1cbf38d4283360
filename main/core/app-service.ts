// The app's behaviour, minus Electron: what every IPC operation and every CLI command does.
// The shell, the CLI and the test harnesses all drive this one facade (built by compose.ts);
// the work is done by the units core-units.ts builds and wires together:
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
  Profiles,
  Region,
  Request,
  SessionInfo,
  StopAllResult,
  VncStatus,
} from '../../preload/shared/contract';
import { detectAddress } from './address-detection';
import type { ConfirmPort } from './confirmations';
import type { ConnectOptions, OpenerPort } from './connect';
import { wireUnits, type AppServiceDeps, type CoreUnits } from './core-units';
import { regionsInUseStale } from './exposure-refresh';
import type { ExposureWatch } from './exposure-watch';
import type { ClipboardPort } from './secret-clipboard';
import { stopEverywhere, type StopEverywhereOptions } from './stop-everywhere';

export type { AppServiceDeps, ClipboardPort, ConfirmPort, OpenerPort };

export class AppService {
  private readonly u: CoreUnits;
  /** Re-checks the exposure at start, on popover, on wake and every N minutes (the shell drives it). */
  readonly exposureWatch: ExposureWatch;

  constructor(deps: AppServiceDeps) {
    this.u = wireUnits(deps, {
      stopAll: () => this.stopAllVnc(),
      stop: (clusterId) => this.stopVnc({ clusterId }),
      checkExposure: () => this.getExposure({ refresh: true }),
    });
    this.exposureWatch = this.u.exposureWatch;
  }

  // ---- State pushed to the window and the tray

  getState(): AppState {
    return this.u.live.snapshot();
  }

  onState(listener: (state: AppState) => void): () => void {
    return this.u.live.onState(listener);
  }

  /**
   * Resolves when no operation on a cluster (a stop, a start, a password, a status) and no
   * stop-all is in flight, and the cluster cache is on disk: what quitting waits for. A list
   * refresh does not hold it up.
   */
  idle(): Promise<void> {
    return this.u.work.idle();
  }

  // ---- Account and preferences

  getSession(): Promise<SessionInfo> {
    return this.u.session.getSession();
  }

  async signIn(req: Request<'signIn'>): Promise<SessionInfo> {
    const session = await this.u.session.signIn(req);
    // The groups and clusters remembered so far may be another account's.
    this.u.exposureCache.clear();
    return session;
  }

  async signOut(req: Request<'signOut'> = {}): Promise<SessionInfo> {
    const session = await this.u.session.signOut(req);
    this.u.exposureCache.clear();
    return session;
  }

  listProfiles(): Promise<Profiles> {
    return this.u.session.listProfiles();
  }

  async useProfile(req: Request<'useProfile'>): Promise<SessionInfo> {
    const session = await this.u.session.useProfile(req);
    // The groups and clusters remembered so far may be another account's.
    this.u.exposureCache.clear();
    return session;
  }

  getPreferences(): Preferences {
    return this.u.preferences.get();
  }

  setPreferences(req: Request<'setPreferences'>): Preferences {
    const preferences = this.u.preferences.set(req);
    if (req.exposureWatchMinutes !== undefined) this.exposureWatch.reschedule();
    return preferences;
  }

  selectCluster(req: Request<'selectCluster'>): Preferences {
    return this.u.preferences.selectCluster(req);
  }

  // ---- Reading

  listRegions(): Promise<Region[]> {
    return this.u.catalog.listRegions();
  }

  listClusters(req: Request<'listClusters'>): Promise<ClusterList> {
    return this.u.catalog.listClusters(req);
  }

  listUsers(req: Request<'listUsers'>): Promise<ClusterUser[]> {
    return this.u.catalog.listUsers(req);
  }

  /**
   * Every region in use (or one): VNC open or not and who can reach it. `refresh: false` answers
   * the last check (persisted), `true` checks now.
   */
  getExposure(req: Request<'getExposure'>): Promise<ExposureSnapshot> {
    if (!req.refresh) return Promise.resolve(this.u.exposure.cached());
    const opts = req.regionId
      ? { regionId: req.regionId }
      : { refreshRegions: regionsInUseStale(this.u.exposureCache) };
    return this.u.work.read(this.u.exposure.check(opts));
  }

  async getVncStatus(req: Request<'getVncStatus'>): Promise<VncStatus> {
    return this.u.vnc.status(req.clusterId);
  }

  // ---- Acting

  /** Starts VNC; that cluster's exposure entry (who can reach it, the tray's count) follows at once. */
  startVnc(req: Request<'startVnc'>): Promise<ActionResult> {
    const started = async () => {
      const result = await this.u.vnc.start(req);
      await this.u.exposureRefresh.started(req.clusterId, this.u.session.regionId());
      return result;
    };
    return this.u.work.change(started());
  }

  /** Closes every CIDR found in the 12016 rules, plus the remembered one and the one given. */
  async stopVnc(req: Request<'stopVnc'>): Promise<ActionResult> {
    const regionId = req.regionId ?? this.u.session.regionId();
    const stopped = this.u.exposureStops.stop(req.clusterId, regionId, {
      ...(req.cidrIp ? { given: req.cidrIp } : {}),
    });
    const result = await this.u.work.change(stopped);
    this.u.exposureRefresh.stopped(req.clusterId, regionId, result);
    return result;
  }

  /** Every region in use, whoever opened VNC; journals what it cannot confirm. */
  stopAllVnc(opts: StopEverywhereOptions = {}): Promise<StopAllResult> {
    return this.u.work.change(stopEverywhere(this.u.stopAllDeps, opts));
  }

  setVncPassword(req: Request<'setVncPassword'>): Promise<ActionResult> {
    return this.u.vnc.setPassword(req);
  }

  hasRememberedRunasPassword(req: Request<'hasRememberedRunasPassword'>): Promise<boolean> {
    return this.u.vnc.hasRememberedRunasPassword(req);
  }

  forgetRunasPassword(req: Request<'forgetRunasPassword'>): Promise<boolean> {
    return this.u.vnc.forgetRunasPassword(req);
  }

  copySecret(req: Request<'copySecret'>): boolean {
    return this.u.clipboard.copy(req);
  }

  /** Quitting: clears a secret we copied if the clipboard still holds it. */
  clearCopiedSecret(): void {
    this.u.clipboard.clearIfOurs();
  }

  // ---- Arriving: where to connect, connect, the user's own address

  getConnectTarget(req: Request<'getConnectTarget'>): Promise<ConnectTarget> {
    return this.u.targets.get(req.clusterId, {
      refresh: req.refresh === true,
      ...(req.regionId ? { regionId: req.regionId } : {}),
    });
  }

  connect(req: Request<'connect'>, opts?: ConnectOptions): Promise<ConnectResult> {
    return this.u.connector.connect(req, opts);
  }

  detectAddress(): Promise<DetectedAddress> {
    return detectAddress({ url: () => this.u.connector.prefs().detectUrl });
  }

  getConnectPrefs(): ConnectPrefs {
    return this.u.connector.prefs();
  }

  setConnectPrefs(req: Request<'setConnectPrefs'>): Promise<ConnectPrefs> {
    return this.u.connector.setPrefs(req);
  }

  // ---- Pending stops and automatic stops

  listPendingStops(): PendingStopInfo[] {
    return this.u.stops.list();
  }

  retryPendingStops(): Promise<PendingRetryReport> {
    return this.u.stops.retry();
  }

  dismissPendingStop(req: Request<'dismissPendingStop'>): PendingStopInfo[] {
    return this.u.stops.dismiss(req);
  }

  recordInterruptedStops(): string[] {
    return this.u.stops.recordInterrupted();
  }

  autoStop(scope: AutoStopScope): Promise<StopAllResult> {
    return this.u.automatic.run(scope);
  }

  getAutoStop(): AutoStopInfo {
    return this.u.automatic.info();
  }

  setAutoStop(req: Request<'setAutoStop'>): Promise<AutoStopInfo> {
    return this.u.automatic.set(req);
  }
}
