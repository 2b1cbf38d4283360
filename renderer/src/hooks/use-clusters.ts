// The cluster list of the current region: the cached list at once, then a refresh in the
// background, so the popover never opens onto a spinner when it has something to show; and
// again when the popover comes back after a while.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppErrorInfo, ClusterList } from '../../../preload/shared/contract';
import { call } from '../bridge';
import { useRefreshOnReturn } from './use-refresh-on-return';

export interface ClustersState {
  list?: ClusterList;
  /** A refresh from E-HPC is in flight (the list, if any, is the cached one). */
  refreshing: boolean;
  error?: AppErrorInfo;
}

interface Held extends ClustersState {
  /** The region this state belongs to: a region switch shows "loading", never the old list. */
  regionId?: string;
}

export function useClusters(regionId: string | undefined) {
  const [held, setState] = useState<Held>({ refreshing: false });
  const generation = useRef(0);

  const refresh = useCallback(async () => {
    const mine = ++generation.current;
    setState((s) => ({ ...s, refreshing: true, error: undefined }));
    const fresh = await call('listClusters', { refresh: true });
    if (mine !== generation.current) return;
    setState((s) =>
      fresh.ok
        ? { regionId: fresh.value.regionId, list: fresh.value, refreshing: false }
        : { ...s, refreshing: false, error: fresh.error },
    );
  }, []);

  useEffect(() => {
    if (!regionId) return;
    const mine = ++generation.current;
    void (async () => {
      const cached = await call('listClusters', { refresh: false });
      if (mine !== generation.current) return;
      if (cached.ok && cached.value.regionId === regionId && cached.value.fetchedAt) {
        setState({ regionId, list: cached.value, refreshing: true });
      } else {
        setState({ regionId, refreshing: true });
      }
      await refresh();
    })();
  }, [regionId, refresh]);
  useRefreshOnReturn(refresh, regionId !== undefined);

  const state: ClustersState =
    held.regionId === regionId ? held : { refreshing: regionId !== undefined };
  return { ...state, refresh };
}
