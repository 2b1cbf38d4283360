// The pending-stop journal as the window shows it. Main pushes AppState whenever an entry is
// added, settled, or starts or ends a retry; the list is read again whenever the part of the
// state that reflects the journal changes. Only the newest read is applied.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppErrorInfo, AppState, PendingStopInfo } from '../../../preload/shared/contract';
import { call, type OpResult } from '../bridge';
import { useMounted } from './use-mounted';

export interface PendingStopsHandle {
  list?: PendingStopInfo[];
  error?: AppErrorInfo;
  /** Reads the list again; resolves to it (undefined when the read failed or was superseded). */
  refresh(): Promise<PendingStopInfo[] | undefined>;
  /** Replaces the list with one main just returned (dismissPendingStop answers with it). */
  replace(list: PendingStopInfo[]): void;
}

/** What, in a pushed state, can mean the journal changed: owed stops and stops in flight. */
function journalKey(state: AppState): string {
  const owed = [...(state.pendingStops ?? [])].sort();
  const stopping = Object.entries(state.busy)
    .filter(([, op]) => op === 'stopping')
    .map(([id]) => id)
    .sort();
  return JSON.stringify([owed, stopping]);
}

export function usePendingStops(appState: AppState): PendingStopsHandle {
  const [list, setList] = useState<PendingStopInfo[]>();
  const [error, setError] = useState<AppErrorInfo>();
  const generation = useRef(0);
  const mounted = useMounted();

  const apply = useCallback(
    (mine: number, r: OpResult<'listPendingStops'>) => {
      if (!mounted.current || mine !== generation.current) return undefined;
      if (!r.ok) {
        setError(r.error);
        return undefined;
      }
      setList(r.value);
      setError(undefined);
      return r.value;
    },
    [mounted],
  );

  const refresh = useCallback(async () => {
    const mine = ++generation.current;
    return apply(mine, await call('listPendingStops', {}));
  }, [apply]);

  const replace = useCallback((next: PendingStopInfo[]) => {
    generation.current++;
    setList(next);
  }, []);

  const key = journalKey(appState);
  useEffect(() => {
    const mine = ++generation.current;
    void call('listPendingStops', {}).then((r) => apply(mine, r));
  }, [key, apply]);

  return { list, error, refresh, replace };
}
