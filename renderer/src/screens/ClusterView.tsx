import { useState } from 'react';
import type {
  AppState,
  ClusterExposure,
  ClusterSummary,
  Preferences,
} from '../../../preload/shared/contract';
import { ClusterState } from '../components/VncBadge';
import { Tabs } from '../components/Tabs';
import { useI18n } from '../i18n/i18n';
import { PasswordPanel } from './PasswordPanel';
import { VncPanel } from './VncPanel';

type Tab = 'vnc' | 'password';

interface ClusterViewProps {
  clusterId: string;
  cluster?: ClusterSummary;
  prefs: Preferences;
  appState: AppState;
  onPrefsChanged: () => void;
  exposure?: ClusterExposure;
  exposureChecking: boolean;
  onVncChanged: () => void;
}

/** One cluster: its identity on top, then the VNC service and the VNC password as two tabs. */
export function ClusterView(props: ClusterViewProps) {
  const { t } = useI18n();
  const [tab, setTab] = useState<Tab>('vnc');
  const { cluster, clusterId } = props;
  return (
    <main className="screen" aria-labelledby="cluster-title">
      <div className="cluster-head">
        <div className="row-text">
          <h1 id="cluster-title" className="title title-small" tabIndex={-1} data-autofocus>
            {cluster?.name || clusterId}
          </h1>
          <p className="row-sub selectable">{clusterId}</p>
        </div>
        {cluster && <ClusterState status={cluster.status} />}
      </div>
      <Tabs
        label={t('cluster.tabs')}
        tabs={[
          { key: 'vnc', label: t('cluster.tab.vnc') },
          { key: 'password', label: t('cluster.tab.password') },
        ]}
        selected={tab}
        onSelect={setTab}
      >
        <div className="scroll scroll-padded">
          {tab === 'vnc' ? (
            <VncPanel key={clusterId} {...props} />
          ) : (
            <PasswordPanel key={clusterId} {...props} />
          )}
        </div>
      </Tabs>
    </main>
  );
}
