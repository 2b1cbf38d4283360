// "Leaving safely": the automatic stops (which clusters, which triggers), start at login, and
// the stops still owed. Stops still owed come first when there are any: they need a decision.
import { useEffect, useState } from 'react';
import type { AppState } from '../../../preload/shared/contract';
import { ErrorNotice } from '../components/ErrorNotice';
import { Spinner } from '../components/Spinner';
import { CheckIcon } from '../components/icons';
import { useAutoStop } from '../hooks/use-auto-stop';
import { usePendingStops } from '../hooks/use-pending-stops';
import { useI18n } from '../i18n/i18n';
import { AutoStopSettings } from './AutoStopSettings';
import { PendingStopsCard } from './PendingStopsCard';

/** How long "Saved" stays in view after a change is saved. */
const SAVED_VISIBLE_MS = 2500;

interface LeavingScreenProps {
  appState: AppState;
  regionId: string;
  selectedClusterId?: string;
  nameOf: (clusterId: string) => string;
}

export function LeavingScreen({
  appState,
  regionId,
  selectedClusterId,
  nameOf,
}: LeavingScreenProps) {
  const { t } = useI18n();
  const autoStop = useAutoStop();
  const pending = usePendingStops(appState);
  const saved = useSavedFlag(autoStop.savedCount);
  const owed = (pending.list?.length ?? 0) > 0;
  // One keyed element in either place, so moving it keeps its state (the last retry's report).
  const pendingCard = <PendingStopsCard key="pending" pending={pending} nameOf={nameOf} />;

  return (
    <main className="screen screen-padded screen-sticky-title" aria-labelledby="leaving-title">
      <div className="title-row">
        <h1 id="leaving-title" className="title title-small" tabIndex={-1} data-autofocus>
          {t('leaving.title')}
        </h1>
        <p role="status" className={`saved-flag ${saved ? '' : 'saved-flag-hidden'}`}>
          {saved && (
            <>
              <CheckIcon /> {t('leaving.saved')}
            </>
          )}
        </p>
      </div>
      <p className="setting-hint intro">{t('leaving.intro')}</p>
      {owed && pendingCard}
      {autoStop.info ? (
        <AutoStopSettings
          info={autoStop.info}
          save={autoStop.save}
          errors={autoStop.errors}
          regionId={regionId}
          selectedName={selectedClusterId && nameOf(selectedClusterId)}
        />
      ) : autoStop.loadError ? (
        <ErrorNotice error={autoStop.loadError} onRetry={autoStop.reload} />
      ) : (
        <p className="placeholder" role="status">
          <Spinner /> {t('common.loading')}
        </p>
      )}
      {!owed && pendingCard}
    </main>
  );
}

/** True for a moment after each confirmed save. */
function useSavedFlag(savedCount: number): boolean {
  const [seen, setSeen] = useState(savedCount);
  useEffect(() => {
    if (savedCount === seen) return;
    const timer = setTimeout(() => setSeen(savedCount), SAVED_VISIBLE_MS);
    return () => clearTimeout(timer);
  }, [savedCount, seen]);
  return savedCount !== seen;
}
