// Keeps the tray's model current from the AppState main pushes: VNC states and operations in
// flight, and with them sign-in, the selected and recent clusters, their names and the language.
// A push is applied as it is; nothing is read back through the handler table (no keychain read
// per push). Only at start is anything asked: who is signed in (unless a push said so already;
// asking makes the core learn it and push it), and the cluster list, the cached one when there
// is one, so that the menu and the notices have names before the window ever lists clusters.
import type { AppState, HandlerTable, Language } from '../../preload/shared/contract';
import { trayModel, type TrayModel } from './tray-menu';

export type ModelTable = Pick<HandlerTable, 'getSession' | 'listClusters'>;

export interface TrayModelSourceDeps {
  table: ModelTable;
  initialState: AppState;
  onChange(model: TrayModel): void;
}

export interface TrayModelSource {
  /** The latest model. */
  current(): TrayModel;
  /** Applies a pushed state. */
  applyState(state: AppState): void;
  /** At start: asks who is signed in (unless a push said so) and for the cluster names. */
  start(): Promise<void>;
  setLastActionFailed(failed: boolean): void;
  /** A cluster's name if known, else its ID. */
  clusterName(clusterId: string): string;
  /** The language preference, once pushed. */
  language(): Language | undefined;
}

export function createTrayModelSource(deps: TrayModelSourceDeps): TrayModelSource {
  let state = deps.initialState;
  /** Until a push says so: what the start-up question answered. */
  let signedInAtStart = false;
  let lastActionFailed = false;
  /** Names stay known once pushed: a notice may name a cluster the latest state left out. */
  const names: Record<string, string> = {};
  Object.assign(names, state.clusterNames);
  let model = build();

  function build(): TrayModel {
    return trayModel({
      state,
      preferences: {
        ...(state.selectedClusterId ? { selectedClusterId: state.selectedClusterId } : {}),
        recentClusterIds: state.recentClusterIds ?? [],
      },
      clusterNames: names,
      signedIn: state.session?.signedIn ?? signedInAtStart,
      lastActionFailed,
    });
  }

  function publish(): void {
    model = build();
    deps.onChange(model);
  }

  return {
    current: () => model,
    applyState(next) {
      state = next;
      // Open clusters of other regions are named by the exposure check (notices name them).
      for (const c of next.exposure?.open ?? []) names[c.clusterId] ||= c.name;
      Object.assign(names, next.clusterNames);
      publish();
    },
    async start() {
      if (!state.session) {
        const session = await deps.table.getSession({}).catch(() => undefined);
        if (session?.ok && !state.session) {
          signedInAtStart = session.value.signedIn;
          publish();
        }
      }
      if (!(state.session?.signedIn ?? signedInAtStart)) return;
      // The cached list costs nothing; without one, this is the one fetch (and caches it).
      const list = await deps.table.listClusters({ refresh: false }).catch(() => undefined);
      if (list?.ok) {
        for (const c of list.value.clusters) names[c.id] = c.name;
        publish();
      }
    },
    setLastActionFailed(failed) {
      if (failed === lastActionFailed) return;
      lastActionFailed = failed;
      publish();
    },
    clusterName: (id) => names[id] || id,
    language: () => state.language,
  };
}
