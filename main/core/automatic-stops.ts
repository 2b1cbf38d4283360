// The stops nobody clicks (on quit, lock, sleep, shutdown, idle, at a time of day): which ones
// this computer offers, their settings, and the stop itself. The triggers are auto-stop.ts's.
import type {
  AutoStopInfo,
  AutoStopScope,
  Request,
  StopAllResult,
} from '../../preload/shared/contract';
import { appError } from './app-error';
import { autoStopSupport, toAutoStopPreferences } from './auto-stop';
import type { LoginItemPort } from './autostart';
import { toAppError } from './errors';
import type { Settings } from './settings';
import type { AutoStopSettings } from './settings-schema';

export interface AutomaticStopsDeps {
  settings: Settings;
  /** Turns launch at login on and off (the shell's; absent in the CLI, where it is unsupported). */
  loginItem?: LoginItemPort;
  platform: NodeJS.Platform;
  stopAll(): Promise<StopAllResult>;
  status(clusterId: string): Promise<{ vnc: string }>;
  stop(clusterId: string): Promise<unknown>;
}

export class AutomaticStops {
  constructor(private readonly deps: AutomaticStopsDeps) {}

  /**
   * An automatic stop: every cluster of the region (as stop-all), or the selected one. A
   * selected cluster without a remembered CidrIp is checked first: stopped is fine, anything
   * else is reported as failed, since StopVisualService needs the CidrIp.
   */
  async run(scope: AutoStopScope): Promise<StopAllResult> {
    if (scope === 'all') return this.deps.stopAll();
    const result: StopAllResult = { stopped: [], alreadyStopped: [], failed: [] };
    const current = this.deps.settings.peek();
    const clusterId = current.selectedClusterId;
    if (!clusterId) return result;
    try {
      if (!current.clusters[clusterId]?.cidrIp) {
        const status = await this.deps.status(clusterId);
        if (status.vnc === 'stopped') {
          result.alreadyStopped.push(clusterId);
          return result;
        }
      }
      await this.deps.stop(clusterId);
      result.stopped.push(clusterId);
    } catch (err) {
      result.failed.push({ clusterId, error: toAppError(err).toInfo() });
    }
    return result;
  }

  info(): AutoStopInfo {
    const autoStop = this.deps.settings.peek().autoStop;
    return {
      settings: toAutoStopPreferences(autoStop),
      scope: autoStop.scope,
      supported: autoStopSupport(this.deps.platform, this.deps.loginItem !== undefined),
    };
  }

  /** Changes the given fields; launch at login is applied to the system before it is saved. */
  async set(req: Request<'setAutoStop'>): Promise<AutoStopInfo> {
    const current = this.deps.settings.peek().autoStop;
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
      const loginItem = this.deps.loginItem;
      if (!loginItem) {
        throw appError('Unsupported', { variant: 'loginItem' });
      }
      await loginItem.set(req.launchAtLogin);
      next.launchAtLogin = req.launchAtLogin;
    }
    this.deps.settings.update({ autoStop: next });
    return this.info();
  }
}
