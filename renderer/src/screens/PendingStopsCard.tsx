// The stops E-HPC has not confirmed yet (the pending-stop journal): what, since when, how many
// tries and why the last one failed; retry them all now, or forget one. Retrying reports what
// became of each: stopped, given up (with the reason), or still pending.
import { useEffect, useRef, useState } from 'react';
import type { PendingRetryReport, PendingStopInfo } from '../../../preload/shared/contract';
import { ErrorNotice } from '../components/ErrorNotice';
import { Spinner } from '../components/Spinner';
import type { PendingStopsHandle } from '../hooks/use-pending-stops';
import { useOperation } from '../hooks/use-operation';
import { useI18n } from '../i18n/i18n';

interface PendingStopsCardProps {
  pending: PendingStopsHandle;
  /** A cluster's name when it is known (clusters of the current region), else its ID. */
  nameOf: (clusterId: string) => string;
}

export function PendingStopsCard({ pending, nameOf }: PendingStopsCardProps) {
  const { t } = useI18n();
  const retry = useOperation('retryPendingStops');
  const dismiss = useOperation('dismissPendingStop');
  const [report, setReport] = useState<PendingRetryReport>();
  const [forgotten, setForgotten] = useState('');
  const title = useRef<HTMLHeadingElement>(null);
  const list = pending.list ?? [];

  const onRetry = async () => {
    if (retry.pending) return;
    setReport(undefined);
    setForgotten('');
    const result = await retry.run({});
    if (result?.ok) setReport(result.value);
    await pending.refresh();
  };

  // When the last entry goes (retried, forgotten, or stopped from the tray), the control that
  // had focus may have gone with it: keep the keyboard user in the card, not on <body>.
  const owed = list.length > 0;
  const wasOwed = useRef(owed);
  useEffect(() => {
    const lost = document.activeElement === null || document.activeElement === document.body;
    if (wasOwed.current && !owed && lost) title.current?.focus();
    wasOwed.current = owed;
  }, [owed]);

  const onForget = async (stop: PendingStopInfo) => {
    setReport(undefined);
    const result = await dismiss.run({ clusterId: stop.clusterId });
    if (!result?.ok) return;
    pending.replace(result.value);
    setForgotten(t('pending.forgotten', { name: nameOf(stop.clusterId) }));
    // The button is gone with its entry: keep the keyboard user in the card.
    title.current?.focus();
  };

  return (
    <section className="card stack-tight" aria-labelledby="pending-title">
      <h2 id="pending-title" ref={title} tabIndex={-1} className="card-title">
        {t('pending.title')}
        {list.length > 0 && <span className="count">{list.length}</span>}
      </h2>
      {pending.error ? (
        <ErrorNotice error={pending.error} onRetry={() => void pending.refresh()} />
      ) : !pending.list ? (
        <p className="muted small" role="status">
          <Spinner /> {t('common.loading')}
        </p>
      ) : list.length === 0 ? (
        <p className="muted small">{t('pending.empty')}</p>
      ) : (
        <>
          <p className="setting-hint">{t('pending.intro')}</p>
          <ul className="pending-list">
            {list.map((stop) => (
              <PendingEntry
                key={stop.clusterId}
                stop={stop}
                name={nameOf(stop.clusterId)}
                onForget={() => void onForget(stop)}
              />
            ))}
          </ul>
          <div className="actions actions-start">
            <button
              type="button"
              className="btn btn-secondary btn-small"
              aria-disabled={retry.pending || undefined}
              onClick={() => void onRetry()}
            >
              {retry.pending && <Spinner />}
              {retry.pending ? t('pending.retrying') : t('pending.retry')}
            </button>
          </div>
        </>
      )}
      <div role="status" className={report || forgotten ? '' : 'sr-only'}>
        {report ? (
          <RetryReport report={report} nameOf={nameOf} />
        ) : (
          forgotten && <p className="notice notice-success">{forgotten}</p>
        )}
      </div>
      {retry.error && <ErrorNotice error={retry.error} />}
      {dismiss.error && <ErrorNotice error={dismiss.error} />}
    </section>
  );
}

function PendingEntry({
  stop,
  name,
  onForget,
}: {
  stop: PendingStopInfo;
  name: string;
  onForget: () => void;
}) {
  const { t, reason } = useI18n();
  const when = useWhen();
  const attempts =
    stop.attempts === 1
      ? t('pending.attemptsOne')
      : stop.attempts > 1
        ? t('pending.attemptsMany', { n: stop.attempts })
        : '';
  return (
    <li className="pending-item">
      <div className="pending-text">
        <p className="pending-name">
          {name}
          {name !== stop.clusterId && <span className="pending-id"> {stop.clusterId}</span>}
        </p>
        <p className="pending-meta">
          {t('pending.requested', { time: when(stop.requestedAt) })}
          {attempts && ` · ${attempts}`}
        </p>
        {stop.lastError && (
          <p className="pending-error">
            {t('pending.lastError', { reason: reason(stop.lastError) })}
          </p>
        )}
      </div>
      {stop.inFlight ? (
        <span className="badge badge-stopping">
          <Spinner className="spinner-small" />
          {t('pending.inFlight')}
        </span>
      ) : (
        <button
          type="button"
          className="btn btn-link btn-small"
          aria-label={t('pending.forgetLabel', { name })}
          onClick={onForget}
        >
          {t('pending.forget')}
        </button>
      )}
    </li>
  );
}

function RetryReport({
  report,
  nameOf,
}: {
  report: PendingRetryReport;
  nameOf: (clusterId: string) => string;
}) {
  const { t, errorText, reason } = useI18n();
  const { stopped, dropped, remaining } = report;
  if (stopped.length + dropped.length + remaining.length === 0) {
    return <p className="notice notice-success">{t('pending.report.nothing')}</p>;
  }
  const trouble = dropped.length + remaining.length > 0;
  return (
    <div className={`notice ${trouble ? 'notice-warn' : 'notice-success'}`}>
      <ul className="report">
        {stopped.length > 0 && (
          <li>
            {t('pending.report.stopped', {
              names: stopped.map((s) => nameOf(s.clusterId)).join(', '),
            })}
          </li>
        )}
        {dropped.map(({ stop, error }) => (
          <li key={stop.clusterId}>
            {t('pending.report.dropped', {
              name: nameOf(stop.clusterId),
              reason: errorText(error).message,
            })}{' '}
            <code>{error.code}</code>
          </li>
        ))}
        {remaining.map(({ stop, error }) => (
          <li key={stop.clusterId}>
            {t('pending.report.remaining', {
              name: nameOf(stop.clusterId),
              reason: reason(error.code),
            })}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Today's times as 14:05; older ones with their day (and year, when not this one). */
function useWhen(): (iso: string) => string {
  const { locale, time } = useI18n();
  return (iso) => {
    const d = new Date(iso);
    if (Number.isNaN(d.getTime())) return iso;
    const now = new Date();
    if (d.toDateString() === now.toDateString()) return time(iso);
    return new Intl.DateTimeFormat(locale, {
      ...(d.getFullYear() === now.getFullYear() ? {} : { year: 'numeric' }),
      month: 'short',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
    }).format(d);
  };
}
