// Who can reach VNC, across every region in use: the last check at once, then a new one in the
// background (and again when the popover comes back after a while). One instance, in the shell,
// feeds the picker's badges, the wide-exposure banner and the cluster view's "who can reach".
import { useCallback, useEffect, useRef, useState } from 'react';
import type {
  AppErrorInfo,
  ClusterExposure,
  ExposureSnapshot,
} from '../../../preload/shared/contract';
import { call } from '../bridge';
import { useRefreshOnReturn } from './use-refresh-on-return';

export interface ExposureState {
  snapshot?: ExposureSnapshot;
  /** A new check is in flight (the snapshot, if any, is the last one). */
  refreshing: boolean;
  error?: AppErrorInfo;
  refresh: () => Promise<void>;
  /** Main's snapshot as it is now, without a check (main updates a cluster it starts or stops). */
  reload: () => Promise<void>;
}

export function useExposure(enabled: boolean): ExposureState {
  const [held, setHeld] = useState<Omit<ExposureState, 'refresh' | 'reload'>>({
    refreshing: false,
  });
  const generation = useRef(0);

  const refresh = useCallback(async () => {
    const mine = ++generation.current;
    setHeld((s) => ({ ...s, refreshing: true, error: undefined }));
    const fresh = await call('getExposure', { refresh: true });
    if (mine !== generation.current) return;
    setHeld((s) =>
      fresh.ok
        ? { snapshot: fresh.value, refreshing: false }
        : { ...s, refreshing: false, error: fresh.error },
    );
  }, []);

  const reload = useCallback(async () => {
    const mine = ++generation.current;
    const now = await call('getExposure', { refresh: false });
    if (mine !== generation.current || !now.ok) return;
    setHeld((s) => ({ ...s, snapshot: now.value, refreshing: false }));
  }, []);

  useEffect(() => {
    if (!enabled) return;
    const mine = ++generation.current;
    void (async () => {
      const cached = await call('getExposure', { refresh: false });
      if (mine !== generation.current) return;
      if (cached.ok && cached.value.checkedAt) {
        setHeld({ snapshot: cached.value, refreshing: true });
      }
      await refresh();
    })();
  }, [enabled, refresh]);
  useRefreshOnReturn(refresh, enabled);

  return { ...held, refresh, reload };
}

export function exposureOf(
  snapshot: ExposureSnapshot | undefined,
  clusterId: string,
): ClusterExposure | undefined {
  return snapshot?.clusters.find((c) => c.clusterId === clusterId);
}
