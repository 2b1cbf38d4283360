// The warning that matters most: some VNC can be reached from a wide CIDR (0.0.0.0/0, ::/0, or
// an IPv4 range larger than /16). One click closes it: stopVnc for the one cluster, or stop-all
// (every region in use) when there are several.
import { useState } from 'react';
import type { ExposureSnapshot } from '../../../preload/shared/contract';
import { stopAllCounts, stopAllSummary } from '../../../preload/shared/stop-all-summary';
import { ErrorNotice } from '../components/ErrorNotice';
import { Spinner } from '../components/Spinner';
import { useOperation } from '../hooks/use-operation';
import { useI18n } from '../i18n/i18n';

interface WideExposureBannerProps {
  snapshot?: ExposureSnapshot;
  /** Re-check after a stop, so the banner goes away on what E-HPC says, not on hope. */
  onStopped: () => Promise<void>;
}

export function WideExposureBanner({ snapshot, onStopped }: WideExposureBannerProps) {
  const { t, locale } = useI18n();
  const stopOne = useOperation('stopVnc');
  const stopAll = useOperation('stopAllVnc');
  // What the last stop did; `settled` false when some stop is only recorded as pending or failed.
  const [done, setDone] = useState('');
  const [settled, setSettled] = useState(true);
  const wide = (snapshot?.clusters ?? []).filter((c) => c.vnc === 'running' && c.wide);
  const pending = stopOne.pending || stopAll.pending;

  const [first] = wide;
  if (!first) {
    return done ? (
      <div role="status" className={`notice ${settled ? 'notice-success' : 'notice-warn'} inset`}>
        {done}
      </div>
    ) : null;
  }
  const name = first.name || first.clusterId;
  const widest = first.reachableFrom?.find((r) => r.wide)?.cidr ?? '0.0.0.0/0';

  const onStop = async () => {
    if (pending) return;
    setDone('');
    setSettled(true);
    if (wide.length === 1) {
      const r = await stopOne.run({ clusterId: first.clusterId, regionId: first.regionId });
      if (r?.ok) setDone(t('wide.stopped', { name }));
    } else {
      const r = await stopAll.run({});
      if (r?.ok) {
        // The tray's and the CLI's words: regions, already stopped, and what is left pending.
        const counts = stopAllCounts(r.value);
        setSettled(counts.pending === 0 && counts.failed === 0);
        setDone(stopAllSummary(counts, locale));
      }
    }
    await onStopped();
  };

  return (
    <section className="notice notice-warn inset wide-banner" aria-labelledby="wide-title">
      <div className="notice-body">
        <p id="wide-title" className="notice-title">
          {wide.length === 1
            ? t('wide.one', { name, region: first.regionId, cidr: widest })
            : t('wide.many', { n: wide.length })}
        </p>
        <div className="inline-actions">
          <button
            type="button"
            className="btn btn-danger btn-small"
            aria-disabled={pending || undefined}
            onClick={() => void onStop()}
          >
            {pending && <Spinner />}
            {wide.length === 1 ? t('wide.stopOne', { name }) : t('wide.stopAll')}
          </button>
        </div>
        {stopOne.error && <ErrorNotice error={stopOne.error} />}
        {stopAll.error && <ErrorNotice error={stopAll.error} />}
      </div>
    </section>
  );
}
