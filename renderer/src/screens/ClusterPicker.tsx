// Region, search and the list of every cluster. Rendering is capped (PAGE rows, then "show
// more"), so a thousand clusters cost a thousand string matches, not a thousand DOM rows; every
// row stays a real button in the tab order, which a windowed list would break.
import { useDeferredValue, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { ClusterSummary, Region } from '../../../preload/shared/contract';
import { ErrorNotice } from '../components/ErrorNotice';
import { Spinner } from '../components/Spinner';
import { RefreshIcon, SearchIcon } from '../components/icons';
import type { ClustersState } from '../hooks/use-clusters';
import type { ExposureState } from '../hooks/use-exposure';
import { useI18n } from '../i18n/i18n';
import { regionLabel, withRegion } from '../regions';
import { allRegionRows, ClusterRow, regionRows, sortRows } from './ClusterRow';
import { WideExposureBanner } from './WideExposureBanner';

const PAGE = 100;
/** The region select's value for "All regions" (never a region ID). */
export const ALL_REGIONS = '*';

interface ClusterPickerProps {
  regionId: string;
  regions: readonly Region[];
  regionsFallback: boolean;
  /** ListRegions has not answered yet: the built-in list is usable meanwhile. */
  regionsLoading: boolean;
  onRegionChange: (regionId: string) => void;
  clusters: ClustersState;
  /** VNC's state and who can reach it, across regions: badges, banner, "All regions". */
  exposure: ExposureState;
  allRegions: boolean;
  onAllRegions: (all: boolean) => void;
  onRefresh: () => void;
  onPick: (cluster: ClusterSummary) => void;
}

export function ClusterPicker(props: ClusterPickerProps) {
  const { t, time } = useI18n();
  const { clusters, regionId, exposure, allRegions } = props;
  const [query, setQuery] = useState('');
  const [limit, setLimit] = useState(PAGE);
  const deferredQuery = useDeferredValue(query);
  const listRef = useRef<HTMLUListElement>(null);

  const sorted = useMemo(
    () =>
      sortRows(
        allRegions
          ? allRegionRows(exposure.snapshot)
          : regionRows(clusters.list?.clusters ?? [], exposure.snapshot),
      ),
    [allRegions, clusters.list, exposure.snapshot],
  );
  const matches = useMemo(() => {
    const q = deferredQuery.trim().toLowerCase();
    if (!q) return sorted;
    return sorted.filter(
      ({ cluster: c }) => c.name.toLowerCase().includes(q) || c.id.toLowerCase().includes(q),
    );
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

  const source = allRegions
    ? {
        refreshing: exposure.refreshing,
        error: exposure.error,
        loaded: exposure.snapshot !== undefined,
        fetchedAt: exposure.snapshot?.checkedAt,
        refresh: () => void exposure.refresh(),
      }
    : {
        refreshing: clusters.refreshing,
        error: clusters.error,
        loaded: clusters.list !== undefined,
        fetchedAt: clusters.list?.fetchedAt,
        refresh: props.onRefresh,
      };
  const status = source.fetchedAt
    ? source.refreshing
      ? t('clusters.cached', { time: time(source.fetchedAt) })
      : t('clusters.updated', { time: time(source.fetchedAt) })
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
          value={allRegions ? ALL_REGIONS : regionId}
          onChange={(e) => {
            setLimit(PAGE);
            const all = e.target.value === ALL_REGIONS;
            props.onAllRegions(all);
            if (!all) props.onRegionChange(e.target.value);
          }}
        >
          <option value={ALL_REGIONS}>{t('clusters.allRegions')}</option>
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
          aria-disabled={source.refreshing || undefined}
          onClick={() => !source.refreshing && source.refresh()}
        >
          {source.refreshing ? <Spinner /> : <RefreshIcon />}
        </button>
      </div>
      {props.regionsLoading && (
        <p className="note note-inline" role="status">
          <Spinner /> {t('clusters.regionsLoading')}
        </p>
      )}
      {props.regionsFallback && <p className="note note-inline">{t('clusters.regionsFallback')}</p>}
      <WideExposureBanner snapshot={exposure.snapshot} onStopped={exposure.refresh} />
      {allRegions &&
        exposure.snapshot?.failedRegions.map((f) => (
          <p key={f.regionId} className="note note-inline">
            {t('clusters.failedRegion', { region: f.regionId })}
          </p>
        ))}
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
      {source.error && (
        <ErrorNotice className="inset" error={source.error} onRetry={source.refresh} />
      )}
      <div className="scroll">
        {!source.loaded && source.refreshing && (
          <p className="placeholder" role="status">
            <Spinner /> {allRegions ? t('clusters.allRegionsChecking') : t('common.loading')}
          </p>
        )}
        {source.loaded && total === 0 && (
          <div className="empty">
            <p className="empty-title">
              {allRegions
                ? t('clusters.allRegionsEmpty')
                : t('clusters.empty', { region: regionId })}
            </p>
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
            {shown.map((row) => (
              <li key={row.cluster.id}>
                <ClusterRow row={row} showRegion={allRegions} onPick={props.onPick} />
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
