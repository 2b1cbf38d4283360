// The popover: a header, then one screen — connect an account, pick a cluster, act on a cluster,
// or settings. Session and preferences live here; each screen owns its own calls.
import { useCallback, useEffect, useState } from 'react';
import type {
  AppErrorInfo,
  ClusterSummary,
  Preferences,
  SessionInfo,
} from '../../preload/shared/contract';
import { call } from './bridge';
import { ErrorNotice } from './components/ErrorNotice';
import { Spinner } from './components/Spinner';
import { BackIcon, GearIcon } from './components/icons';
import { useAppState } from './hooks/use-app-state';
import { useClusters } from './hooks/use-clusters';
import { exposureOf, useExposure } from './hooks/use-exposure';
import { useRegions } from './hooks/use-regions';
import { I18nProvider, resolveLocale, useI18n } from './i18n/i18n';
import { ClusterPicker } from './screens/ClusterPicker';
import { ClusterView } from './screens/ClusterView';
import { LeavingScreen } from './screens/LeavingScreen';
import { SettingsScreen } from './screens/SettingsScreen';
import { SignInScreen } from './screens/SignInScreen';

type View =
  | { name: 'clusters' }
  | { name: 'cluster'; clusterId: string }
  | { name: 'settings'; returning?: boolean }
  | { name: 'leaving' };

interface Boot {
  session?: SessionInfo;
  prefs?: Preferences;
  error?: AppErrorInfo;
  /** After a switch of profile, the window starts again in settings, where the user was. */
  startInSettings?: boolean;
}

export function App() {
  const [boot, setBoot] = useState<Boot>({});
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    void Promise.all([call('getSession', {}), call('getPreferences', {})]).then(
      ([session, prefs]) =>
        setBoot(
          !session.ok
            ? { error: session.error }
            : !prefs.ok
              ? { error: prefs.error }
              : { session: session.value, prefs: prefs.value },
        ),
    );
  }, [attempt]);
  // Main cleared the selected and recent clusters (the previous account's): read them again
  // before the new profile's window starts.
  const onProfileChanged = async (session: SessionInfo) => {
    const prefs = await call('getPreferences', {});
    setBoot((b) => ({
      ...b,
      session,
      ...(prefs.ok ? { prefs: prefs.value } : {}),
      startInSettings: true,
    }));
  };
  const retry = () => {
    setBoot({});
    setAttempt((n) => n + 1);
  };

  const locale = resolveLocale(boot.prefs?.language ?? 'system');
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  return (
    <I18nProvider locale={locale}>
      {boot.session && boot.prefs ? (
        <Shell
          // Another profile is another account: every list and check starts again.
          key={boot.session.profile}
          session={boot.session}
          prefs={boot.prefs}
          startInSettings={boot.startInSettings}
          onSession={(session) => setBoot((b) => ({ ...b, session }))}
          onPrefs={(prefs) => setBoot((b) => ({ ...b, prefs }))}
          onProfileChanged={(session) => void onProfileChanged(session)}
        />
      ) : (
        <Splash error={boot.error} onRetry={retry} />
      )}
    </I18nProvider>
  );
}

function Splash({ error, onRetry }: { error?: AppErrorInfo; onRetry: () => void }) {
  const { t } = useI18n();
  return (
    <div className="app">
      <Header />
      <main className="screen screen-padded center-content" aria-busy={!error}>
        {error ? (
          <ErrorNotice error={error} onRetry={onRetry} />
        ) : (
          <p className="placeholder" role="status">
            <Spinner /> {t('common.loading')}
          </p>
        )}
      </main>
    </div>
  );
}

interface ShellProps {
  session: SessionInfo;
  prefs: Preferences;
  startInSettings?: boolean;
  onSession: (s: SessionInfo) => void;
  onPrefs: (p: Preferences) => void;
  onProfileChanged: (s: SessionInfo) => void;
}

function Shell(props: ShellProps) {
  const { session, prefs, startInSettings, onSession, onPrefs, onProfileChanged } = props;
  const [view, setView] = useState<View>(() =>
    startInSettings
      ? { name: 'settings' }
      : prefs.selectedClusterId
        ? { name: 'cluster', clusterId: prefs.selectedClusterId }
        : { name: 'clusters' },
  );
  const { t } = useI18n();
  const appState = useAppState();
  const regionId = prefs.regionId || session.regionId;
  const clusters = useClusters(session.signedIn ? regionId : undefined);
  const regions = useRegions(session.signedIn);
  const exposure = useExposure(session.signedIn);
  const [allRegions, setAllRegions] = useState(false);

  // Keyboard users land on each screen's natural start (the search field, the cluster's name),
  // never on <body>: the popover opens ready to type.
  useEffect(() => {
    document.querySelector<HTMLElement>('main [data-autofocus]')?.focus();
  }, [view, session.signedIn]);
  const go = (next: View) => setView(next);

  const reloadPrefs = useCallback(async () => {
    const r = await call('getPreferences', {});
    if (r.ok) onPrefs(r.value);
  }, [onPrefs]);

  if (!session.signedIn) {
    return (
      <div className="app">
        <Header devEndpoint={session.endpointOverride} />
        <SignInScreen
          session={session}
          replacing={false}
          onProfileSwitched={onProfileChanged}
          onSignedIn={(s) => {
            onSession(s);
            void reloadPrefs();
            go({ name: 'clusters' });
          }}
        />
      </div>
    );
  }

  const onRegionChange = async (next: string) => {
    const r = await call('setPreferences', { regionId: next });
    if (r.ok) onPrefs(r.value);
  };
  // From "All regions" a cluster may be in another region: its region becomes the current one
  // first, as every cluster operation acts in the current region.
  const onPick = async (c: ClusterSummary) => {
    if (c.regionId && c.regionId !== regionId) await onRegionChange(c.regionId);
    go({ name: 'cluster', clusterId: c.id });
    const r = await call('selectCluster', { clusterId: c.id });
    if (r.ok) onPrefs(r.value);
  };
  const clusterOf = (id: string) => clusters.list?.clusters.find((c) => c.id === id);
  const nameOf = (id: string) => clusterOf(id)?.name || id;
  // "Leaving safely" is a page of Settings: back leads there, and the gear is not shown.
  const inSettings = view.name === 'settings' || view.name === 'leaving';

  return (
    <div className="app">
      <Header
        devEndpoint={session.endpointOverride}
        onBack={
          view.name === 'clusters'
            ? undefined
            : view.name === 'leaving'
              ? () => go({ name: 'settings', returning: true })
              : () => go({ name: 'clusters' })
        }
        backLabel={view.name === 'leaving' ? t('nav.backToSettings') : t('nav.back')}
        onSettings={inSettings ? undefined : () => go({ name: 'settings' })}
      />
      {view.name === 'clusters' && (
        <ClusterPicker
          regionId={regionId}
          regions={regions.regions}
          regionsFallback={regions.fallback}
          regionsLoading={regions.loading}
          onRegionChange={onRegionChange}
          clusters={clusters}
          onRefresh={clusters.refresh}
          exposure={exposure}
          allRegions={allRegions}
          onAllRegions={setAllRegions}
          onPick={(c) => void onPick(c)}
        />
      )}
      {view.name === 'cluster' && (
        <ClusterView
          clusterId={view.clusterId}
          cluster={clusterOf(view.clusterId)}
          prefs={prefs}
          appState={appState}
          onPrefsChanged={reloadPrefs}
          exposure={exposureOf(exposure.snapshot, view.clusterId)}
          exposureChecking={exposure.refreshing}
          onVncChanged={() => void exposure.refresh()}
        />
      )}
      {view.name === 'settings' && (
        <SettingsScreen
          session={session}
          prefs={prefs}
          onSession={onSession}
          onPrefs={onPrefs}
          appState={appState}
          onOpenLeaving={() => go({ name: 'leaving' })}
          returning={view.returning}
          regions={regions}
          exposureRegions={exposure.snapshot?.regions}
          onWatchChanged={() => void exposure.refresh()}
          onProfileChanged={onProfileChanged}
        />
      )}
      {view.name === 'leaving' && (
        <LeavingScreen
          appState={appState}
          regionId={regionId}
          selectedClusterId={prefs.selectedClusterId}
          nameOf={nameOf}
        />
      )}
    </div>
  );
}

interface HeaderProps {
  /** The host of a developer endpoint in use (see main/shell/dev-endpoint.ts): a badge says so. */
  devEndpoint?: string;
  onBack?: () => void;
  backLabel?: string;
  onSettings?: () => void;
}

function Header({ devEndpoint, onBack, backLabel, onSettings }: HeaderProps) {
  const { t } = useI18n();
  return (
    <header className="header">
      {onBack ? (
        <button
          type="button"
          className="btn btn-ghost btn-icon"
          aria-label={backLabel ?? t('nav.back')}
          onClick={onBack}
        >
          <BackIcon />
        </button>
      ) : (
        <span className="header-logo" aria-hidden="true" />
      )}
      <span className="header-title">{t('app.title')}</span>
      {devEndpoint && (
        <span
          className="badge badge-dev-endpoint"
          data-testid="dev-endpoint"
          title={t('dev.endpointHint', { host: devEndpoint })}
        >
          {t('dev.endpoint', { host: devEndpoint })}
        </span>
      )}
      {onSettings && (
        <button
          type="button"
          className="btn btn-ghost btn-icon"
          aria-label={t('nav.settings')}
          onClick={onSettings}
        >
          <GearIcon />
        </button>
      )}
    </header>
  );
}
