// The automatic-stop settings: loaded once, then each change is saved on its own the moment it is
// made. The screen shows the change at once; main's answer (the whole, saved settings) replaces
// it, and a refusal puts the saved value back and keeps the error with the control that caused
// it. Only the answer to the newest change is applied, so a slow one never undoes a later click.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppErrorInfo, AutoStopInfo, Request } from '../../../preload/shared/contract';
import { call } from '../bridge';
import { useMounted } from './use-mounted';

export type AutoStopPatch = Request<'setAutoStop'>;
export type AutoStopField = keyof AutoStopPatch;

export interface AutoStopHandle {
  info?: AutoStopInfo;
  /** Loading failed (nothing to show). */
  loadError?: AppErrorInfo;
  reload(): void;
  /** Saves `patch`; `field` says which control the error, if any, belongs to. */
  save(field: AutoStopField, patch: AutoStopPatch): Promise<boolean>;
  errors: Partial<Record<AutoStopField, AppErrorInfo>>;
  /** Goes up by one after every confirmed save (drives the "Saved" message). */
  savedCount: number;
}

/** What the screen should show while a change is on its way. */
export function applyPatch(info: AutoStopInfo, patch: AutoStopPatch): AutoStopInfo {
  const { scope, dailyAt, ...rest } = patch;
  const settings = { ...info.settings };
  for (const [key, value] of Object.entries(rest)) {
    if (value !== undefined) Object.assign(settings, { [key]: value });
  }
  if (dailyAt === null) delete settings.dailyAt;
  else if (dailyAt !== undefined) settings.dailyAt = dailyAt;
  return { ...info, settings, scope: scope ?? info.scope };
}

export function useAutoStop(): AutoStopHandle {
  const [info, setInfo] = useState<AutoStopInfo>();
  const [loadError, setLoadError] = useState<AppErrorInfo>();
  const [errors, setErrors] = useState<Partial<Record<AutoStopField, AppErrorInfo>>>({});
  const [savedCount, setSavedCount] = useState(0);
  const [attempt, setAttempt] = useState(0);
  const newest = useRef(0);
  const mounted = useMounted();

  useEffect(() => {
    let live = true;
    void call('getAutoStop', {}).then((r) => {
      if (!live) return;
      if (r.ok) setInfo(r.value);
      else setLoadError(r.error);
    });
    return () => {
      live = false;
    };
  }, [attempt]);

  const reload = useCallback(() => {
    setLoadError(undefined);
    setAttempt((n) => n + 1);
  }, []);

  const save = useCallback(
    async (field: AutoStopField, patch: AutoStopPatch) => {
      const mine = ++newest.current;
      setErrors(({ [field]: _cleared, ...others }) => others);
      setInfo((current) => current && applyPatch(current, patch));
      const result = await call('setAutoStop', patch);
      if (!mounted.current) return false;
      if (result.ok) {
        if (mine === newest.current) setInfo(result.value);
        setSavedCount((n) => n + 1);
        return true;
      }
      setErrors((e) => ({ ...e, [field]: result.error }));
      // Show what is really saved, unless a newer change is already on its way.
      const fresh = await call('getAutoStop', {});
      if (mounted.current && fresh.ok && mine === newest.current) setInfo(fresh.value);
      return false;
    },
    [mounted],
  );

  return { info, loadError, reload, save, errors, savedCount };
}
