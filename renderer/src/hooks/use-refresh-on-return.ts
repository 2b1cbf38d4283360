// The popover is hidden between uses, not closed, so what it showed an hour ago (a cluster's VNC
// state, the cluster list) may have changed since: VNC started from the console, a cluster
// created. When the window comes back (the shell shows and focuses it), whatever was fetched
// more than STALE_AFTER_MS ago is fetched again in the background; a quick reopening costs no
// request.
import { useEffect, useRef } from 'react';

export const STALE_AFTER_MS = 15_000;

/**
 * Calls `refresh` when the window returns (focus, or the page becoming visible) and the last
 * fetch is stale. Mounting counts as a fetch: every caller fetches on mount.
 */
export function useRefreshOnReturn(refresh: () => unknown, enabled: boolean): void {
  const last = useRef(0);
  const latest = useRef(refresh);
  useEffect(() => {
    last.current = Date.now();
  }, []);
  useEffect(() => {
    latest.current = refresh;
  }, [refresh]);

  useEffect(() => {
    if (!enabled) return;
    const onReturn = () => {
      if (document.visibilityState !== 'visible') return;
      if (Date.now() - last.current < STALE_AFTER_MS) return;
      last.current = Date.now();
      latest.current();
    };
    window.addEventListener('focus', onReturn);
    document.addEventListener('visibilitychange', onReturn);
    return () => {
      window.removeEventListener('focus', onReturn);
      document.removeEventListener('visibilitychange', onReturn);
    };
  }, [enabled]);
}
