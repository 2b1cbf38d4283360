// The VNC service of one cluster: its status, Stop (the primary action), Connect (arrive: start if
// needed and open the viewer) and Start with the CidrIp to open port 12016 to. Busy and VNC states pushed from main (a stop started from the
// tray) show here as if started here.
import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import type {
  AppState,
  ClusterExposure,
  ClusterSummary,
  Preferences,
} from '../../../preload/shared/contract';
import { isValidCidrIp } from '../../../preload/shared/validation';
import { ErrorNotice } from '../components/ErrorNotice';
import { Spinner } from '../components/Spinner';
import { VncBadge } from '../components/VncBadge';
import { RefreshIcon } from '../components/icons';
import { useOperation } from '../hooks/use-operation';
import { useRefreshOnReturn } from '../hooks/use-refresh-on-return';
import { useI18n } from '../i18n/i18n';
import { AddressField } from './AddressField';
import { ConnectCard } from './ConnectCard';
import { ReachList } from './ReachList';

interface VncPanelProps {
  clusterId: string;
  cluster?: ClusterSummary;
  prefs: Preferences;
  appState: AppState;
  onPrefsChanged: () => void;
  /** This cluster in the last exposure check (who can reach VNC). */
  exposure?: ClusterExposure;
  exposureChecking: boolean;
  /** VNC was started or stopped here: the exposure is re-checked. */
  onVncChanged: () => void;
}

export function VncPanel(props: VncPanelProps) {
  const { clusterId, cluster, prefs, appState, onPrefsChanged, onVncChanged } = props;
  const { t, time } = useI18n();
  const status = useOperation('getVncStatus');
  const stop = useOperation('stopVnc');
  const start = useOperation('startVnc');
  const retryPending = useOperation('retryPendingStops');
  const dismissPending = useOperation('dismissPendingStop');
  const rememberedCidr = prefs.clusters[clusterId]?.cidrIp ?? '';
  const [cidr, setCidr] = useState(rememberedCidr);
  const [cidrTouched, setCidrTouched] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const [stopNeedsCidr, setStopNeedsCidr] = useState(false);
  const cidrFieldId = useId();
  const name = cluster?.name || clusterId;

  const { run: checkStatus } = status;
  useEffect(() => {
    void checkStatus({ clusterId });
  }, [checkStatus, clusterId]);

  const busy = appState.busy[clusterId];
  const stopping = stop.pending || busy === 'stopping';
  const starting = start.pending || busy === 'starting';
  const anyBusy = stopping || starting || busy === 'password';
  const checking = status.pending || busy === 'status';
  // Back after a while: VNC may have been started or stopped elsewhere (the console, a script).
  const recheck = useCallback(() => void checkStatus({ clusterId }), [checkStatus, clusterId]);
  useRefreshOnReturn(recheck, !anyBusy && !checking);
  // A stop main could not confirm (offline, timeout, 5xx) stays journalled and is retried by main.
  const stopOwed = !stopping && (appState.pendingStops ?? []).includes(clusterId);
  const vnc = stopping
    ? 'stopping'
    : starting
      ? 'starting'
      : (appState.vnc[clusterId] ?? status.value?.vnc ?? 'unknown');

  // StopVisualService needs the CidrIp VNC was started with: the field (prefilled with the one
  // remembered from the last start) says which.
  const onStop = async () => {
    if (anyBusy) return;
    setAnnouncement('');
    start.reset();
    const cidrIp = cidr.trim();
    if (!isValidCidrIp(cidrIp)) {
      setStopNeedsCidr(true);
      setCidrTouched(true);
      document.getElementById(cidrFieldId)?.focus();
      return;
    }
    setStopNeedsCidr(false);
    const result = await stop.run({ clusterId, cidrIp });
    if (result?.ok) {
      setAnnouncement(t('vnc.stopped', { name }));
      void checkStatus({ clusterId });
      onVncChanged();
    }
  };

  const cidrValid = isValidCidrIp(cidr.trim());
  const cidrError = cidrTouched && !cidrValid ? t('vnc.cidrInvalid') : undefined;
  const onStart = async (e: FormEvent) => {
    e.preventDefault();
    setCidrTouched(true);
    if (anyBusy || !cidrValid) return;
    setAnnouncement('');
    stop.reset();
    const cidrIp = cidr.trim();
    const result = await start.run({ clusterId, cidrIp });
    if (result?.ok) {
      setAnnouncement(t('vnc.started', { name, cidr: cidrIp }));
      onPrefsChanged();
      void checkStatus({ clusterId });
      onVncChanged();
    }
  };

  return (
    <div className="stack">
      <section className="card" aria-labelledby="vnc-status-title">
        <div className="card-head">
          <h2 id="vnc-status-title" className="card-title">
            {t('vnc.status')}
          </h2>
          <button
            type="button"
            className="btn btn-ghost btn-icon"
            aria-label={t('vnc.refresh')}
            aria-disabled={checking || undefined}
            onClick={() => !checking && void checkStatus({ clusterId })}
          >
            {checking ? <Spinner /> : <RefreshIcon />}
          </button>
        </div>
        <div className="vnc-state" aria-live="polite" aria-busy={checking}>
          <VncBadge vnc={vnc} />
          <span className="muted small">
            {checking && !status.value
              ? t('vnc.checking')
              : status.value && t('vnc.checkedAt', { time: time(status.value.checkedAt) })}
          </span>
        </div>
        {status.value?.message && (
          <p className="service-message selectable">{status.value.message}</p>
        )}
        {status.error && (
          <ErrorNotice error={status.error} onRetry={() => void checkStatus({ clusterId })} />
        )}
      </section>

      <div className="primary-action">
        <button
          type="button"
          // Stop stays the primary action; it steps back only once VNC is known to be stopped.
          className={`btn btn-large btn-block ${vnc === 'stopped' ? 'btn-danger-ghost' : 'btn-danger'}`}
          aria-disabled={anyBusy || undefined}
          aria-describedby="stop-hint"
          onClick={onStop}
        >
          {stopping && <Spinner />}
          {stopping ? t('vnc.stopping') : t('vnc.stop')}
        </button>
        <p id="stop-hint" className="field-hint center">
          {cidrValid ? t('vnc.stopHint', { cidr: cidr.trim() }) : t('vnc.stopHintNoCidr')}
        </p>
        {stopNeedsCidr && !cidrValid && (
          <p className="field-error center" role="alert">
            {t('vnc.stopNeedsCidr')}
          </p>
        )}
        {stop.error && !stopOwed && <ErrorNotice error={stop.error} onRetry={onStop} />}
        {stopOwed && (
          <div className="notice notice-warn">
            <div className="notice-body">
              <p className="notice-title">{t('vnc.pendingStop')}</p>
              {stop.error && (
                <p className="small">
                  {t('error.code')} <code>{stop.error.code}</code>
                </p>
              )}
              <div className="inline-actions">
                <button
                  type="button"
                  className="btn btn-secondary btn-small"
                  aria-disabled={retryPending.pending || undefined}
                  onClick={() => !retryPending.pending && void retryPending.run({})}
                >
                  {retryPending.pending && <Spinner />}
                  {t('vnc.pendingRetry')}
                </button>
                <button
                  type="button"
                  className="btn btn-link"
                  onClick={() => void dismissPending.run({ clusterId })}
                >
                  {t('vnc.pendingDismiss')}
                </button>
              </div>
            </div>
          </div>
        )}
        {retryPending.error && <ErrorNotice error={retryPending.error} />}
        {dismissPending.error && <ErrorNotice error={dismissPending.error} />}
      </div>

      <div role="status" className={announcement ? 'notice notice-success' : 'sr-only'}>
        {announcement}
      </div>

      <ReachList exposure={props.exposure} checking={props.exposureChecking} />

      <ConnectCard
        clusterId={clusterId}
        regionId={props.cluster?.regionId ?? props.exposure?.regionId}
        name={name}
        cidr={cidr}
        busy={anyBusy}
        onConnected={() => {
          onPrefsChanged();
          void checkStatus({ clusterId });
        }}
      />

      <form className="card stack-tight" onSubmit={onStart} noValidate aria-label={t('vnc.start')}>
        <AddressField
          id={cidrFieldId}
          clusterId={clusterId}
          prefs={prefs}
          value={cidr}
          error={cidrError}
          onChange={setCidr}
          onBlur={() => cidr && setCidrTouched(true)}
        />
        <button
          type="submit"
          className="btn btn-secondary btn-block"
          aria-disabled={anyBusy || undefined}
        >
          {starting && <Spinner />}
          {starting ? t('vnc.starting') : t('vnc.start')}
        </button>
        {start.error && <ErrorNotice error={start.error} />}
      </form>
    </div>
  );
}
