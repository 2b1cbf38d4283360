// VNC's state and the cluster's state never share a word or a style: VNC is a pill that says
// "VNC open" / "VNC closed"; the cluster's state is plain, secondary text ("Cluster: running").
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';

export type VncShown = 'running' | 'stopped' | 'unknown' | 'stopping' | 'starting';

const STYLE: Record<VncShown, string> = {
  running: 'badge-vnc-open',
  stopped: 'badge-vnc-closed',
  unknown: 'badge-vnc-unknown',
  stopping: 'badge-stopping',
  starting: 'badge-starting',
};

export function VncBadge({ vnc }: { vnc: VncShown }) {
  const { t } = useI18n();
  return <span className={`badge ${STYLE[vnc]}`}>{t(`vncBadge.${vnc}` as MessageKey)}</span>;
}

const KNOWN_CLUSTER_STATES = new Set([
  'running',
  'stopped',
  'unknown',
  'creating',
  'init',
  'uninit',
  'exception',
  'releasing',
  'stopping',
  'starting',
]);

/** The cluster's own state, secondary: unknown states show E-HPC's own word. */
export function ClusterState({ status }: { status: string }) {
  const { t } = useI18n();
  const s = status.toLowerCase();
  const label = KNOWN_CLUSTER_STATES.has(s) ? t(`clusterState.${s}` as MessageKey) : status;
  return <span className="cluster-state">{t('clusterState.label', { state: label })}</span>;
}
