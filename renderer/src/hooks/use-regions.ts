// Regions for the pickers: ListRegions when it answers, the documented list when it cannot.
// While ListRegions is pending the documented list is usable, and `loading` says so.
import { useEffect, useState } from 'react';
import type { Region } from '../../../preload/shared/contract';
import { call } from '../bridge';
import { FALLBACK_REGIONS } from '../regions';

export interface RegionsState {
  regions: readonly Region[];
  /** True when ListRegions failed and the built-in list is shown instead. */
  fallback: boolean;
  /** True while ListRegions has been asked and has not answered yet. */
  loading: boolean;
}

interface Answer {
  regions: readonly Region[];
  fallback: boolean;
}

export function useRegions(ask: boolean): RegionsState {
  const [answer, setAnswer] = useState<Answer | undefined>(undefined);
  useEffect(() => {
    if (!ask) return;
    let live = true;
    void call('listRegions', {}).then((r) => {
      if (!live) return;
      setAnswer(
        r.ok && r.value.length > 0
          ? { regions: r.value, fallback: false }
          : { regions: FALLBACK_REGIONS, fallback: true },
      );
    });
    return () => {
      live = false;
    };
  }, [ask]);
  // Derived, not stored: loading is true in the very render where `ask` turns true, so there is
  // never a moment that shows the built-in list as if it were the answer.
  if (answer) return { ...answer, loading: false };
  return { regions: FALLBACK_REGIONS, fallback: false, loading: ask };
}
