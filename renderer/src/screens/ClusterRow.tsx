// One row of the cluster picker: name and ID, the cluster's state (secondary, plain text) and
// VNC's state as the one badge. Only running clusters are buttons; the rest explain why not.
import type {
  ClusterExposure,
  ClusterSummary,
  ExposureSnapshot,
} from '../../../preload/shared/contract';
import { ClusterState, VncBadge } from '../components/VncBadge';
import { ChevronIcon } from '../components/icons';
import { useI18n } from '../i18n/i18n';

export interface PickerRow {
  cluster: ClusterSummary;
  /** VNC's state from the last exposure check (absent: not checked yet). */
  vnc?: ClusterExposure['vnc'];
}

export const isRunning = (c: ClusterSummary) => c.status.toLowerCase() === 'running';

/** Open VNC first (it is what needs a look), then running clusters, then by name. */
export function sortRows(rows: readonly PickerRow[]): PickerRow[] {
  return [...rows].sort(
    (a, b) =>
      Number(b.vnc === 'running') - Number(a.vnc === 'running') ||
      Number(isRunning(b.cluster)) - Number(isRunning(a.cluster)) ||
      a.cluster.name.localeCompare(b.cluster.name),
  );
}

/** The rows of one region's list, with VNC's state where the exposure check knows it. */
export function regionRows(
  clusters: readonly ClusterSummary[],
  snapshot: ExposureSnapshot | undefined,
): PickerRow[] {
  const vnc = new Map(snapshot?.clusters.map((c) => [c.clusterId, c.vnc]));
  return clusters.map((cluster) => ({ cluster, vnc: vnc.get(cluster.id) }));
}

/** Every cluster of every region in use, from the exposure check. */
export function allRegionRows(snapshot: ExposureSnapshot | undefined): PickerRow[] {
  return (snapshot?.clusters ?? []).map((c) => ({
    cluster: { id: c.clusterId, name: c.name, status: c.clusterStatus, regionId: c.regionId },
    vnc: c.vnc,
  }));
}

interface ClusterRowProps {
  row: PickerRow;
  showRegion: boolean;
  onPick: (c: ClusterSummary) => void;
}

export function ClusterRow({ row, showRegion, onPick }: ClusterRowProps) {
  const { t } = useI18n();
  const { cluster } = row;
  const body = (
    <>
      <span className="row-text">
        <span className="row-title">{cluster.name || cluster.id}</span>
        <span className="row-sub">
          {cluster.id}
          {showRegion && ` · ${cluster.regionId}`}
        </span>
        <ClusterState status={cluster.status} />
      </span>
      <VncBadge vnc={row.vnc ?? 'unknown'} />
    </>
  );
  if (!isRunning(cluster)) {
    return (
      <div className="row row-inert" title={t('clusters.notRunning')}>
        {body}
      </div>
    );
  }
  return (
    <button type="button" className="row" data-row onClick={() => onPick(cluster)}>
      {body}
      <ChevronIcon className="row-chevron" />
    </button>
  );
}
