// Keeps the tray's model current. AppState arrives pushed (and is applied at once); what it does
// not carry (sign-in, recent clusters, cluster names) is re-read through the handler table after
// each change, one read at a time however fast the changes come (stop-all emits many).
import type { AppState, HandlerTable, Language, Preferences } from '../../preload/shared/contract';
import { trayModel, type TrayModel } from './tray-menu';

export type ModelTable = Pick<HandlerTable, 'getPreferences' | 'getSession' | 'listClusters'>;

export interface TrayModelSourceDeps {
  table: ModelTable;
  initialState: AppState;
  onChange(model: TrayModel): void;
}

export interface TrayModelSource {
  /** The latest model. */
  current(): TrayModel;
  /** Applies a pushed state now, then re-reads the rest. */
  applyState(state: AppState): void;
  /** Re-reads sign-in, preferences and names (after the window closes, for instance). */
  refresh(): Promise<void>;
  setLastActionFailed(failed: boolean): void;
  /** A cluster's name if known, else its ID. */
  clusterName(clusterId: string): string;
  /** The language preference, once read. */
  language(): Language | undefined;
}

export function createTrayModelSource(deps: TrayModelSourceDeps): TrayModelSource {
  let state = deps.initialState;
  let preferences:
    Pick<Preferences, 'selectedClusterId' | 'recentClusterIds' | 'language'> | undefined;
  let signedIn = false;
  let lastActionFailed = false;
  const names: Record<string, string> = {};
  let model = build();
  let running: Promise<void> | undefined;
  let again = false;

  function build(): TrayModel {
    return trayModel({ state, preferences, clusterNames: names, signedIn, lastActionFailed });
  }

  function publish(): void {
    model = build();
    deps.onChange(model);
  }

  function namesMissing(): boolean {
    const ids = [...(preferences?.recentClusterIds ?? [])];
    const selected = state.selectedClusterId ?? preferences?.selectedClusterId;
    if (selected) ids.push(selected);
    return ids.some((id) => !(id in names));
  }

  async function readOnce(): Promise<void> {
    const [session, prefs] = await Promise.all([
      deps.table.getSession({}),
      deps.table.getPreferences({}),
    ]);
    if (session.ok) signedIn = session.value.signedIn;
    if (prefs.ok) preferences = prefs.value;
    publish();
    if (signedIn && namesMissing()) {
      // The cached list when there is one; the one fetch otherwise.
      const list = await deps.table.listClusters({ refresh: false });
      if (list.ok) {
        for (const c of list.value.clusters) names[c.id] = c.name;
        publish();
      }
    }
  }

  function refresh(): Promise<void> {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      try {
        do {
          again = false;
          // The table answers with Results; anything else thrown must not stop later refreshes.
          await readOnce().catch(() => undefined);
        } while (again);
      } finally {
        running = undefined;
      }
    })();
    return running;
  }

  return {
    current: () => model,
    applyState(next) {
      state = next;
      publish();
      void refresh();
    },
    refresh,
    setLastActionFailed(failed) {
      if (failed === lastActionFailed) return;
      lastActionFailed = failed;
      publish();
    },
    clusterName: (id) => names[id] || id,
    language: () => preferences?.language,
  };
}
