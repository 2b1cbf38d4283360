// Mirrors the AppState main pushes (busy operations, VNC states), so a stop started from the tray
// shows here too. Starts from getState so a window opened mid-operation is right at once.
import { useEffect, useState } from 'react';
import type { AppState } from '../../../preload/shared/contract';
import { call } from '../bridge';

const initial: AppState = { vnc: {}, busy: {} };

export function useAppState(): AppState {
  const [state, setState] = useState<AppState>(initial);
  useEffect(() => {
    let pushed = false;
    const unsubscribe = window.ehpc.onState((next) => {
      pushed = true;
      setState(next);
    });
    void call('getState', {}).then((r) => {
      if (r.ok && !pushed) setState(r.value);
    });
    return unsubscribe;
  }, []);
  return state;
}
