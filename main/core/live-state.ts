// What is true right now and is pushed to the window and the tray: VNC states, operations in
// flight, stops owed, plus what the snapshot borrows from the other units (sign-in, the
// preferences the tray shows, cluster names). Building a snapshot reads memory only, never the
// keychain or the network.
import type { AppState, ExposureSummary, VncState } from '../../preload/shared/contract';
import type { Settings } from './settings';
import type { SingleFlight } from './single-flight';

export type BusyKind = AppState['busy'][string];

/** What the snapshot needs from the units that own it. */
export interface SnapshotSources {
  settings: Settings;
  session(): AppState['session'];
  /** Names of these clusters, as far as the cached list knows them. */
  clusterNames(ids: readonly string[]): Record<string, string>;
}

export class LiveState {
  private readonly vnc: Record<string, VncState> = {};
  private readonly busy = new Map<string, BusyKind>();
  /** Stops confirmed by stop-all whose journal entries are about to be cleared in one write. */
  readonly settling = new Set<string>();
  private readonly listeners = new Set<(state: AppState) => void>();
  private emitScheduled = false;
  /** The open VNCs across regions, from the last exposure check (exposure.ts). */
  private exposure?: ExposureSummary;

  constructor(
    private readonly flights: SingleFlight,
    private readonly sources: () => SnapshotSources,
  ) {}

  snapshot(): AppState {
    const { settings, session, clusterNames } = this.sources();
    const current = settings.peek();
    const selectedClusterId = current.selectedClusterId;
    const pendingStops = current.pendingStops
      .map((p) => p.clusterId)
      .filter((id) => this.busy.get(id) !== 'stopping' && !this.settling.has(id));
    const signedIn = session();
    const recentClusterIds = [...current.recentClusterIds];
    // The clusters a menu or a notice may name: selected, recent, and those acted on.
    const named = new Set([...recentClusterIds, ...Object.keys(this.vnc), ...this.busy.keys()]);
    if (selectedClusterId) named.add(selectedClusterId);
    for (const id of pendingStops) named.add(id);
    return {
      ...(selectedClusterId ? { selectedClusterId } : {}),
      vnc: { ...this.vnc },
      busy: Object.fromEntries(this.busy),
      ...(pendingStops.length > 0 ? { pendingStops } : {}),
      ...(signedIn ? { session: signedIn } : {}),
      language: current.language,
      recentClusterIds,
      clusterNames: clusterNames([...named]),
      ...(this.exposure ? { exposure: structuredClone(this.exposure) } : {}),
    };
  }

  onState(listener: (state: AppState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Tells the listeners (the window, the tray menu) about a change, once per turn of the event
   * loop: stop-all changes the state twice per cluster, and each push is an IPC message and a
   * tray menu rebuild. The state is read when the push goes out, so it is always the latest.
   */
  emit(): void {
    if (this.emitScheduled) return;
    this.emitScheduled = true;
    setImmediate(() => {
      this.emitScheduled = false;
      this.emitNow();
    });
  }

  private emitNow(): void {
    const state = this.snapshot();
    for (const listener of this.listeners) {
      try {
        listener(state);
      } catch {
        // A broken listener (a closed window) must not break the operation that emitted.
      }
    }
  }

  /** Runs `task` in the cluster's flight, showing it as busy meanwhile. */
  track<T>(clusterId: string, kind: BusyKind, task: () => Promise<T>): Promise<T> {
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

  isStopping(clusterId: string): boolean {
    return this.busy.get(clusterId) === 'stopping';
  }

  /** Every cluster whose VNC state this session has learnt. */
  knownVnc(): [string, VncState][] {
    return Object.entries(this.vnc);
  }

  setExposure(summary: ExposureSummary): void {
    this.exposure = summary;
    this.emit();
  }

  setVnc(clusterId: string, state: VncState): void {
    this.vnc[clusterId] = state;
  }
}
