// Builds the units behind AppService and wires them to one another: one place, so the facade
// only passes calls on. The few calls a unit makes back through the facade (an automatic stop is
// a stop-all, a watch is an exposure check) arrive as `facade`, so they take the facade's path
// (journalling, background work) like any other caller's.
import type { ActionResult, ExposureSnapshot, StopAllResult } from '../../preload/shared/contract';
import { AccountSession } from './account-session';
import { appError } from './app-error';
import { AutomaticStops } from './automatic-stops';
import type { LoginItemPort } from './autostart';
import { BackgroundWork, type WorkObserver } from './background-work';
import { ClusterCatalog } from './cluster-catalog';
import { Confirmations, headlessConfirmations, type ConfirmPort } from './confirmations';
import { Connector, type OpenerPort } from './connect';
import { ConnectTargets } from './connect-target';
import type { EhpcClient } from './ehpc/client';
import type { EhpcClientOptions } from './ehpc/types';
import { ExposureModel } from './exposure';
import { ExposureCache } from './exposure-cache';
import { ExposureStops } from './exposure-stop';
import { ExposureWatch } from './exposure-watch';
import { JournalledStops } from './journalled-stops';
import { LiveState } from './live-state';
import { SecretClipboard, type ClipboardPort } from './secret-clipboard';
import type { Settings } from './settings';
import type { StopEverywhereDeps } from './stop-everywhere';
import { UserPreferences } from './user-preferences';
import type { CredentialVault } from './vault';
import { VncOperations } from './vnc-operations';

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

export interface CoreUnits {
  work: BackgroundWork;
  live: LiveState;
  session: AccountSession;
  preferences: UserPreferences;
  catalog: ClusterCatalog;
  stops: JournalledStops;
  vnc: VncOperations;
  automatic: AutomaticStops;
  clipboard: SecretClipboard;
  stopAllDeps: StopEverywhereDeps;
  exposure: ExposureModel;
  exposureCache: ExposureCache;
  exposureStops: ExposureStops;
  exposureWatch: ExposureWatch;
  targets: ConnectTargets;
  connector: Connector;
}

/** What units ask of the facade itself. */
export interface FacadeCalls {
  stopAll(): Promise<StopAllResult>;
  stop(clusterId: string): Promise<ActionResult>;
  checkExposure(): Promise<ExposureSnapshot>;
}

export function wireUnits(deps: AppServiceDeps, facade: FacadeCalls): CoreUnits {
  // Filled in order below; the callbacks that reach a later unit only run after wiring.
  const u = {} as CoreUnits;
  const env = deps.env ?? process.env;
  const { settings, vault } = deps;
  const envTimeout = Number(env.EHPC_VNC_TIMEOUT_SECONDS);
  const endpoint = deps.endpoint ?? (env.EHPC_VNC_ENDPOINT || undefined);
  const timeoutMs = deps.timeoutMs ?? (envTimeout > 0 ? Math.round(envTimeout * 1000) : undefined);
  const emit = () => u.live.emit();

  u.work = new BackgroundWork(() => settings.clusterCache.flush(), deps.observer);
  u.live = new LiveState(u.work.flights, () => ({
    settings,
    session: () => u.session.summary(),
    clusterNames: (ids) => u.catalog.namesOf(ids),
  }));
  u.session = new AccountSession({
    vault,
    settings,
    ...(endpoint ? { endpoint } : {}),
    ...(timeoutMs ? { timeoutMs } : {}),
    ...(deps.regionId ? { regionOverride: deps.regionId } : {}),
    ...(deps.createClient ? { createClient: deps.createClient } : {}),
    onChange: emit,
  });
  u.preferences = new UserPreferences(settings, emit);
  const { session, live, work } = u;
  u.catalog = new ClusterCatalog({ settings, session, work, onChange: emit });
  u.stops = new JournalledStops({
    settings,
    session,
    live,
    ...(deps.onWarning ? { onWarning: deps.onWarning } : {}),
  });
  const confirmations = new Confirmations({
    port: deps.confirm ?? headlessConfirmations(),
    settings,
    clusterName: (id) => u.catalog.namesOf([id])[id],
  });
  u.vnc = new VncOperations({
    vault,
    settings,
    session,
    live,
    stops: u.stops,
    confirmations,
  });
  u.automatic = new AutomaticStops({
    settings,
    ...(deps.loginItem ? { loginItem: deps.loginItem } : {}),
    platform: deps.platform ?? process.platform,
    stopAll: () => facade.stopAll(),
    status: (clusterId) => u.vnc.status(clusterId),
    stop: (clusterId) => facade.stop(clusterId),
  });
  u.clipboard = new SecretClipboard(deps.clipboard);
  u.exposureCache = ExposureCache.beside(settings.clusterCache.path, deps.onWarning);
  u.exposure = new ExposureModel({
    settings,
    session,
    vnc: u.vnc,
    cache: u.exposureCache,
    onSummary: (summary) => live.setExposure(summary),
  });
  const model = u.exposure;
  u.exposureStops = new ExposureStops({ settings, session, stops: u.stops, model });
  const exposureStops = u.exposureStops;
  u.stops.retryStop = async (entry) => {
    try {
      return await exposureStops.stop(entry.clusterId, entry.regionId, {
        ...(entry.cidrIp ? { given: entry.cidrIp } : {}),
      });
    } catch (err) {
      // Nothing at all is known to close: the entry cannot be finished, and says so.
      if (err instanceof Error && 'variant' in err && err.variant === 'noCidrRemembered') {
        u.stops.journal.settle(entry.clusterId);
        throw appError('InvalidInput', {
          variant: 'noCidrKnown',
          params: { clusterId: entry.clusterId },
        });
      }
      throw err;
    }
  };
  u.stopAllDeps = { settings, session, live, stops: u.stops, model, exposureStops };
  u.exposureWatch = new ExposureWatch({
    check: () => facade.checkExposure(),
    intervalMinutes: () => settings.peek().exposure.watchMinutes,
    // Signed out (as last learnt), a check could only fail.
    enabled: () => u.session.summary()?.signedIn !== false,
  });
  u.targets = new ConnectTargets({ session });
  u.connector = new Connector({
    settings,
    vault,
    targets: u.targets,
    clipboard: u.clipboard,
    regionId: () => session.regionId(),
    status: (clusterId, regionId) => u.vnc.status(clusterId, () => session.client(regionId)),
    // The Start button's path: a start from Connect is confirmed and remembered like any other.
    start: (req, regionId) => u.vnc.start(req, regionId),
    ...(deps.opener ? { opener: deps.opener } : {}),
  });
  return u;
}
