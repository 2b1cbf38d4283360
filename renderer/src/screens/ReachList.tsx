// Who can reach this cluster's VNC: the CIDRs of the security group's rules for TCP 12016, wide
// ones marked, and the one this app opened; "unknown" (with the RAM action to add) when the
// group could not be read.
import type { ClusterExposure } from '../../../preload/shared/contract';
import { Spinner } from '../components/Spinner';
import { useI18n } from '../i18n/i18n';

interface ReachListProps {
  exposure?: ClusterExposure;
  checking: boolean;
}

export function ReachList({ exposure, checking }: ReachListProps) {
  const { t } = useI18n();
  return (
    <section className="card" aria-labelledby="reach-title">
      <h2 id="reach-title" className="card-title">
        {t('reach.title')}
      </h2>
      <ReachBody exposure={exposure} checking={checking} />
    </section>
  );
}

function ReachBody({ exposure, checking }: ReachListProps) {
  const { t } = useI18n();
  if (!exposure) {
    return (
      <p className="muted small" role="status">
        {checking ? (
          <>
            <Spinner /> {t('reach.checking')}
          </>
        ) : (
          t('reach.notChecked')
        )}
      </p>
    );
  }
  if (exposure.reachableFrom === null) {
    const action = exposure.reachUnknown?.ramAction;
    return (
      <div className="reach-unknown">
        <p className="small">{t('reach.unknown')}</p>
        {action && (
          <p className="small muted">
            {renderRamAction(t('reach.ramAction', { action: '\u0000' }), action)}
          </p>
        )}
      </div>
    );
  }
  if (exposure.reachableFrom.length === 0) {
    return <p className="muted small">{t('reach.none')}</p>;
  }
  return (
    <ul className="reach-list" aria-label={t('reach.title')}>
      {exposure.reachableFrom.map((r) => (
        <li key={r.cidr} className="reach-row">
          <code className="selectable">{r.cidr}</code>
          {r.wide && <span className="badge badge-wide">{t('reach.wide')}</span>}
          {r.byThisApp && <span className="reach-mine small muted">{t('reach.byThisApp')}</span>}
        </li>
      ))}
    </ul>
  );
}

/** The RAM action as code inside the sentence (the placeholder marks where it goes). */
function renderRamAction(sentence: string, action: string) {
  const [before = '', after = ''] = sentence.split('\u0000');
  return (
    <>
      {before}
      <code className="selectable">{action}</code>
      {after}
    </>
  );
}
