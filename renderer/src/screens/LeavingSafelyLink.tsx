// The way from Settings to "Leaving safely", with what is set there at a glance: how many
// automatic stops are on and how many stops are still owed.
import { useEffect, useState } from 'react';
import type { AppState, AutoStopInfo } from '../../../preload/shared/contract';
import { call } from '../bridge';
import { ChevronIcon } from '../components/icons';
import { useI18n } from '../i18n/i18n';

interface LeavingSafelyLinkProps {
  appState: AppState;
  onOpen: () => void;
  /** Focus it on arrival (coming back from the screen it opens). */
  autoFocus?: boolean;
}

/** The automatic stops that are on and can fire on this computer. */
export function activeTriggers(info: AutoStopInfo): number {
  const { settings: s, supported } = info;
  return [
    s.onQuit !== 'off',
    s.onLock && supported.onLock,
    s.onSuspend && supported.onSuspend,
    s.onShutdown && supported.onShutdown,
    s.idleMinutes > 0 && supported.idle,
    Boolean(s.dailyAt),
  ].filter(Boolean).length;
}

export function LeavingSafelyLink({ appState, onOpen, autoFocus }: LeavingSafelyLinkProps) {
  const { t } = useI18n();
  const [info, setInfo] = useState<AutoStopInfo>();
  useEffect(() => {
    let live = true;
    void call('getAutoStop', {}).then((r) => live && r.ok && setInfo(r.value));
    return () => {
      live = false;
    };
  }, []);

  const on = info ? activeTriggers(info) : undefined;
  const owed = appState.pendingStops?.length ?? 0;
  const parts = [
    on === undefined
      ? ''
      : on === 0
        ? t('settings.leaving.off')
        : on === 1
          ? t('settings.leaving.onOne')
          : t('settings.leaving.onMany', { n: on }),
    owed === 0
      ? ''
      : owed === 1
        ? t('settings.leaving.pendingOne')
        : t('settings.leaving.pendingMany', { n: owed }),
  ].filter(Boolean);

  return (
    <button
      type="button"
      className="card nav-row"
      onClick={onOpen}
      data-autofocus={autoFocus || undefined}
    >
      <span className="row-text">
        <span className="card-title">{t('settings.leaving')}</span>
        <span className={`nav-row-sub ${owed > 0 ? 'nav-row-warn' : ''}`}>
          {parts.join(' · ') || '\u00a0'}
        </span>
      </span>
      <ChevronIcon className="row-chevron" />
    </button>
  );
}
