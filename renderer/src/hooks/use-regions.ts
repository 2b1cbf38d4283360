// Regions for the pickers: ListRegions when it answers, the documented list when it cannot.
import { useEffect, useState } from 'react';
import type { Region } from '../../../preload/shared/contract';
import { call } from '../bridge';
import { FALLBACK_REGIONS } from '../regions';

export interface RegionsState {
  regions: readonly Region[];
  /** True when ListRegions failed and the built-in list is shown instead. */
  fallback: boolean;
}

export function useRegions(ask: boolean): RegionsState {
  const [state, setState] = useState<RegionsState>({ regions: FALLBACK_REGIONS, fallback: false });
  useEffect(() => {
    if (!ask) return;
    let live = true;
    void call('listRegions', {}).then((r) => {
      if (!live) return;
      setState(
        r.ok && r.value.length > 0
          ? { regions: r.value, fallback: false }
          : { regions: FALLBACK_REGIONS, fallback: true },
      );
    });
    return () => {
      live = false;
    };
  }, [ask]);
  return state;
}
