// Region, search and the list of every cluster. Rendering is capped (PAGE rows, then "show
// more"), so a thousand clusters cost a thousand string matches, not a thousand DOM rows; every
// row stays a real button in the tab order, which a windowed list would break.
import { useDeferredValue, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { ClusterSummary, Region } from '../../../preload/shared/contract';
import { ErrorNotice } from '../components/ErrorNotice';
import { StatusBadge } from '../components/StatusBadge';
import { Spinner } from '../components/Spinner';
import { ChevronIcon, RefreshIcon, SearchIcon } from '../components/icons';
import type { ClustersState } from '../hooks/use-clusters';
import { useI18n } from '../i18n/i18n';
import { regionLabel, withRegion } from '../regions';

const PAGE = 100;

interface ClusterPickerProps {
  regionId: string;
  regions: readonly Region[];
  regionsFallback: boolean;
  /** ListRegions has not answered yet: the built-in list is usable meanwhile. */
  regionsLoading: boolean;
  onRegionChange: (regionId: string) => void;
  clusters: ClustersState;
  onRefresh: () => void;
  onPick: (cluster: ClusterSummary) => void;
}

const isRunning = (c: ClusterSummary) => c.status.toLowerCase() === 'running';

/** Running clusters first (they are the ones that can be acted on), then by name. */
function sortClusters(list: readonly ClusterSummary[]): ClusterSummary[] {
  return [...list].sort(
    (a, b) => Number(isRunning(b)) - Number(isRunning(a)) || a.name.localeCompare(b.name),
  );
}

export function ClusterPicker(props: ClusterPickerProps) {
  const { t, time } = useI18n();
  const { clusters, regionId } = props;
  const [query, setQuery] = useState('');
  const [limit, setLimit] = useState(PAGE);
  const deferredQuery = useDeferredValue(query);
  const listRef = useRef<HTMLUListElement>(null);

  const sorted = useMemo(() => sortClusters(clusters.list?.clusters ?? []), [clusters.list]);
  const matches = useMemo(() => {
    const q = deferredQuery.trim().toLowerCase();
    if (!q) return sorted;
    return sorted.filter((c) => c.name.toLowerCase().includes(q) || c.id.toLowerCase().includes(q));
  }, [sorted, deferredQuery]);
  const shown = matches.slice(0, limit);
  const total = sorted.length;

  const focusRow = (index: number) => {
    const rows = listRef.current?.querySelectorAll<HTMLElement>('[data-row]');
    if (!rows || rows.length === 0) return;
    rows[Math.max(0, Math.min(rows.length - 1, index))]?.focus();
  };
  const onListKey = (e: KeyboardEvent<HTMLUListElement>) => {
    const rows = [...(listRef.current?.querySelectorAll<HTMLElement>('[data-row]') ?? [])];
    const at = rows.indexOf(document.activeElement as HTMLElement);
    const moves: Record<string, number> = {
      ArrowDown: at + 1,
      ArrowUp: at - 1,
      Home: 0,
      End: rows.length - 1,
    };
    const target = moves[e.key];
    if (target === undefined || at < 0) return;
    e.preventDefault();
    focusRow(target);
  };

  const status = clusters.list?.fetchedAt
    ? clusters.refreshing
      ? t('clusters.cached', { time: time(clusters.list.fetchedAt) })
      : t('clusters.updated', { time: time(clusters.list.fetchedAt) })
    : '';

  return (
    <main className="screen" aria-labelledby="clusters-title">
      <h1 id="clusters-title" className="sr-only">
        {t('clusters.list')}
      </h1>
      <div className="toolbar">
        <label className="sr-only" htmlFor="region-select">
          {t('clusters.region')}
        </label>
        <select
          id="region-select"
          className="input select select-compact"
          aria-busy={props.regionsLoading || undefined}
          value={regionId}
          onChange={(e) => {
            setLimit(PAGE);
            props.onRegionChange(e.target.value);
          }}
        >
          {withRegion(props.regions, regionId).map((r) => (
            <option key={r.regionId} value={r.regionId}>
              {regionLabel(r)}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="btn btn-ghost btn-icon"
          aria-label={t('clusters.refresh')}
          aria-disabled={clusters.refreshing || undefined}
          onClick={() => !clusters.refreshing && props.onRefresh()}
        >
          {clusters.refreshing ? <Spinner /> : <RefreshIcon />}
        </button>
      </div>
      {props.regionsLoading && (
        <p className="note note-inline" role="status">
          <Spinner /> {t('clusters.regionsLoading')}
        </p>
      )}
      {props.regionsFallback && <p className="note note-inline">{t('clusters.regionsFallback')}</p>}
      <div className="search">
        <SearchIcon className="search-icon" />
        <input
          type="search"
          className="input search-input"
          aria-label={t('clusters.search')}
          aria-controls="cluster-list"
          data-autofocus
          placeholder={t('clusters.searchPlaceholder')}
          value={query}
          spellCheck={false}
          onChange={(e) => {
            setQuery(e.target.value);
            setLimit(PAGE);
          }}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown') {
              e.preventDefault();
              focusRow(0);
            }
          }}
        />
      </div>
      <div className="list-meta" aria-live="polite">
        <span>
          {total > 0 &&
            (matches.length === total
              ? t('clusters.countAll', { total })
              : t('clusters.count', { shown: matches.length, total }))}
        </span>
        <span className="muted">{status}</span>
      </div>
      {clusters.error && (
        <ErrorNotice className="inset" error={clusters.error} onRetry={props.onRefresh} />
      )}
      <div className="scroll">
        {!clusters.list && clusters.refreshing && (
          <p className="placeholder" role="status">
            <Spinner /> {t('common.loading')}
          </p>
        )}
        {clusters.list && total === 0 && (
          <div className="empty">
            <p className="empty-title">{t('clusters.empty', { region: regionId })}</p>
            <p className="muted">{t('clusters.emptyHint')}</p>
          </div>
        )}
        {total > 0 && matches.length === 0 && (
          <p className="placeholder">{t('clusters.noMatch', { q: query.trim() })}</p>
        )}
        {shown.length > 0 && (
          <ul
            id="cluster-list"
            ref={listRef}
            className="cluster-list"
            aria-label={t('clusters.list')}
            onKeyDown={onListKey}
          >
            {shown.map((c) => (
              <li key={c.id}>
                <ClusterRow cluster={c} onPick={props.onPick} />
              </li>
            ))}
          </ul>
        )}
        {matches.length > shown.length && (
          <button
            type="button"
            className="btn btn-secondary btn-block show-more"
            onClick={() => setLimit((l) => l + PAGE)}
          >
            {t('clusters.showMore', { n: Math.min(PAGE, matches.length - shown.length) })}
          </button>
        )}
      </div>
    </main>
  );
}

function ClusterRow({
  cluster,
  onPick,
}: {
  cluster: ClusterSummary;
  onPick: (c: ClusterSummary) => void;
}) {
  const { t } = useI18n();
  const body = (
    <>
      <span className="row-text">
        <span className="row-title">{cluster.name || cluster.id}</span>
        <span className="row-sub">{cluster.id}</span>
      </span>
      <StatusBadge status={cluster.status} />
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
